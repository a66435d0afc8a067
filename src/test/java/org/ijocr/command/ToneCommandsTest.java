package org.ijocr.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.Undo;
import ij.WindowManager;
import ij.gui.Roi;
import ij.plugin.ContrastEnhancer;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.tone.Background;
import org.ijocr.core.tone.Contrast;
import org.ijocr.core.tone.ContrastMethod;
import org.ijocr.core.tone.FlattenParams;
import org.ijocr.core.tone.RangeFill;
import org.ijocr.ij1.CommandBridge;
import org.ijocr.ij1.CommandFailure;
import org.ijocr.testutil.Illumination;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;

/** The tone commands through the bridge: keys, choices, image types, stacks, selections, Undo. */
class ToneCommandsTest {

	/** A small lit page: ink 60, paper 200 under a gradient, 8-bit. */
	private static ByteProcessor litPage(final long seed) {
		final ArrayImg<UnsignedByteType, ByteArray> lit = Illumination.GRADIENT.apply(Pages.page(500, 360, 150, 1,
			seed), 60, 200, 1.5, seed);
		return new ByteProcessor(500, 360, Pages.pixels(lit));
	}

	private static ArrayImg<UnsignedByteType, ByteArray> img(final ByteProcessor bp) {
		return ArrayImgs.unsignedBytes((byte[]) bp.getPixels(), bp.getWidth(), bp.getHeight());
	}

	@Test
	void choicesAreTheEnumLabels() {
		assertEquals(Arrays.asList(ContrastMethod.labels()), CommandBridge.params(AutoContrastCommand.class).get(0)
			.choices());
		assertEquals(Arrays.asList(RangeFill.labels()), CommandBridge.params(KeepIntensityRangeCommand.class).get(2)
			.choices());
		assertEquals(List.of("method", "saturated", "blocksize", "bins", "clip_limit", "per_channel"), CommandBridge
			.params(AutoContrastCommand.class).stream().map(CommandBridge.Param::key).toList());
		assertEquals(List.of("radius", "paper"), CommandBridge.params(FlattenBackgroundCommand.class).stream().map(
			CommandBridge.Param::key).toList());
		assertEquals(List.of("lower", "upper", "fill"), CommandBridge.params(KeepIntensityRangeCommand.class).stream()
			.map(CommandBridge.Param::key).toList());
	}

	@Test
	void stretchOnEveryStackSliceEqualsImageJ() {
		final ImageStack stack = new ImageStack(500, 360);
		for (int s = 0; s < 3; s++)
			stack.addSlice("s" + s, litPage(s + 1));
		final ImagePlus imp = new ImagePlus("stack", stack.duplicate());
		CommandBridge.execute(AutoContrastCommand.class, imp, "saturated=1");
		for (int s = 1; s <= 3; s++) {
			final ByteProcessor expected = (ByteProcessor) stack.getProcessor(s).duplicate();
			final ContrastEnhancer ce = new ContrastEnhancer();
			ce.setNormalize(true);
			ce.stretchHistogram(expected, 1);
			assertArrayEquals((byte[]) expected.getPixels(), (byte[]) imp.getStack().getProcessor(s).getPixels(),
				"slice " + s);
		}
	}

	@Test
	void claheAndFlattenEqualTheCore() {
		final ByteProcessor bp = litPage(4);
		final ImagePlus imp = new ImagePlus("t", bp.duplicate());
		CommandBridge.execute(AutoContrastCommand.class, imp, "method=CLAHE blocksize=64 bins=128 clip_limit=2.5");
		final byte[] expected = new byte[500 * 360];
		Contrast.clahe(64, 128, 2.5, (byte[]) bp.getPixels(), expected, 500, 360);
		assertArrayEquals(expected, (byte[]) imp.getProcessor().getPixels());

		final ImagePlus flat = new ImagePlus("f", bp.duplicate());
		CommandBridge.execute(FlattenBackgroundCommand.class, flat, "radius=12 paper=230");
		final ArrayImg<UnsignedByteType, ByteArray> out = ArrayImgs.unsignedBytes(500, 360);
		Background.flatten(new FlattenParams(12, 230), img(bp), out);
		assertArrayEquals(Pages.pixels(out), (byte[]) flat.getProcessor().getPixels());
	}

	@Test
	void flattenInsideASelectionOnly() {
		final ByteProcessor bp = litPage(5);
		final ImagePlus imp = new ImagePlus("sel", bp.duplicate());
		imp.setRoi(new Roi(100, 80, 200, 150));
		CommandBridge.execute(FlattenBackgroundCommand.class, imp, "");
		int changedInside = 0;
		for (int y = 0; y < 360; y++)
			for (int x = 0; x < 500; x++) {
				final boolean inside = x >= 100 && x < 300 && y >= 80 && y < 230;
				if (!inside) assertEquals(bp.get(x, y), imp.getProcessor().get(x, y), "outside at " + x + "," + y);
				else if (bp.get(x, y) != imp.getProcessor().get(x, y)) changedInside++;
			}
		assertTrue(changedInside > 10000, changedInside + " pixels changed inside");
	}

	@Test
	void sixteenBitKeepsItsTypeAndSpansItsRange() {
		final ShortProcessor sp = (ShortProcessor) litPage(6).convertToShort(false);
		sp.multiply(20);
		final ImagePlus imp = new ImagePlus("16", sp);
		imp.setDisplayRange(0, 5000);
		CommandBridge.execute(AutoContrastCommand.class, imp, "saturated=0");
		assertEquals(16, imp.getBitDepth());
		final ij.process.ImageStatistics st = imp.getProcessor().getStats();
		assertEquals(0, st.min, 0);
		assertEquals(65535, st.max, 0);
		assertEquals(65535, imp.getDisplayRangeMax(), 0);
	}

	@Test
	void flattenKeepsTheTypeOfSixteenBitFloatAndRgbPages() {
		final ByteProcessor bp = litPage(10); // paper 200 × 0.4 on the left to × 1 on the right
		final ShortProcessor sp = (ShortProcessor) bp.convertToShort(false);
		sp.multiply(100);
		final ij.process.FloatProcessor fp = (ij.process.FloatProcessor) bp.convertToFloat();
		fp.multiply(1 / 255.0);
		for (final ij.process.ImageProcessor ip : List.of(bp, sp, fp, bp.convertToRGB())) {
			final ImagePlus imp = new ImagePlus("t", ip.duplicate());
			final double left = margin(imp.getProcessor(), 5), right = margin(imp.getProcessor(), 480);
			assertTrue(right > 2 * left, ip.getBitDepth() + "-bit: lit unevenly");
			CommandBridge.execute(FlattenBackgroundCommand.class, imp, "");
			assertEquals(ip.getBitDepth(), imp.getBitDepth());
			final double l = margin(imp.getProcessor(), 5), r = margin(imp.getProcessor(), 480);
			assertEquals(1, l / r, 0.03, ip.getBitDepth() + "-bit: paper " + l + " on the left, " + r + " on the right");
		}
	}

	/** Mean of a 15-pixel-wide strip of the page margin starting at column {@code x} (grey value, RGB as luminance). */
	private static double margin(final ij.process.ImageProcessor ip, final int x) {
		double s = 0;
		int n = 0;
		for (int y = 20; y < 340; y++)
			for (int i = x; i < x + 15; i++, n++)
				s += ip instanceof ColorProcessor ? ip.getPixelValue(i, y) : ip.getf(i, y);
		return s / n;
	}

	@Test
	void keepIntensityRangeOnSixteenBitUsesTheDisplayRange() {
		final ShortProcessor sp = new ShortProcessor(256, 1);
		for (int v = 0; v < 256; v++)
			sp.set(v, 2000 + 10 * v);
		final ImagePlus imp = new ImagePlus("16", sp);
		imp.setDisplayRange(2000, 2000 + 10 * 256);
		CommandBridge.execute(KeepIntensityRangeCommand.class, imp, "lower=100 upper=105");
		for (int v = 0; v < 256; v++)
			assertEquals(v >= 100 && v <= 105 ? 2000 + 10 * v : 2000 + 10 * 256, imp.getProcessor().get(v, 0), "level "
				+ v);
	}

	@Test
	void rgbByLuminanceOrPerChannel() {
		final ColorProcessor cp = new ColorProcessor(300, 200);
		final java.util.Random r = new java.util.Random(7);
		for (int i = 0; i < 300 * 200; i++)
			cp.set(i, (100 + r.nextInt(60)) << 16 | (90 + r.nextInt(40)) << 8 | 60 + r.nextInt(100));
		final ImagePlus lum = new ImagePlus("lum", cp.duplicate());
		CommandBridge.execute(AutoContrastCommand.class, lum, "");
		final int[] ours = ((int[]) cp.getPixels()).clone();
		Contrast.apply(org.ijocr.core.tone.ContrastParams.DEFAULT, ArrayImgs.argbs(ours, 300, 200), ArrayImgs.argbs(ours,
			300, 200));
		assertArrayEquals(ours, (int[]) lum.getProcessor().getPixels());
		// per channel: each channel spans the full range
		final ImagePlus per = new ImagePlus("per", cp.duplicate());
		CommandBridge.execute(AutoContrastCommand.class, per, "per_channel");
		final byte[][] ch = new byte[3][300 * 200];
		((ColorProcessor) per.getProcessor()).getRGB(ch[0], ch[1], ch[2]);
		for (final byte[] c : ch) {
			int lo = 255, hi = 0;
			for (final byte b : c) {
				lo = Math.min(lo, b & 0xff);
				hi = Math.max(hi, b & 0xff);
			}
			assertEquals(0, lo);
			assertEquals(255, hi);
		}
	}

	@Test
	void undoRestoresTheOriginal() {
		final ByteProcessor bp = litPage(8);
		final ImagePlus imp = new ImagePlus("undo", bp.duplicate());
		WindowManager.setTempCurrentImage(imp);
		try {
			CommandBridge.execute(KeepIntensityRangeCommand.class, imp, "fill=Paper");
			assertTrue(!Arrays.equals((byte[]) bp.getPixels(), (byte[]) imp.getProcessor().getPixels()));
			Undo.undo();
			assertArrayEquals((byte[]) bp.getPixels(), (byte[]) imp.getProcessor().getPixels());
		}
		finally {
			WindowManager.setTempCurrentImage(null);
			Undo.reset();
		}
	}

	@Test
	void badOptionsNameTheValue() {
		final ImagePlus imp = new ImagePlus("t", litPage(9));
		assertEquals("lower=120 is above upper=100", assertThrows(CommandFailure.class, () -> CommandBridge.execute(
			KeepIntensityRangeCommand.class, imp, "lower=120 upper=100")).getMessage());
		assertEquals("clip_limit=0.5 is out of range (1 to 1000)", assertThrows(CommandFailure.class,
			() -> CommandBridge.execute(AutoContrastCommand.class, imp, "method=CLAHE clip_limit=0.5")).getMessage());
		assertTrue(assertThrows(CommandFailure.class, () -> CommandBridge.execute(AutoContrastCommand.class, imp,
			"method=Equalize")).getMessage().startsWith("unknown method 'Equalize'"));
		assertEquals("radius=-3 is out of range (0 to 10000)", assertThrows(CommandFailure.class, () -> CommandBridge
			.execute(FlattenBackgroundCommand.class, imp, "radius=-3")).getMessage());
	}
}
