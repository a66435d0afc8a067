package org.ijocr.defect;

import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.DefectType;
import org.scijava.plugin.Plugin;

/**
 * Blur: {@link org.ijocr.core.defect.BlurDetector} with its defaults. Mitigation: blur up to about 0.8 of a stroke width (score &lt; 0.8) leaves the glyph shapes; enlarging the page ({@code OCR Scale}, e.g. to 300&ndash;400 dpi) gives the recogniser more pixels per stroke and a local threshold ({@code OCR Binarize method=Sauvola}) then cuts the softened edges at the right level; blur of a stroke width or more merges strokes and counters, which no filter separates again: re-capture.
 */
@Plugin(type = DefectDetector.class, name = "Blur")
public class BlurDetector implements DefectDetector {

	@Override
	public DefectType type() {
		return DefectType.BLUR;
	}

	@Override
	public List<DefectArea> detect(final RandomAccessibleInterval<UnsignedByteType> page) {
		return org.ijocr.core.defect.BlurDetector.detect(page);
	}

	@Override
	public String mitigation(final DefectArea area) {
		return area.score() >= 0.8 ? "re-capture" : "OCR Scale; OCR Binarize method=Sauvola";
	}
}
