package org.ijocr.command;

import ij.ImagePlus;

import org.ijocr.core.threshold.Binarize;
import org.ijocr.core.threshold.BinarizeMethod;
import org.ijocr.core.threshold.BinarizeParams;
import org.ijocr.core.threshold.LocalParam;
import org.ijocr.ij1.ImageFilters;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Binarize}: black text on white paper. {@code method=Auto} (default) is the suite's document-grade
 * local method; the global methods pick one threshold from the histogram (of the selection, if there is one); the
 * local methods (Sauvola, Wolf, Niblack, Bernsen, Phansalkar, Gaussian adaptive, Mean) threshold each pixel from
 * its (2·radius + 1)² window, with {@code radius}, {@code k}, {@code r}, {@code offset} and {@code contrast} as the
 * method takes them — each left unset (blank or {@code default}) takes the method's published default, and any
 * value, 0 included, is used as given; a key the method does not take is an error. {@code threshold=1…255} sets a
 * manual global threshold (a pixel lighter than it becomes white). RGB is converted by luminance, 16/32-bit through
 * the display range; the result is 8-bit, ink 0, paper 255, normal LUT.
 */
@Plugin(type = Command.class, label = "OCR Binarize", description = "Binarize a page: black text on white")
public class BinarizeCommand implements Command {

	@Parameter(persist = false)
	private ImagePlus imp;

	/** The choices are {@link BinarizeMethod}'s labels, in order (a test keeps the two in step). */
	@Parameter(label = "Method", description = "Auto = document-grade local method; Otsu … Minimum = global "
		+ "thresholds; Sauvola … Mean = local thresholds", choices = { "Auto", "Otsu", "Li", "Triangle", "Huang",
			"MaxEntropy", "IsoData", "Global mean", "Minimum", "Sauvola", "Wolf", "Niblack", "Bernsen", "Phansalkar",
			"Gaussian adaptive", "Mean" })
	private String method = "Auto";

	@Parameter(label = "Threshold", description = "0 = automatic (by the method); 1–255 = manual global threshold: "
		+ "pixels lighter than it become white", min = "0", max = "255")
	private int threshold = 0;

	@Parameter(label = "Radius", description = "local methods: window (2·radius+1)² pixels; default: Sauvola, "
		+ "Niblack 7, Wolf 20, the others 15", min = "0", max = "1000")
	private double radius = Double.NaN;

	@Parameter(label = "K", description = "Sauvola (default 0.5), Wolf (0.5), Niblack (−0.2), Phansalkar (0.25): "
		+ "weight of the local standard deviation")
	private double k = Double.NaN;

	@Parameter(label = "R", description = "Sauvola (default 128), Phansalkar (0.5): dynamic range of the standard "
		+ "deviation")
	private double r = Double.NaN;

	@Parameter(label = "Offset", description = "Mean, Gaussian adaptive (default 2): grey levels subtracted from the "
		+ "local mean")
	private double offset = Double.NaN;

	@Parameter(label = "Contrast", description = "Bernsen (default 15): windows of lower contrast are one class",
		min = "0", max = "255")
	private double contrast = Double.NaN;

	@Override
	public void run() {
		final BinarizeParams params = new BinarizeParams(BinarizeMethod.fromLabel(method), threshold, radius, k, r,
			offset, contrast);
		final int margin = params.method().isLocal() && !params.isManual() ? (int) params.resolved(LocalParam.RADIUS)
			: 0;
		ImageFilters.toBinary(imp, margin, (grey, binary) -> Binarize.binarize(params, grey, binary));
	}
}
