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
 * Cost: {@code 8 n / 7} lane comparisons per pixel whatever the image content, against Huang's {@code O(r)}
 * histogram updates; on this project's benchmark machine (A4 page at 300 dpi, one core) the bit-sliced median is the
 * faster one up to about 450 kernel pixels (ImageJ radius 12). See {@link #MAX_KERNEL}.
 */
final class BitSlicedMedian {

	private BitSlicedMedian() {}

	/** Largest kernel (pixel count) this method is used for; beyond, Huang's histogram in {@link Median} is faster. */
	static final int MAX_KERNEL = 400;

	/** Pixels per {@code long}, and bits per lane. */
	private static final int LANES = 7, BITS = 9;

	/** 1 in each lane. */
	private static final long LANE_ONES = 1L | 1L << 9 | 1L << 18 | 1L << 27 | 1L << 36 | 1L << 45 | 1L << 54;

	/** Bit 8 of each lane. */
	private static final long LANE_SIGNS = LANE_ONES << 8;

	/** Budget of shifted row copies per task, in longs (4 MB); wider images are done in vertical stripes. */
	private static final int MAX_COPY_LONGS = 1 << 19;

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
		final int len = Math.max(1, Math.min((w + LANES - 1) / LANES, MAX_COPY_LONGS / (kh * shifts)));
		// ring of input rows: slot (yy mod kh) holds row yy of the stripe, packed, shifted by -k..k
		final long[][][] ring = new long[kh][shifts][len];
		final long[] packed = new long[len + 2 * k];
		final long[][] kernel = new long[n][];
		final long[] thr = new long[len], cnt = new long[len], med = new long[len];
		final long bias = (255 - half) * LANE_ONES;
		for (int x0 = 0; x0 < w; x0 += LANES * len) {
			for (int yy = y0 - k; yy < y0 + k; yy++)
				load(src, off, w, h, yy, x0, len, k, packed, ring[Math.floorMod(yy, kh)]);
			for (int y = y0; y < y1; y++) {
				load(src, off, w, h, y + k, x0, len, k, packed, ring[Math.floorMod(y + k, kh)]);
				int c = 0;
				for (int j = 0; j < kh; j++) {
					final long[][] row = ring[Math.floorMod(y + j - k, kh)];
					for (int s = k - dx[j]; s <= k + dx[j]; s++)
						kernel[c++] = row[s];
				}
				Arrays.fill(med, 0);
				Arrays.fill(thr, LANE_ONES << 7);
				for (int b = 7; b >= 0; b--) {
					Arrays.fill(cnt, bias);
					int q = 0;
					for (; q + 2 < n; q += 3)
						count3(kernel[q], kernel[q + 1], kernel[q + 2], thr, cnt, len);
					if (q + 1 < n) count2(kernel[q], kernel[q + 1], thr, cnt, len);
					else if (q < n) count1(kernel[q], thr, cnt, len);
					decide(cnt, med, thr, b, len);
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
	 * Packs row {@code yy} (clamped into the plane) of the stripe starting at column {@code x0}: word {@code i} of
	 * shift {@code s} holds column {@code x0 + l*len + i + s - k} (clamped into the plane) in lane {@code l}.
	 */
	private static void load(final byte[] src, final int off, final int w, final int h, final int yy, final int x0,
		final int len, final int k, final long[] packed, final long[][] shifted)
	{
		final int p = off + Math.min(Math.max(yy, 0), h - 1) * w;
		for (int i = 0; i < packed.length; i++) {
			long v = 0;
			for (int l = 0; l < LANES; l++) {
				final int x = Math.min(Math.max(x0 + l * len + i - k, 0), w - 1);
				v |= (long) (src[p + x] & 0xff | 0x100) << BITS * l;
			}
			packed[i] = v;
		}
		for (int s = 0; s < shifted.length; s++)
			System.arraycopy(packed, s, shifted[s], 0, len);
	}
}
