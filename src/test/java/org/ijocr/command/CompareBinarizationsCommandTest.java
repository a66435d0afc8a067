package org.ijocr.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;

import org.ijocr.core.threshold.Binarize;
import org.ijocr.core.threshold.BinarizeMethod;
import org.ijocr.core.threshold.BinarizeParams;
import org.ijocr.ij1.CommandBridge;
import org.ijocr.ij1.CommandFailure;
import org.ijocr.ij1.ImgWrap;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;

class CompareBinarizationsCommandTest {

	private static ImagePlus page() {
		final byte[] px = Pages.pixels(Pages.scanned(Pages.page(400, 300, 150, 1, 7), 6, 3));
		return new ImagePlus("page", new ByteProcessor(400, 300, px));
	}

	private static byte[] binarized(final ByteProcessor grey, final BinarizeMethod m) {
		final ByteProcessor out = new ByteProcessor(grey.getWidth(), grey.getHeight());
		Binarize.binarize(BinarizeParams.of(m), ImgWrap.bytes(grey), ImgWrap.bytes(out));
		return (byte[]) out.getPixels();
	}

	@Test
	void stackHasEveryMethodExactlyAsOcrBinarizeGivesIt() {
		final ImagePlus imp = page();
		final byte[] before = ((byte[]) imp.getProcessor().getPixels()).clone();
		final CommandBridge.Outcome out = CommandBridge.execute(CompareBinarizationsCommand.class, imp, "output=Stack");
		assertArrayEquals(before, (byte[]) imp.getProcessor().getPixels(), "the image is not changed");
		final ImageStack stack = out.images().get(0).getStack();
		final BinarizeMethod[] methods = BinarizeMethod.values();
		assertEquals(methods.length, stack.getSize());
		for (int i = 0; i < methods.length; i++) {
			assertEquals(methods[i].label(), stack.getSliceLabel(i + 1));
			assertArrayEquals(binarized((ByteProcessor) imp.getProcessor(), methods[i]), (byte[]) stack.getProcessor(
				i + 1).getPixels(), methods[i].label());
		}
		final ResultsTable t = out.tables().get(0).table();
		assertEquals("Binarizations", out.tables().get(0).title());
		assertEquals(methods.length, t.size());
		final int otsuRow = java.util.Arrays.asList(methods).indexOf(BinarizeMethod.OTSU);
		assertEquals(Binarize.binarize(BinarizeParams.of(BinarizeMethod.OTSU), ImgWrap.bytes((ByteProcessor) imp
			.getProcessor()), ImgWrap.bytes(new ByteProcessor(400, 300))), t.getValue("Threshold", otsuRow));
		final double ink = t.getValue("Ink %", otsuRow);
		assertTrue(ink > 2 && ink < 30, "Otsu ink share " + ink);
	}

	@Test
	void montageHoldsEveryPanelAndASelectionComparesOnlyItsBox() {
		final ImagePlus imp = page();
		imp.setRoi(new Roi(50, 40, 120, 90));
		final ImagePlus montage = CommandBridge.execute(CompareBinarizationsCommand.class, imp, "").images().get(0);
		final int n = BinarizeMethod.values().length;
		final int columns = (int) Math.ceil(Math.sqrt(n * 90.0 / 120)), rows = (int) Math.ceil(n / (double) columns);
		final int gap = CompareBinarizationsCommand.GAP;
		assertEquals(columns * 120 + (columns - 1) * gap, montage.getWidth());
		assertEquals(rows * 90 + (rows - 1) * gap, montage.getHeight());
		final int[] hist = montage.getProcessor().getHistogram();
		assertEquals(montage.getWidth() * montage.getHeight() - n * 120 * 90, hist[128],
			"black and white panels; grey gaps and empty cells");
		// the last panel (bottom right of the filled cells) shows the selection's box binarized by the last method
		imp.getProcessor().setRoi(50, 40, 120, 90);
		final ByteProcessor box = (ByteProcessor) imp.getProcessor().crop();
		final byte[] expect = binarized(box, BinarizeMethod.values()[n - 1]);
		final int px = ((n - 1) % columns) * (120 + gap), py = ((n - 1) / columns) * (90 + gap);
		int differ = 0;
		for (int y = 20; y < 90; y++) // below the label box
			for (int x = 0; x < 120; x++)
				if ((expect[y * 120 + x] & 0xff) != montage.getProcessor().get(px + x, py + y)) differ++;
		assertEquals(0, differ);
	}

	@Test
	void automaticScaleKeepsAMontageOfABigPageUnderTheLimit() {
		final ImagePlus big = new ImagePlus("big", new ByteProcessor(2480, 3508));
		big.getProcessor().setColor(255);
		big.getProcessor().fill();
		final ImagePlus montage = CommandBridge.execute(CompareBinarizationsCommand.class, big, "").images().get(0);
		final double pixels = (double) montage.getWidth() * montage.getHeight();
		assertTrue(pixels <= CompareBinarizationsCommand.MAX_MONTAGE_PIXELS * 1.02, "montage of " + pixels + " px");
		assertTrue(pixels >= CompareBinarizationsCommand.MAX_MONTAGE_PIXELS * 0.8, "montage of " + pixels + " px");
	}

	@Test
	void badScaleIsRefused() {
		final CommandFailure e = assertThrows(CommandFailure.class, () -> CommandBridge.execute(
			CompareBinarizationsCommand.class, page(), "scale=2"));
		assertEquals("scale=2 is out of range (0 to 1)", e.getMessage());
	}
}
