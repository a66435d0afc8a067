package org.ijocr.command;

import ij.ImagePlus;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;

import org.ijocr.core.geometry.Interpolation;
import org.ijocr.core.geometry.Paper;
import org.ijocr.core.geometry.Rotate;
import org.ijocr.core.geometry.RotateParams;
import org.ijocr.core.Labels;
import org.ijocr.ij1.ImageFilters;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Rotate}: turns the whole image about its centre by {@code angle} degrees, positive = clockwise as in
 * ImageJ's Image&gt;Transform&gt;Rotate. The uncovered corners get the paper colour (estimated per slice and channel,
 * see {@link Paper}), white or black; {@code enlarge} grows the canvas so nothing is cut off. All types (RGB per
 * channel), every stack slice; a selection does not limit it (it is removed when the canvas grows). Undo for single
 * images.
 */
@Plugin(type = Command.class, label = "OCR Rotate", description = "Rotate a page about its centre (paper-coloured corners)")
public class RotateCommand implements Command {

	/** Colours of the uncovered corners; the labels are the macro values of {@code fill}. */
	enum Fill {
		PAPER("Paper"), WHITE("White"), BLACK("Black");

		final String label;

		Fill(final String label) {
			this.label = label;
		}

		static Fill fromLabel(final String label) {
			return Labels.find(values(), f -> f.label, "fill", label);
		}
	}

	@Parameter(persist = false)
	private ImagePlus imp;

	@Parameter(label = "Angle", description = "degrees, positive = clockwise (as Image>Transform>Rotate)", min = "-360",
		max = "360")
	private double angle = 0;

	/** The choices are {@link Interpolation}'s labels, in order (a test keeps the two in step). */
	@Parameter(label = "Interpolation", description = "None = nearest pixel (keeps binary images binary); "
		+ "Bicubic = sharpest", choices = { "None", "Bilinear", "Bicubic" })
	private String interpolation = "Bicubic";

	/** The choices are {@link Fill}'s labels, in order. */
	@Parameter(label = "Fill", description = "colour of the uncovered corners: Paper = the page's background",
		choices = { "Paper", "White", "Black" })
	private String fill = "Paper";

	@Parameter(label = "Enlarge", description = "grow the canvas so that the whole rotated image fits")
	private boolean enlarge = false;

	@Override
	public void run() {
		if (!(angle >= -360 && angle <= 360)) throw new IllegalArgumentException("angle=" + angle
			+ " is out of range (-360 to 360)");
		final Interpolation ip = Interpolation.fromLabel(interpolation);
		final Fill f = Fill.fromLabel(fill);
		if (angle % 360 == 0) return; // a full turn: nothing moves
		final int w, h;
		if (enlarge) {
			final long[] size = Rotate.enlargedSize(imp.getWidth(), imp.getHeight(), angle);
			w = (int) size[0];
			h = (int) size[1];
		}
		else {
			w = imp.getWidth();
			h = imp.getHeight();
		}
		final double[] whiteBlack = whiteBlack(imp);
		final double a = angle;
		ImageFilters.transform(imp, w, h, new ImageFilters.TransformOp() {

			@Override
			public <T extends RealType<T> & NativeType<T>> void apply(final int slice, final ArrayImg<T, ?> src,
				final ArrayImg<T, ?> dst)
			{
				final double v = f == Fill.PAPER ? Paper.level(src) : f == Fill.WHITE ? whiteBlack[0] : whiteBlack[1];
				Rotate.rotate(new RotateParams(a, ip, v), src, dst);
			}
		});
	}

	/**
	 * The values shown as white and black: 255 and 0 for 8-bit (swapped under an inverted LUT) and RGB channels;
	 * the display range's ends for 16- and 32-bit images.
	 */
	static double[] whiteBlack(final ImagePlus imp) {
		return switch (imp.getBitDepth()) {
			case 8 -> imp.isInvertedLut() ? new double[] { 0, 255 } : new double[] { 255, 0 };
			case 24 -> new double[] { 255, 0 };
			default -> new double[] { imp.getDisplayRangeMax(), imp.getDisplayRangeMin() };
		};
	}
}
