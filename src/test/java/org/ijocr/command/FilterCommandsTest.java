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
import org.ijocr.ij1.CommandBridge;
import org.ijocr.ij1.CommandFailure;
import org.junit.jupiter.api.Test;

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
