package org.ijocr.ij1;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.plugin.frame.RoiManager;
import ij.process.ImageProcessor;

import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.DefectType;

/**
 * Shows defect areas on the image: one rectangle per area in the image's overlay, named by its type code (as in the
 * table's {@code Type} column, e.g. {@code BLUR}), outlined in its type's colour ({@link #colour}), placed on its
 * stack slice; and a legend in the top-left corner, one line per type present (its label and number of areas, in
 * its colour, on a white box). Running again replaces the previous defect areas and legend; other overlay
 * elements are kept. The pixels are never changed.
 */
public final class DefectsOverlay {

	/** The ROI property that marks the suite's defect overlay elements; its value is {@code area} or {@code legend}. */
	public static final String PROPERTY = "ijocr_defect";

	/** The name of the legend's elements. */
	public static final String LEGEND = "Legend";

	private static final Map<DefectType, Color> COLOURS = new EnumMap<>(DefectType.class);

	static {
		COLOURS.put(DefectType.SALT_PEPPER_NOISE, new Color(255, 0, 255)); // magenta
		COLOURS.put(DefectType.LOW_CONTRAST, new Color(255, 128, 0)); // orange
		COLOURS.put(DefectType.BLUR, new Color(0, 128, 255)); // blue
		COLOURS.put(DefectType.GLARE, new Color(0, 176, 0)); // green
	}

	private DefectsOverlay() {}

	/**
	 * The outline colour of a type: salt-and-pepper noise magenta (#FF00FF), low contrast orange (#FF8000), blur
	 * blue (#0080FF), glare green (#00B000).
	 */
	public static Color colour(final DefectType type) {
		return COLOURS.get(type);
	}

	/**
	 * The rectangles of the areas found, named by type code, in the type's colour, positioned on their slice (for
	 * stacks; 0 = every slice for single images), with the properties {@value #PROPERTY}{@code =area},
	 * {@code score} and {@code mitigation}.
	 */
	public static List<Roi> rois(final ImagePlus imp, final List<Defects.Found> found) {
		final float stroke = strokeWidth(imp);
		final List<Roi> rois = new ArrayList<>();
		for (final Defects.Found f : found) {
			final DefectArea a = f.area();
			final Roi r = new Roi(a.x(), a.y(), a.width(), a.height());
			r.setName(a.type().name());
			r.setStrokeColor(colour(a.type()));
			r.setStrokeWidth(stroke);
			if (imp.getStackSize() > 1) r.setPosition(f.slice());
			r.setProperty(PROPERTY, "area");
			r.setProperty("score", String.format(Locale.ROOT, "%.4f", a.score()));
			r.setProperty("mitigation", f.mitigation());
			rois.add(r);
		}
		return rois;
	}

	/**
	 * Puts the areas and their legend into {@code imp}'s overlay in place of earlier ones (other overlay elements are
	 * kept); with no areas, only removes earlier ones.
	 *
	 * @return the area rectangles added (see {@link #rois})
	 */
	public static List<Roi> show(final ImagePlus imp, final List<Defects.Found> found) {
		final Overlay old = imp.getOverlay();
		final Overlay ov = new Overlay();
		if (old != null) for (final Roi r : old.toArray())
			if (r.getProperty(PROPERTY) == null) ov.add(r);
		final List<Roi> rois = rois(imp, found);
		for (final Roi r : rois)
			ov.add(r);
		for (final Roi r : legend(imp, found))
			ov.add(r);
		imp.setOverlay(ov.size() == 0 ? null : ov);
		return rois;
	}

	/**
	 * The legend: for each type present, in {@link DefectType} order, a line "label (count)" in the type's colour on
	 * a white box, stacked from the top-left corner, on every slice; named {@value #LEGEND}, with
	 * {@value #PROPERTY}{@code =legend}.
	 */
	static List<Roi> legend(final ImagePlus imp, final List<Defects.Found> found) {
		final Map<DefectType, Integer> counts = new EnumMap<>(DefectType.class);
		for (final Defects.Found f : found)
			counts.merge(f.area().type(), 1, Integer::sum);
		final int size = Math.max(12, Math.min(64, Math.round(Math.min(imp.getWidth(), imp.getHeight()) / 50f)));
		final Font font = new Font("SansSerif", Font.BOLD, size);
		final List<Roi> lines = new ArrayList<>();
		int y = size / 3;
		for (final Map.Entry<DefectType, Integer> e : counts.entrySet()) {
			final TextRoi t = new TextRoi(size / 3, y, e.getKey().label() + " (" + e.getValue() + ")", font);
			t.setStrokeColor(colour(e.getKey()));
			t.setFillColor(Color.WHITE);
			t.setAntiAlias(true);
			t.setName(LEGEND);
			t.setProperty(PROPERTY, "legend");
			lines.add(t);
			y += (int) Math.ceil(t.getBounds().height + size / 6.0);
		}
		return lines;
	}

	/**
	 * Adds the rectangles to ImageJ's ROI Manager (the open one, the hidden one of a batch-mode macro, else a new
	 * one). Without a display there is no ROI Manager in ImageJ 1: then nothing is added, a line in the Log says so
	 * and {@code false} is returned (the areas stay in the overlay).
	 */
	public static boolean addToRoiManager(final List<Roi> rois, final String command) {
		if (GraphicsEnvironment.isHeadless()) {
			IJ.log(command + ": no ROI Manager without a display; the areas are in the image's overlay");
			return false;
		}
		final RoiManager rm = RoiManager.getRoiManager();
		for (final Roi r : rois)
			rm.add((Roi) r.clone(), -1);
		return true;
	}

	/**
	 * One slice of {@code imp} as an RGB image with the overlay elements of that slice (and those of every slice)
	 * drawn in, as Image&gt;Overlay&gt;Flatten does: grey images through their display range and LUT.
	 */
	public static ImagePlus flatten(final ImagePlus imp, final int slice) {
		final ImageProcessor ip = imp.getStack().getProcessor(slice);
		if (imp.getBitDepth() != 24) {
			ip.setColorModel(imp.getProcessor().getColorModel());
			ip.setMinAndMax(imp.getDisplayRangeMin(), imp.getDisplayRangeMax());
		}
		final ImagePlus one = new ImagePlus(imp.getTitle(), ip);
		one.setCalibration(imp.getCalibration());
		final Overlay all = imp.getOverlay();
		if (all != null) {
			final Overlay mine = new Overlay();
			for (final Roi r : all.toArray()) {
				if (r.getPosition() != 0 && r.getPosition() != slice) continue;
				final Roi c = (Roi) r.clone();
				c.setPosition(0);
				mine.add(c);
			}
			one.setOverlay(mine);
		}
		return one.flatten();
	}

	private static float strokeWidth(final ImagePlus imp) {
		return Math.max(1, Math.round(Math.min(imp.getWidth(), imp.getHeight()) / 500f));
	}
}
