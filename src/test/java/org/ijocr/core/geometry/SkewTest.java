package org.ijocr.core.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.testutil.Pages;
import org.ijocr.testutil.SharedData;
import org.junit.jupiter.api.Test;

/** Skew: known rotations of rendered pages, Tesseract's phototest variants, pages without text. */
class SkewTest {

	/** The test angles in -15..15 degrees. */
	static final double[] ANGLES = { -15, -9.3, -3.7, -0.4, 0, 0.25, 2.2, 7.7, 14.9 };

	/** Largest error allowed by the issue. */
	static final double TOLERANCE = 0.1;

	private static ArrayImg<UnsignedByteType, ByteArray> rotated(final ArrayImg<UnsignedByteType, ByteArray> page,
		final double angle)
	{
		final ArrayImg<UnsignedByteType, ByteArray> r = ArrayImgs.unsignedBytes(page.dimensionsAsLongArray());
		Rotate.rotate(new RotateParams(angle, Interpolation.BILINEAR, 255), page, r);
		return r;
	}

	private static double maxError(final ArrayImg<UnsignedByteType, ByteArray> page, final boolean scanNoise) {
		double max = 0;
		for (final double a : ANGLES) {
			ArrayImg<UnsignedByteType, ByteArray> r = rotated(page, a);
			if (scanNoise) r = Pages.scanned(r, 6, 3);
			final Skew.Result res = Skew.estimate(SkewParams.DEFAULT, r);
			assertFalse(res.vertical(), "angle " + a);
			assertTrue(res.confidence() > 0.5, "angle " + a + " confidence " + res.confidence());
			max = Math.max(max, Math.abs(res.angle() - a));
		}
		return max;
	}

	@Test
	void a4At300DpiTwoColumns() {
		final double e = maxError(Pages.a4(), false);
		System.out.printf("skew max |error| A4 300 dpi: %.4f°%n", e);
		assertTrue(e <= TOLERANCE, "max error " + e);
	}

	@Test
	void a4At150DpiOneColumnScanned() {
		final double e = maxError(Pages.page(1240, 1754, 150, 1, 7), true);
		System.out.printf("skew max |error| A4 150 dpi with sensor noise: %.4f°%n", e);
		assertTrue(e <= TOLERANCE, "max error " + e);
	}

	/** ImageJ's own rotation as an independent reference for the sign and size of the angle. */
	@Test
	void pagesRotatedByImageJ() {
		final ArrayImg<UnsignedByteType, ByteArray> page = Pages.page(1240, 1754, 150, 2, 21);
		for (final double a : new double[] { -11.2, -2.2, 0.6, 5.5 }) {
			final ByteProcessor bp = new ByteProcessor(1240, 1754, Pages.pixels(page).clone());
			bp.setInterpolationMethod(ImageProcessor.BICUBIC);
			bp.setBackgroundValue(255);
			bp.rotate(a);
			final Skew.Result r = Skew.estimate(SkewParams.DEFAULT, (byte[]) bp.getPixels(), 1240, 1754);
			assertEquals(a, r.angle(), TOLERANCE, "ImageJ rotate " + a);
		}
	}

	/** A page turned by 90° plus a skew: the skew of its vertical lines is found. */
	@Test
	void quarterTurnedPageGetsItsResidualSkew() {
		final ArrayImg<UnsignedByteType, ByteArray> page = Pages.page(1240, 1754, 150, 1, 7);
		final ArrayImg<UnsignedByteType, ByteArray> turned = ArrayImgs.unsignedBytes(1754, 1240);
		Rotate.rotate(new RotateParams(93, Interpolation.BILINEAR, 255), page, turned);
		final Skew.Result r = Skew.estimate(SkewParams.DEFAULT, turned);
		assertTrue(r.vertical());
		assertEquals(3, r.angle(), TOLERANCE);
	}

	@Test
	void noTextNoRotation() {
		final byte[] blank = new byte[800 * 600];
		java.util.Arrays.fill(blank, (byte) 240);
		assertEquals(Skew.Result.NONE.angle(), Skew.estimate(SkewParams.DEFAULT, blank, 800, 600).angle());
		assertEquals(0, Skew.estimate(SkewParams.DEFAULT, blank, 800, 600).confidence());
		// sensor noise only, and scattered blots: no lines, no rotation
		final ArrayImg<UnsignedByteType, ByteArray> noisy = Pages.scanned(ArrayImgs.unsignedBytes(blank, 800, 600), 8,
			1);
		assertEquals(0, Skew.estimate(SkewParams.DEFAULT, noisy).angle());
		final byte[] blots = blank.clone();
		final Random rnd = new Random(5);
		for (int k = 0; k < 400; k++) {
			final int x = rnd.nextInt(790), y = rnd.nextInt(590), s = 3 + rnd.nextInt(7);
			for (int dy = 0; dy < s; dy++)
				for (int dx = 0; dx < s; dx++)
					if (y + dy < 600 && x + dx < 800) blots[(y + dy) * 800 + x + dx] = 0;
		}
		final Skew.Result r = Skew.estimate(SkewParams.DEFAULT, blots, 800, 600);
		assertEquals(0, r.angle(), "blots: " + r);
		assertTrue(r.confidence() < Skew.MIN_CONFIDENCE, "blots: " + r);
	}

	private static Skew.Result phototest(final String name) {
		final ImagePlus imp = IJ.openImage(SharedData.path("tesseract", name).toString());
		final ByteProcessor g = imp.getProcessor().convertToByteProcessor();
		return Skew.estimate(SkewParams.DEFAULT, (byte[]) g.getPixels(), g.getWidth(), g.getHeight());
	}

	/**
	 * Tesseract's phototest variants: the upright ones (phototest.tif, phototest_2.tif) and the one turned by 180°
	 * have horizontal lines and no skew; the ones turned by 90° (phototestrot.tif, -rotated-L/-R.png) have vertical
	 * lines and no skew: Deskew leaves them all alone (orientation is Tesseract's OSD job).
	 */
	@Test
	void phototestVariantsAreNotRotated() {
		for (final String name : new String[] { "phototest.tif", "phototest_2.tif", "phototest-rotated-180.png",
			"phototestrot.tif", "phototest-rotated-L.png", "phototest-rotated-R.png" })
		{
			final Skew.Result r = phototest(name);
			System.out.printf("skew %s: %.3f° confidence %.2f %s%n", name, r.angle(), r.confidence(), r.vertical()
				? "vertical" : "horizontal");
			assertEquals(0, r.angle(), TOLERANCE, name);
			assertEquals(name.contains("rot") && !name.contains("180"), r.vertical(), name);
			assertTrue(r.confidence() > 0.5, name + " confidence " + r.confidence());
		}
	}

	/** phototest.tif turned by known angles comes back upright. */
	@Test
	void rotatedPhototestIsFound() {
		final ImagePlus imp = IJ.openImage(SharedData.path("tesseract", "phototest.tif").toString());
		final ArrayImg<UnsignedByteType, ByteArray> page = ArrayImgs.unsignedBytes((byte[]) imp.getProcessor()
			.convertToByteProcessor().getPixels(), imp.getWidth(), imp.getHeight());
		for (final double a : new double[] { -12, -4.4, 1.3, 6.1, 13 }) {
			final Skew.Result r = Skew.estimate(SkewParams.DEFAULT, rotated(page, a));
			assertEquals(a, r.angle(), TOLERANCE, "phototest turned by " + a);
		}
	}

	@Test
	void badParametersAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> new SkewParams(0));
		assertThrows(IllegalArgumentException.class, () -> new SkewParams(50));
		assertThrows(IllegalArgumentException.class, () -> Skew.estimate(SkewParams.DEFAULT, new byte[10], 5, 5));
	}
}
