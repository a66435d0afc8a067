package org.ijocr.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import org.ijocr.core.defect.DefectType;
import org.ijocr.ij1.CommandBridge;
import org.ijocr.ij1.DefectsOverlay;
import org.junit.jupiter.api.Test;

/**
 * {@code OCR Detect Defects type=All} with the real detectors on the six shipped samples ({@code samples/*.png}, A4
 * at 150 dpi, made by {@code testutil.SamplePages}): exactly the expected types on each, and where the defect sits.
 */
class DetectDefectsSampleTest {

	/** The sample is 1240×1754 (A4 at 150 dpi). */
	private static final int W = 1240, H = 1754;

	/** Runs the command on a sample; checks table row i against overlay ROI i; returns the rows as (type, box). */
	private static List<Row> detect(final String name) {
		final ImagePlus imp = IJ.openImage("samples/" + name);
		assertNotNull(imp, name);
		assertEquals(W, imp.getWidth());
		assertEquals(H, imp.getHeight());
		final ResultsTable rt = CommandBridge.execute(DetectDefectsCommand.class, imp, "type=All").tables().get(0)
			.table();
		final List<Row> rows = new ArrayList<>();
		final Roi[] overlay = imp.getOverlay() == null ? new Roi[0] : imp.getOverlay().toArray();
		for (int i = 0; i < rt.size(); i++) {
			final DefectType t = DefectType.valueOf(rt.getStringValue("Type", i));
			final Rectangle box = new Rectangle((int) rt.getValue("X", i), (int) rt.getValue("Y", i), (int) rt.getValue(
				"Width", i), (int) rt.getValue("Height", i));
			assertEquals(t.name(), overlay[i].getName(), name + " row " + i);
			assertEquals(box, overlay[i].getBounds(), name + " row " + i);
			assertEquals(DefectsOverlay.colour(t), overlay[i].getStrokeColor(), name + " row " + i);
			assertTrue(rt.getValue("Score", i) > 0 && rt.getValue("Score", i) <= 1, name + " row " + i);
			assertFalse(rt.getStringValue("Mitigation", i).isBlank(), name + " row " + i);
			rows.add(new Row(t, box));
		}
		return rows;
	}

	private record Row(DefectType type, Rectangle box) {}

	/** The types of the rows, each once, in the order of DefectType. */
	private static List<DefectType> types(final List<Row> rows) {
		return java.util.Arrays.stream(DefectType.values()).filter(t -> rows.stream().anyMatch(r -> r.type() == t))
			.toList();
	}

	private static long overlap(final Rectangle a, final Rectangle b) {
		final Rectangle i = a.intersection(b);
		return i.isEmpty() ? 0 : (long) i.width * i.height;
	}

	@Test
	void cleanSampleHasNoArea() {
		assertEquals(List.of(), detect("01-clean.png"));
	}

	@Test
	void saltAndPepperSampleIsOnePageSizedNoiseArea() {
		final List<Row> rows = detect("02-salt-and-pepper.png");
		assertEquals(List.of(new Row(DefectType.SALT_PEPPER_NOISE, new Rectangle(0, 0, W, H))), rows);
	}

	@Test
	void unevenLightSampleIsLowContrastInTheShadow() {
		final List<Row> rows = detect("03-uneven-light.png");
		assertEquals(List.of(DefectType.LOW_CONTRAST), types(rows), rows.toString());
		// the light falls toward (1.1 w, 1.1 h), to about 0.6 at the text's bottom-right corner (0.6-inch margins):
		// there the paper is darker than the midpoint of the page's ink and paper; the lit rest of the page is fine
		final Rectangle bottomRight = new Rectangle(W / 2, H / 2, W / 2, H / 2);
		long in = 0, all = 0;
		boolean corner = false;
		for (final Row r : rows) {
			in += overlap(r.box(), bottomRight);
			all += (long) r.box().width * r.box().height;
			corner |= r.box().contains(W - 150, H - 200);
		}
		assertTrue(corner, "a shadow box holds the deepest shaded text: " + rows);
		assertTrue(in >= 0.9 * all, "the shadow boxes lie in the bottom-right quarter: " + rows);
	}

	@Test
	void blurSampleIsBlurOverTheLowerHalf() {
		final List<Row> rows = detect("04-blur.png");
		assertEquals(List.of(DefectType.BLUR), types(rows), rows.toString());
		final Rectangle lower = new Rectangle(0, H / 2, W, H - H / 2), upper = new Rectangle(0, 0, W, H / 2);
		long in = 0, out = 0;
		for (final Row r : rows) {
			in += overlap(r.box(), lower);
			out += overlap(r.box(), upper);
		}
		// the text body (0.6-inch margins) of the lower half is about 70 % of it
		assertTrue(in >= 0.6 * lower.width * lower.height, "blur box covers most of the lower half: " + rows);
		assertTrue(out <= 0.1 * upper.width * upper.height, "little of the sharp upper half: " + rows);
	}

	@Test
	void glareSampleIsGlareOnTheSpot() {
		final List<Row> rows = detect("05-glare.png");
		assertEquals(List.of(DefectType.GLARE), types(rows), rows.toString());
		// the spot: ellipse at (0.62 w, 0.4 h) with half-axes 0.22 w, 0.12 h, washed out inside ~0.7 of them
		final Rectangle core = new Rectangle((int) (0.62 * W - 0.15 * W), (int) (0.4 * H - 0.08 * H), (int) (0.3 * W),
			(int) (0.16 * H));
		long on = 0, all = 0;
		for (final Row r : rows) {
			on += overlap(r.box(), core);
			all += (long) r.box().width * r.box().height;
		}
		assertTrue(on >= 0.5 * core.width * core.height, "glare box covers the spot: " + rows);
		assertTrue(all <= 2.5 * core.width * core.height, "glare box is not much larger than the spot: " + rows);
	}

	@Test
	void lowContrastSampleIsOnePageSizedLowContrastArea() {
		final List<Row> rows = detect("06-low-contrast.png");
		assertEquals(List.of(new Row(DefectType.LOW_CONTRAST, new Rectangle(0, 0, W, H))), rows);
	}
}
