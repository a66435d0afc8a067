package org.ijocr.core.morph;

/**
 * Parameters of {@link Morphology}.
 *
 * @param shape the structuring element's shape; never {@code null}
 * @param size the element's extent in pixels, 1..{@value #MAX_SIZE} (3 = 3&times;3 square, a 3-pixel line, ...)
 * @param iterations how often the element is applied, 1..{@value #MAX_ITERATIONS}; for {@link MorphOp#OPEN} and
 *          {@link MorphOp#CLOSE}, erosions (dilations) are all done before the dilations (erosions), as in ImageJ's
 *          {@code Process>Binary>Options}
 */
public record MorphParams(Shape shape, int size, int iterations) {

	/** Largest element size. */
	public static final int MAX_SIZE = 255;

	/** Largest number of iterations. */
	public static final int MAX_ITERATIONS = 100;

	/** Default: a 3&times;3 square, once. */
	public static final MorphParams DEFAULT = new MorphParams(Shape.SQUARE, 3, 1);

	/** Validates: a shape is required; size and iterations within range. */
	public MorphParams {
		if (shape == null) throw new IllegalArgumentException("shape must not be null; choose one of " + String.join(
			", ", Shape.labels()));
		if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("size must be 1.." + MAX_SIZE + ", got "
			+ size);
		if (iterations < 1 || iterations > MAX_ITERATIONS) throw new IllegalArgumentException("iterations must be 1.."
			+ MAX_ITERATIONS + ", got " + iterations);
	}

	/**
	 * How far (in pixels) the result at a pixel can depend on other pixels for one dilation or erosion with all its
	 * iterations: {@code (size/2) * iterations}; open and close reach twice as far.
	 */
	public int reach() {
		return size / 2 * iterations;
	}
}
