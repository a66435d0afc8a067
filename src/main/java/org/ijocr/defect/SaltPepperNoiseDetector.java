package org.ijocr.defect;

import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.DefectType;
import org.ijocr.core.defect.ImpulseNoiseDetector;
import org.scijava.plugin.Plugin;

/**
 * Salt-and-pepper noise: {@link ImpulseNoiseDetector} with its defaults. Mitigation: below about 3 % noise
 * ({@code score < 0.3}) a 3&times;3 {@code OCR Median} removes the isolated specks and keeps the page grey for the
 * steps after it; denser noise leaves clusters a plain median misses, so {@code OCR Denoise} (switching median and
 * speck removal, black-and-white result) comes first.
 */
@Plugin(type = DefectDetector.class, name = "Salt-and-pepper noise")
public class SaltPepperNoiseDetector implements DefectDetector {

	/** Score from which {@code OCR Denoise} is advised first (an estimated noise density of 3 %). */
	public static final double DENSE = 0.3;

	@Override
	public DefectType type() {
		return DefectType.SALT_PEPPER_NOISE;
	}

	@Override
	public List<DefectArea> detect(final RandomAccessibleInterval<UnsignedByteType> page) {
		return ImpulseNoiseDetector.detect(page);
	}

	@Override
	public String mitigation(final DefectArea area) {
		return area.score() < DENSE ? "OCR Median; OCR Denoise" : "OCR Denoise; OCR Median";
	}
}
