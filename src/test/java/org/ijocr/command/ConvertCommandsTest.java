package org.ijocr.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.Arrays;

import ij.ImagePlus;
import ij.ImageStack;
import ij.Undo;
import ij.WindowManager;
import ij.gui.Roi;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import org.ijocr.core.convert.Channel;
import org.ijocr.core.convert.InvertScope;
import org.ijocr.ij1.CommandBridge;
import org.ijocr.ij1.CommandFailure;
import org.ijocr.testutil.Banners;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;

/** {@code OCR Grayscale} and {@code OCR Auto Invert} through the bridge. */
class ConvertCommandsTest {

	private static final int[][] COLOURS = { { 200, 30, 60 }, { 0, 0, 0 }, { 255, 255, 255 }, { 10, 250, 128 },
		{ 1, 2, 2 } };

	@Test
	void choicesAreTheEnumLabels() {
		assertEquals(Arrays.asList(Channel.labels()), CommandBridge.params(GrayscaleCommand.class).get(0).choices());
		assertEquals("Luminance", CommandBridge.params(GrayscaleCommand.class).get(0).defaultValue());
		assertEquals(Arrays.asList(InvertScope.labels()), CommandBridge.params(AutoInvertCommand.class).get(0)
			.choices());
		assertEquals("Areas", CommandBridge.params(AutoInvertCommand.class).get(0).defaultValue());
	}

	@Test
	void grayscaleGivesTheExactLevelOfEachChannel() {
		// expected levels written out by hand: Y = round(.299 R + .587 G + .114 B), average rounded, channels, max
		final int[][] expected = { // Luminance, Average, Red, Green, Blue, Max
			{ 84, 97, 200, 30, 60, 200 }, { 0, 0, 0, 0, 0, 0 }, { 255, 255, 255, 255, 255, 255 },
			{ 164, 129, 10, 250, 128, 250 }, { 2, 2, 1, 2, 2, 2 } };
		for (int c = 0; c < Channel.values().length; c++) {
			final ColorProcessor cp = new ColorProcessor(COLOURS.length, 1);
			for (int i = 0; i < COLOURS.length; i++)
				cp.set(i, 0, (COLOURS[i][0] << 16) | (COLOURS[i][1] << 8) | COLOURS[i][2]);
			final ImagePlus imp = new ImagePlus("rgb", cp);
			CommandBridge.execute(GrayscaleCommand.class, imp, "channel=" + Channel.values()[c].label());
			assertEquals(8, imp.getBitDepth());
			for (int i = 0; i < COLOURS.length; i++)
				assertEquals(expected[i][c], imp.getProcessor().get(i, 0), Channel.values()[c] + " colour " + i);
		}
	}

	@Test
	void redChannelMakesARedStampVanish() {
		final ColorProcessor cp = new ColorProcessor(40, 20);
		cp.setColor(new java.awt.Color(245, 245, 240)); // paper
		cp.fill();
		cp.setColor(new java.awt.Color(220, 40, 40)); // red stamp
		cp.fillRect(0, 0, 20, 20);
		cp.setColor(java.awt.Color.BLACK); // black print
		cp.fillRect(25, 5, 10, 10);
		final ImagePlus red = new ImagePlus("red", cp.duplicate()), lum = new ImagePlus("lum", cp.duplicate());
		CommandBridge.execute(GrayscaleCommand.class, red, "channel=Red");
		CommandBridge.execute(GrayscaleCommand.class, lum, "");
		assertTrue(red.getProcessor().get(5, 5) > 200); // stamp nearly paper-white
		assertTrue(lum.getProcessor().get(5, 5) < 100); // stamp dark by luminance
		assertEquals(0, red.getProcessor().get(30, 10)); // black print kept
	}

	@Test
	void sixteenAndThirtyTwoBitThroughTheDisplayRange() {
		final ShortProcessor sp = new ShortProcessor(4, 1);
		final FloatProcessor fp = new FloatProcessor(4, 1);
		final double[] values = { 500, 1000, 1500, 2000 };
		for (int i = 0; i < 4; i++) {
			sp.set(i, 0, (int) values[i]);
			fp.setf(i, 0, (float) values[i]);
		}
		for (final ImageProcessor ip : new ImageProcessor[] { sp, fp }) {
			final ImagePlus imp = new ImagePlus("t", ip);
			imp.setDisplayRange(1000, 2000);
			CommandBridge.execute(GrayscaleCommand.class, imp, "channel=Red"); // channel does not apply
			assertEquals(8, imp.getBitDepth());
			assertArrayEquals(new byte[] { 0, 0, (byte) 128, (byte) 255 }, (byte[]) imp.getProcessor().getPixels(), ip
				.getClass().getSimpleName());
		}
	}

	@Test
	void eightBitStaysStacksAreConvertedUndoRestores() {
		final ByteProcessor bp = new ByteProcessor(3, 2, new byte[] { 1, 2, 3, 4, 5, 6 });
		final ImagePlus grey = new ImagePlus("g", bp);
		CommandBridge.execute(GrayscaleCommand.class, grey, "");
		assertSame(bp.getPixels(), grey.getProcessor().getPixels());
		assertFalse(grey.changes);
		// an RGB stack: every slice, whatever the selection
		final ImageStack stack = new ImageStack(5, 1);
		for (int s = 0; s < 3; s++) {
			final ColorProcessor cp = new ColorProcessor(5, 1);
			for (int i = 0; i < 5; i++)
				cp.set(i, 0, (COLOURS[(i + s) % 5][0] << 16) | (COLOURS[(i + s) % 5][1] << 8) | COLOURS[(i + s) % 5][2]);
			stack.addSlice("s" + s, cp);
		}
		final ImagePlus imp = new ImagePlus("stack", stack);
		imp.setRoi(new Roi(1, 0, 2, 1));
		CommandBridge.execute(GrayscaleCommand.class, imp, "channel=Max");
		assertEquals(8, imp.getBitDepth());
		assertEquals(3, imp.getStackSize());
		for (int s = 1; s <= 3; s++)
			for (int i = 0; i < 5; i++) {
				final int[] c = COLOURS[(i + s - 1) % 5];
				assertEquals(Math.max(c[0], Math.max(c[1], c[2])), imp.getStack().getProcessor(s).get(i, 0));
			}
		// Undo brings back the colour image
		final ColorProcessor cp = new ColorProcessor(4, 4);
		cp.setColor(java.awt.Color.RED);
		cp.fill();
		final int[] before = ((int[]) cp.getPixels()).clone();
		final ImagePlus single = new ImagePlus("undo", cp);
		WindowManager.setTempCurrentImage(single);
		try {
			CommandBridge.execute(GrayscaleCommand.class, single, "");
			assertEquals(8, single.getBitDepth());
			Undo.undo();
			assertEquals(24, single.getBitDepth());
			assertArrayEquals(before, (int[]) single.getProcessor().getPixels());
		}
		finally {
			WindowManager.setTempCurrentImage(null);
			Undo.reset();
		}
	}

	// ------------------------------------------------------------------ Auto Invert

	private static final int W = 620, H = 877; // A4 at 75 dpi

	private static byte[] page(final long seed) {
		return Pages.pixels(Pages.scanned(Pages.page(W, H, 75, 1, seed), 5, seed));
	}

	private static byte[] negative(final byte[] p) {
		final byte[] n = p.clone();
		for (int i = 0; i < n.length; i++)
			n[i] = (byte) ~n[i];
		return n;
	}

	@Test
	void autoInvertBringsBackANegativePageInEveryType() {
		final byte[] original = page(1);
		final ByteProcessor neg = new ByteProcessor(W, H, negative(original));
		for (final ImageProcessor ip : new ImageProcessor[] { neg, neg.convertToRGB(), neg.convertToShort(false),
			neg.convertToFloat() })
		{
			final ImagePlus imp = new ImagePlus("neg", ip.duplicate());
			imp.resetDisplayRange();
			CommandBridge.execute(AutoInvertCommand.class, imp, "scope=Page");
			assertEquals(ip.getBitDepth(), imp.getBitDepth());
			assertTrue(imp.changes);
			final ImageProcessor back = imp.getProcessor();
			for (int i = 0; i < original.length; i++)
				assertEquals(original[i] & 0xff, ip instanceof ColorProcessor ? back.get(i) & 0xff : Math.round(back.getf(
					i)), ip.getClass().getSimpleName() + " @" + i);
		}
	}

	@Test
	void autoInvertLeavesANormalPageAlone() {
		final byte[] original = page(2);
		final ImagePlus imp = new ImagePlus("page", new ByteProcessor(W, H, original.clone()));
		CommandBridge.execute(AutoInvertCommand.class, imp, "");
		assertArrayEquals(original, (byte[]) imp.getProcessor().getPixels());
		assertFalse(imp.changes);
	}

	@Test
	void autoInvertFindsTheBannerOnEverySliceAndWorksInASelection() {
		final Rectangle banner = new Rectangle(60, 200, 500, 90);
		final byte[] withBanner = Pages.pixels(Banners.withBanner(Pages.page(W, H, 75, 1, 3), banner, 25, 230, 22));
		final ImageStack stack = new ImageStack(W, H);
		stack.addSlice("banner", new ByteProcessor(W, H, withBanner.clone()));
		stack.addSlice("plain", new ByteProcessor(W, H, page(4)));
		final ImagePlus imp = new ImagePlus("stack", stack);
		CommandBridge.execute(AutoInvertCommand.class, imp, "scope=Areas");
		final long[] c = Banners.changes(withBanner, (byte[]) imp.getStack().getPixels(1), W, banner);
		assertTrue(c[0] >= 0.95 * c[1] && c[2] < 0.005 * c[3], Arrays.toString(c));
		assertArrayEquals(page(4), (byte[]) imp.getStack().getPixels(2));
		// scope=Page leaves the banner (the page as a whole is normal)
		final ImagePlus page = new ImagePlus("p", new ByteProcessor(W, H, withBanner.clone()));
		CommandBridge.execute(AutoInvertCommand.class, page, "scope=Page");
		assertArrayEquals(withBanner, (byte[]) page.getProcessor().getPixels());
		// a selection around the banner only: there it is most of the area, so even Page inverts it, and only there
		final ImagePlus sel = new ImagePlus("sel", new ByteProcessor(W, H, withBanner.clone()));
		final Rectangle around = new Rectangle(50, 190, 520, 110);
		sel.setRoi(new Roi(around));
		CommandBridge.execute(AutoInvertCommand.class, sel, "scope=Page");
		final byte[] got = (byte[]) sel.getProcessor().getPixels();
		for (int i = 0; i < got.length; i++)
			assertEquals(around.contains(i % W, i / W) ? (byte) ~withBanner[i] : withBanner[i], got[i], "@" + i);
	}

	@Test
	void autoInvertRejectsAnUnknownScope() {
		final ImagePlus imp = new ImagePlus("t", new ByteProcessor(8, 8));
		assertTrue(assertThrows(CommandFailure.class, () -> CommandBridge.execute(AutoInvertCommand.class, imp,
			"scope=Lines")).getMessage().startsWith("unknown scope 'Lines'"));
		assertTrue(assertThrows(CommandFailure.class, () -> CommandBridge.execute(GrayscaleCommand.class, imp,
			"channel=Cyan")).getMessage().startsWith("unknown channel 'Cyan'"));
	}
}
