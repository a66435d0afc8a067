package org.ijocr.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import ij.ImagePlus;
import ij.ImageStack;
import ij.Undo;
import ij.WindowManager;
import ij.gui.Roi;
import ij.process.ByteProcessor;

import org.ijocr.core.morph.MorphOp;
import org.ijocr.core.morph.MorphParams;
import org.ijocr.core.morph.Morphology;
import org.ijocr.core.morph.Shape;
import org.ijocr.core.threshold.Binarize;
import org.ijocr.core.threshold.BinarizeParams;
import org.ijocr.ij1.CommandBridge;
import org.ijocr.ij1.CommandFailure;
import org.ijocr.ij1.ImgWrap;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;

/** {@code OCR Dilate/Erode/Open/Close} through the bridge: binary and grey input, LUTs, stacks, selections, options. */
class MorphologyCommandsTest {

	private static ByteProcessor binary(final int w, final int h, final double ink, final long seed) {
		final Random r = new Random(seed);
		final byte[] p = new byte[w * h];
		for (int i = 0; i < p.length; i++)
			p[i] = r.nextDouble() < ink ? 0 : (byte) 255;
		return new ByteProcessor(w, h, p);
	}

	private static byte[] core(final MorphOp op, final MorphParams p, final byte[] src, final int w, final int h) {
		final byte[] dst = new byte[src.length];
		Morphology.apply(op, p, src, dst, w, h);
		return dst;
	}

	private static byte[] pixels(final ImagePlus imp) {
		return (byte[]) imp.getProcessor().getPixels();
	}

	@Test
	void keysDefaultsAndChoices() {
		for (final Class<? extends MorphologyCommand> c : List.of(DilateCommand.class, ErodeCommand.class,
			OpenCommand.class, CloseCommand.class))
		{
			final List<CommandBridge.Param> params = CommandBridge.params(c);
			assertEquals(List.of("shape", "size", "iterations"), params.stream().map(CommandBridge.Param::key).toList());
			assertEquals(Arrays.asList(Shape.labels()), params.get(0).choices());
			assertEquals("Square", params.get(0).defaultValue());
			assertEquals(3, params.get(1).defaultValue());
			assertEquals(1, params.get(2).defaultValue());
		}
		assertEquals("OCR Dilate", CommandBridge.title(DilateCommand.class));
		assertEquals("OCR Close", CommandBridge.title(CloseCommand.class));
	}

	@Test
	void threeByThreeEqualsImageJsBinaryDilateAndErode() {
		final ByteProcessor bp = binary(64, 48, 0.25, 1);
		final ByteProcessor ijDilated = (ByteProcessor) bp.duplicate(), ijEroded = (ByteProcessor) bp.duplicate();
		ijDilated.dilate(); // ImageJ: MIN filter with a normal LUT, black grows
		ijEroded.erode();
		final ImagePlus d = new ImagePlus("d", bp.duplicate()), e = new ImagePlus("e", bp.duplicate());
		CommandBridge.execute(DilateCommand.class, d, "");
		CommandBridge.execute(ErodeCommand.class, e, "");
		assertArrayEquals((byte[]) ijDilated.getPixels(), pixels(d));
		assertArrayEquals((byte[]) ijEroded.getPixels(), pixels(e));
		// and dilate really makes the ink bolder
		assertTrue(count0(pixels(d)) > count0((byte[]) bp.getPixels()));
	}

	private static int count0(final byte[] p) {
		int n = 0;
		for (final byte v : p)
			if (v == 0) n++;
		return n;
	}

	@Test
	void everyOperationAndShapeMatchesTheCore() {
		final ByteProcessor bp = binary(50, 40, 0.3, 2);
		for (final Class<? extends MorphologyCommand> c : List.of(DilateCommand.class, ErodeCommand.class,
			OpenCommand.class, CloseCommand.class))
			for (final Shape shape : Shape.values()) {
				final ImagePlus imp = new ImagePlus("t", bp.duplicate());
				CommandBridge.execute(c, imp, "shape=" + shape.label() + " size=4 iterations=2");
				final MorphOp op = MorphOp.fromLabel(CommandBridge.title(c).substring(4));
				assertArrayEquals(core(op, new MorphParams(shape, 4, 2), (byte[]) bp.getPixels(), 50, 40), pixels(imp),
					c.getSimpleName() + " " + shape);
			}
	}

	@Test
	void invertedLutBinaryIsReadAsDisplayed() {
		// ImageJ's classic binary: stored 255 shown black under an inverted LUT
		final ByteProcessor shown = binary(30, 20, 0.1, 3);
		final byte[] stored = new byte[shown.getPixelCount()];
		for (int i = 0; i < stored.length; i++)
			stored[i] = (byte) ~((byte[]) shown.getPixels())[i];
		final ByteProcessor ip = new ByteProcessor(30, 20, stored);
		ip.invertLut();
		final ImagePlus imp = new ImagePlus("lut", ip);
		CommandBridge.execute(DilateCommand.class, imp, "");
		assertFalse(imp.isInvertedLut());
		assertArrayEquals(core(MorphOp.DILATE, MorphParams.DEFAULT, (byte[]) shown.getPixels(), 30, 20), pixels(imp));
	}

	@Test
	void greyInputIsBinarizedFirst() {
		final byte[] grey = Pages.pixels(Pages.scanned(Pages.page(400, 300, 100, 1, 9), 8, 9));
		final ImagePlus imp = new ImagePlus("grey", new ByteProcessor(400, 300, grey.clone()));
		CommandBridge.execute(CloseCommand.class, imp, "shape=Horizontal size=7");
		final byte[] bin = new byte[grey.length];
		Binarize.binarize(BinarizeParams.DEFAULT, ImgWrap.bytes(grey, 400, 300), ImgWrap.bytes(bin, 400, 300));
		final byte[] expected = core(MorphOp.CLOSE, new MorphParams(Shape.HORIZONTAL, 7, 1), bin, 400, 300);
		assertArrayEquals(expected, pixels(imp));
		assertTrue(count0(expected) > 500);
		// an RGB page too: 8-bit black and white afterwards
		final ImagePlus rgb = new ImagePlus("rgb", new ByteProcessor(400, 300, grey.clone()).convertToRGB());
		CommandBridge.execute(CloseCommand.class, rgb, "shape=Horizontal size=7");
		assertEquals(8, rgb.getBitDepth());
		assertArrayEquals(expected, pixels(rgb));
	}

	@Test
	void everyStackSliceAndOnlyTheSelection() {
		final ImageStack stack = new ImageStack(40, 70);
		for (int s = 0; s < 3; s++)
			stack.addSlice("s" + s, binary(40, 70, 0.2, 10 + s));
		final ImagePlus imp = new ImagePlus("stack", stack.duplicate());
		CommandBridge.execute(OpenCommand.class, imp, "shape=Disk size=3");
		for (int s = 1; s <= 3; s++)
			assertArrayEquals(core(MorphOp.OPEN, new MorphParams(Shape.DISK, 3, 1), (byte[]) stack.getPixels(s), 40, 70),
				(byte[]) imp.getStack().getPixels(s), "slice " + s);
		// selection: inside as on the whole image (context from outside), outside unchanged
		final ByteProcessor bp = binary(60, 50, 0.2, 20);
		final ImagePlus sel = new ImagePlus("sel", bp.duplicate());
		final Roi roi = new Roi(10, 12, 30, 20);
		sel.setRoi(roi);
		CommandBridge.execute(DilateCommand.class, sel, "size=5");
		final byte[] full = core(MorphOp.DILATE, new MorphParams(Shape.SQUARE, 5, 1), (byte[]) bp.getPixels(), 60, 50);
		for (int y = 0; y < 50; y++)
			for (int x = 0; x < 60; x++)
				assertEquals(roi.contains(x, y) ? full[y * 60 + x] : ((byte[]) bp.getPixels())[y * 60 + x], pixels(
					sel)[y * 60 + x], x + "," + y);
	}

	@Test
	void openRemovesASpeckAndUndoRestores() {
		final ByteProcessor bp = new ByteProcessor(20, 20);
		bp.setValue(255);
		bp.fill();
		bp.set(3, 3, 0); // a speck
		bp.setValue(0);
		bp.setRoi(10, 10, 5, 5); // a 5x5 blob
		bp.fill();
		bp.resetRoi();
		final byte[] before = ((byte[]) bp.getPixels()).clone();
		final ImagePlus imp = new ImagePlus("speck", bp);
		WindowManager.setTempCurrentImage(imp);
		try {
			CommandBridge.execute(OpenCommand.class, imp, "");
			assertEquals(255, imp.getProcessor().get(3, 3));
			assertEquals(25, count0(pixels(imp)));
			Undo.undo();
			assertArrayEquals(before, pixels(imp));
		}
		finally {
			WindowManager.setTempCurrentImage(null);
			Undo.reset();
		}
	}

	@Test
	void badOptionsNameTheValue() {
		final ImagePlus imp = new ImagePlus("t", binary(8, 8, 0.5, 1));
		assertEquals("size=0 is out of range (1 to 255)", assertThrows(CommandFailure.class, () -> CommandBridge
			.execute(DilateCommand.class, imp, "size=0")).getMessage());
		assertEquals("iterations=101 is out of range (1 to 100)", assertThrows(CommandFailure.class,
			() -> CommandBridge.execute(ErodeCommand.class, imp, "iterations=101")).getMessage());
		assertTrue(assertThrows(CommandFailure.class, () -> CommandBridge.execute(OpenCommand.class, imp,
			"shape=Star")).getMessage().startsWith("unknown shape 'Star'"));
		assertTrue(assertThrows(CommandFailure.class, () -> CommandBridge.execute(CloseCommand.class, imp,
			"radius=2")).getMessage().startsWith("unknown option 'radius'"));
	}
}
