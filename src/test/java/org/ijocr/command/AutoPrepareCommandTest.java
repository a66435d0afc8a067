package org.ijocr.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;

import org.ijocr.ij1.CommandBridge;
import org.ijocr.ij1.Prepare;
import org.junit.jupiter.api.Test;

/** {@code OCR Auto Prepare} through the bridge, on the shipped samples. */
class AutoPrepareCommandTest {

	private static CommandBridge.Outcome run(final ImagePlus imp, final String options) {
		return CommandBridge.execute(AutoPrepareCommand.class, imp, options);
	}

	private static List<String> steps(final ResultsTable rt) {
		final List<String> s = new ArrayList<>();
		for (int i = 0; i < rt.size(); i++)
			s.add(rt.getStringValue("Step", i));
		return s;
	}

	@Test
	void noisyPageIsCleanedIntoANewImageAndTheOriginalIsUntouched() {
		final ImagePlus imp = IJ.openImage("samples/02-salt-and-pepper.png");
		final byte[] before = ((byte[]) imp.getProcessor().getPixels()).clone();
		final CommandBridge.Outcome o = run(imp, "");
		assertArrayEquals(before, (byte[]) imp.getProcessor().getPixels(), "the original must not change");
		final ImagePlus out = o.images().get(0);
		assertEquals("02-salt-and-pepper-prepared", out.getTitle());
		final ResultsTable log = o.tables().get(0).table();
		// the sample is A4 at 150 dpi: its capitals (about 20 px) are enlarged to about 30 px
		final double f = factor(log);
		assertTrue(f >= 1.3 && f <= 2.2, "factor " + f);
		// (the log gives the factor to 2 decimals)
		assertEquals(imp.getWidth() * f, out.getWidth(), imp.getWidth() * 0.006);
		assertEquals(imp.getHeight() * f, out.getHeight(), imp.getHeight() * 0.006);
		assertEquals((double) out.getWidth() / imp.getWidth(), imp.getCalibration().pixelWidth / out.getCalibration()
			.pixelWidth, 0.006);
		assertEquals(Prepare.LOG_TITLE, o.tables().get(0).title());
		for (final String c : Prepare.COLUMNS)
			assertTrue(log.columnExists(c), "column " + c);
		final List<String> steps = steps(log);
		assertEquals("Detect defects", steps.get(0));
		assertTrue(log.getStringValue("Parameters", 0).contains("SALT_PEPPER_NOISE"), log.getStringValue("Parameters",
			0));
		assertTrue(steps.containsAll(List.of("Remove noise", "Upscale", "Binarize", "Despeckle")), steps.toString());
		for (int i = 0; i < log.size(); i++) // the log is in the input's coordinates
			assertTrue(log.getValue("X", i) + log.getValue("Width", i) <= imp.getWidth() && log.getValue("Y", i) + log
				.getValue("Height", i) <= imp.getHeight(), steps.get(i));
		// black and white, and the impulses on the paper are gone: few isolated black pixels are left
		final byte[] p = (byte[]) out.getProcessor().getPixels();
		final int w = out.getWidth(), h = out.getHeight();
		int isolated = 0, isolatedBefore = 0;
		for (int y = 1; y < h - 1; y++)
			for (int x = 1; x < w - 1; x++) {
				final int i = y * w + x;
				assertTrue(p[i] == 0 || p[i] == (byte) 255);
				if (p[i] == 0 && alone(p, i, w)) isolated++;
			}
		final int w0 = imp.getWidth();
		for (int y = 1; y < imp.getHeight() - 1; y++)
			for (int x = 1; x < w0 - 1; x++)
				if ((before[y * w0 + x] & 0xff) < 64 && alone(before, y * w0 + x, w0)) isolatedBefore++;
		assertTrue(isolatedBefore > 20_000, "test setup: " + isolatedBefore);
		// (a speck left on the enlarged page covers f² pixels, of which some may stand alone)
		assertTrue(isolated < 0.005 * isolatedBefore, "isolated black pixels left: " + isolated + " of "
			+ isolatedBefore);
	}

	/** The upscaling factor in the log's {@code Upscale} row (1 without one). */
	private static double factor(final ResultsTable log) {
		for (int i = 0; i < log.size(); i++)
			if (log.getStringValue("Step", i).equals("Upscale")) {
				final String p = log.getStringValue("Parameters", i);
				return Double.parseDouble(p.substring(p.indexOf("factor=") + 7).split(",")[0]);
			}
		return 1;
	}

	/** Every 8-neighbour is light. */
	private static boolean alone(final byte[] p, final int i, final int w) {
		for (final int d : new int[] { -w - 1, -w, -w + 1, -1, 1, w - 1, w, w + 1 })
			if ((p[i + d] & 0xff) < 128) return false;
		return true;
	}

	@Test
	void stepsCanBeSkipped() {
		final ImagePlus imp = IJ.openImage("samples/01-clean.png");
		final CommandBridge.Outcome o = run(imp, "skip_fixes skip_deskew skip_upscale skip_binarize");
		assertArrayEquals((byte[]) imp.getProcessor().getPixels(), (byte[]) o.images().get(0).getProcessor()
			.getPixels());
		assertEquals(0, o.tables().get(0).table().size());
	}

	@Test
	void aSelectionIsPreparedAloneAndEverySliceIsDone() {
		final ImagePlus page = IJ.openImage("samples/02-salt-and-pepper.png");
		final ImageStack stack = new ImageStack(page.getWidth(), page.getHeight());
		stack.addSlice(page.getProcessor());
		stack.addSlice(new ByteProcessor(page.getWidth(), page.getHeight()) {
			{
				setValue(255);
				fill();
			}
		});
		final ImagePlus imp = new ImagePlus("two.tif", stack);
		imp.setRoi(new Roi(100, 200, 500, 400));
		final CommandBridge.Outcome o = run(imp, "skip_deskew");
		final ImagePlus out = o.images().get(0);
		assertNotNull(out);
		// both slices enlarged by the first slice's factor (the blank second one has no text to measure)
		final double f = factor(o.tables().get(0).table());
		assertTrue(f > 1, "factor " + f);
		assertEquals(500 * f, out.getWidth(), 500 * 0.006);
		assertEquals(400 * f, out.getHeight(), 400 * 0.006);
		assertEquals(2, out.getStackSize());
		final ResultsTable log = o.tables().get(0).table();
		boolean slice2 = false;
		for (int i = 0; i < log.size(); i++) {
			assertTrue(log.getValue("X", i) >= 100 && log.getValue("Y", i) >= 200, "image coordinates");
			slice2 |= log.getValue("Slice", i) == 2;
		}
		assertTrue(slice2, "the second slice is logged");
	}
}
