package org.ijocr.ij1;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import org.ijocr.defect.DefectDetectorService;
import org.ijocr.ocr.OcrDocument;
import org.ijocr.ocr.OcrEngine;
import org.ijocr.ocr.OcrItem;
import org.ijocr.ocr.OcrPage;
import org.ijocr.ocr.OcrParams;

/**
 * The ImageJ side of OCR: an {@link ImagePlus} (every slice, its selection, its resolution) in, and the results out
 * as ImageJ knows them — the {@code OCR Results} table, an overlay of one named ROI per item, and the page text.
 */
public final class OcrImages {

	/** Confidence below which an item's ROI is red. */
	public static final double RED_BELOW = 50;
	/** Confidence below which an item's ROI is orange (green from here on). */
	public static final double ORANGE_BELOW = 80;

	/** The columns of the {@code OCR Results} table, in order. */
	public static final List<String> COLUMNS = List.of("Text", "Confidence", "X", "Y", "Width", "Height", "Level",
		"Block", "Paragraph", "Line", "Slice");

	/** The separator of the pages of a stack in the text (a form feed, as in Tesseract's text output). */
	public static final String PAGE_SEPARATOR = "\f";

	private OcrImages() {}

	/**
	 * The resolution to tell Tesseract: {@code dpi} if positive, else the image's calibration when its unit is a
	 * length (inch, cm, mm, µm), else {@link OcrParams#DEFAULT_DPI}.
	 */
	public static int dpi(final ImagePlus imp, final int dpi) {
		if (dpi > 0) return dpi;
		final Calibration c = imp.getCalibration();
		final double pw = c.pixelWidth;
		if (pw > 0 && !Double.isNaN(pw)) {
			final double perInch = switch (c.getUnit().toLowerCase(Locale.ROOT)) {
				case "inch", "inches", "in" -> 1;
				case "cm", "centimeter", "centimeters" -> 2.54;
				case "mm", "millimeter", "millimeters" -> 25.4;
				case "µm", "um", "micron", "microns", "micrometer" -> 25400;
				default -> Double.NaN;
			};
			if (!Double.isNaN(perInch)) {
				final long d = Math.round(perInch / pw);
				if (d >= 1 && d <= 10000) return (int) d;
			}
		}
		return OcrParams.DEFAULT_DPI;
	}

	/**
	 * The 8-bit grey pixels of slice {@code slice} (1-based) as Tesseract should see them: an 8-bit slice with a
	 * plain grey lookup table is passed as it is (no copy); one with an inverting or other lookup table (e.g. a 1-bit
	 * palette PNG stored as 0/1) is mapped through the table's luminance; 16/32-bit through the display range, RGB by
	 * luminance ({@link ImageFilters#toGrey}).
	 */
	public static byte[] grey(final ImagePlus imp, final int slice) {
		final ImageProcessor ip = imp.getStack().getProcessor(slice);
		if (ip instanceof ByteProcessor) {
			final byte[] px = (byte[]) ip.getPixels();
			final byte[] map = lutLuminance(imp.getProcessor().getColorModel());
			if (map == null) return px;
			final byte[] out = new byte[px.length];
			for (int i = 0; i < px.length; i++)
				out[i] = map[px[i] & 0xff];
			return out;
		}
		return (byte[]) ImageFilters.toGrey(ip, imp.getDisplayRangeMin(), imp.getDisplayRangeMax(), false)
			.getPixels();
	}

	/** The luminance of each of the 256 entries of a lookup table, or {@code null} when it is the plain grey ramp. */
	private static byte[] lutLuminance(final ColorModel cm) {
		if (!(cm instanceof IndexColorModel icm)) return null;
		final byte[] map = new byte[256];
		boolean identity = true;
		final int size = icm.getMapSize();
		for (int i = 0; i < 256; i++) {
			final int v = i >= size ? i : (int) Math.round(0.299 * icm.getRed(i) + 0.587 * icm.getGreen(i) + 0.114
				* icm.getBlue(i));
			map[i] = (byte) v;
			identity &= v == i;
		}
		return identity ? null : map;
	}

	/**
	 * Recognises every slice of {@code imp} in order (within the bounds of its area selection, if any), adding each
	 * page to {@code document} when given. The image is not changed.
	 */
	public static List<OcrPage> recognize(final ImagePlus imp, final OcrParams params, final OcrDocument document) {
		return recognize(imp, params, document, null);
	}

	/**
	 * As {@link #recognize(ImagePlus, OcrParams, OcrDocument)}, each slice prepared first when {@code prepare} is given
	 * ({@link AutoRead}: defects fixed, deskewed, binarized, weak lines read again; the exports hold the first reading
	 * of the prepared page).
	 *
	 * @param prepare the defect detectors for {@code prepare=Auto}, or {@code null} to read the slices as they are
	 */
	public static List<OcrPage> recognize(final ImagePlus imp, final OcrParams params, final OcrDocument document,
		final DefectDetectorService prepare)
	{
		return recognize(imp, params, document, prepare, null);
	}

	/**
	 * As {@link #recognize(ImagePlus, OcrParams, OcrDocument, DefectDetectorService)}, telling {@code pageDone} the
	 * number (1-based) of each slice as soon as it is read (e.g. to show a long stack's progress), when given. Several
	 * slices are read at once when there are {@link Lanes} to spare (each on a Tesseract handle of its own); the pages,
	 * {@code pageDone} and {@code document} get them in slice order.
	 */
	public static List<OcrPage> recognize(final ImagePlus imp, final OcrParams params, final OcrDocument document,
		final DefectDetectorService prepare, final IntConsumer pageDone)
	{
		final Roi roi = imp.getRoi();
		final Rectangle area = roi != null && roi.isArea() ? roi.getBounds() : null;
		final boolean shaped = roi != null && roi.isArea() && roi.getType() != Roi.RECTANGLE;
		final List<OcrPage> pages = new ArrayList<>();
		if (prepare != null) {
			// with prepare=Auto only the readings are wanted: the prepared slices are not kept
			for (final OcrPage page : AutoRead.read(imp, params, prepare, document, (s, r, found) -> {
				if (pageDone != null) pageDone.accept(s);
			}).pages())
				pages.add(shaped ? inside(page, roi) : page);
			return pages;
		}
		final int n = imp.getStackSize(), w = imp.getWidth(), h = imp.getHeight();
		// several slices at once when there are lanes to spare, handed on (and exported) in slice order
		Lanes.inOrder(n, false, SLICE_BYTES * w * h, document, (s, export) -> OcrEngine.recognize(params, grey(imp, s), w,
			h, area, export), (page, s) -> {
				pages.add(shaped ? inside(page, roi) : page);
				if (n > 1) IJ.showProgress(s, n);
				if (pageDone != null) pageDone.accept(s);
			});
		return pages;
	}

	/** About what one slice being read takes in the Java heap, in bytes per pixel (its grey copy; {@link Lanes}). */
	private static final long SLICE_BYTES = 2;

	/** Keeps the items whose box centre lies inside a non-rectangular selection. */
	private static OcrPage inside(final OcrPage page, final Roi roi) {
		final List<OcrItem> kept = new ArrayList<>();
		for (final OcrItem it : page.items())
			if (roi.containsPoint(it.x() + it.width() / 2.0, it.y() + it.height() / 2.0)) kept.add(it);
		return new OcrPage(page.text(), kept, page.meanConfidence(), page.orientation());
	}

	/** The text of all pages, joined by {@link #PAGE_SEPARATOR}. */
	public static String text(final List<OcrPage> pages) {
		final StringBuilder sb = new StringBuilder();
		for (final OcrPage p : pages) {
			if (sb.length() > 0) sb.append(PAGE_SEPARATOR);
			sb.append(p.text());
		}
		return sb.toString();
	}

	/**
	 * One row per item in reading order, slice by slice: {@code Text} (whitespace runs as single spaces),
	 * {@code Confidence} (0–100), {@code X}, {@code Y}, {@code Width}, {@code Height} (pixels), {@code Level},
	 * {@code Block}, {@code Paragraph}, {@code Line}, {@code Slice}.
	 */
	public static ResultsTable table(final List<OcrPage> pages) {
		final ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		for (int s = 0; s < pages.size(); s++)
			for (final OcrItem it : pages.get(s).items()) {
				rt.addRow();
				rt.addValue("Text", oneLine(it.text()));
				rt.addValue("Confidence", it.confidence());
				rt.addValue("X", it.x());
				rt.addValue("Y", it.y());
				rt.addValue("Width", it.width());
				rt.addValue("Height", it.height());
				rt.addValue("Level", it.level().label());
				rt.addValue("Block", it.block());
				rt.addValue("Paragraph", it.paragraph());
				rt.addValue("Line", it.line());
				rt.addValue("Slice", s + 1);
			}
		if (rt.size() > 0) rt.setDecimalPlaces(rt.getColumnIndex("Confidence"), 2);
		return rt;
	}

	/**
	 * One rectangle per item, named with its text, outlined by confidence — red below {@value #RED_BELOW}, orange
	 * below {@value #ORANGE_BELOW}, green from there — and placed on its slice when there are several.
	 */
	public static Overlay overlay(final List<OcrPage> pages) {
		final Overlay o = new Overlay();
		for (int s = 0; s < pages.size(); s++)
			for (final OcrItem it : pages.get(s).items()) {
				final Roi r = new Roi(it.x(), it.y(), it.width(), it.height());
				r.setName(oneLine(it.text()));
				r.setStrokeColor(colour(it.confidence()));
				if (pages.size() > 1) r.setPosition(s + 1);
				o.add(r);
			}
		return o;
	}

	/** The outline colour of an item of that confidence. */
	public static Color colour(final double confidence) {
		return confidence < RED_BELOW ? Color.RED : confidence < ORANGE_BELOW ? Color.ORANGE : Color.GREEN;
	}

	private static String oneLine(final String s) {
		return s.strip().replaceAll("\\s+", " ");
	}
}
