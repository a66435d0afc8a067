package org.ijocr.command;

import java.util.Arrays;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.plugin.RoiScaler;
import ij.process.ByteProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;

import org.ijocr.core.geometry.Interpolation;
import org.ijocr.core.geometry.Scale;
import org.ijocr.ij1.ImageFilters;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Scale}: resizes the image in place, like Image&gt;Adjust&gt;Size (every slice, all types, RGB per
 * channel; the calibration is updated so physical sizes stay; the selection is scaled with it; Undo for single
 * images). Enlarging uses the chosen interpolation; shrinking averages the covered pixels ({@link Scale}).
 * <ul>
 * <li>{@code factor} &gt; 0: that factor.</li>
 * <li>{@code target_dpi} &gt; 0: from the image's resolution (Image&gt;Properties with the unit inch, cm, mm or
 * &micro;m) to this many pixels per inch; an image without such a unit is refused (no resolution is guessed).</li>
 * <li>both 0 (default): automatic &mdash; text whose capital letters are smaller than {@code cap_height} pixels is
 * enlarged until they are about that tall (at most 4&times;; the median estimate over the slices,
 * {@link Scale#capHeight}); larger text and pages without text are left as they are (never shrinks).</li>
 * </ul>
 */
@Plugin(type = Command.class, label = "OCR Scale", description = "Resize a page; automatically enlarge small text")
public class ScaleCommand implements Command {

	@Parameter(persist = false)
	private ImagePlus imp;

	@Parameter(label = "Factor", description = "scale factor; 0 = automatic (or from target_dpi)", min = "0",
		max = "32")
	private double factor = 0;

	@Parameter(label = "Target dpi", description = "scale to this resolution (needs a calibrated image); 0 = unused",
		min = "0", max = "10000")
	private double target_dpi = 0;

	@Parameter(label = "Cap height", description = "automatic mode: enlarge until capital letters are this many "
		+ "pixels tall", min = "4", max = "500")
	private double cap_height = Scale.TARGET_CAP_HEIGHT;

	/** The choices are {@link Interpolation}'s labels, in order. */
	@Parameter(label = "Interpolation", description = "when enlarging: None = nearest pixel (keeps binary images "
		+ "binary), Bicubic = sharpest; shrinking averages", choices = { "None", "Bilinear", "Bicubic" })
	private String interpolation = "Bicubic";

	@Parameter(type = ItemIO.OUTPUT, label = "Scale factor")
	private double applied;

	@Override
	public void run() {
		if (factor > 0 && target_dpi > 0) throw new IllegalArgumentException("give factor or target_dpi, not both");
		if (!(factor >= 0 && factor <= 32)) throw new IllegalArgumentException("factor=" + factor
			+ " is out of range (0 to 32)");
		final Interpolation ip = Interpolation.fromLabel(interpolation);
		final double fx, fy;
		if (factor > 0) fx = fy = factor;
		else if (target_dpi > 0) {
			final Calibration cal = imp.getCalibration();
			final double perInch = inchesPerUnit(cal.getUnit());
			if (Double.isNaN(perInch)) throw new IllegalArgumentException("target_dpi needs the image's resolution, "
				+ "but its unit is '" + cal.getUnit() + "': set it in Image>Properties (inch, cm, mm) or use factor");
			fx = target_dpi * cal.pixelWidth * perInch;
			fy = target_dpi * cal.pixelHeight * perInch;
		}
		else {
			final double cap = capHeight();
			fx = fy = Scale.autoFactor(cap, cap_height, imp.getWidth(), imp.getHeight());
			IJ.log(String.format(Locale.ROOT, "OCR Scale: %s; factor %.3f", cap > 0 ? String.format(Locale.ROOT,
				"capital letters about %.1f px tall", cap) : "no text found", fx));
		}
		final int w0 = imp.getWidth(), h0 = imp.getHeight();
		final long lw = Scale.scaledLength(w0, fx), lh = Scale.scaledLength(h0, fy);
		ImageFilters.requirePlane(lw, lh, String.format(Locale.ROOT, "scaled by %.3g the image", fx));
		final int w = (int) lw, h = (int) lh;
		applied = fx;
		if (w == w0 && h == h0) return; // same size: nothing to do
		final Roi roi = imp.getRoi();
		final Calibration cal = imp.getCalibration().copy();
		ImageFilters.transform(imp, w, h, new ImageFilters.TransformOp() {

			@Override
			public <T extends RealType<T> & NativeType<T>> void apply(final int slice, final ArrayImg<T, ?> src,
				final ArrayImg<T, ?> dst)
			{
				Scale.resize(ip, src, dst);
			}
		});
		final double sx = (double) w / w0, sy = (double) h / h0;
		cal.pixelWidth /= sx;
		cal.pixelHeight /= sy;
		cal.xOrigin *= sx;
		cal.yOrigin *= sy;
		imp.setCalibration(cal);
		if (roi != null) imp.setRoi(RoiScaler.scale(roi, sx, sy, false));
	}

	/** The median cap-height estimate over the slices (each inside an area selection's bounds, if any). */
	private double capHeight() {
		final int n = imp.getStackSize();
		final double[] c = new double[n];
		for (int s = 1; s <= n; s++) {
			final ByteProcessor g = GreySlices.grey(imp, s);
			c[s - 1] = Scale.capHeight((byte[]) g.getPixels(), g.getWidth(), g.getHeight());
		}
		Arrays.sort(c);
		return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
	}

	/** Inches per calibration unit (inch, cm, mm, µm and their spellings), or NaN for others. */
	static double inchesPerUnit(final String unit) {
		final String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
		return switch (u) {
			case "inch", "inches", "in" -> 1;
			case "cm", "centimeter", "centimeters", "centimetre", "centimetres" -> 1 / 2.54;
			case "mm", "millimeter", "millimeters", "millimetre", "millimetres" -> 1 / 25.4;
			case "µm", "um", "micron", "microns", "micrometer", "micrometers" -> 1 / 25400.0;
			default -> Double.NaN;
		};
	}
}
