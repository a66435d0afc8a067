package org.ijocr.command;

import java.awt.Rectangle;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import org.ijocr.ij1.ImageFilters;

/** What the geometry commands read from a page: the 8-bit grey version of a slice, inside an area selection. */
final class GreySlices {

	private GreySlices() {}

	/**
	 * The 8-bit grey version of stack slice {@code slice} (1-based) of {@code imp} (see
	 * {@link ImageFilters#toGrey}), cropped to the bounds of an area selection if there is one.
	 */
	static ByteProcessor grey(final ImagePlus imp, final int slice) {
		final ImageProcessor ip = imp.getStack().getProcessor(slice);
		final ByteProcessor g = ImageFilters.toGrey(ip, imp.getDisplayRangeMin(), imp.getDisplayRangeMax(), imp
			.getBitDepth() == 8 && imp.isInvertedLut());
		final Roi roi = imp.getRoi();
		if (roi == null || !roi.isArea()) return g;
		final Rectangle r = roi.getBounds().intersection(new Rectangle(imp.getWidth(), imp.getHeight()));
		if (r.isEmpty()) throw new IllegalArgumentException("the selection lies outside the image");
		g.setRoi(r);
		return (ByteProcessor) g.crop();
	}
}
