package org.ijocr.command;

import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;

import org.ijocr.core.convert.AutoInvert;
import org.ijocr.core.convert.InvertScope;
import org.ijocr.ij1.ImageFilters;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Auto Invert}: finds light text on a dark background and inverts it, so that all text is dark on light
 * ({@link AutoInvert}). {@code scope=Areas} (default) inverts a negative page and then any negative areas of
 * substantial size that hold text (banners, table headers, dark boxes); {@code scope=Page} only decides for the whole
 * page. A normal page is left exactly as it is. Works on 8-bit, 16-bit, 32-bit (mirrored in the display range) and RGB
 * (each channel) without changing the type; stacks slice by slice; inside a selection (decided on its bounding
 * rectangle). Reports what it did in the Log window: "OCR Auto Invert: inverted page", "inverted 2 areas",
 * "nothing to invert".
 */
@Plugin(type = Command.class, label = "OCR Auto Invert",
	description = "Invert light text on a dark background (whole page or areas); a normal page is left alone")
public class AutoInvertCommand implements Command {

	@Parameter(persist = false)
	private ImagePlus imp;

	/** The choices are {@link InvertScope}'s labels, in order (a test keeps the two in step). */
	@Parameter(label = "Scope", description = "Page: invert the whole page when most of it is dark; Areas: also "
		+ "invert dark areas that hold light text", choices = { "Page", "Areas" })
	private String scope = "Areas";

	@Override
	public void run() {
		final InvertScope s = InvertScope.fromLabel(scope);
		final List<String> found = new ArrayList<>();
		ImageFilters.invertWhere(imp, grey -> {
			final AutoInvert.Result r = AutoInvert.detect(s, grey);
			found.add(r.describe());
			return r.mask();
		});
		if (found.size() == 1) IJ.log("OCR Auto Invert: " + found.get(0));
		else {
			boolean any = false;
			for (int i = 0; i < found.size(); i++)
				if (!found.get(i).equals("nothing to invert")) {
					IJ.log("OCR Auto Invert: slice " + (i + 1) + ": " + found.get(i));
					any = true;
				}
			if (!any) IJ.log("OCR Auto Invert: nothing to invert");
		}
	}
}
