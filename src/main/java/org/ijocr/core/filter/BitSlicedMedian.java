package org.ijocr.core.filter;

import java.util.Arrays;

/**
 * Exact 8-bit median over ImageJ's circular kernel, decided bit by bit from the most significant bit (the radix method
 * of E. Ataman, V. K. Aatre, K. M. Wong, "A fast method for real-time median filtering", IEEE Trans. ASSP 28(4),
 * 1980): with the bits above {@code b} of the median known (prefix {@code P}), bit {@code b} is set iff at least
 * {@code half + 1} of the {@code n = 2 half + 1} kernel values are &ge; {@code P | 2^b}. Eight passes of {@code n}
 * comparisons per pixel, without branches and without histograms.
 * <p>
 * It is fast because every pass is a plain loop over a row that the JIT turns into vector instructions, with seven
 * pixels in each {@code long} ("SIMD within a register"): lane {@code l} (bits {@code 9l..9l+8}) of word {@code i}
 * holds pixel {@code l*L + i} of the row ({@code L = ceil(w/7)}) as {@code value | 0x100}. Subtracting a word of
 * thresholds (each &le; 255) never borrows across lanes, and bit 8 of each lane of the difference is
 * {@code value >= threshold}. The counts live in the same 9-bit lanes, biased by {@code 255 - half} so that bit 8 of
 * a lane is the decision itself; this needs {@code n <= 511}. For each kernel offset the row is kept shifted by that
 * offset in an array of its own, so that every loop reads all its arrays at the same index (C2 in Java 17 does not
 * vectorize a loop that reads arrays at different loop-invariant offsets).
 * <p>
 * The first passes have few distinct thresholds: one (128) in the first, two (64, 192) in the second, four in the
 * third. There a kernel row's count is a box count of the row against that threshold, made once per input row from
 * prefix counts for each distinct kernel-row width and reused by every output row whose kernel contains that row; a
 * box-counted pass sums {@code 2^depth} counts per kernel row instead of comparing {@code n} pixels, and each lane then
 * picks the count of its own threshold. How many passes are box-counted follows a cost model ({@link #boxPasses}):
 * one for radii 2&ndash;3, two for 4&ndash;6, three from 7 up.
 * <p>
 * Cost: at most {@code 8 n / 7} lane comparisons per pixel whatever the image content (fewer with box passes),
 * against Huang's {@code O(r)} histogram updates; on this project's benchmark machine (A4 page at 300 dpi, one core)
 * the bit-sliced median is the faster one up to its lane limit of 511 kernel pixels (radius 12: 495 ms against
 * Huang's 644 ms).
 */
final class BitSlicedMedian {

	private BitSlicedMedian() {}

	/** Largest kernel (pixel count): the counts must fit 9-bit lanes. Radius 12.5; larger ones take Huang's method. */
	static final int MAX_KERNEL = 511;

	/** Longest row (words per lane), so that prefix counts over a lane fit its 9 bits. */
	private static final int MAX_LEN = 511;

	/** Zeros, to pad a sum to three arrays. */
	private static final long[] ZEROS = new long[MAX_LEN];

	/** Pixels per {@code long}, and bits per lane. */
	private static final int LANES = 7, BITS = 9;

	/** 1 in each lane. */
	private static final long LANE_ONES = 1L | 1L << 9 | 1L << 18 | 1L << 27 | 1L << 36 | 1L << 45 | 1L << 54;

	/** Bit 8 of each lane. */
	private static final long LANE_SIGNS = LANE_ONES << 8;

	/** Budget of the ring of input rows per task, in longs (8 MB); wider images are done in vertical stripes. */
	private static final int MAX_RING_LONGS = 1 << 20;

	/** At most this many leading passes are box-counted (they need {@code 2^passes - 1} thresholds per input row). */
	private static final int MAX_BOX_PASSES = 3;

	/**
	 * Costs per word of a row, in units of one vectorized comparison (one kernel pixel in one pass), measured on an
	 * A4 page: picking a lane's count among two, and preparing one box threshold of an input row per kernel-row width
	 * (scalar prefix counts and differences).
	 */
	private static final double PICK_COST = 2, THRESHOLD_COST = 2.8;

	/**
	 * One input row of a stripe: packed and shifted by {@code -k..k}; and for each box threshold {@code t} and each
	 * distinct half-width {@code d} of the kernel rows, lane by lane, how many of the words {@code x-d..x+d} hold
	 * values &ge; {@code t}.
	 */
	private static final class Row {

		final long[][] shifted;

		final long[][][] box;

		Row(final int shifts, final int len, final int thresholds, final int widths) {
			shifted = new long[shifts][len];
			box = new long[thresholds][widths][len];
		}
	}

	/**
	 * Rows {@code y0..y1-1} of the plane at {@code off} ({@code w*h} pixels) into {@code dst}; rows outside the plane
	 * take the nearest edge row, columns outside it the nearest edge column.
	 *
	 * @param dx kernel half-widths from {@link Median#lineRadii(double)}, at most {@link #MAX_KERNEL} pixels in all
	 */
	static void rows(final int[] dx, final byte[] src, final byte[] dst, final int off, final int w, final int h,
		final int y0, final int y1)
	{
		final int kh = dx.length, k = kh / 2, shifts = 2 * k + 1;
		final int n = Median.pixels(dx), half = n / 2;
		final int[] widths = Arrays.stream(dx).distinct().sorted().toArray(), widthIndex = new int[kh];
		for (int j = 0; j < kh; j++)
			widthIndex[j] = Arrays.binarySearch(widths, dx[j]);
		final int boxPasses = boxPasses(n, kh, widths.length);
		final int thresholds = (1 << boxPasses) - 1;
		// box counts live in 9-bit lanes too: a lane's prefix counts span at most 511 words
		final int maxLen = Math.min(MAX_RING_LONGS / (kh * (shifts + thresholds * widths.length)), MAX_LEN - 2 * k);
		// words per lane: the whole row, or balanced vertical stripes (a stripe costs its full length)
		final int words = (w + LANES - 1) / LANES, stripes = (words + maxLen - 1) / maxLen;
		final int len = (words + stripes - 1) / stripes;
		// ring of input rows: slot (yy mod kh) holds row yy of the stripe
		final Row[] ring = new Row[kh];
		for (int i = 0; i < kh; i++)
			ring[i] = new Row(shifts, len, thresholds, widths.length);
		final long[] packed = new long[len + 2 * k], prefix = new long[len + 2 * k + 1];
		final long[][] kernel = new long[n][];
		final long[][][] kernelBox = new long[thresholds][kh][];
		final long[] thr = new long[len], cnt = new long[len], med = new long[len];
		final long[][] boxCnt = new long[boxPasses > 0 ? 1 << boxPasses - 1 : 0][len];
		final long bias = (255 - half) * LANE_ONES;
		for (int x0 = 0; x0 < w; x0 += LANES * len) {
			for (int yy = y0 - k; yy < y0 + k; yy++)
				load(src, off, w, h, yy, x0, k, widths, packed, prefix, ring[Math.floorMod(yy, kh)]);
			for (int y = y0; y < y1; y++) {
				load(src, off, w, h, y + k, x0, k, widths, packed, prefix, ring[Math.floorMod(y + k, kh)]);
				int c = 0;
				for (int j = 0; j < kh; j++) {
					final Row row = ring[Math.floorMod(y + j - k, kh)];
					for (int s = k - dx[j]; s <= k + dx[j]; s++)
						kernel[c++] = row.shifted[s];
					for (int t = 0; t < thresholds; t++)
						kernelBox[t][j] = row.box[t][widthIndex[j]];
				}
				Arrays.fill(med, 0);
				Arrays.fill(thr, LANE_ONES << 7);
				for (int b = 7; b >= 0; b--) {
					final int depth = 7 - b;
					final long[] counts = depth < boxPasses ? boxCount(kernelBox, depth, bias, boxCnt, med, len)
						: cnt;
					if (counts == cnt) {
						Arrays.fill(cnt, bias);
						int q = 0;
						for (; q + 2 < n; q += 3)
							count3(kernel[q], kernel[q + 1], kernel[q + 2], thr, cnt, len);
						if (q + 1 < n) count2(kernel[q], kernel[q + 1], thr, cnt, len);
						else if (q < n) count1(kernel[q], thr, cnt, len);
					}
					decide(counts, med, thr, b, len);
				}
				final int po = off + y * w;
				for (int l = 0; l < LANES; l++) {
					final int xa = x0 + l * len, xe = Math.min(w, xa + len), s = BITS * l;
					for (int x = xa; x < xe; x++)
						dst[po + x] = (byte) (med[x - xa] >>> s);
				}
			}
		}
	}

	/**
	 * How many leading passes are cheaper box-counted: at depth {@code d} that sums {@code 2^d} box counts per kernel
	 * row and picks among them, instead of comparing all {@code n} kernel pixels, but each input row needs
	 * {@code 2^d} more box thresholds.
	 */
	static int boxPasses(final int n, final int rows, final int widths) {
		int p = 0;
		while (p < MAX_BOX_PASSES) {
			final int v = 1 << p;
			if (n - v * rows - PICK_COST * (v - 1) <= v * THRESHOLD_COST * (2 + widths)) break;
			p++;
		}
		return p;
	}

	/**
	 * The pass at {@code depth} (bit {@code 7 - depth}) by box counting: the thresholds of that pass take only
	 * {@code 2^depth} values (set by the bits decided so far), whose counts over the kernel are sums of the kernel
	 * rows' box counts; each lane then picks the count of its own threshold.
	 *
	 * @return the biased counts, one of the arrays of {@code boxCnt}
	 */
	private static long[] boxCount(final long[][][] kernelBox, final int depth, final long bias,
		final long[][] boxCnt, final long[] med, final int len)
	{
		final int values = 1 << depth;
		for (int v = 0; v < values; v++) {
			final long[][] rows = kernelBox[values - 1 + v];
			final long[] acc = boxCnt[v];
			Arrays.fill(acc, 0, len, bias);
			int j = 0;
			for (; j + 2 < rows.length; j += 3)
				add3(rows[j], rows[j + 1], rows[j + 2], acc, len);
			for (; j < rows.length; j++)
				add3(rows[j], ZEROS, ZEROS, acc, len);
		}
		// a lane's threshold index is its decided bits 7..8-depth: pick pairwise from the lowest of them up
		for (int e = 0, m = values; e < depth; e++, m >>= 1)
			for (int v = 0; v < m / 2; v++)
				pick(boxCnt[2 * v], boxCnt[2 * v + 1], med, 8 - depth + e, boxCnt[v], len);
		return boxCnt[0];
	}

	/** Adds to each lane of {@code cnt} how many of {@code a, b, c} are &ge; the threshold in {@code t}. */
	private static void count3(final long[] a, final long[] b, final long[] c, final long[] t, final long[] cnt,
		final int len)
	{
		for (int x = 0; x < len; x++) {
			final long tx = t[x];
			cnt[x] += ((a[x] - tx & LANE_SIGNS) + (b[x] - tx & LANE_SIGNS) + (c[x] - tx & LANE_SIGNS)) >>> 8;
		}
	}

	private static void count2(final long[] a, final long[] b, final long[] t, final long[] cnt, final int len) {
		for (int x = 0; x < len; x++) {
			final long tx = t[x];
			cnt[x] += ((a[x] - tx & LANE_SIGNS) + (b[x] - tx & LANE_SIGNS)) >>> 8;
		}
	}

	private static void count1(final long[] a, final long[] t, final long[] cnt, final int len) {
		for (int x = 0; x < len; x++)
			cnt[x] += (a[x] - t[x] & LANE_SIGNS) >>> 8;
	}

	/** {@code acc += a + b + c}, lane-wise. */
	private static void add3(final long[] a, final long[] b, final long[] c, final long[] acc, final int len) {
		for (int x = 0; x < len; x++)
			acc[x] += a[x] + b[x] + c[x];
	}

	/** Per lane, {@code b} where bit {@code bit} of {@code med} is set, else {@code a}. */
	private static void pick(final long[] a, final long[] b, final long[] med, final int bit, final long[] out,
		final int len)
	{
		for (int x = 0; x < len; x++) {
			final long m = med[x] >>> bit & LANE_ONES;
			final long ax = a[x];
			out[x] = ax ^ (ax ^ b[x]) & (m << BITS) - m;
		}
	}

	/** Sets bit {@code b} of the lanes of {@code med} whose count reached {@code half + 1}; next pass's thresholds. */
	private static void decide(final long[] cnt, final long[] med, final long[] thr, final int b, final int len) {
		final int s = 8 - b;
		final long next = b > 0 ? LANE_ONES << b - 1 : 0;
		for (int x = 0; x < len; x++) {
			final long m = med[x] | (cnt[x] & LANE_SIGNS) >>> s;
			med[x] = m;
			thr[x] = m | next;
		}
	}

	/**
	 * Loads row {@code yy} (clamped into the plane) of the stripe starting at column {@code x0} into {@code row}: word
	 * {@code i} of shift {@code s} holds column {@code x0 + l*len + i + s - k} (clamped into the plane) in lane
	 * {@code l}, {@code len} being the rows' length; then the box counts for the thresholds of the box passes (128;
	 * 64, 192; 32, 96, 160, 224; ...) from prefix counts.
	 */
	private static void load(final byte[] src, final int off, final int w, final int h, final int yy, final int x0,
		final int k, final int[] widths, final long[] packed, final long[] prefix, final Row row)
	{
		final int p = off + Math.min(Math.max(yy, 0), h - 1) * w, len = packed.length - 2 * k;
		for (int i = 0; i < packed.length; i++) {
			long v = 0;
			for (int l = 0; l < LANES; l++) {
				final int x = Math.min(Math.max(x0 + l * len + i - k, 0), w - 1);
				v |= (long) (src[p + x] & 0xff | 0x100) << BITS * l;
			}
			packed[i] = v;
		}
		for (int s = 0; s < row.shifted.length; s++)
			System.arraycopy(packed, s, row.shifted[s], 0, len);
		for (int t = 0; t < row.box.length; t++) {
			final int depth = 31 - Integer.numberOfLeadingZeros(t + 1), i = t + 1 - (1 << depth);
			final long thr = (2L * i + 1 << 7 - depth) * LANE_ONES;
			long sum = 0;
			for (int q = 0; q < packed.length; q++) {
				prefix[q] = sum;
				sum += (packed[q] - thr & LANE_SIGNS) >>> 8;
			}
			prefix[packed.length] = sum;
			for (int wi = 0; wi < widths.length; wi++) {
				final long[] box = row.box[t][wi];
				final int a = k + widths[wi] + 1, b = k - widths[wi];
				for (int x = 0; x < len; x++)
					box[x] = prefix[x + a] - prefix[x + b];
			}
		}
	}
}
