package org.ijocr.command;

import ij.ImagePlus;

import org.ijocr.core.threshold.Binarize;
import org.ijocr.core.threshold.BinarizeMethod;
import org.ijocr.core.threshold.BinarizeParams;
import org.ijocr.ij1.ImageFilters;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Binarize}: black text on white paper. {@code method=Auto} (default) is the suite's document-grade
 * local method; the global methods pick one threshold from the histogram (of the selection, if there is one);
 * {@code threshold=1…255} sets a manual global threshold (a pixel lighter than it becomes white). RGB is converted
 * by luminance, 16/32-bit through the display range; the result is 8-bit, ink 0, paper 255, normal LUT.
 */
@Plugin(type = Command.class, label = "OCR Binarize", description = "Binarize a page: black text on white")
public class BinarizeCommand implements Command {

	@Parameter(persist = false)
	private ImagePlus imp;

	/** The choices are {@link BinarizeMethod}'s labels, in order (a test keeps the two in step). */
	@Parameter(label = "Method", description = "Auto = document-grade local method; the others are global thresholds",
		choices = { "Auto", "Otsu", "Li", "Triangle", "Huang", "MaxEntropy", "IsoData", "Mean", "Minimum" })
	private String method = "Auto";

	@Parameter(label = "Threshold", description = "0 = automatic (by the method); 1–255 = manual global threshold: "
		+ "pixels lighter than it become white", min = "0", max = "255")
	private int threshold = 0;

	@Override
	public void run() {
		final BinarizeParams params = new BinarizeParams(BinarizeMethod.fromLabel(method), threshold);
		ImageFilters.toBinary(imp, 0, (grey, binary) -> Binarize.binarize(params, grey, binary));
	}
}
