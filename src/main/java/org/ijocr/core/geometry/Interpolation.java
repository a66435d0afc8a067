package org.ijocr.core.geometry;

import org.ijocr.core.Labels;

/**
 * How {@link Rotate} and {@link Scale} compute a pixel between the source pixels. The labels are ImageJ's own
 * (Image&gt;Transform&gt;Rotate, Image&gt;Adjust&gt;Size) and are the macro values (stable; never rename them).
 * <p>
 * Kernels (pixel centres at integer coordinates):
 * <ul>
 * <li>{@link #NONE}: nearest neighbour, the source pixel whose centre is nearest; keeps a binary image binary.</li>
 * <li>{@link #BILINEAR}: the triangle kernel {@code 1 - |x|} on two taps per axis.</li>
 * <li>{@link #BICUBIC}: cubic convolution on four taps per axis with {@code a = -0.5} (R. G. Keys, "Cubic
 * convolution interpolation for digital image processing", IEEE Trans. ASSP 29(6), 1981): the Catmull-Rom spline,
 * which reproduces polynomials up to degree 2 and is sharper than bilinear; it can over- and undershoot at edges, so
 * integer results are clamped to the type's range. (ImageJ's bicubic uses {@code a = 0.5} in its own sign
 * convention, i.e. the same kernel; OpenCV's uses {@code a = -0.75}.)</li>
 * </ul>
 */
public enum Interpolation {
	/** Nearest neighbour. */
	NONE("None", 1),
	/** Linear in x and y. */
	BILINEAR("Bilinear", 2),
	/** Keys cubic convolution, {@code a = -0.5}. */
	BICUBIC("Bicubic", 4);

	/** Keys' parameter of the cubic kernel. */
	public static final double KEYS_A = -0.5;

	private final String label;
	private final int taps;

	Interpolation(final String label, final int taps) {
		this.label = label;
		this.taps = taps;
	}

	/** The user-facing name and macro value, e.g. {@code "Bicubic"}. */
	public String label() {
		return label;
	}

	/** Number of source pixels per axis the kernel reads (1, 2 or 4). */
	public int taps() {
		return taps;
	}

	/** How many taps lie left of (before) the source pixel {@code floor(x)}: 0, 0 or 1. */
	int before() {
		return this == BICUBIC ? 1 : 0;
	}

	/**
	 * The kernel weights of the {@link #taps()} source pixels {@code floor(x) - before() ...} for a position whose
	 * fraction past {@code floor(x)} is {@code f} in [0, 1); for {@link #NONE} the one tap is the nearest pixel
	 * (callers round the position first). They sum to 1.
	 */
	void weights(final double f, final double[] w) {
		switch (this) {
			case NONE -> w[0] = 1;
			case BILINEAR -> {
				w[0] = 1 - f;
				w[1] = f;
			}
			case BICUBIC -> {
				w[0] = cubic(1 + f);
				w[1] = cubic(f);
				w[2] = cubic(1 - f);
				w[3] = 1 - w[0] - w[1] - w[2]; // exactly 1 in total
			}
		}
	}

	/** Keys' cubic convolution kernel with {@link #KEYS_A} at distance {@code x}. */
	static double cubic(final double x) {
		final double t = Math.abs(x), a = KEYS_A;
		if (t <= 1) return ((a + 2) * t - (a + 3)) * t * t + 1;
		if (t < 2) return ((a * t - 5 * a) * t + 8 * a) * t - 4 * a;
		return 0;
	}

	/** All labels in declaration order, e.g. for a dialog's choice list. */
	public static String[] labels() {
		return Labels.of(values(), Interpolation::label);
	}

	/** The interpolation with this label (case-insensitive); {@link IllegalArgumentException} naming the choices. */
	public static Interpolation fromLabel(final String label) {
		return Labels.find(values(), Interpolation::label, "interpolation", label);
	}

	@Override
	public String toString() {
		return label;
	}
}
