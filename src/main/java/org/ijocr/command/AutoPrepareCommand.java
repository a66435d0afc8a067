package org.ijocr.command;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.ijocr.core.prepare.PrepareParams;
import org.ijocr.defect.DefectDetectorService;
import org.ijocr.ij1.Prepare;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Auto Prepare}: the page as OCR wants it, made from what is wrong with it. Every registered defect detector
 * runs; each area found gets its mitigation there and only there, blended into the page around it (noise: switching
 * median, then despeckling after binarization; glare and low contrast: local range normalisation; blur: unsharp
 * mask); then the page is deskewed and binarized with the suite's {@code Auto} method. The result is a new 8-bit
 * image, {@code <title>-prepared} (of the selection's bounding box if there is an area selection; every slice of a
 * stack), and a table titled {@code Prepare Log} (slice, step, area, parameters, time). The original image is never
 * changed. Each step can be skipped ({@code skip_fixes}, {@code skip_deskew},
 * {@code skip_upscale}, {@code skip_binarize}).
 */
@Plugin(type = Command.class, label = "OCR Auto Prepare",
	description = "Detect the defects, fix each area, deskew and binarize: a new image ready for OCR, with a log")
public class AutoPrepareCommand implements Command {

	@Parameter(persist = false)
	private ImagePlus imp;

	@Parameter
	private DefectDetectorService detectors;

	// Skip flags rather than "do" flags: in ImageJ's macro language a checkbox key that is absent means false, so
	// run("OCR Auto Prepare") and run("OCR Auto Prepare", "skip_deskew") do what they say.
	@Parameter(label = "Skip defect fixes", description = "do not detect and fix noise, low contrast, blur and glare")
	private boolean skip_fixes = false;

	@Parameter(label = "Skip deskew", description = "do not straighten skewed text lines")
	private boolean skip_deskew = false;

	@Parameter(label = "Skip upscaling", description = "keep the size even when the text is small (capitals under "
		+ "23 pixels are otherwise enlarged to about 30)")
	private boolean skip_upscale = false;

	@Parameter(label = "Skip binarization", description = "keep grey levels (no black-and-white Auto binarization)")
	private boolean skip_binarize = false;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus prepared;

	@Parameter(type = ItemIO.OUTPUT, label = Prepare.LOG_TITLE)
	private ResultsTable log;

	@Override
	public void run() {
		final Prepare.Outcome o = Prepare.run(imp, detectors, new PrepareParams(!skip_fixes, !skip_deskew,
			!skip_upscale, !skip_binarize));
		prepared = o.prepared();
		log = Prepare.table(o.log());
		IJ.showStatus("OCR Auto Prepare: " + o.defects().size() + " defect area(s) fixed in " + imp.getTitle());
	}
}
