package org.ijocr.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.Undo;
import ij.WindowManager;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import org.ijocr.core.geometry.Interpolation;
import org.ijocr.core.geometry.Scale;
import org.ijocr.ij1.CommandBridge;
import org.ijocr.ij1.CommandFailure;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;

/** OCR Deskew, OCR Rotate and OCR Scale through the bridge: tables, stacks, types, Undo, calibration, bad options. */
class GeometryCommandsTest {

	private static ByteProcessor page(final long seed) {
		return new ByteProcessor(1240, 1754, Pages.pixels(Pages.page(1240, 1754, 150, 1, seed)));
	}

	private static ResultsTable deskewTable(final CommandBridge.Outcome o) {
		assertEquals(1, o.tables().size());
		assertEquals("Deskew", o.tables().get(0).title());
		return o.tables().get(0).table();
	}

	@Test
	void rotateThenDeskewReportsAndUndoesTheAngle() {
		final ByteProcessor bp = page(3);
		final ImagePlus imp = new ImagePlus("page", bp.duplicate());
		CommandBridge.execute(RotateCommand.class, imp, "angle=4");
		final byte[] rotated = ((byte[]) imp.getProcessor().getPixels()).clone();
		final ResultsTable t = deskewTable(CommandBridge.execute(DeskewCommand.class, imp, ""));
		assertEquals(1, t.size());
		assertEquals(4, t.getValue("Angle", 0), 0.1);
		assertEquals("horizontal", t.getStringValue("Lines", 0));
		assertTrue(t.getValue("Confidence", 0) > 0.5);
		// the page is straight again: much closer to the original than the rotated one was (inside the margins)
		final double before = meanDiff(rotated, (byte[]) bp.getPixels()), after = meanDiff((byte[]) imp.getProcessor()
			.getPixels(), (byte[]) bp.getPixels());
		assertTrue(after < before / 3, "mean |difference| to the original: rotated " + before + ", deskewed " + after);
	}

	private static double meanDiff(final byte[] a, final byte[] b) {
		long s = 0;
		int n = 0;
		for (int y = 200; y < 1554; y++)
			for (int x = 150; x < 1090; x++) {
				s += Math.abs((a[y * 1240 + x] & 0xff) - (b[y * 1240 + x] & 0xff));
				n++;
			}
		return s / (double) n;
	}

	@Test
	void stacksAreDeskewedPerSliceAndRgbStaysRgb() {
		final ImageStack stack = new ImageStack(1240, 1754);
		stack.addSlice("a", page(5));
		stack.addSlice("b", page(6));
		final ImagePlus imp = new ImagePlus("stack", stack);
		// turn each slice by its own angle: run Rotate on single-slice copies
		final double[] angles = { -2.5, 6.2 };
		for (int s = 1; s <= 2; s++) {
			final ImagePlus one = new ImagePlus("s", stack.getProcessor(s));
			CommandBridge.execute(RotateCommand.class, one, "angle=" + angles[s - 1] + " interpolation=Bilinear");
			stack.setProcessor(one.getProcessor(), s);
		}
		final ResultsTable t = deskewTable(CommandBridge.execute(DeskewCommand.class, imp, "max_angle=10"));
		assertEquals(2, t.size());
		for (int s = 1; s <= 2; s++) {
			assertEquals(s, (int) t.getValue("Slice", s - 1));
			assertEquals(angles[s - 1], t.getValue("Angle", s - 1), 0.1);
		}
		final ImagePlus deep = new ImagePlus("16-bit", page(9).convertToShort(false));
		deep.getProcessor().multiply(200); // 0..51000, shown through its display range
		deep.resetDisplayRange();
		CommandBridge.execute(RotateCommand.class, deep, "angle=1.5");
		final ResultsTable td = deskewTable(CommandBridge.execute(DeskewCommand.class, deep, ""));
		assertEquals(16, deep.getBitDepth());
		assertEquals(1.5, td.getValue("Angle", 0), 0.1);
		final ImagePlus rgb = new ImagePlus("rgb", page(7).convertToRGB());
		CommandBridge.execute(RotateCommand.class, rgb, "angle=-3");
		final ResultsTable tr = deskewTable(CommandBridge.execute(DeskewCommand.class, rgb, ""));
		assertEquals(24, rgb.getBitDepth());
		assertEquals(-3, tr.getValue("Angle", 0), 0.1);
	}

	@Test
	void deskewLeavesAPageWithoutTextAlone() {
		final ByteProcessor blank = new ByteProcessor(300, 200);
		blank.setValue(235);
		blank.fill();
		final ImagePlus imp = new ImagePlus("blank", blank);
		final ResultsTable t = deskewTable(CommandBridge.execute(DeskewCommand.class, imp, ""));
		assertEquals(0, t.getValue("Angle", 0));
		assertEquals(0, t.getValue("Confidence", 0));
		assertEquals("none", t.getStringValue("Lines", 0));
		assertSame(blank, imp.getProcessor());
		assertFalse(imp.changes);
	}

	/**
	 * Tesseract's phototest variants: none has a skew (upright, 90° and 180° turns alike), so OCR Deskew leaves every
	 * one unchanged; the 90° ones are reported with vertical lines (their orientation is Tesseract's OSD job).
	 */
	@Test
	void deskewLeavesThePhototestVariantsUnchanged() {
		for (final String name : List.of("phototest.tif", "phototest_2.tif", "phototestrot.tif",
			"phototest-rotated-L.png", "phototest-rotated-R.png", "phototest-rotated-180.png"))
		{
			final ImagePlus imp = ij.IJ.openImage(org.ijocr.testutil.SharedData.path("tesseract", name).toString());
			final Object before = imp.getProcessor().getPixels();
			final ResultsTable t = deskewTable(CommandBridge.execute(DeskewCommand.class, imp, ""));
			assertEquals(0, t.getValue("Angle", 0), DeskewCommand.MIN_ROTATION, name);
			assertEquals(name.contains("rot") && !name.contains("180") ? "vertical" : "horizontal", t.getStringValue(
				"Lines", 0), name);
			assertSame(before, imp.getProcessor().getPixels(), name + " unchanged");
		}
	}

	@Test
	void deskewMeasuresInsideTheSelection() {
		// a page turned by 5°, measured inside a block of its text
		final ByteProcessor bp = page(8);
		final ImagePlus rot = new ImagePlus("r", bp.duplicate());
		CommandBridge.execute(RotateCommand.class, rot, "angle=5");
		final ImagePlus imp = new ImagePlus("sel", rot.getProcessor());
		imp.setRoi(new Roi(200, 300, 800, 1100));
		final ResultsTable t = deskewTable(CommandBridge.execute(DeskewCommand.class, imp, ""));
		assertEquals(5, t.getValue("Angle", 0), 0.1);
		assertEquals(1240, imp.getWidth());
	}

	@Test
	void rotateQuarterTurnEnlargedEqualsImageJ() {
		final ByteProcessor bp = new ByteProcessor(40, 25);
		for (int i = 0; i < 40 * 25; i++)
			bp.set(i, (i * 37) % 251);
		final ImagePlus imp = new ImagePlus("q", bp.duplicate());
		CommandBridge.execute(RotateCommand.class, imp, "angle=90 enlarge");
		assertEquals(25, imp.getWidth());
		assertEquals(40, imp.getHeight());
		assertArrayEquals((byte[]) bp.rotateRight().getPixels(), (byte[]) imp.getProcessor().getPixels());
		final ImagePlus left = new ImagePlus("l", bp.duplicate());
		CommandBridge.execute(RotateCommand.class, left, "angle=-90 enlarge interpolation=None");
		assertArrayEquals((byte[]) bp.rotateLeft().getPixels(), (byte[]) left.getProcessor().getPixels());
	}

	@Test
	void rotateFillsCornersAsAsked() {
		for (final String fill : List.of("Paper", "White", "Black")) {
			final ByteProcessor bp = new ByteProcessor(60, 60);
			bp.setValue(200);
			bp.fill();
			bp.setValue(20);
			bp.fillRect(20, 28, 20, 4); // a little ink
			final ImagePlus imp = new ImagePlus("f", bp);
			CommandBridge.execute(RotateCommand.class, imp, "angle=30 fill=" + fill);
			final int expected = fill.equals("Paper") ? 200 : fill.equals("White") ? 255 : 0;
			assertEquals(expected, imp.getProcessor().get(0, 0), fill);
		}
		// 16-bit: white is the top of the display range
		final ImageProcessor sp = new ByteProcessor(30, 30).convertToShort(false);
		sp.setValue(1000);
		sp.fill();
		final ImagePlus imp = new ImagePlus("s", sp);
		imp.setDisplayRange(0, 4000);
		CommandBridge.execute(RotateCommand.class, imp, "angle=45 fill=White");
		assertEquals(4000, imp.getProcessor().get(0, 0));
		assertEquals(1000, imp.getProcessor().get(15, 15));
		assertEquals(4000, imp.getDisplayRangeMax());
	}

	@Test
	void scaleResizesInPlaceUpdatesCalibrationAndUndoes() {
		final ByteProcessor bp = new ByteProcessor(64, 48);
		for (int i = 0; i < 64 * 48; i++)
			bp.set(i, (i * 13) % 256);
		final ImagePlus imp = new ImagePlus("s", bp);
		final Calibration cal = imp.getCalibration();
		cal.setUnit("inch");
		cal.pixelWidth = cal.pixelHeight = 1 / 150.0;
		imp.setRoi(new Roi(8, 8, 16, 16));
		WindowManager.setTempCurrentImage(imp);
		try {
			CommandBridge.execute(ScaleCommand.class, imp, "target_dpi=300");
			assertEquals(128, imp.getWidth());
			assertEquals(96, imp.getHeight());
			assertEquals(1 / 300.0, imp.getCalibration().pixelWidth, 1e-12);
			assertEquals(new java.awt.Rectangle(16, 16, 32, 32), imp.getRoi().getBounds());
			Undo.undo();
			assertEquals(64, imp.getWidth());
			assertEquals(1 / 150.0, imp.getCalibration().pixelWidth, 1e-12);
			assertArrayEquals((byte[]) bp.getPixels(), (byte[]) imp.getProcessor().getPixels());
		}
		finally {
			WindowManager.setTempCurrentImage(null);
			Undo.reset();
		}
		final ImagePlus half = new ImagePlus("h", bp.duplicate());
		CommandBridge.execute(ScaleCommand.class, half, "factor=0.5");
		assertEquals(32, half.getWidth());
		for (int y = 0; y < 24; y++)
			for (int x = 0; x < 32; x++) {
				final int sum = bp.get(2 * x, 2 * y) + bp.get(2 * x + 1, 2 * y) + bp.get(2 * x, 2 * y + 1) + bp.get(2 * x
					+ 1, 2 * y + 1);
				assertEquals((sum + 2) / 4, half.getProcessor().get(x, y));
			}
	}

	@Test
	void scaleStackKeepsSlicesAndType() {
		final ImageStack stack = new ImageStack(30, 20);
		for (int s = 0; s < 3; s++) {
			final ByteProcessor bp = new ByteProcessor(30, 20);
			bp.setValue(50 * s + 10);
			bp.fill();
			stack.addSlice("s" + s, bp.convertToRGB());
		}
		final ImagePlus imp = new ImagePlus("st", stack);
		CommandBridge.execute(ScaleCommand.class, imp, "factor=1.5 interpolation=Bilinear");
		assertEquals(3, imp.getStackSize());
		assertEquals(45, imp.getWidth());
		assertEquals(24, imp.getBitDepth());
		for (int s = 1; s <= 3; s++) {
			assertEquals("s" + (s - 1), imp.getStack().getSliceLabel(s));
			assertEquals(50 * (s - 1) + 10, imp.getStack().getProcessor(s).get(20, 10) & 0xff);
		}
	}

	/** Automatic mode: small text grows until capitals are ~30 px; large text is left alone. */
	@Test
	void automaticScaleEnlargesSmallTextOnly() {
		final double[] cap = new double[1];
		final byte[] small = org.ijocr.core.geometry.ScaleTestAccess.textPage(700, 400, 12, cap);
		final ImagePlus imp = new ImagePlus("small", new ByteProcessor(700, 400, small));
		CommandBridge.execute(ScaleCommand.class, imp, "");
		assertEquals(700 * 30 / cap[0], imp.getWidth(), 0.12 * 700 * 30 / cap[0]);
		final ByteProcessor after = (ByteProcessor) imp.getProcessor();
		assertEquals(30, Scale.capHeight((byte[]) after.getPixels(), after.getWidth(), after.getHeight()), 3);
		final byte[] large = org.ijocr.core.geometry.ScaleTestAccess.textPage(900, 400, 36, cap);
		final ByteProcessor lp = new ByteProcessor(900, 400, large);
		final ImagePlus big = new ImagePlus("big", lp);
		CommandBridge.execute(ScaleCommand.class, big, "");
		assertSame(lp, big.getProcessor());
		final ImagePlus wanted = new ImagePlus("w", new ByteProcessor(900, 400, large.clone()));
		CommandBridge.execute(ScaleCommand.class, wanted, "cap_height=72");
		assertEquals(1800, wanted.getWidth(), 200);
	}

	@Test
	void choicesAreTheEnumLabelsAndBadOptionsAreNamed() {
		for (final Class<? extends org.scijava.command.Command> c : List.of(RotateCommand.class, DeskewCommand.class,
			ScaleCommand.class))
		{
			final List<String> choices = CommandBridge.params(c).stream().filter(p -> p.key().equals("interpolation"))
				.findFirst().orElseThrow().choices();
			assertEquals(Arrays.asList(Interpolation.labels()), choices, c.getSimpleName());
		}
		assertEquals(Arrays.stream(RotateCommand.Fill.values()).map(f -> f.label).toList(), CommandBridge.params(
			RotateCommand.class).stream().filter(p -> p.key().equals("fill")).findFirst().orElseThrow().choices());
		final ImagePlus imp = new ImagePlus("t", new ByteProcessor(20, 20));
		assertEquals("give factor or target_dpi, not both", assertThrows(CommandFailure.class, () -> CommandBridge
			.execute(ScaleCommand.class, imp, "factor=2 target_dpi=300")).getMessage());
		assertTrue(assertThrows(CommandFailure.class, () -> CommandBridge.execute(ScaleCommand.class, imp,
			"target_dpi=300")).getMessage().startsWith("target_dpi needs the image's resolution"));
		final ImagePlus wide = new ImagePlus("wide", new ByteProcessor(3000, 1000));
		assertEquals("scaled by 32.0 the image would be 96000×32000 pixels, more than an ImageJ image can hold "
			+ "(2147483639 per plane)", assertThrows(CommandFailure.class, () -> CommandBridge.execute(
				ScaleCommand.class, wide, "factor=32")).getMessage());
		assertEquals(3000, wide.getWidth());
		assertEquals("max_angle=60 is out of range (0.5 to 45)", assertThrows(CommandFailure.class,
			() -> CommandBridge.execute(DeskewCommand.class, imp, "max_angle=60")).getMessage());
		assertTrue(assertThrows(CommandFailure.class, () -> CommandBridge.execute(RotateCommand.class, imp,
			"angle=5 interpolation=Lanczos")).getMessage().startsWith("unknown interpolation 'Lanczos'"));
		assertNotEquals(null, CommandBridge.title(DeskewCommand.class));
	}
}
