package org.ijocr.ij1;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** A command for the bridge tests: every parameter type, an output image and an output table. */
@Plugin(type = Command.class, label = "OCR Probe")
public class ProbeCommand implements Command {

	@Parameter(persist = false, required = false)
	ImagePlus imp;

	@Parameter(label = "Radius", min = "0", max = "10")
	double radius = 1.5;

	@Parameter(label = "Count", min = "1")
	int count = 3;

	@Parameter(label = "Method", choices = { "Auto", "Otsu", "Gaussian adaptive" })
	String method = "Auto";

	@Parameter(label = "Dark background")
	boolean dark_background;

	@Parameter(label = "Title")
	String title = "probe";

	/** Optional: NaN (not set) unless given. */
	@Parameter(label = "Weight")
	double weight = Double.NaN;

	@Parameter(type = ItemIO.OUTPUT)
	ImagePlus created;

	@Parameter(type = ItemIO.OUTPUT, label = "Probe Table")
	ResultsTable table;

	@Parameter(type = ItemIO.OUTPUT, label = "Twice the radius")
	double twice;

	static volatile String seen;

	@Override
	public void run() {
		if (method.equals("Otsu") && count == 13) throw new IllegalArgumentException("count 13 is unlucky");
		seen = "radius=" + radius + " count=" + count + " method=" + method + " dark_background=" + dark_background
			+ " title=" + title + (Double.isNaN(weight) ? "" : " weight=" + weight) + " imp=" + (imp == null ? "none"
				: imp.getTitle());
		created = new ImagePlus(title, new ByteProcessor(4, 3));
		table = new ResultsTable();
		table.addValue("Count", count);
		twice = 2 * radius;
	}
}
