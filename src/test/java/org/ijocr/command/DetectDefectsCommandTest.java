package org.ijocr.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.io.FileSaver;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import org.ijocr.cli.Main;
import org.ijocr.core.defect.DefectType;
import org.ijocr.defect.DefectDetectorService;
import org.ijocr.ij1.CommandBridge;
import org.ijocr.ij1.CommandFailure;
import org.ijocr.ij1.DefectsOverlay;
import org.ijocr.ij1.DefectsTable;
import org.ijocr.ij1.SciJava;
import org.ijocr.testutil.NoisePatches;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code OCR Detect Defects} through the bridge with the real detectors (the test-only {@code FakeDarkSquareDetector}
 * has a low priority and never replaces one): pages of paper with salt-and-pepper noise in known rectangles on the
 * detectors' 24-pixel tile grid ({@link NoisePatches}), which the noise detector reports exactly: table, overlay,
 * legend, stacks, selections, image types.
 */
class DetectDefectsCommandTest {

	/** Page size: 12×10 tiles of 24 pixels. */
	static final int W = 288, H = 240;

	/** Patch A: 10 % noise in 2×2 tiles at (24, 24); patch B: 4 % noise in 3×2 tiles at (168, 120). */
	static final Rectangle A = new Rectangle(24, 24, 48, 48), B = new Rectangle(168, 120, 72, 48);

	/** The type the patches are. */
	static final DefectType NOISE = DefectType.SALT_PEPPER_NOISE;

	/** The type option of the noise detector alone. */
	static final String ONLY_NOISE = "type=[" + NOISE.label() + "]";

	static ByteProcessor page(final Rectangle... noisy) {
		final NoisePatches.Patch[] p = new NoisePatches.Patch[noisy.length];
		for (int i = 0; i < noisy.length; i++)
			p[i] = new NoisePatches.Patch(noisy[i], noisy[i] == B ? 0.04 : 0.10);
		return NoisePatches.page(W, H, p);
	}

	private static ResultsTable run(final ImagePlus imp, final String options) {
		final CommandBridge.Outcome out = CommandBridge.execute(DetectDefectsCommand.class, imp, options);
		assertEquals(1, out.tables().size());
		assertEquals("Defects", out.tables().get(0).title());
		assertTrue(out.images().isEmpty(), "no new image");
		return out.tables().get(0).table();
	}

	private static Rectangle row(final ResultsTable rt, final int i) {
		return new Rectangle((int) rt.getValue("X", i), (int) rt.getValue("Y", i), (int) rt.getValue("Width", i),
			(int) rt.getValue("Height", i));
	}

	private static List<Roi> areas(final ImagePlus imp) {
		final List<Roi> list = new ArrayList<>();
		if (imp.getOverlay() != null) for (final Roi r : imp.getOverlay().toArray())
			if ("area".equals(r.getProperty(DefectsOverlay.PROPERTY))) list.add(r);
		return list;
	}

	private static List<Roi> legend(final ImagePlus imp) {
		final List<Roi> list = new ArrayList<>();
		if (imp.getOverlay() != null) for (final Roi r : imp.getOverlay().toArray())
			if ("legend".equals(r.getProperty(DefectsOverlay.PROPERTY))) list.add(r);
		return list;
	}

	@Test
	void tableHasTheColumnsAndOneRowPerArea() {
		final ResultsTable rt = run(new ImagePlus("page", page(A, B)), ONLY_NOISE);
		assertEquals(DefectsTable.COLUMNS, Arrays.asList(rt.getHeadings()));
		assertEquals(2, rt.size());
		assertEquals(A, row(rt, 0));
		assertEquals(B, row(rt, 1));
		for (int i = 0; i < 2; i++) {
			assertEquals(NOISE.name(), rt.getStringValue("Type", i));
			assertEquals(1, rt.getValue("Slice", i));
			assertTrue(rt.getStringValue("Mitigation", i).contains("OCR Median"), rt.getStringValue("Mitigation", i));
			assertTrue(rt.getValue("Score", i) > 0 && rt.getValue("Score", i) <= 1);
		}
		assertTrue(rt.getValue("Score", 0) > rt.getValue("Score", 1) + 0.2, "10 % noise scores above 4 %");
	}

	@Test
	void overlayHasANamedColouredRectanglePerAreaAndALegend() {
		final ImagePlus imp = new ImagePlus("page", page(A, B));
		run(imp, ONLY_NOISE);
		final List<Roi> areas = areas(imp);
		assertEquals(2, areas.size());
		assertEquals(A, areas.get(0).getBounds());
		assertEquals(B, areas.get(1).getBounds());
		for (final Roi r : areas) {
			assertEquals(NOISE.name(), r.getName());
			assertEquals(DefectsOverlay.colour(NOISE), r.getStrokeColor());
			assertEquals(0, r.getPosition(), "single image: every slice");
		}
		final List<Roi> legend = legend(imp);
		assertEquals(1, legend.size(), "one legend line per type present");
		assertTrue(legend.get(0) instanceof TextRoi);
		assertEquals(NOISE.label() + " (2)", ((TextRoi) legend.get(0)).getText().trim());
		assertEquals(DefectsOverlay.colour(NOISE), legend.get(0).getStrokeColor());
		assertEquals(3, imp.getOverlay().size());
	}

	@Test
	void eachTypeHasItsOwnColour() {
		assertEquals(DefectType.values().length, Arrays.stream(DefectType.values()).map(DefectsOverlay::colour)
			.distinct().filter(c -> c != null).count());
	}

	@Test
	void aNewRunReplacesTheDefectAreasAndKeepsOtherOverlayElements() {
		final ImagePlus imp = new ImagePlus("page", page(A, B));
		final Roi mine = new OvalRoi(250, 5, 10, 10);
		imp.setOverlay(new Overlay(mine));
		run(imp, ONLY_NOISE);
		run(imp, ONLY_NOISE);
		assertEquals(4, imp.getOverlay().size(), "the user's oval + 2 areas + 1 legend line");
		assertSame(mine, imp.getOverlay().get(0));
		// the page cleaned up: the areas go, the user's element stays
		final ImagePlus clean = new ImagePlus("page", page());
		clean.setOverlay(imp.getOverlay());
		assertEquals(0, run(clean, ONLY_NOISE).size());
		assertEquals(1, clean.getOverlay().size());
	}

	@Test
	void allRunsEveryRegisteredDetector() {
		final ImagePlus imp = new ImagePlus("page", page(A, B));
		final ResultsTable rt = run(imp, "type=All");
		final List<Rectangle> noise = new ArrayList<>();
		final List<String> types = new ArrayList<>();
		for (int i = 0; i < rt.size(); i++) {
			if (rt.getStringValue("Type", i).equals(NOISE.name())) noise.add(row(rt, i));
			if (!types.contains(rt.getStringValue("Type", i))) types.add(rt.getStringValue("Type", i));
		}
		assertEquals(List.of(A, B), noise);
		assertEquals(List.of(NOISE.name()), types, "the other three detectors find nothing on noisy paper");
		final List<Roi> areas = areas(imp);
		assertEquals(rt.size(), areas.size());
		for (int i = 0; i < rt.size(); i++) {
			assertEquals(row(rt, i), areas.get(i).getBounds(), "row " + i + " is overlay area " + i);
			assertEquals(rt.getStringValue("Type", i), areas.get(i).getName());
		}
		assertEquals(types.size(), legend(imp).size());
		// a page with a glare spot: the real glare detector answers for its type
		final ByteProcessor lit = new ByteProcessor(W, H);
		lit.setValue(180);
		lit.fill();
		lit.setValue(250);
		lit.fill(new OvalRoi(96, 72, 120, 96));
		final ResultsTable glare = run(new ImagePlus("glare", lit), "type=Glare");
		assertEquals(1, glare.size());
		assertEquals("GLARE", glare.getStringValue("Type", 0));
		assertTrue(row(glare, 0).intersects(new Rectangle(126, 102, 60, 36)), "the glare area is on the spot");
	}

	@Test
	void everyStackSliceIsSearched() {
		final ImageStack stack = new ImageStack(W, H);
		stack.addSlice(page(A));
		stack.addSlice(page());
		stack.addSlice(page(B));
		final ImagePlus imp = new ImagePlus("stack", stack);
		final ResultsTable rt = run(imp, ONLY_NOISE);
		assertEquals(2, rt.size());
		assertEquals(A, row(rt, 0));
		assertEquals(1, rt.getValue("Slice", 0));
		assertEquals(B, row(rt, 1));
		assertEquals(3, rt.getValue("Slice", 1));
		final List<Roi> areas = areas(imp);
		assertEquals(1, areas.get(0).getPosition());
		assertEquals(3, areas.get(1).getPosition());
		assertEquals(0, legend(imp).get(0).getPosition(), "the legend shows on every slice");
	}

	@Test
	void aSelectionLimitsTheSearchInImageCoordinates() {
		final ImagePlus imp = new ImagePlus("page", page(A, B));
		imp.setRoi(new Roi(144, 96, 120, 96)); // around B only
		final ResultsTable rt = run(imp, ONLY_NOISE);
		assertEquals(1, rt.size());
		assertEquals(B, row(rt, 0));
		assertEquals(B, areas(imp).get(0).getBounds());
		// an oval whose bounding box holds both patches but whose inside misses the one in the box's corner
		final Rectangle corner = new Rectangle(0, 0, 48, 24);
		final ImagePlus two = new ImagePlus("page", page(corner, B));
		two.setRoi(new OvalRoi(0, 0, W, H));
		final ResultsTable oval = run(two, ONLY_NOISE);
		assertEquals(1, oval.size());
		assertEquals(B, row(oval, 0));
		two.setRoi(new Roi(0, 0, W, H));
		assertEquals(2, run(two, ONLY_NOISE).size(), "the rectangle of the same bounds keeps both");
		// a selection cutting a patch: only its part inside is seen
		imp.setRoi(new Roi(0, 0, 48, 96));
		final ResultsTable cut = run(imp, ONLY_NOISE);
		assertEquals(1, cut.size());
		assertEquals(new Rectangle(24, 24, 24, 48), row(cut, 0));
		imp.setRoi(new Roi(400, 400, 10, 10));
		assertThrows(CommandFailure.class, () -> run(imp, ONLY_NOISE));
	}

	@Test
	void eightBitPixelsAreNotChanged() {
		final ByteProcessor bp = page(A, B);
		final byte[] before = ((byte[]) bp.getPixels()).clone();
		run(new ImagePlus("page", bp), ONLY_NOISE);
		assertArrayEquals(before, (byte[]) bp.getPixels());
	}

	@Test
	void otherImageTypesAreSeenAsGreyAndNotChanged() {
		final ByteProcessor grey = page(A, B);
		final ColorProcessor rgb = grey.convertToColorProcessor();
		final int[] rgbBefore = ((int[]) rgb.getPixels()).clone();
		final ResultsTable fromRgb = run(new ImagePlus("rgb", rgb), ONLY_NOISE);
		assertEquals(List.of(A, B), List.of(row(fromRgb, 0), row(fromRgb, 1)));
		assertArrayEquals(rgbBefore, (int[]) rgb.getPixels());

		final ShortProcessor sixteen = new ShortProcessor(W, H);
		for (int i = 0; i < W * H; i++)
			sixteen.set(i, 1000 + grey.get(i) * 10); // display range 1000..3550 maps back to the 8-bit values
		final short[] shortBefore = ((short[]) sixteen.getPixels()).clone();
		final ImagePlus imp16 = new ImagePlus("16-bit", sixteen);
		imp16.setDisplayRange(1000, 3550);
		final ResultsTable from16 = run(imp16, ONLY_NOISE);
		assertEquals(List.of(A, B), List.of(row(from16, 0), row(from16, 1)));
		assertEquals(fromRgb.getValue("Score", 1), from16.getValue("Score", 1), 0.01);
		assertArrayEquals(shortBefore, (short[]) sixteen.getPixels());

		final FloatProcessor f = grey.convertToFloatProcessor();
		f.multiply(1 / 255.0);
		final ImagePlus imp32 = new ImagePlus("32-bit", f);
		imp32.setDisplayRange(0, 1);
		final ResultsTable from32 = run(imp32, ONLY_NOISE);
		assertEquals(List.of(A, B), List.of(row(from32, 0), row(from32, 1)));
	}

	@Test
	void anInvertedLutIsUndone() {
		final ByteProcessor bp = page(A, B);
		bp.invert(); // paper now 25 in the pixels ...
		bp.invertLut(); // ... but shown dark
		final ResultsTable rt = run(new ImagePlus("inverted", bp), ONLY_NOISE);
		assertEquals(List.of(A, B), List.of(row(rt, 0), row(rt, 1)));
	}

	@Test
	void aCleanPageGivesAnEmptyTableWithTheColumns() {
		final ImagePlus imp = new ImagePlus("clean", page());
		final ResultsTable rt = run(imp, ONLY_NOISE);
		assertEquals(0, rt.size());
		assertEquals(DefectsTable.COLUMNS, Arrays.asList(rt.getHeadings()));
		assertNull(imp.getOverlay());
		assertEquals("Type,X,Y,Width,Height,Score,Slice,Mitigation\n", DefectsTable.csv(rt));
	}

	@Test
	void anUnknownTypeIsRefusedNamingTheRegisteredChoices() {
		final CommandFailure e = assertThrows(CommandFailure.class, () -> run(new ImagePlus("page", page(A)),
			"type=Smudges"));
		final String m = e.getMessage();
		assertTrue(m.contains("unknown type 'Smudges'"), m);
		for (final String label : service().labels())
			assertTrue(m.contains(label), m);
		assertTrue(m.contains("All"), m);
	}

	@Test
	void theTypeChoicesAreAllAndTheRegisteredTypes() {
		final List<CommandBridge.Param> params = CommandBridge.params(DetectDefectsCommand.class);
		assertEquals(List.of("type", "roi_manager"), params.stream().map(CommandBridge.Param::key).toList());
		final List<String> expected = new ArrayList<>(List.of("All"));
		expected.addAll(service().labels());
		assertEquals(expected, params.get(0).choices());
		assertEquals("All", params.get(0).defaultValue());
		assertEquals(false, params.get(1).defaultValue());
		assertEquals(List.of("All", "Salt-and-pepper noise", "Low contrast", "Blur", "Glare"), params.get(0).choices(),
			"the four real detectors");
		CommandBridge.validate(DetectDefectsCommand.class, "type=glare roi_manager");
		assertThrows(CommandFailure.class, () -> CommandBridge.validate(DetectDefectsCommand.class, "type=Smudges"));
	}

	@Test
	void roiManagerWithoutADisplayKeepsTheOverlay() {
		final ImagePlus imp = new ImagePlus("page", page(A, B));
		final ResultsTable rt = run(imp, ONLY_NOISE + " roi_manager");
		assertEquals(2, rt.size());
		assertEquals(2, areas(imp).size());
	}

	@Test
	void theFlattenedPageShowsTheAreasInTheirColour() {
		final ImagePlus imp = new ImagePlus("page", page(A, B));
		run(imp, ONLY_NOISE);
		final ImagePlus flat = DefectsOverlay.flatten(imp, 1);
		assertEquals(24, flat.getBitDepth());
		final int colour = DefectsOverlay.colour(NOISE).getRGB() & 0xffffff;
		// the outline of B: its left edge column, halfway down
		assertEquals(colour, flat.getProcessor().get(B.x, B.y + B.height / 2) & 0xffffff);
		// inside B, away from the outline: the page's grey
		final int x = B.x + B.width / 2, y = B.y + B.height / 2, grey = imp.getProcessor().get(x, y);
		assertEquals(grey * 0x010101, flat.getProcessor().get(x, y) & 0xffffff);
		assertNotNull(imp.getOverlay(), "the image keeps its overlay");
	}

	@Test
	void theExampleMacroChecksThePageItFindsDefectsIn(@TempDir final Path tmp) throws Exception {
		final Path png = tmp.resolve("squares.png");
		new FileSaver(new ImagePlus("noise", page(A, B))).saveAsPng(png.toString());
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final int status = Main.runMacro(Files.readString(Path.of("macros/detect-defects.ijm")), png + "," + tmp,
			"detect-defects.ijm", new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
		final ImagePlus drawn = IJ.openImage(tmp.resolve("defects.png").toString());
		assertEquals(DefectsOverlay.colour(NOISE).getRGB() & 0xffffff, drawn.getProcessor().get(B.x, B.y
			+ 3) & 0xffffff, "the flattened page shows the area");
	}

	static DefectDetectorService service() {
		return SciJava.context().service(DefectDetectorService.class);
	}
}
