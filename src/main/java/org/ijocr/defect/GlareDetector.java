package org.ijocr.defect;

import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.DefectType;
import org.scijava.plugin.Plugin;

/**
 * Glare: {@link org.ijocr.core.defect.GlareDetector} with its defaults. Mitigation: {@code OCR Flatten Background} brings the bright spot down to the paper level and {@code OCR Auto Contrast} restores the ink contrast; where the spot is saturated (score &ge; 0.9, less than a tenth of the ink contrast left) nothing can bring the ink back: re-capture.
 */
@Plugin(type = DefectDetector.class, name = "Glare")
public class GlareDetector implements DefectDetector {

	@Override
	public DefectType type() {
		return DefectType.GLARE;
	}

	@Override
	public List<DefectArea> detect(final RandomAccessibleInterval<UnsignedByteType> page) {
		return org.ijocr.core.defect.GlareDetector.detect(page);
	}

	@Override
	public String mitigation(final DefectArea area) {
		return area.score() >= 0.9 ? "re-capture" : "OCR Flatten Background; OCR Auto Contrast";
	}
}
