package org.ijocr.ij1;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.DefectType;
import org.ijocr.defect.DefectDetector;
import org.ijocr.defect.DefectDetectorService;

/**
 * Runs defect detectors on an {@link ImagePlus} the way ImageJ users expect an analysis to behave:
 * <ul>
 * <li>every slice of a stack is searched ({@link Found#slice()} says which);</li>
 * <li>an area selection limits the search to its bounding box, and with a non-rectangular selection an area is kept
 * only if its box covers a selected pixel; coordinates are always the image's;</li>
 * <li>any image type: 8-bit as is (no copy), RGB by luminance, 16- and 32-bit through the display range, an inverted
 * LUT undone (the detectors see ink dark, paper light); the image's pixels are never changed;</li>
 * <li>the detectors run on as many threads as ImageJ's Memory &amp; Threads setting allows.</li>
 * </ul>
 */
public final class Defects {

	/** One defect area found: the stack slice (1-based), the area in image coordinates, and how to fix it. */
	public record Found(int slice, DefectArea area, String mitigation) {

		/** The same area on the slice {@code slices} further on (e.g. numbered in a file read in several parts). */
		public Found moved(final int slices) {
			return new Found(slice + slices, area, mitigation);
		}
	}

	private Defects() {}

	/**
	 * Finds the areas of the {@code chosen} detectors' defects in every slice of {@code imp}, slice by slice, each
	 * slice's areas ordered by type, then top to bottom, then left to right.
	 *
	 * @throws IllegalArgumentException if the selection lies outside the image
	 */
	public static List<Found> find(final ImagePlus imp, final DefectDetectorService service,
		final List<DefectDetector> chosen)
	{
		final Map<DefectType, DefectDetector> byType = new EnumMap<>(DefectType.class);
		for (final DefectDetector d : chosen)
			byType.put(d.type(), d);
		final Rectangle all = new Rectangle(imp.getWidth(), imp.getHeight());
		final Roi roi = imp.getRoi();
		final boolean area = roi != null && roi.isArea();
		final Rectangle b = area ? roi.getBounds().intersection(all) : all;
		if (b.isEmpty()) throw new IllegalArgumentException("the selection lies outside the image");
		final ImageProcessor mask = area && !(roi.getType() == Roi.RECTANGLE && roi.getCornerDiameter() == 0) ? roi
			.getMask() : null;
		final Rectangle roiBounds = area ? roi.getBounds() : all;
		final int n = imp.getStackSize();
		final List<Found> found = new ArrayList<>();
		ImageFilters.withImageJThreads(() -> {
			for (int s = 1; s <= n; s++) {
				final ByteProcessor grey = greyPlane(imp, s, b);
				for (final DefectArea a : service.detect(ImgWrap.bytes(grey), chosen)) {
					final DefectArea moved = a.translate(b.x, b.y);
					if (mask != null && !coversSelected(moved, mask, roiBounds)) continue;
					found.add(new Found(s, moved, byType.get(a.type()).mitigation(moved)));
				}
				if (n > 1) IJ.showProgress(s, n);
			}
		});
		return found;
	}

	/**
	 * What the detectors see of one slice: the part inside {@code bounds} as 8-bit grey with ink dark, as OCR sees it
	 * ({@link OcrImages#grey}: RGB by luminance, 16/32-bit through the display range, an 8-bit slice through its
	 * lookup table, so an inverted LUT is undone). The slice's own pixels when it is 8-bit under a plain grey LUT and
	 * {@code bounds} is the whole image (do not change them), else a copy.
	 */
	public static ByteProcessor greyPlane(final ImagePlus imp, final int slice, final Rectangle bounds) {
		return crop(new ByteProcessor(imp.getWidth(), imp.getHeight(), OcrImages.grey(imp, slice)), bounds,
			new Rectangle(imp.getWidth(), imp.getHeight()));
	}

	/** The part of {@code grey} inside {@code b}: the plane itself when {@code b} is all of it, else a copy. */
	private static ByteProcessor crop(final ByteProcessor grey, final Rectangle b, final Rectangle all) {
		if (b.equals(all)) return grey;
		final byte[] src = (byte[]) grey.getPixels(), dst = new byte[b.width * b.height];
		for (int y = 0; y < b.height; y++)
			System.arraycopy(src, (b.y + y) * all.width + b.x, dst, y * b.width, b.width);
		return new ByteProcessor(b.width, b.height, dst);
	}

	/** Whether the box covers a pixel of the selection's mask (whose origin is {@code bounds}' corner). */
	private static boolean coversSelected(final DefectArea a, final ImageProcessor mask, final Rectangle bounds) {
		final int x0 = Math.max(a.x(), bounds.x), x1 = Math.min(a.x() + a.width(), bounds.x + mask.getWidth());
		final int y0 = Math.max(a.y(), bounds.y), y1 = Math.min(a.y() + a.height(), bounds.y + mask.getHeight());
		for (int y = y0; y < y1; y++)
			for (int x = x0; x < x1; x++)
				if (mask.get(x - bounds.x, y - bounds.y) != 0) return true;
		return false;
	}
}
