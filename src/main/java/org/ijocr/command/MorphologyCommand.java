package org.ijocr.command;

import ij.ImagePlus;

import org.ijocr.core.morph.MorphOp;
import org.ijocr.core.morph.MorphParams;
import org.ijocr.core.morph.Morphology;
import org.ijocr.core.morph.Shape;
import org.ijocr.core.threshold.Binarize;
import org.ijocr.core.threshold.BinarizeParams;
import org.ijocr.ij1.ImageFilters;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;

/**
 * What {@code OCR Dilate}, {@code OCR Erode}, {@code OCR Open} and {@code OCR Close} share: the keys {@code shape}
 * (Square), {@code size} (3) and {@code iterations} (1), and the run. The black ink is the foreground whatever
 * ImageJ's "Black background" option says: dilating makes text bolder. A binary 8-bit image (only 0 and 255, as
 * displayed: an inverted LUT is undone) is used as it is; any other image is first binarized with {@code OCR
 * Binarize}'s {@code Auto} method. The result is 8-bit, ink 0, paper 255; stacks, selections and Undo as the other
 * commands. Pixels outside the image are ignored, see {@link Morphology}.
 */
public abstract class MorphologyCommand implements Command {

	@Parameter(persist = false)
	private ImagePlus imp;

	/** The choices are {@link Shape}'s labels, in order (a test keeps the two in step). */
	@Parameter(label = "Shape", description = "structuring element: Square; Disk (round); Horizontal or Vertical "
		+ "line", choices = { "Square", "Disk", "Horizontal", "Vertical" })
	private String shape = "Square";

	@Parameter(label = "Size", description = "element size in pixels: 3 = 3×3 square, 3-pixel line, disk 3 across",
		min = "1", max = "255")
	private int size = 3;

	@Parameter(label = "Iterations", description = "how often the element is applied (open and close: all erosions, "
		+ "then all dilations, or the reverse)", min = "1", max = "100")
	private int iterations = 1;

	/** The operation of this command. */
	protected abstract MorphOp operation();

	@Override
	public void run() {
		final MorphParams p = new MorphParams(Shape.fromLabel(shape), size, iterations);
		final MorphOp op = operation();
		final int margin = (op == MorphOp.OPEN || op == MorphOp.CLOSE ? 2 : 1) * p.reach();
		ImageFilters.toBinary(imp, margin, (grey, binary) -> {
			final byte[] g = grey.update(null).getCurrentStorageArray();
			if (isBinary(g)) System.arraycopy(g, 0, binary.update(null).getCurrentStorageArray(), 0, g.length);
			else Binarize.binarize(BinarizeParams.DEFAULT, grey, binary);
			Morphology.apply(op, p, binary, binary);
		});
	}

	private static boolean isBinary(final byte[] g) {
		for (final byte v : g)
			if (v != 0 && v != (byte) 255) return false;
		return true;
	}
}
