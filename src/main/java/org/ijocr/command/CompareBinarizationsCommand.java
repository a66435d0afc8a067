package org.ijocr.command;

import java.awt.Rectangle;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import org.ijocr.core.threshold.Binarize;
import org.ijocr.core.threshold.BinarizeMethod;
import org.ijocr.core.threshold.BinarizeParams;
import org.ijocr.ij1.ImageFilters;
import org.ijocr.ij1.ImgWrap;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Compare Binarizations}: every binarization method of {@code OCR Binarize}, with its default
 * parameters, on the current image side by side — to choose a method by eye (the idea of the "Try all" option of
 * G. Landini's Auto Threshold and Auto Local Threshold plugins). With an area selection, only the selection's
 * bounding box is compared, at full resolution: select a few lines of text to judge the details. The image is not
 * changed; the result is a new image (a labelled montage, or a stack with one labelled slice per method), and a
 * table titled {@code Binarizations} lists per method its global threshold (empty for local methods), the share
 * of ink and the time taken.
 */
@Plugin(type = Command.class, label = "OCR Compare Binarizations",
	description = "All binarization methods side by side, to choose one by eye")
public class CompareBinarizationsCommand implements Command {

	/** Pixels of mid grey between the panels of a montage. */
	static final int GAP = 4;

	/** Above this many pixels, an automatic-scale montage is shrunk to it. */
	static final double MAX_MONTAGE_PIXELS = 16e6;

	@Parameter(persist = false)
	private ImagePlus imp;

	@Parameter(label = "Output", description = "Montage = one labelled image; Stack = one labelled slice per method",
		choices = { "Montage", "Stack" })
	private String output = "Montage";

	@Parameter(label = "Scale", description = "size of each panel relative to the image; 0 = automatic (1, or "
		+ "smaller so that a montage stays under 16 megapixels)", min = "0", max = "1", stepSize = "0.05")
	private double scale = 0;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus comparison;

	@Parameter(type = ItemIO.OUTPUT, label = "Binarizations")
	private ResultsTable table;

	@Override
	public void run() {
		if (!(scale >= 0 && scale <= 1)) throw new IllegalArgumentException("scale=" + scale
			+ " is out of range (0 to 1)");
		final ByteProcessor grey = currentGrey();
		final int w = grey.getWidth(), h = grey.getHeight();
		final ImageStack stack = new ImageStack(w, h);
		table = new ResultsTable();
		table.showRowNumbers(false);
		for (final BinarizeMethod m : BinarizeMethod.values()) {
			final ByteProcessor binary = new ByteProcessor(w, h);
			final long t0 = System.nanoTime();
			final double t = Binarize.binarize(BinarizeParams.of(m), ImgWrap.bytes(grey), ImgWrap.bytes(binary));
			final double ms = (System.nanoTime() - t0) / 1e6;
			stack.addSlice(m.label(), binary);
			table.incrementCounter();
			table.addValue("Method", m.label());
			if (Double.isNaN(t)) table.addValue("Threshold", "");
			else table.addValue("Threshold", t);
			table.addValue("Ink %", 100.0 * binary.getHistogram()[0] / ((double) w * h));
			table.addValue("Time (ms)", ms);
		}
		final String title = "Binarizations of " + imp.getTitle();
		final ImagePlus all = new ImagePlus(title, stack);
		all.setCalibration(imp.getCalibration());
		if (output.equals("Stack")) {
			comparison = scale == 0 || scale == 1 ? all : scaled(all, scale);
			comparison.setTitle(title);
			return;
		}
		final int n = stack.getSize();
		final int columns = (int) Math.ceil(Math.sqrt(n * (double) h / w)); // a roughly square montage
		final int rows = (int) Math.ceil(n / (double) columns);
		final double s = scale > 0 ? scale : Math.min(1, Math.sqrt(MAX_MONTAGE_PIXELS / ((double) columns * rows * w
			* h)));
		comparison = new ImagePlus(title, montage(s == 1 ? all : scaled(all, s), columns, rows));
		comparison.setCalibration(imp.getCalibration());
	}

	/** Panels in rows, separated by {@value #GAP} pixels of mid grey, each labelled with its slice label. */
	private static ByteProcessor montage(final ImagePlus panels, final int columns, final int rows) {
		final ImageStack stack = panels.getStack();
		final int pw = stack.getWidth(), ph = stack.getHeight();
		final ByteProcessor m = new ByteProcessor(columns * pw + (columns - 1) * GAP, rows * ph + (rows - 1) * GAP);
		m.setColor(128);
		m.fill();
		for (int i = 0; i < stack.getSize(); i++)
			m.insert(stack.getProcessor(i + 1), (i % columns) * (pw + GAP), (i / columns) * (ph + GAP));
		labelPanels(m, stack, columns, pw + GAP, ph + GAP);
		return m;
	}

	/** The 8-bit grey version of the current slice (as {@code OCR Binarize} sees it), cropped to a selection. */
	private ByteProcessor currentGrey() {
		final ByteProcessor grey = ImageFilters.toGrey(imp.getProcessor(), imp.getDisplayRangeMin(), imp
			.getDisplayRangeMax(), imp.getBitDepth() == 8 && imp.isInvertedLut());
		final Roi roi = imp.getRoi();
		if (roi == null || !roi.isArea()) return grey;
		final Rectangle b = roi.getBounds().intersection(new Rectangle(grey.getWidth(), grey.getHeight()));
		if (b.isEmpty()) throw new IllegalArgumentException("the selection lies outside the image");
		grey.setRoi(b);
		return (ByteProcessor) grey.crop();
	}

	private static ImagePlus scaled(final ImagePlus imp, final double s) {
		final int w = Math.max(1, (int) Math.round(imp.getWidth() * s)), h = Math.max(1, (int) Math.round(imp
			.getHeight() * s));
		final ImageStack in = imp.getStack(), out = new ImageStack(w, h);
		for (int i = 1; i <= in.getSize(); i++) {
			final ImageProcessor ip = in.getProcessor(i);
			ip.setInterpolationMethod(ImageProcessor.BILINEAR);
			out.addSlice(in.getSliceLabel(i), ip.resize(w, h, true));
		}
		return new ImagePlus(imp.getTitle(), out);
	}

	/** Writes each method's name in a white box at the top left of its panel (readable on any result). */
	private static void labelPanels(final ImageProcessor ip, final ImageStack stack, final int columns,
		final int pw, final int ph)
	{
		final int size = Math.max(10, Math.min(48, pw / 14));
		ip.setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, size));
		ip.setAntialiasedText(false);
		for (int i = 0; i < stack.getSize(); i++) {
			final int x = (i % columns) * pw + 4, y = (i / columns) * ph + 4;
			final String label = stack.getSliceLabel(i + 1);
			final int tw = ip.getStringWidth(label);
			ip.setColor(255);
			ip.setRoi(x, y, tw + size / 2, size + size / 3);
			ip.fill();
			ip.resetRoi();
			ip.setColor(0);
			ip.drawString(label, x + size / 4, y + size + size / 6);
		}
	}
}
