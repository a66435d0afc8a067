package org.ijocr.defect;

import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.DefectType;
import org.scijava.plugin.Plugin;

/**
 * Low contrast: {@link org.ijocr.core.defect.LowContrastDetector} with its defaults. Mitigation: faint text (score &ge; 0.6, ink and paper less than 64 levels apart) is stretched first ({@code OCR Auto Contrast}); otherwise the problem is uneven light (a shadow), which {@code OCR Flatten Background} removes; in both cases a local threshold ({@code OCR Binarize method=Sauvola}) copes with what remains.
 */
@Plugin(type = DefectDetector.class, name = "Low contrast")
public class LowContrastDetector implements DefectDetector {

	@Override
	public DefectType type() {
		return DefectType.LOW_CONTRAST;
	}

	@Override
	public List<DefectArea> detect(final RandomAccessibleInterval<UnsignedByteType> page) {
		return org.ijocr.core.defect.LowContrastDetector.detect(page);
	}

	@Override
	public String mitigation(final DefectArea area) {
		return area.score() >= org.ijocr.core.defect.LowContrastDetector.FAINT_SCORE
			? "OCR Auto Contrast; OCR Binarize method=Sauvola" : "OCR Flatten Background; OCR Binarize method=Sauvola";
	}
}
