package org.ijocr.core.morph;

/**
 * Connected-component labelling of one value in an 8-bit row-major image, by the classic two-pass algorithm with
 * union-find on provisional labels (A. Rosenfeld, J. L. Pfaltz, "Sequential operations in digital picture
 * processing", J. ACM 13(4), 1966; union-find with path halving as in K. Wu, E. Otoo, K. Suzuki, "Optimizing
 * two-pass connected-component labeling algorithms", Pattern Anal. Appl. 12, 2009).
 * <p>
 * Labels are 1..{@link #count()}, in raster order of each component's first pixel; 0 marks the other pixels.
 * Per-component area and bounding box are gathered during the second pass.
 */
public final class ConnectedComponents {

	private final int count;
	private final int[] labels;
	private final int[] area, minX, minY, maxX, maxY;

	private ConnectedComponents(final int count, final int[] labels, final int[] area, final int[] minX,
		final int[] minY, final int[] maxX, final int[] maxY)
	{
		this.count = count;
		this.labels = labels;
		this.area = area;
		this.minX = minX;
		this.minY = minY;
		this.maxX = maxX;
		this.maxY = maxY;
	}

	/**
	 * Labels the pixels equal to {@code value}.
	 *
	 * @param pixels row-major 8-bit pixels, {@code width*height}
	 * @param width image width
	 * @param height image height
	 * @param value the grey value (0..255) whose components are labelled
	 * @param eightConnected 8-connectivity if true (use for ink), else 4-connectivity (use for its background)
	 * @param labels reusable label buffer of at least {@code width*height} ints, or null to allocate one
	 * @return the labelling
	 */
	public static ConnectedComponents label(final byte[] pixels, final int width, final int height, final int value,
		final boolean eightConnected, final int[] labels)
	{
		final int n = width * height;
		if (pixels.length < n) throw new IllegalArgumentException("pixels shorter than width*height");
		final int[] lab = labels != null && labels.length >= n ? labels : new int[n];
		final byte v = (byte) value;
		int[] parent = new int[1024];
		int next = 1;
		for (int y = 0; y < height; y++) {
			final int row = y * width;
			for (int x = 0; x < width; x++) {
				final int p = row + x;
				if (pixels[p] != v) {
					lab[p] = 0;
					continue;
				}
				int l = 0;
				if (x > 0 && pixels[p - 1] == v) l = lab[p - 1];
				if (y > 0) {
					final int up = p - width;
					if (pixels[up] == v) l = l == 0 ? lab[up] : union(parent, l, lab[up]);
					if (eightConnected) {
						if (x > 0 && pixels[up - 1] == v) l = l == 0 ? lab[up - 1] : union(parent, l, lab[up - 1]);
						if (x + 1 < width && pixels[up + 1] == v)
							l = l == 0 ? lab[up + 1] : union(parent, l, lab[up + 1]);
					}
				}
				if (l == 0) {
					if (next == parent.length) parent = java.util.Arrays.copyOf(parent, 2 * parent.length);
					parent[next] = next;
					l = next++;
				}
				lab[p] = l;
			}
		}
		// flatten: provisional label -> final consecutive label in order of first appearance
		final int[] finalLabel = new int[next];
		int count = 0;
		for (int i = 1; i < next; i++) {
			final int r = find(parent, i);
			finalLabel[i] = r == i ? ++count : finalLabel[r];
		}
		final int[] area = new int[count + 1], minX = new int[count + 1], minY = new int[count + 1],
			maxX = new int[count + 1], maxY = new int[count + 1];
		java.util.Arrays.fill(minX, Integer.MAX_VALUE);
		java.util.Arrays.fill(minY, Integer.MAX_VALUE);
		java.util.Arrays.fill(maxX, -1);
		java.util.Arrays.fill(maxY, -1);
		for (int y = 0; y < height; y++) {
			final int row = y * width;
			for (int x = 0; x < width; x++) {
				final int p = row + x;
				final int l0 = lab[p];
				if (l0 == 0) continue;
				final int l = finalLabel[l0];
				lab[p] = l;
				area[l]++;
				if (x < minX[l]) minX[l] = x;
				if (x > maxX[l]) maxX[l] = x;
				if (y < minY[l]) minY[l] = y;
				maxY[l] = y;
			}
		}
		return new ConnectedComponents(count, lab, area, minX, minY, maxX, maxY);
	}

	/** Roots a < b both ways so that a root is always the smallest label of its set (keeps raster order). */
	private static int union(final int[] parent, final int a, final int b) {
		int ra = find(parent, a), rb = find(parent, b);
		if (ra == rb) return ra;
		if (ra < rb) {
			parent[rb] = ra;
			return ra;
		}
		parent[ra] = rb;
		return rb;
	}

	private static int find(final int[] parent, int a) {
		while (parent[a] != a) {
			parent[a] = parent[parent[a]];
			a = parent[a];
		}
		return a;
	}

	/** Number of components. */
	public int count() {
		return count;
	}

	/** The label image (0 = not the labelled value, else 1..count); the buffer passed in, if one was. */
	public int[] labels() {
		return labels;
	}

	/** Pixel count of component {@code l} (1..count). */
	public int area(final int l) {
		return area[l];
	}

	/** Leftmost column of component {@code l}. */
	public int minX(final int l) {
		return minX[l];
	}

	/** Top row of component {@code l}. */
	public int minY(final int l) {
		return minY[l];
	}

	/** Rightmost column of component {@code l}. */
	public int maxX(final int l) {
		return maxX[l];
	}

	/** Bottom row of component {@code l}. */
	public int maxY(final int l) {
		return maxY[l];
	}

	/** Bounding-box width of component {@code l}. */
	public int width(final int l) {
		return maxX[l] - minX[l] + 1;
	}

	/** Bounding-box height of component {@code l}. */
	public int height(final int l) {
		return maxY[l] - minY[l] + 1;
	}
}
