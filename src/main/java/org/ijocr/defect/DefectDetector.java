package org.ijocr.defect;

import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.DefectType;
import org.scijava.plugin.SciJavaPlugin;

/**
 * A detector of one kind of image defect, found by SciJava as a plugin: a new detector is one class annotated
 * {@code @Plugin(type = DefectDetector.class)}. Its algorithm lives in {@code org.ijocr.core.defect}; the plugin
 * only names it and says how to fix what it finds. {@link DefectDetectorService} lists the registered detectors;
 * the {@code OCR Detect Defects} command offers their types as choices.
 */
public interface DefectDetector extends SciJavaPlugin {

	/** The kind of defect this detector finds (one detector per type). */
	DefectType type();

	/**
	 * Finds the areas of this detector's defect on one 2-D grey page (0 = black, 255 = white, any interval origin);
	 * area coordinates are relative to the interval's minimum. A clean page gives an empty list. Thread-safe.
	 */
	List<DefectArea> detect(RandomAccessibleInterval<UnsignedByteType> page);

	/**
	 * The suite command(s) that address this area, as written in the {@code Mitigation} column, e.g.
	 * {@code "OCR Median; OCR Denoise"}, or {@code "re-capture"} where nothing helps.
	 */
	String mitigation(DefectArea area);
}
