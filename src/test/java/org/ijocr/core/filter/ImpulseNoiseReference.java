package org.ijocr.core.filter;

import org.ijocr.core.Tasks;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * FROZEN REFERENCE for tests and benchmarks: the implementation of {@link org.ijocr.core.filter.ImpulseNoise} before the
 * second speed round (commit 14b4ddf), kept unchanged so that the faster one can be compared with it byte for byte.
 * Do not edit.
 * <p>
 * Removes salt-and-pepper (impulse) noise from an 8-bit grey page without blurring clean text: a switching median
 * that replaces only the pixels judged to be impulses.
 * <p>
 * Detection: impulses take the extreme grey values of the page (its minimum and maximum, 0 and 255 for
 * salt-and-pepper). On a text page ink and paper have those values too, so an extreme pixel is an impulse only when
 * at most one of its 8 neighbours is similar to it (within {@value #DEFAULT_TOLERANCE} grey levels): ink and paper
 * pixels belong to regions, while an impulse stands alone or in a rare pair. (The end pixels of a line exactly
 * 1 pixel wide and black fit that test too and are lost; at 300 dpi antialiased strokes are wider.) This is
 * the noise-adaptive switching scheme of H.-L. Eng and K.-K. Ma, "Noise adaptive soft-switching median filter",
 * IEEE Trans. Image Process. 10(2), 2001, with the detector of S. Zhang and M. A. Karim, "A new impulse detector
 * for switching median filters", IEEE Signal Process. Lett. 9(11), 2002 (an impulse differs from most of its
 * neighbours).
 * <p>
 * Replacement: the median of the noise-free pixels in a window grown from 3&times;3 to 7&times;7 until it holds at
 * least one (the adaptive window of H. Hwang and R. A. Haddad, "Adaptive median filters: new algorithms and
 * results", IEEE Trans. Image Process. 4(4), 1995); an even count takes the mean of the two middle values.
 * <p>
 * Density estimate: an impulse can only be detected at a site where at most one neighbour of the restored page is
 * near its level (pepper on paper, salt inside thick ink), so each kind's density is its detections over its sites,
 * corrected for impulses hidden by a same-level neighbour (see {@link #density}); the total adds both kinds. Impulse
 * clusters of 3 or more are not removed; they are left to speck removal on the binary page.
 */
public final class ImpulseNoiseReference {

	private ImpulseNoiseReference() {}

	/** Default: grey-level difference up to which a neighbour counts as similar. */
	public static final int DEFAULT_TOLERANCE = 64;

	/** An extreme pixel with at most this many similar neighbours (of 8) is an impulse. */
	public static final int MAX_SIMILAR_NEIGHBOURS = 1;

	/**
	 * What {@link #remove} found.
	 *
	 * @param estimatedDensity estimated fraction of pixels hit by impulses (salt plus pepper), including invisible
	 *          hits (salt on white paper)
	 * @param pepperDensity estimated fraction hit by dark impulses
	 * @param saltDensity estimated fraction hit by light impulses
	 * @param pixelsChanged pixels replaced
	 * @param low the dark impulse level (page minimum)
	 * @param high the light impulse level (page maximum)
	 */
	public record Result(double estimatedDensity, double pepperDensity, double saltDensity, long pixelsChanged,
		int low, int high)
	{}

	/**
	 * Removes impulse noise on raw row-major 8-bit pixels; see the class description.
	 *
	 * @param src pixels, {@code width*height}
	 * @param dst output pixels, not the same array
	 * @param w width
	 * @param h height
	 * @param tolerance grey-level difference up to which a neighbour counts as similar (default 64)
	 * @return estimated density and pixels changed
	 */
	public static Result remove(final byte[] src, final byte[] dst, final int w, final int h, final int tolerance) {
		return remove(src, dst, w, h, tolerance, null);
	}

	/**
	 * Removes impulse noise on raw row-major 8-bit pixels, reusing a mask buffer (a new page-sized array costs page
	 * faults on every call); see the class description.
	 *
	 * @param src pixels, {@code width*height}
	 * @param dst output pixels, not the same array
	 * @param w width
	 * @param h height
	 * @param tolerance grey-level difference up to which a neighbour counts as similar (default 64)
	 * @param maskBuffer at least {@code w*h} bytes to reuse (overwritten), or null
	 * @return estimated density and pixels changed
	 */
	public static Result remove(final byte[] src, final byte[] dst, final int w, final int h, final int tolerance,
		final byte[] maskBuffer)
	{
		if (src == dst) throw new IllegalArgumentException("dst must not alias src");
		if (src.length < w * h || dst.length < w * h) throw new IllegalArgumentException("arrays too short");
		int lo = 255, hi = 0;
		for (int i = 0; i < w * h; i++) {
			final int v = src[i] & 0xff;
			if (v < lo) lo = v;
			if (v > hi) hi = v;
		}
		final int low = lo, high = hi, mid = (lo + hi) / 2;
		if (low == high) {
			System.arraycopy(src, 0, dst, 0, w * h);
			return new Result(0, 0, 0, 0, low, high);
		}
		// pass 1: mark impulses (1 = impulse, 0 = noise-free); pass 2 writes the result
		final byte[] mask = maskBuffer != null && maskBuffer.length >= w * h ? maskBuffer : new byte[w * h];
		Tasks.rows(h, 1, Median.MIN_ROWS_PER_TASK, (plane, y0, y1) -> {
			final NeighbourCounts nc = new NeighbourCounts(src, w, h, low, high, tolerance, y0);
			for (int y = y0; y < y1; y++) {
				final int[] sum = nc.next();
				for (int x = 0, p = y * w; x < w; x++, p++) {
					final int v = src[p] & 0xff;
					mask[p] = (byte) ((v == low ? (sum[x] & 15) <= MAX_SIMILAR_NEIGHBOURS
						: v == high && sum[x] >>> 4 <= MAX_SIMILAR_NEIGHBOURS) ? 1 : 0);
				}
			}
		});
		// counts: [changed, pepper found, salt found, pepper sites, salt sites]
		final AtomicLongArray counts = new AtomicLongArray(5);
		Tasks.rows(h, 1, Median.MIN_ROWS_PER_TASK, (plane, y0, y1) -> {
			final int[] buf = new int[49];
			long changed = 0, pepper = 0, salt = 0;
			System.arraycopy(src, y0 * w, dst, y0 * w, (y1 - y0) * w);
			for (int p = y0 * w; p < y1 * w; p++) {
				if (mask[p] == 0) continue;
				final int v = src[p] & 0xff;
				if (v == low) pepper++;
				else salt++;
				final int r = replacement(src, mask, w, h, p % w, p / w, buf);
				if (r != v) changed++;
				dst[p] = (byte) r;
			}
			counts.addAndGet(0, changed);
			counts.addAndGet(1, pepper);
			counts.addAndGet(2, salt);
		});
		// sites where an impulse of each kind would have been detected: at most 1 neighbour near its level
		Tasks.rows(h, 1, Median.MIN_ROWS_PER_TASK, (plane, y0, y1) -> {
			final NeighbourCounts nc = new NeighbourCounts(dst, w, h, low, high, tolerance, y0);
			long pepperSites = 0, saltSites = 0;
			for (int y = y0; y < y1; y++) {
				final int[] sum = nc.next();
				for (int x = 0; x < w; x++) {
					if ((sum[x] & 15) <= MAX_SIMILAR_NEIGHBOURS) pepperSites++;
					if (sum[x] >>> 4 <= MAX_SIMILAR_NEIGHBOURS) saltSites++;
				}
			}
			counts.addAndGet(3, pepperSites);
			counts.addAndGet(4, saltSites);
		});
		final double pd = density(counts.get(1), counts.get(3));
		final double sd = density(counts.get(2), counts.get(4));
		return new Result(pd + sd, pd, sd, counts.get(0), low, high);
	}

	/**
	 * Row by row, for every pixel: how many of its 8 neighbours lie within the tolerance of the low level (low 4 bits)
	 * and of the high level (bits 4..7). Each pixel gets a code (near low: 1, near high: 16) from a table, and rolling
	 * 3x3 box sums of the codes minus the pixel's own code give both counts at once; outside the image counts nothing.
	 */
	private static final class NeighbourCounts {

		private final byte[] img;
		private final int w, h;
		private final int[] table = new int[256];
		private final int[][] rows;
		private final int[] sum;
		private int y;

		NeighbourCounts(final byte[] img, final int w, final int h, final int low, final int high,
			final int tolerance, final int y0)
		{
			this.img = img;
			this.w = w;
			this.h = h;
			for (int q = 0; q < 256; q++)
				table[q] = (q - low <= tolerance ? 1 : 0) + (high - q <= tolerance ? 16 : 0);
			rows = new int[3][w];
			sum = new int[w];
			y = y0;
			rowSums(y0 - 1, rows[Math.floorMod(y0 - 1, 3)]);
			rowSums(y0, rows[Math.floorMod(y0, 3)]);
		}

		/** Counts for the next row (the first call gives row y0). */
		int[] next() {
			rowSums(y + 1, rows[Math.floorMod(y + 1, 3)]);
			final int[] a = rows[Math.floorMod(y - 1, 3)], b = rows[Math.floorMod(y, 3)], c = rows[Math.floorMod(y + 1, 3)];
			for (int x = 0, p = y * w; x < w; x++, p++)
				sum[x] = a[x] + b[x] + c[x] - table[img[p] & 0xff];
			y++;
			return sum;
		}

		/** Horizontal 3-sums of the codes of row {@code yy}; zeros outside the image. */
		private void rowSums(final int yy, final int[] out) {
			if (yy < 0 || yy >= h) {
				java.util.Arrays.fill(out, 0);
				return;
			}
			final int p = yy * w;
			int left = 0, mid = table[img[p] & 0xff];
			for (int x = 0; x < w; x++) {
				final int right = x + 1 < w ? table[img[p + x + 1] & 0xff] : 0;
				out[x] = left + mid + right;
				left = mid;
				mid = right;
			}
		}
	}

	/**
	 * Density of one impulse kind from {@code found} detections among {@code sites} places where it is detectable,
	 * corrected for impulses missed because two or more of the same kind are among their 8 neighbours: an impulse of
	 * density q is detected with probability {@code P(q) = (1-q)^8 + 8q(1-q)^7}, so q is the smallest root of
	 * {@code q P(q) = found / sites} (found on a 0.0005 grid; the maximiser of {@code q P(q)} when no root exists).
	 */
	static double density(final long found, final long sites) {
		if (sites == 0 || found == 0) return 0;
		final double observed = found / (double) sites;
		double best = 0, bestF = 0;
		for (double q = 0.0005; q <= 0.5; q += 0.0005) {
			final double f = q * (Math.pow(1 - q, 8) + 8 * q * Math.pow(1 - q, 7));
			if (f >= observed) {
				// interpolate inside the grid step
				final double q0 = q - 0.0005, f0 = q0 * (Math.pow(1 - q0, 8) + 8 * q0 * Math.pow(1 - q0, 7));
				return q0 + 0.0005 * (observed - f0) / (f - f0);
			}
			if (f > bestF) {
				bestF = f;
				best = q;
			}
		}
		return best;
	}

	/** Median of the noise-free pixels in the smallest window (3x3 .. 7x7) that has any; else of the 3x3 window. */
	private static int replacement(final byte[] src, final byte[] mask, final int w, final int h, final int x,
		final int y, final int[] buf)
	{
		for (int r = 1; r <= 3; r++) {
			int n = 0;
			for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++)
				for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
					final int q = yy * w + xx;
					if (mask[q] == 0) buf[n++] = src[q] & 0xff;
				}
			if (n > 0) return middle(buf, n);
		}
		int n = 0;
		for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++)
			for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++)
				buf[n++] = src[yy * w + xx] & 0xff;
		return middle(buf, n);
	}

	/** Median of {@code a[0..n-1]} (mean of the two middle values, rounded, when n is even); reorders a. */
	private static int middle(final int[] a, final int n) {
		java.util.Arrays.sort(a, 0, n);
		return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2] + 1) / 2;
	}
}
