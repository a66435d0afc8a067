package org.ijocr.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.Undo;
import ij.WindowManager;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.plugin.filter.RankFilters;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import org.ijocr.core.threshold.BinarizeMethod;
import org.ijocr.core.threshold.BinarizeParams;
import org.ijocr.core.threshold.LocalParam;
import org.ijocr.core.threshold.LocalThresholds;
import org.ijocr.ij1.CommandBridge;
import org.ijocr.ij1.CommandFailure;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/** The filter commands through the bridge: image types, stacks, selections, Undo and bad options. */
class FilterCommandsTest {

	private static ByteProcessor random(final int w, final int h, final long seed) {
		final ByteProcessor bp = new ByteProcessor(w, h);
		final Random r = new Random(seed);
		final byte[] p = (byte[]) bp.getPixels();
		for (int i = 0; i < p.length; i++)
			p[i] = (byte) r.nextInt(256);
		return bp;
	}

	private static ImageProcessor ijMedian(final ImageProcessor ip, final double radius) {
		final ImageProcessor copy = ip.duplicate();
		new RankFilters().rank(copy, radius, RankFilters.MEDIAN);
		return copy;
	}

	@Test
	void medianEqualsImageJOnEveryStackSlice() {
		final ImageStack stack = new ImageStack(41, 29);
		for (int s = 0; s < 3; s++)
			stack.addSlice("s" + s, random(41, 29, s));
		final ImagePlus imp = new ImagePlus("stack", stack.duplicate());
		CommandBridge.execute(MedianCommand.class, imp, "radius=2");
		for (int s = 1; s <= 3; s++)
			assertArrayEquals((byte[]) ijMedian(stack.getProcessor(s), 2).getPixels(), (byte[]) imp.getStack()
				.getProcessor(s).getPixels(), "slice " + s);
	}

	@Test
	void medianKeepsTypeFor16BitFloatAndRgb() {
		final ShortProcessor sp = new ShortProcessor(23, 17);
		final FloatProcessor fp = new FloatProcessor(23, 17);
		final Random r = new Random(3);
		for (int i = 0; i < 23 * 17; i++) {
			sp.set(i, r.nextInt(65536));
			fp.setf(i, (float) r.nextGaussian());
		}
		final ColorProcessor cp = new ColorProcessor(23, 17);
		for (int i = 0; i < 23 * 17; i++)
			cp.set(i, r.nextInt(1 << 24));
		for (final ImageProcessor ip : List.of(sp, fp, cp)) {
			final ImagePlus imp = new ImagePlus("t", ip.duplicate());
			CommandBridge.execute(MedianCommand.class, imp, "radius=1");
			assertEquals(ip.getBitDepth(), imp.getBitDepth());
			final ImageProcessor expected = ijMedian(ip, 1);
			for (int i = 0; i < 23 * 17; i++) {
				if (ip instanceof ColorProcessor) assertEquals(expected.get(i) & 0xffffff, imp.getProcessor().get(i)
					& 0xffffff, "RGB @" + i); // ImageJ ignores the alpha byte
				else assertEquals(expected.getf(i), imp.getProcessor().getf(i), 0f, ip.getClass().getSimpleName() + " @" + i);
			}
		}
	}

	@Test
	void selectionLimitsTheChange() {
		final ByteProcessor bp = random(50, 40, 7);
		final ImagePlus imp = new ImagePlus("sel", bp.duplicate());
		final Roi oval = new OvalRoi(10, 8, 25, 20);
		imp.setRoi(oval);
		CommandBridge.execute(MedianCommand.class, imp, "radius=1");
		final ImageProcessor full = ijMedian(bp, 1);
		int inside = 0;
		for (int y = 0; y < 40; y++)
			for (int x = 0; x < 50; x++) {
				final int got = imp.getProcessor().get(x, y);
				if (oval.contains(x, y)) {
					inside++;
					assertEquals(full.get(x, y), got, "inside at " + x + "," + y); // with context from outside
				}
				else assertEquals(bp.get(x, y), got, "outside unchanged at " + x + "," + y);
			}
		assertTrue(inside > 300);
	}

	@Test
	void binarizeGivesEightBitInkZeroPaper255FromAnyType() {
		// a dark square (ink) on light paper, in four image types
		final ByteProcessor b = new ByteProcessor(30, 20);
		b.setValue(220);
		b.fill();
		b.setValue(40);
		b.setRoi(5, 5, 10, 8);
		b.fill();
		b.resetRoi();
		final ImageProcessor[] inputs = { b, b.convertToShort(false), b.convertToFloat(), b.convertToRGB() };
		for (final ImageProcessor ip : inputs) {
			for (final String options : List.of("method=Otsu", "threshold=128", "")) {
				final ImagePlus imp = new ImagePlus("t", ip.duplicate());
				CommandBridge.execute(BinarizeCommand.class, imp, options);
				assertEquals(8, imp.getBitDepth(), ip.getClass().getSimpleName());
				assertFalse(imp.isInvertedLut());
				for (int y = 0; y < 20; y++)
					for (int x = 0; x < 30; x++) {
						final boolean ink = x >= 5 && x < 15 && y >= 5 && y < 13;
						assertEquals(ink ? 0 : 255, imp.getProcessor().get(x, y), ip.getClass().getSimpleName() + " "
							+ options + " at " + x + "," + y);
					}
			}
		}
	}

	@Test
	void manualThresholdPixelLighterThanItBecomesWhite() {
		final ByteProcessor b = new ByteProcessor(4, 1, new byte[] { 99, 100, 101, (byte) 200 });
		final ImagePlus imp = new ImagePlus("t", b);
		CommandBridge.execute(BinarizeCommand.class, imp, "threshold=100");
		assertArrayEquals(new byte[] { 0, 0, (byte) 255, (byte) 255 }, (byte[]) imp.getProcessor().getPixels());
	}

	@Test
	void invertedLutIsReadAsDisplayed() {
		// stored 200 under an inverted LUT displays dark: that is ink
		final ByteProcessor b = new ByteProcessor(2, 1, new byte[] { (byte) 200, 20 });
		b.invertLut();
		final ImagePlus imp = new ImagePlus("t", b);
		CommandBridge.execute(BinarizeCommand.class, imp, "threshold=128");
		assertFalse(imp.isInvertedLut());
		assertArrayEquals(new byte[] { 0, (byte) 255 }, (byte[]) imp.getProcessor().getPixels());
	}

	@Test
	void undoRestoresTheOriginal() {
		final ColorProcessor cp = new ColorProcessor(10, 10);
		cp.setColor(new java.awt.Color(200, 30, 30));
		cp.fill();
		final ImagePlus imp = new ImagePlus("undo", cp);
		final int[] before = ((int[]) cp.getPixels()).clone();
		WindowManager.setTempCurrentImage(imp);
		try {
			CommandBridge.execute(BinarizeCommand.class, imp, "method=Otsu");
			assertEquals(8, imp.getBitDepth());
			Undo.undo();
			assertEquals(24, imp.getBitDepth());
			assertArrayEquals(before, (int[]) imp.getProcessor().getPixels());
		}
		finally {
			WindowManager.setTempCurrentImage(null);
			Undo.reset();
		}
	}

	@Test
	void methodChoicesAreTheEnumLabels() {
		final List<String> choices = CommandBridge.params(BinarizeCommand.class).get(0).choices();
		assertEquals(Arrays.asList(BinarizeMethod.labels()), choices);
	}

	/** A scanned-looking 8-bit page crop. */
	private static ByteProcessor page() {
		final ArrayImg<UnsignedByteType, ByteArray> p = Pages.scanned(Pages.page(180, 140, 150, 1, 4L), 5, 2);
		return new ByteProcessor(180, 140, Pages.pixels(p).clone());
	}

	private static byte[] binarized(final ByteProcessor bp, final String options) {
		final ImagePlus imp = new ImagePlus("t", bp.duplicate());
		CommandBridge.execute(BinarizeCommand.class, imp, options);
		return (byte[]) imp.getProcessor().getPixels();
	}

	private static byte[] core(final ByteProcessor bp, final BinarizeParams p) {
		final byte[] out = new byte[bp.getPixelCount()];
		LocalThresholds.binarize(p, (byte[]) bp.getPixels(), bp.getWidth(), bp.getHeight(), out);
		return out;
	}

	/** The local methods' keys reach the core; unset keys take the published defaults and 0 is a real value. */
	@Test
	void localMethodsTakeTheirKeysAndARealZero() {
		final ByteProcessor bp = page();
		final BinarizeParams sauvola = BinarizeParams.of(BinarizeMethod.SAUVOLA);
		assertArrayEquals(core(bp, sauvola), binarized(bp, "method=Sauvola"));
		assertArrayEquals(core(bp, sauvola), binarized(bp, "method=Sauvola k=default r=[] radius=NaN"));
		assertArrayEquals(core(bp, sauvola.with(LocalParam.K, 0)), binarized(bp, "method=Sauvola k=0"));
		assertTrue(Pages.countDifferent(binarized(bp, "method=Sauvola"), binarized(bp, "method=Sauvola k=0")) > 100,
			"k=0 is not the default k");
		assertArrayEquals(core(bp, BinarizeParams.of(BinarizeMethod.MEAN).with(LocalParam.OFFSET, 0).with(
			LocalParam.RADIUS, 3)), binarized(bp, "method=Mean offset=0 radius=3"));
		assertArrayEquals(core(bp, BinarizeParams.of(BinarizeMethod.BERNSEN).with(LocalParam.CONTRAST, 40)),
			binarized(bp, "method=Bernsen contrast=40"));
		assertArrayEquals(core(bp, BinarizeParams.of(BinarizeMethod.PHANSALKAR).with(LocalParam.K, 0.1).with(
			LocalParam.R, 0.3)), binarized(bp, "method=Phansalkar k=0.1 r=0.3"));
		assertArrayEquals(core(bp, BinarizeParams.of(BinarizeMethod.GAUSSIAN_ADAPTIVE).with(LocalParam.OFFSET, -1)),
			binarized(bp, "method=[Gaussian adaptive] offset=-1"));
		assertArrayEquals(core(bp, BinarizeParams.of(BinarizeMethod.WOLF).with(LocalParam.RADIUS, 0)), binarized(bp,
			"method=Wolf radius=0"));
		assertArrayEquals(core(bp, BinarizeParams.of(BinarizeMethod.NIBLACK).with(LocalParam.K, -0.5)), binarized(
			bp, "method=Niblack k=-0.5"));
	}

	@Test
	void misappliedOrOutOfRangeLocalKeysAreRejected() {
		final ImagePlus imp = new ImagePlus("t", random(8, 8, 1));
		for (final String[] c : new String[][] { //
			{ "method=Otsu k=0.2", "k does not apply to Otsu (a global method takes no local parameters)" }, //
			{ "radius=5", "radius does not apply to Auto (Auto takes no parameters)" }, //
			{ "method=Niblack r=100", "r does not apply to Niblack (it takes radius, k)" }, //
			{ "method=Sauvola contrast=10", "contrast does not apply to Sauvola (it takes radius, k, r)" }, //
			{ "method=Mean k=0.2", "k does not apply to Mean (it takes radius, offset)" }, //
			{ "method=Sauvola threshold=100 k=0.2", "k does not apply to a manual threshold (threshold=100)" }, //
			{ "method=Sauvola k=2", "k=2 is out of range for Sauvola (0 to 1)" }, //
			{ "method=Phansalkar r=0", "r=0 is out of range for Phansalkar (above 0 up to 1)" }, //
			{ "method=Sauvola radius=2.5", "radius=2.5 is out of range for Sauvola (a whole number 0 to 1000)" }, //
			{ "method=Sauvola radius=-1", "radius=-1 is out of range (0 to 1000)" }, //
			{ "method=Bernsen contrast=300", "contrast=300 is out of range (0 to 255)" }, //
			{ "method=Sauvola k=abc", "k=abc is not a number" }, //
			{ "threshold=NaN", "threshold=NaN is not a finite number" } })
			assertEquals(c[1], assertThrows(CommandFailure.class, () -> CommandBridge.execute(BinarizeCommand.class,
				imp, c[0])).getMessage(), c[0]);
		assertEquals(8, imp.getBitDepth());
	}

	/** Inside a selection a local method sees its whole window (margin = radius): the pixels are the full image's. */
	@Test
	void localMethodInASelection() {
		final ByteProcessor bp = page();
		final ImagePlus imp = new ImagePlus("sel", bp.duplicate());
		final Roi oval = new OvalRoi(30, 25, 90, 70);
		imp.setRoi(oval);
		CommandBridge.execute(BinarizeCommand.class, imp, "method=Sauvola radius=6 k=0.3");
		final byte[] full = core(bp, BinarizeParams.of(BinarizeMethod.SAUVOLA).with(LocalParam.RADIUS, 6).with(
			LocalParam.K, 0.3));
		int inside = 0;
		for (int y = 0; y < bp.getHeight(); y++)
			for (int x = 0; x < bp.getWidth(); x++) {
				final int i = y * bp.getWidth() + x;
				if (oval.contains(x, y)) {
					inside++;
					assertEquals(full[i] & 0xff, imp.getProcessor().get(x, y), "inside at " + x + "," + y);
				}
				else assertEquals(bp.get(x, y), imp.getProcessor().get(x, y), "outside unchanged at " + x + "," + y);
			}
		assertTrue(inside > 4000);
	}

	@Test
	void badOptionsNameTheValue() {
		final ImagePlus imp = new ImagePlus("t", random(8, 8, 1));
		assertEquals("radius=-1 is out of range (0 to 100)", assertThrows(CommandFailure.class, () -> CommandBridge
			.execute(MedianCommand.class, imp, "radius=-1")).getMessage());
		assertTrue(assertThrows(CommandFailure.class, () -> CommandBridge.execute(BinarizeCommand.class, imp,
			"method=Sauvola2")).getMessage().startsWith("unknown method 'Sauvola2'"));
		assertEquals("threshold=300 is out of range (0 to 255)", assertThrows(CommandFailure.class,
			() -> CommandBridge.execute(BinarizeCommand.class, imp, "threshold=300")).getMessage());
		assertEquals("there is no image open", assertThrows(CommandFailure.class, () -> CommandBridge.execute(
			MedianCommand.class, null, "radius=1")).getMessage());
		IJ.log(""); // keep ij.IJ initialised the same way in every test order
	}
}
