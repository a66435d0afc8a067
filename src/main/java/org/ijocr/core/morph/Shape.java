package org.ijocr.core.morph;

import org.ijocr.core.Labels;

/**
 * Shapes of the structuring element of {@link Morphology}. The label is the user-facing name and the macro value
 * (stable; never rename it). An element of size {@code s} spans the offsets {@code lo..lo+s-1} with
 * {@code lo = -(s/2)} in each direction it extends in (3 &rarr; &minus;1..1; an even size such as 4 &rarr; &minus;2..1, so
 * it has no centre pixel and the origin is the pixel just below-right of its centre).
 */
public enum Shape {
	/** {@code s×s} square. */
	SQUARE("Square"),
	/**
	 * The digital disk inscribed in the {@code s×s} square: the pixels whose centres lie within distance
	 * {@code s/2} of the square's centre. Sizes 1&ndash;3 give the full square; 5 gives 21 pixels and 7 gives 37, as
	 * ImageJ's circular kernels of radius 2 and 3 ({@code Process>Filters>Minimum}); 4 gives the 12-pixel round
	 * 4&times;4 element.
	 */
	DISK("Disk"),
	/** A horizontal line of {@code s} pixels (1&times;s): joins letters along a text line. */
	HORIZONTAL("Horizontal"),
	/** A vertical line of {@code s} pixels (s&times;1). */
	VERTICAL("Vertical");

	private final String label;

	Shape(final String label) {
		this.label = label;
	}

	/** The user-facing name and macro value, e.g. {@code "Disk"}. */
	public String label() {
		return label;
	}

	/**
	 * The rows of the element of this shape and size, top to bottom: {@code {dy, xFrom, xTo}} (inclusive offsets
	 * from the origin). Every row is one run of pixels; the element always contains the origin.
	 *
	 * @param size 1 or more
	 */
	public int[][] rows(final int size) {
		if (size < 1) throw new IllegalArgumentException("size must be at least 1, got " + size);
		final int lo = -(size / 2), hi = lo + size - 1;
		switch (this) {
			case HORIZONTAL:
				return new int[][] { { 0, lo, hi } };
			case VERTICAL: {
				final int[][] rows = new int[size][];
				for (int i = 0; i < size; i++)
					rows[i] = new int[] { lo + i, 0, 0 };
				return rows;
			}
			case SQUARE: {
				final int[][] rows = new int[size][];
				for (int i = 0; i < size; i++)
					rows[i] = new int[] { lo + i, lo, hi };
				return rows;
			}
			default: {
				// in doubled coordinates the square's centre is c = 2 lo + s - 1 (0 for odd sizes, -1 for even ones):
				// (2dx - c)^2 + (2dy - c)^2 <= s^2; the column(s) next to the centre always qualify
				final long c = 2L * lo + size - 1, s2 = (long) size * size;
				final int[][] rows = new int[size][];
				for (int i = 0; i < size; i++) {
					final long ey = 2L * (lo + i) - c;
					int from = lo;
					while ((2L * from - c) * (2L * from - c) + ey * ey > s2)
						from++;
					rows[i] = new int[] { lo + i, from, (int) (c - from) };
				}
				return rows;
			}
		}
	}

	/** All labels in declaration order, e.g. for a dialog's choice list. */
	public static String[] labels() {
		return Labels.of(values(), Shape::label);
	}

	/** The constant with this label (case-insensitive); {@link IllegalArgumentException} naming the choices if none. */
	public static Shape fromLabel(final String label) {
		return Labels.find(values(), Shape::label, "shape", label);
	}

	@Override
	public String toString() {
		return label;
	}
}
