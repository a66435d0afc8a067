package org.ijocr.core.morph;

import java.util.Arrays;

/**
 * FROZEN REFERENCE for tests and benchmarks: the implementation of {@link org.ijocr.core.morph.ConnectedComponents} before the
 * second speed round (commit 14b4ddf), kept unchanged so that the faster one can be compared with it byte for byte.
 * Do not edit.
 * <p>
 * Connected-component labelling of one value in an 8-bit row-major image, by the two-pass algorithm with union-find
 * on provisional labels (A. Rosenfeld, J. L. Pfaltz, "Sequential operations in digital picture processing", J. ACM
 * 13(4), 1966) working on runs rather than pixels: the first pass cuts each row into runs of the value and unites
 * each run with the runs it touches in the row above; the second paints the runs and gathers statistics per run
 * (L. He, Y. Chao, K. Suzuki, "A run-based two-scan labeling algorithm", IEEE Trans. Image Process. 17(5), 2008;
 * union-find with path halving as in K. Wu, E. Otoo, K. Suzuki, "Optimizing two-pass connected-component labeling
 * algorithms", Pattern Anal. Appl. 12, 2009).
 * <p>
 * Labels are 1..{@link #count()}, in raster order of each component's first pixel; 0 marks the other pixels.
 * Per-component area and bounding box are gathered during the second pass.
 */
public final class ConnectedComponentsReference {

	private final int count;
	private final int[] labels;
	private final int[] area, minX, minY, maxX, maxY;

	private ConnectedComponentsReference(final int count, final int[] labels, final int[] area, final int[] minX,
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
	public static ConnectedComponentsReference label(final byte[] pixels, final int width, final int height, final int value,
		final boolean eightConnected, final int[] labels)
	{
		final int n = width * height;
		if (pixels.length < n) throw new IllegalArgumentException("pixels shorter than width*height");
		final int[] lab = labels != null && labels.length >= n ? labels : new int[n];
		final byte v = (byte) value;
		final int reach = eightConnected ? 1 : 0; // runs touch diagonally under 8-connectivity
		// pass 1: runs [x0, x1] per row with provisional labels; unions with overlapping runs of the row above
		int[] rx0 = new int[4096], rx1 = new int[4096], rl = new int[4096];
		final int[] rowStart = new int[height + 1];
		int[] parent = new int[4096];
		int runs = 0, next = 1;
		for (int y = 0; y < height; y++) {
			rowStart[y] = runs;
			final int row = y * width;
			int up = y > 0 ? rowStart[y - 1] : 0;
			final int upEnd = y > 0 ? rowStart[y] : 0;
			int x = 0;
			while (x < width) {
				while (x < width && pixels[row + x] != v)
					x++;
				if (x == width) break;
				final int x0 = x;
				while (x < width && pixels[row + x] == v)
					x++;
				final int x1 = x - 1;
				if (runs == rx0.length) {
					rx0 = Arrays.copyOf(rx0, 2 * runs);
					rx1 = Arrays.copyOf(rx1, 2 * runs);
					rl = Arrays.copyOf(rl, 2 * runs);
				}
				int l = 0;
				// skip runs above that end before this one can touch them
				while (up < upEnd && rx1[up] < x0 - reach)
					up++;
				for (int u = up; u < upEnd && rx0[u] <= x1 + reach; u++)
					l = l == 0 ? find(parent, rl[u]) : union(parent, l, rl[u]);
				if (l == 0) {
					if (next == parent.length) parent = Arrays.copyOf(parent, 2 * next);
					parent[next] = next;
					l = next++;
				}
				rx0[runs] = x0;
				rx1[runs] = x1;
				rl[runs++] = l;
			}
		}
		rowStart[height] = runs;
		// flatten: provisional label -> final consecutive label in order of first appearance
		final int[] finalLabel = new int[next];
		int count = 0;
		for (int i = 1; i < next; i++) {
			final int r = find(parent, i);
			finalLabel[i] = r == i ? ++count : finalLabel[r];
		}
		final int[] area = new int[count + 1], minX = new int[count + 1], minY = new int[count + 1],
			maxX = new int[count + 1], maxY = new int[count + 1];
		Arrays.fill(minX, Integer.MAX_VALUE);
		Arrays.fill(minY, Integer.MAX_VALUE);
		Arrays.fill(maxX, -1);
		Arrays.fill(maxY, -1);
		// pass 2: paint runs, gather statistics per run
		for (int y = 0; y < height; y++) {
			final int row = y * width;
			int x = 0;
			for (int r = rowStart[y]; r < rowStart[y + 1]; r++) {
				final int x0 = rx0[r], x1 = rx1[r], l = finalLabel[rl[r]];
				Arrays.fill(lab, row + x, row + x0, 0);
				Arrays.fill(lab, row + x0, row + x1 + 1, l);
				x = x1 + 1;
				area[l] += x1 - x0 + 1;
				if (x0 < minX[l]) minX[l] = x0;
				if (x1 > maxX[l]) maxX[l] = x1;
				if (y < minY[l]) minY[l] = y;
				maxY[l] = y;
			}
			Arrays.fill(lab, row + x, row + width, 0);
		}
		return new ConnectedComponentsReference(count, lab, area, minX, minY, maxX, maxY);
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
