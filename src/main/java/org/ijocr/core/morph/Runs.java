package org.ijocr.core.morph;

import java.util.Arrays;

import org.ijocr.core.ByteLanes;

/**
 * The horizontal runs of a set of pixels, row by row, labelled into connected components: the run-based two-scan
 * labelling of {@link ConnectedComponents} (L. He, Y. Chao, K. Suzuki, "A run-based two-scan labeling algorithm", IEEE
 * Trans. Image Process. 17(5), 2008) without painting a label image, for callers that can work on the runs themselves.
 * Each run is united with the runs of the row above that it touches (overlapping columns, or diagonally adjacent under
 * 8-connectivity) by union-find whose roots are the smallest labels (path halving: K. Wu, E. Otoo, K. Suzuki,
 * "Optimizing two-pass connected-component labeling algorithms", Pattern Anal. Appl. 12, 2009); final labels 1..
 * {@link #components} follow the raster order of each component's first pixel.
 * <p>
 * Runs of one grey value are found eight pixels at a time: each 64-bit word of a row is compared with the value by
 * the exact zero-byte test of "Bit Twiddling Hacks" (S. E. Anderson), the eight answers gathered into a row bit set,
 * and run starts and ends read from it with {@link Long#numberOfTrailingZeros}.
 */
final class Runs {

	/** Image size. */
	final int width, height;

	/** Number of runs. */
	int count;

	/** First and last column of each run, and its label (provisional while labelling, then 1..components). */
	int[] x0, x1, label;

	/** Index of the first run of each row; {@code rowStart[height]} = {@link #count}. */
	final int[] rowStart;

	/** Number of components. */
	int components;

	/** Per component (index 1..components): pixel count and bounding box. */
	int[] area, minX, minY, maxX, maxY;

	/** Union-find parents of the provisional labels, and the next unused provisional label. */
	private int[] parent = new int[1024];
	private int next = 1;

	private Runs(final int width, final int height) {
		this.width = width;
		this.height = height;
		rowStart = new int[height + 1];
		final int capacity = Math.max(64, 4 * height);
		x0 = new int[capacity];
		x1 = new int[capacity];
		label = new int[capacity];
	}

	/**
	 * Runs of the pixels equal to {@code value}, labelled.
	 *
	 * @param pixels row-major 8-bit pixels, at least {@code width*height}
	 * @param width image width
	 * @param height image height
	 * @param value grey value 0..255
	 * @param eightConnected 8- or 4-connectivity
	 */
	static Runs of(final byte[] pixels, final int width, final int height, final int value,
		final boolean eightConnected)
	{
		return scan(pixels, width, height, value, false, eightConnected);
	}

	/**
	 * Runs of the pixels at or below {@code level} (dark pixels), labelled; eight pixels at a time by an exact
	 * unsigned byte-wise comparison with {@code level + 1} (high bits compared apart from the low seven bits, which
	 * are subtracted with the high bit set so that no borrow crosses a byte).
	 *
	 * @param level grey level 0..254
	 */
	static Runs atMost(final byte[] pixels, final int width, final int height, final int level,
		final boolean eightConnected)
	{
		return scan(pixels, width, height, level, true, eightConnected);
	}

	/** Runs of the pixels equal to {@code value} or, if {@code atMost}, at or below it. */
	private static Runs scan(final byte[] pixels, final int width, final int height, final int value,
		final boolean atMost, final boolean eightConnected)
	{
		final Runs r = new Runs(width, height);
		final long pattern = ((atMost ? value + 1 : value) & 0xffL) * ByteLanes.ONES;
		final byte v = (byte) value;
		final long[] bits = new long[((width + 63) >>> 6) + 1]; // one more zero word: no run continues past the row
		for (int y = 0; y < height; y++) {
			final int o = y * width;
			// eight pixels per word: the high bit of each byte equal to the value, gathered into eight row bits
			int x = 0;
			for (; x + 8 <= width; x += 8) {
				final long p = ByteLanes.get(pixels, o + x);
				final long eq = atMost ? ByteLanes.below(p, pattern) : ByteLanes.zeroBytes(p ^ pattern);
				final long b = (eq >>> 7) * 0x0102040810204080L >>> 56;
				if ((x & 63) == 0) bits[x >>> 6] = b;
				else bits[x >>> 6] |= b << (x & 63);
			}
			for (; x < width; x++) {
				final long b = (atMost ? (pixels[o + x] & 0xff) <= value : pixels[o + x] == v) ? 1L : 0L;
				if ((x & 63) == 0) bits[x >>> 6] = b;
				else bits[x >>> 6] |= b << (x & 63);
			}
			r.rowStart[y] = r.count;
			r.addRuns(bits, (width + 63) >>> 6);
			r.link(y, eightConnected);
		}
		r.finish();
		return r;
	}

	/**
	 * Runs of the pixels that are in none of {@code runs}' runs whose component is marked in {@code dropped} (the
	 * complement of the kept runs), labelled.
	 *
	 * @param runs labelled runs
	 * @param dropped per label of {@code runs} (1..components): whether its runs count as outside
	 * @param eightConnected 8- or 4-connectivity
	 */
	static Runs complement(final Runs runs, final boolean[] dropped, final boolean eightConnected) {
		final int w = runs.width;
		final Runs r = new Runs(w, runs.height);
		for (int y = 0; y < runs.height; y++) {
			r.rowStart[y] = r.count;
			r.ensureCapacity(w / 2 + 1);
			int x = 0;
			for (int k = runs.rowStart[y]; k < runs.rowStart[y + 1]; k++) {
				if (dropped[runs.label[k]]) continue;
				if (runs.x0[k] > x) r.add(x, runs.x0[k] - 1);
				x = runs.x1[k] + 1;
			}
			if (x < w) r.add(x, w - 1);
			r.link(y, eightConnected);
		}
		r.finish();
		return r;
	}

	/** Appends the runs of one row's bit set ({@code words} words, one more zero word after them). */
	private void addRuns(final long[] bits, final int words) {
		ensureCapacity(width / 2 + 1);
		int s = count, e = count;
		long carry = 0; // the previous word's last bit
		for (int k = 0; k < words; k++) {
			final long b = bits[k];
			if (b == 0) {
				carry = 0;
				continue;
			}
			long starts = b & ~(b << 1 | carry), ends = b & ~(b >>> 1 | bits[k + 1] << 63);
			carry = b >>> 63;
			final int base = k << 6;
			for (; starts != 0; starts &= starts - 1)
				x0[s++] = base + Long.numberOfTrailingZeros(starts);
			for (; ends != 0; ends &= ends - 1)
				x1[e++] = base + Long.numberOfTrailingZeros(ends);
		}
		count = s;
	}

	private void add(final int a, final int b) {
		x0[count] = a;
		x1[count++] = b;
	}

	private void ensureCapacity(final int more) {
		if (count + more <= x0.length) return;
		final int size = Math.max(2 * x0.length, count + more);
		x0 = Arrays.copyOf(x0, size);
		x1 = Arrays.copyOf(x1, size);
		label = Arrays.copyOf(label, size);
	}

	/** Gives the runs of row y provisional labels, united with those of the runs above that they touch. */
	private void link(final int y, final boolean eightConnected) {
		final int reach = eightConnected ? 1 : 0;
		int up = y > 0 ? rowStart[y - 1] : 0;
		final int upEnd = y > 0 ? rowStart[y] : 0;
		for (int k = rowStart[y]; k < count; k++) {
			final int a = x0[k], b = x1[k];
			int l = 0;
			// skip runs above that end before this one can touch them
			while (up < upEnd && x1[up] < a - reach)
				up++;
			for (int u = up; u < upEnd && x0[u] <= b + reach; u++)
				l = l == 0 ? find(label[u]) : union(l, label[u]);
			if (l == 0) {
				if (next == parent.length) parent = Arrays.copyOf(parent, 2 * next);
				parent[next] = next;
				l = next++;
			}
			label[k] = l;
		}
	}

	/** Final labels in order of first appearance, and the statistics per component. */
	private void finish() {
		rowStart[height] = count;
		final int[] finalLabel = new int[next];
		int n = 0;
		for (int i = 1; i < next; i++) {
			final int root = find(i);
			finalLabel[i] = root == i ? ++n : finalLabel[root];
		}
		components = n;
		area = new int[n + 1];
		minX = new int[n + 1];
		minY = new int[n + 1];
		maxX = new int[n + 1];
		maxY = new int[n + 1];
		Arrays.fill(minX, Integer.MAX_VALUE);
		Arrays.fill(minY, Integer.MAX_VALUE);
		Arrays.fill(maxX, -1);
		Arrays.fill(maxY, -1);
		for (int y = 0; y < height; y++)
			for (int k = rowStart[y]; k < rowStart[y + 1]; k++) {
				final int a = x0[k], b = x1[k], l = finalLabel[label[k]];
				label[k] = l;
				area[l] += b - a + 1;
				if (a < minX[l]) minX[l] = a;
				if (b > maxX[l]) maxX[l] = b;
				if (y < minY[l]) minY[l] = y;
				maxY[l] = y;
			}
		parent = null;
	}

	/** Paints the final labels into {@code lab} (row-major, 0 outside the runs). */
	void paint(final int[] lab) {
		for (int y = 0; y < height; y++) {
			final int row = y * width;
			int x = 0;
			for (int k = rowStart[y]; k < rowStart[y + 1]; k++) {
				Arrays.fill(lab, row + x, row + x0[k], 0);
				Arrays.fill(lab, row + x0[k], row + x1[k] + 1, label[k]);
				x = x1[k] + 1;
			}
			Arrays.fill(lab, row + x, row + width, 0);
		}
	}

	/** Sets the pixels of the runs whose component is marked in {@code which} to {@code value}. */
	void fill(final byte[] pixels, final boolean[] which, final byte value) {
		for (int y = 0; y < height; y++)
			for (int k = rowStart[y]; k < rowStart[y + 1]; k++)
				if (which[label[k]]) Arrays.fill(pixels, y * width + x0[k], y * width + x1[k] + 1, value);
	}

	/** Roots a < b both ways so that a root is always the smallest label of its set (keeps raster order). */
	private int union(final int a, final int b) {
		final int ra = find(a), rb = find(b);
		if (ra == rb) return ra;
		if (ra < rb) {
			parent[rb] = ra;
			return ra;
		}
		parent[ra] = rb;
		return rb;
	}

	private int find(int a) {
		while (parent[a] != a) {
			parent[a] = parent[parent[a]];
			a = parent[a];
		}
		return a;
	}
}
