package org.ijocr.command;

import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;

import org.ijocr.core.geometry.Interpolation;
import org.ijocr.core.geometry.Paper;
import org.ijocr.core.geometry.Rotate;
import org.ijocr.core.geometry.RotateParams;
import org.ijocr.core.geometry.Skew;
import org.ijocr.core.geometry.SkewParams;
import org.ijocr.ij1.ImageFilters;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Deskew}: measures how far the text lines of each slice are turned ({@link Skew}, within
 * &plusmn;{@code max_angle}) and rotates the slice back about its centre, filling the uncovered corners with the
 * page's paper colour ({@link Paper}). Angles are in degrees, positive = the text is turned clockwise (the
 * convention of Image&gt;Transform&gt;Rotate and {@code OCR Rotate}): {@code OCR Rotate angle=4} followed by
 * {@code OCR Deskew} reports about 4 and undoes it.
 * <p>
 * An area selection restricts the measurement to the pixels inside its bounds (e.g. one text block); the whole image
 * is rotated. Slices without measurable text lines are left alone (angle 0), and so are skews below
 * {@link #MIN_ROTATION} (reported, not corrected). A page turned by 90&deg; is
 * straightened to exactly vertical lines (its orientation is the OCR engine's job). Every slice is logged
 * ({@code OCR Deskew: slice 1: 2.35°}), and the angles go to a table "Deskew" (columns Slice, Angle, Confidence,
 * Lines) and the output {@code angle} (the current slice's).
 */
@Plugin(type = Command.class, label = "OCR Deskew", description = "Straighten skewed text lines")
public class DeskewCommand implements Command {

	/**
	 * Smallest skew, in degrees, that is corrected: below it the resampling would blur more than it straightens (a
	 * 0.05&deg; skew moves the ends of a 2000-pixel line by 1.7 pixels; Leptonica's {@code pixDeskew} skips below
	 * 0.1&deg;). Smaller angles are still reported.
	 */
	static final double MIN_ROTATION = 0.05;

	@Parameter(persist = false)
	private ImagePlus imp;

	@Parameter(label = "Max angle", description = "largest skew searched, degrees (either way)", min = "0.5",
		max = "45")
	private double max_angle = 15;

	/** The choices are {@link Interpolation}'s labels, in order. */
	@Parameter(label = "Interpolation", description = "None = nearest pixel (keeps binary images binary); "
		+ "Bicubic = sharpest", choices = { "None", "Bilinear", "Bicubic" })
	private String interpolation = "Bicubic";

	@Parameter(type = ItemIO.OUTPUT, label = "Skew angle")
	private double angle;

	@Parameter(type = ItemIO.OUTPUT, label = "Deskew")
	private ResultsTable table;

	@Override
	public void run() {
		final SkewParams params = new SkewParams(max_angle);
		final Interpolation ip = Interpolation.fromLabel(interpolation);
		final int n = imp.getStackSize();
		final double[] measured = new double[n], angles = new double[n];
		table = new ResultsTable();
		boolean any = false;
		for (int s = 1; s <= n; s++) {
			final ByteProcessor g = GreySlices.grey(imp, s);
			final Skew.Result r = Skew.estimate(params, (byte[]) g.getPixels(), g.getWidth(), g.getHeight());
			measured[s - 1] = r.angle();
			angles[s - 1] = Math.abs(r.angle()) < MIN_ROTATION ? 0 : r.angle();
			any |= angles[s - 1] != 0;
			table.addRow();
			table.addValue("Slice", s);
			table.addValue("Angle", r.angle());
			table.addValue("Confidence", r.confidence());
			table.addValue("Lines", r.glyphs() == 0 ? "none" : r.vertical() ? "vertical" : "horizontal");
			IJ.log(String.format(Locale.ROOT, "OCR Deskew: slice %d: %.2f°%s", s, r.angle(), r.confidence() == 0
				? " (no text lines found)" : r.angle() == 0 && r.confidence() < Skew.MIN_CONFIDENCE
					? " (no clear text lines)" : r.vertical() ? " (text lines run vertically: the page is turned by 90°)"
						: ""));
		}
		angle = measured[Math.max(1, Math.min(n, imp.getCurrentSlice())) - 1];
		if (!any) return; // nothing to straighten: the image stays as it is
		ImageFilters.transform(imp, imp.getWidth(), imp.getHeight(), new ImageFilters.TransformOp() {

			@Override
			public <T extends RealType<T> & NativeType<T>> void apply(final int slice, final ArrayImg<T, ?> src,
				final ArrayImg<T, ?> dst)
			{
				Rotate.rotate(new RotateParams(-angles[slice - 1], ip, Paper.level(src)), src, dst);
			}
		});
	}
}
