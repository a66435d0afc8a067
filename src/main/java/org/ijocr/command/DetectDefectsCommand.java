package org.ijocr.command;

import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import org.ijocr.defect.DefectDetector;
import org.ijocr.defect.DefectDetectorService;
import org.ijocr.ij1.Defects;
import org.ijocr.ij1.DefectsOverlay;
import org.ijocr.ij1.DefectsTable;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.DynamicCommand;
import org.scijava.module.MutableModuleItem;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Detect Defects}: finds the areas of a page that would make OCR misread it — salt-and-pepper noise, low
 * contrast, blur, glare, as many as detectors are registered ({@link DefectDetectorService}) — and shows them:
 * <ul>
 * <li>a table titled {@code Defects} ({@link DefectsTable}): one row per area with its type code, box, severity
 * score (0–1), slice and the suite's commands that address it; no rows (and a line in the Log and status bar)
 * when the page has no defect;</li>
 * <li>the image's overlay ({@link DefectsOverlay}): a rectangle per area, named by type code, in one colour per type,
 * with a legend in the top-left corner; a new run replaces the previous defect areas and keeps other overlay
 * elements; optionally the rectangles also go to the ROI Manager (not without a display).</li>
 * </ul>
 * Any image type (RGB by luminance, 16/32-bit through the display range); every stack slice; an area selection
 * limits the search. The pixels are never changed.
 */
@Plugin(type = Command.class, label = "OCR Detect Defects",
	description = "Finds areas with noise, low contrast, blur or glare, in a table and as overlay rectangles")
public class DetectDefectsCommand extends DynamicCommand {

	@Parameter(persist = false)
	private ImagePlus imp;

	@Parameter
	private DefectDetectorService detectors;

	@Parameter(label = "Type", description = "the kind of defect to look for (All = every registered detector)",
		initializer = "initTypes")
	private String type = DefectDetectorService.ALL;

	@Parameter(label = "ROI Manager", description = "also add the areas to the ROI Manager (needs a display)")
	private boolean roi_manager = false;

	@Parameter(type = ItemIO.OUTPUT, label = DefectsTable.TITLE)
	private ResultsTable table;

	/** The {@code type} choices: "All" and the labels of the registered detectors' types. */
	protected void initTypes() {
		final List<String> choices = new ArrayList<>();
		choices.add(DefectDetectorService.ALL);
		choices.addAll(detectors.labels());
		final MutableModuleItem<String> item = getInfo().getMutableInput("type", String.class);
		item.setChoices(choices);
	}

	@Override
	public void run() {
		final List<DefectDetector> chosen = detectors.select(type);
		if (chosen.isEmpty()) throw new IllegalStateException("no defect detectors are registered (no DefectDetector plugin found)");
		final List<Defects.Found> found = Defects.find(imp, detectors, chosen);
		table = DefectsTable.of(found);
		final List<Roi> rois = DefectsOverlay.show(imp, found);
		final String title = getInfo().getLabel();
		if (found.isEmpty()) {
			final String message = title + ": no defects found in " + imp.getTitle();
			IJ.log(message);
			IJ.showStatus(message);
		}
		else IJ.showStatus(title + ": " + found.size() + " defect area(s) in " + imp.getTitle());
		if (roi_manager && !rois.isEmpty()) DefectsOverlay.addToRoiManager(rois, title);
	}
}
