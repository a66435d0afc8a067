package org.ijocr.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * {@code OCR Detect Defects} with the real salt-and-pepper detector on the shipped impulse-noise sample (what
 * {@code macros/detect-defects.ijm} shows). Skipped while no detector serves {@link DefectType#SALT_PEPPER_NOISE}
 * (the user-facing side was built before the detectors); once they are merged the test must run, not skip.
 */
class DetectDefectsSampleTest {

	@Test
	void theSaltAndPepperSampleHasNoiseAreas() {
		assumeTrue(DetectDefectsCommandTest.service().detector(DefectType.SALT_PEPPER_NOISE) != null,
			"no salt-and-pepper detector registered yet");
		final ImagePlus imp = IJ.openImage("samples/02-salt-and-pepper.png");
		assertNotNull(imp);
		final ResultsTable rt = CommandBridge.execute(DetectDefectsCommand.class, imp, "type=All").tables().get(0)
			.table();
		final List<Integer> noise = new ArrayList<>();
		for (int i = 0; i < rt.size(); i++)
			if (rt.getStringValue("Type", i).equals("SALT_PEPPER_NOISE")) noise.add(i);
		assertFalse(noise.isEmpty(), "at least one salt-and-pepper area on the impulse-noise sample");
		final Roi[] overlay = imp.getOverlay().toArray();
		for (final int i : noise) {
			assertEquals("SALT_PEPPER_NOISE", overlay[i].getName());
			assertEquals(DefectsOverlay.colour(DefectType.SALT_PEPPER_NOISE), overlay[i].getStrokeColor());
			assertTrue(rt.getValue("Score", i) > 0 && rt.getValue("Score", i) <= 1);
			assertFalse(rt.getStringValue("Mitigation", i).isBlank());
		}
		// the single type finds the same noise areas
		final ResultsTable only = CommandBridge.execute(DetectDefectsCommand.class, imp, "type=[Salt-and-pepper noise]")
			.tables().get(0).table();
		assertEquals(noise.size(), only.size());
	}
}
