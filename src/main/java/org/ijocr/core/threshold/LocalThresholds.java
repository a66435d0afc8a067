package org.ijocr.core.threshold;

import org.ijocr.core.Tasks;

import java.util.concurrent.atomic.DoubleAccumulator;

import org.ijocr.core.filter.Gauss;

/**
 * The classic local (adaptive) thresholds on 8-bit grey levels, static facade: each pixel is compared with a
 * threshold {@code T} computed from the grey levels of the square window of (2·radius + 1)² pixels centred on it,
 * and becomes ink (0) when its level is {@code ≤ T}, else paper (255) — the convention of the whole package.
 * <p>
 * Windows are clipped to the image: near a border the statistics are those of the part of the window inside the
 * image (as in Doxa, whose outputs the {@code metric-vectors} fixtures are); the Gaussian adaptive method's blur
 * mirrors the border instead ({@link Gauss}). Means and standard deviations are the window's population statistics
 * (divided by the pixel count), computed from running column and row sums in integers, so their cost does not
 * depend on the radius. The threshold comparisons of Sauvola, Niblack and Wolf are done without a square root per
 * pixel: {@code g ≤ a + b·s} is decided from the signs and squares of {@code g − a} and {@code b·s}.
 * <p>
 * Arrays hold one or more planes of {@code w × h} levels, row by row; each plane is thresholded on its own. Rows are
 * split into bands run on ImgLib2's current {@code Parallelization} task executor. The defaults quoted below are the
 * ones {@link BinarizeMethod#spec(LocalParam)} uses.
 */
public final class LocalThresholds {

	/** Largest accepted window radius (window sums stay exact in {@code int}/{@code long}). */
	public static final int MAX_RADIUS = 1000;

	/** Phansalkar's exponential term weight p (fixed, from the paper). */
	public static final double PHANSALKAR_P = 2;

	/** Phansalkar's exponential decay q (fixed, from the paper). */
	public static final double PHANSALKAR_Q = 10;

	private LocalThresholds() {}

	/** Window statistics of the pixels of one row: pixel count, sum and sum of squares of each pixel's window. */
	private interface RowStats {

		/**
		 * @param off index of the row's first pixel in the arrays
		 * @param n pixels in each (clipped) window
		 * @param nd the same as doubles
		 * @param s window sums of the levels
		 * @param q window sums of the squared levels (null when not asked for)
		 */
		void row(int off, int[] n, double[] nd, int[] s, long[] q);
	}

	/**
	 * Binarizes {@code g} into {@code out} with a local method of {@code p} and its parameters (defaults where not
	 * set). {@code g} and {@code out} must not be the same array.
	 */
	public static void binarize(final BinarizeParams p, final byte[] g, final int w, final int h, final byte[] out) {
		final BinarizeMethod m = p.method();
		if (!m.isLocal() || p.isManual()) throw new IllegalArgumentException(m + (p.isManual() ? " with a manual "
			+ "threshold" : "") + " is not a local threshold");
		final int radius = (int) p.resolved(LocalParam.RADIUS);
		switch (m) {
			case SAUVOLA -> sauvola(radius, p.resolved(LocalParam.K), p.resolved(LocalParam.R), g, w, h, out);
			case WOLF -> wolf(radius, p.resolved(LocalParam.K), g, w, h, out);
			case NIBLACK -> niblack(radius, p.resolved(LocalParam.K), g, w, h, out);
			case BERNSEN -> bernsen(radius, p.resolved(LocalParam.CONTRAST), g, w, h, out);
			case PHANSALKAR -> phansalkar(radius, p.resolved(LocalParam.K), p.resolved(LocalParam.R), g, w, h, out);
			case GAUSSIAN_ADAPTIVE -> gaussian(radius, p.resolved(LocalParam.OFFSET), g, w, h, out);
			case MEAN -> mean(radius, p.resolved(LocalParam.OFFSET), g, w, h, out);
			default -> throw new IllegalStateException(m.toString());
		}
	}

	/**
	 * Sauvola: {@code T = m·(1 + k·(s/R − 1))} with the window's mean m and standard deviation s. J. Sauvola &amp;
	 * M. Pietikäinen, "Adaptive document image binarization", Pattern Recognition 33(2):225–236, 2000; published
	 * constants k = 0.5, R = 128 (the dynamic range of s), window 15×15 (radius 7).
	 *
	 * @param r R, &gt; 0
	 */
	public static void sauvola(final int radius, final double k, final double r, final byte[] g, final int w,
		final int h, final byte[] out)
	{
		check(radius, g, w, h, out);
		if (!(r > 0) || !Double.isFinite(k) || Double.isInfinite(r)) throw new IllegalArgumentException(
			"Sauvola needs a finite k and R > 0, got k=" + k + " R=" + r);
		final double a = 1 - k, e = k / r;
		forPlanes(g, w, h, radius, true, (off, n, nd, s, q) -> {
			// n²·g ≤ (1 − k)·n·S + (k/R)·S·√V, with V = n·Q − S² = n²·s²
			for (int x = 0; x < w; x++) {
				final double nn = nd[x], sum = s[x];
				final double d = nn * (nn * (g[off + x] & 0xff) - a * sum);
				out[off + x] = atMost(d, e * sum, variance(n[x], s[x], q[x])) ? 0 : (byte) 255;
			}
		});
	}

	/**
	 * Niblack: {@code T = m + k·s}. W. Niblack, "An Introduction to Digital Image Processing", Prentice Hall, 1986;
	 * published constants k = −0.2 with a 15×15 window (radius 7), as evaluated by Ø. D. Trier &amp; A. K. Jain,
	 * "Goal-directed evaluation of binarization methods", IEEE PAMI 17(12), 1995.
	 */
	public static void niblack(final int radius, final double k, final byte[] g, final int w, final int h,
		final byte[] out)
	{
		check(radius, g, w, h, out);
		if (!Double.isFinite(k)) throw new IllegalArgumentException("Niblack needs a finite k, got " + k);
		forPlanes(g, w, h, radius, true, (off, n, nd, s, q) -> {
			// n·g − S ≤ k·√V
			for (int x = 0; x < w; x++) {
				final double d = nd[x] * (g[off + x] & 0xff) - s[x];
				out[off + x] = atMost(d, k, variance(n[x], s[x], q[x])) ? 0 : (byte) 255;
			}
		});
	}

	/**
	 * Wolf &amp; Jolion: {@code T = m − k·(1 − s/R)·(m − M)}, where M is the lowest level of the image (plane) and R
	 * the largest window standard deviation in it (s/R is taken as 0 on a plane where R is 0). C. Wolf &amp;
	 * J.-M. Jolion, "Extraction and recognition of artificial text in multimedia documents", Pattern Analysis &amp;
	 * Applications 6(4):309–326, 2004; published k = 0.5; the authors' code uses a 40×40 window on document pages
	 * (here radius 20, 41×41).
	 */
	public static void wolf(final int radius, final double k, final byte[] g, final int w, final int h,
		final byte[] out)
	{
		check(radius, g, w, h, out);
		if (!Double.isFinite(k)) throw new IllegalArgumentException("Wolf needs a finite k, got " + k);
		final int n1 = w * h;
		for (int base = 0; base < g.length; base += n1) {
			int lowest = 255;
			for (int i = base; i < base + n1; i++)
				lowest = Math.min(lowest, g[i] & 0xff);
			final int mMin = lowest;
			final DoubleAccumulator maxVar = new DoubleAccumulator(Math::max, 0);
			windowSums(g, base, w, h, radius, true, (off, n, nd, s, q) -> {
				double rowMax = 0;
				for (int x = 0; x < w; x++)
					rowMax = Math.max(rowMax, variance(n[x], s[x], q[x]) / (nd[x] * nd[x]));
				maxVar.accumulate(rowMax);
			});
			final double rMax = Math.sqrt(maxVar.get());
			final double e = rMax == 0 ? 0 : k / rMax, a = 1 - k;
			// n²·g ≤ (1 − k)·n·S + k·M·n² + (k/R)·(S − M·n)·√V
			windowSums(g, base, w, h, radius, true, (off, n, nd, s, q) -> {
				for (int x = 0; x < w; x++) {
					final double nn = nd[x], sum = s[x];
					final double d = nn * (nn * (g[off + x] & 0xff) - a * sum - k * mMin * nn);
					out[off + x] = atMost(d, e * (sum - mMin * nn), variance(n[x], s[x], q[x])) ? 0 : (byte) 255;
				}
			});
		}
	}

	/**
	 * Phansalkar et al.: {@code T = m·(1 + p·exp(−q·m) + k·(s/r − 1))} on levels normalised to 0..1 (m, s and T
	 * divided by 255). N. Phansalkar, S. More, A. Sabale &amp; M. Joshi, "Adaptive local thresholding for detection
	 * of nuclei in diversity stained cytology images", ICCSP 2011; published constants k = 0.25, r = 0.5, p = 2,
	 * q = 10 ({@link #PHANSALKAR_P}, {@link #PHANSALKAR_Q}); radius 15 as in G. Landini's Auto Local Threshold.
	 *
	 * @param r the dynamic range of the normalised standard deviation, &gt; 0
	 */
	public static void phansalkar(final int radius, final double k, final double r, final byte[] g, final int w,
		final int h, final byte[] out)
	{
		check(radius, g, w, h, out);
		if (!(r > 0) || !Double.isFinite(k) || Double.isInfinite(r)) throw new IllegalArgumentException(
			"Phansalkar needs a finite k and r > 0, got k=" + k + " r=" + r);
		forPlanes(g, w, h, radius, true, (off, n, nd, s, q) -> {
			for (int x = 0; x < w; x++) {
				final double m = s[x] / (255 * nd[x]), sd = Math.sqrt(variance(n[x], s[x], q[x])) / (255 * nd[x]);
				final double t = m * (1 + PHANSALKAR_P * Math.exp(-PHANSALKAR_Q * m) + k * (sd / r - 1));
				out[off + x] = (g[off + x] & 0xff) <= 255 * t ? 0 : (byte) 255;
			}
		});
	}

	/**
	 * Mean (adaptive mean): {@code T = m − C}, the window's mean minus the offset C, as OpenCV's {@code
	 * adaptiveThreshold} with {@code ADAPTIVE_THRESH_MEAN_C} (whose mean is rounded to a level; here it is exact)
	 * and G. Landini's Auto Local Threshold "Mean". Defaults radius 15 (Landini), C = 2 (OpenCV's thresholding
	 * tutorial).
	 *
	 * @param offset C in grey levels (may be 0 or negative)
	 */
	public static void mean(final int radius, final double offset, final byte[] g, final int w, final int h,
		final byte[] out)
	{
		check(radius, g, w, h, out);
		if (!Double.isFinite(offset)) throw new IllegalArgumentException("offset must be finite, got " + offset);
		forPlanes(g, w, h, radius, false, (off, n, nd, s, q) -> {
			// n·(g + C) ≤ S
			for (int x = 0; x < w; x++)
				out[off + x] = ((g[off + x] & 0xff) + offset) * nd[x] <= s[x] ? 0 : (byte) 255;
		});
	}

	/**
	 * Gaussian adaptive: {@code T = G − C}, with G the Gaussian-weighted local mean rounded to a level (the 8-bit
	 * {@link Gauss} blur, mirrored borders) over the (2·radius + 1)² window, σ = 0.3·(radius − 1) + 0.8 — OpenCV's
	 * {@code adaptiveThreshold} with {@code ADAPTIVE_THRESH_GAUSSIAN_C}, whose σ rule for a block of 2·radius + 1 this
	 * is. Defaults radius 15 (G. Landini's Auto Local Threshold), C = 2 (OpenCV's thresholding tutorial).
	 */
	public static void gaussian(final int radius, final double offset, final byte[] g, final int w, final int h,
		final byte[] out)
	{
		check(radius, g, w, h, out);
		if (!Double.isFinite(offset)) throw new IllegalArgumentException("offset must be finite, got " + offset);
		final byte[] blur = new byte[g.length];
		Gauss.gauss(gaussianSigma(radius), radius, g, blur, w, h);
		final int n = g.length;
		Tasks.split(n / w, Bands.MIN_ROWS, (y0, y1) -> {
			for (int i = y0 * w; i < y1 * w; i++)
				out[i] = (g[i] & 0xff) <= (blur[i] & 0xff) - offset ? 0 : (byte) 255;
		});
	}

	/** The σ of {@link #gaussian}'s window for a radius: OpenCV's 0.3·((ksize − 1)/2 − 1) + 0.8, ksize = 2·radius + 1. */
	public static double gaussianSigma(final int radius) {
		return 0.3 * (radius - 1) + 0.8;
	}

	/**
	 * Bernsen: {@code T = (min + max)/2} of the window when its contrast {@code max − min} reaches the contrast limit;
	 * a window of lower contrast is taken as one class — paper when its mid-grey {@code (min + max)/2} is at least
	 * 128, ink otherwise (as in G. Landini's Auto Local Threshold). J. Bernsen, "Dynamic thresholding of grey-level
	 * images", Proc. 8th ICPR, 1986; published contrast limit 15 with a 31×31 window (radius 15).
	 *
	 * @param contrast the contrast limit in grey levels (0: every window is thresholded at its mid-grey)
	 */
	public static void bernsen(final int radius, final double contrast, final byte[] g, final int w, final int h,
		final byte[] out)
	{
		check(radius, g, w, h, out);
		if (Double.isNaN(contrast)) throw new IllegalArgumentException("contrast must be a number");
		final int n1 = w * h;
		for (int base = 0; base < g.length; base += n1) {
			final int b = base;
			Tasks.split(h, Bands.MIN_ROWS, (y0, y1) -> {
				final int[] lo = new int[w], hi = new int[w];
				final MinMax1D mm = new MinMax1D(w, radius);
				final Vertical v = new Vertical(g, b, w, h, radius);
				for (int y = y0; y < y1; y++) {
					// vertical min and max over the clipped window rows, then the same along the row
					v.next(y, lo, hi);
					mm.min(lo);
					mm.max(hi);
					final int off = b + y * w;
					for (int x = 0; x < w; x++) {
						final int mn = lo[x], mx = hi[x];
						final boolean ink = mx - mn < contrast ? mn + mx < 256 : 2 * (g[off + x] & 0xff) <= mn + mx;
						out[off + x] = ink ? 0 : (byte) 255;
					}
				}
			});
		}
	}

	/**
	 * Minimum and maximum over the clipped window rows [y − r, y + r] of every column, for consecutive rows y. Van
	 * Herk / Gil &amp; Werman in the vertical direction: the rows are numbered with an offset r (row y − r + p is
	 * padded row p; rows outside the image are empty) and cut into blocks of 2r + 1; the window of y is padded rows
	 * [y, y + 2r], the suffix of y's block (extremes from padded row y to the block's end, computed backwards when the
	 * block is entered) combined with the prefix of the next block (a running extreme). About three comparisons per
	 * pixel and extreme, whatever the radius. When the block's suffix rows would hold more than {@link #RING_INTS}
	 * values, the window rows are scanned instead.
	 */
	private static final class Vertical {

		private final byte[] g;
		private final int base, w, h, r, k;
		private final boolean blocks;
		private final int[][] sMin, sMax;
		private final int[] pMin, pMax, row;
		private int block = -1;

		Vertical(final byte[] g, final int base, final int w, final int h, final int r) {
			this.g = g;
			this.base = base;
			this.w = w;
			this.h = h;
			this.r = r;
			this.k = 2 * r + 1;
			blocks = (long) k * w <= RING_INTS;
			sMin = new int[blocks ? k : 0][w];
			sMax = new int[blocks ? k : 0][w];
			pMin = new int[w];
			pMax = new int[w];
			row = new int[w];
		}

		/** Loads padded row {@code p} into {@link #row}; false when it lies outside the image. */
		private boolean load(final int p) {
			final int y = p - r;
			if (y < 0 || y >= h) return false;
			toInts(g, base + y * w, row, w);
			return true;
		}

		/** The extremes of row y's window into {@code lo} and {@code hi}; rows must come in increasing order. */
		void next(final int y, final int[] lo, final int[] hi) {
			if (!blocks) {
				java.util.Arrays.fill(lo, 255);
				java.util.Arrays.fill(hi, 0);
				for (int p = Math.max(y, r); p <= Math.min(y + 2 * r, h - 1 + r); p++) {
					load(p);
					for (int x = 0; x < w; x++)
						lo[x] = Math.min(lo[x], row[x]);
					for (int x = 0; x < w; x++)
						hi[x] = Math.max(hi[x], row[x]);
				}
				return;
			}
			final int start = y - y % k;
			if (start != block) {
				// entering a block (or the band): its suffixes from the block's end down to y, and an empty prefix
				block = start;
				for (int p = start + k - 1; p >= y; p--) {
					final int[] mn = sMin[p - start], mx = sMax[p - start];
					final boolean inside = load(p);
					if (p == start + k - 1) {
						java.util.Arrays.fill(mn, 256);
						java.util.Arrays.fill(mx, -1);
					}
					else {
						System.arraycopy(sMin[p - start + 1], 0, mn, 0, w);
						System.arraycopy(sMax[p - start + 1], 0, mx, 0, w);
					}
					if (inside) for (int x = 0; x < w; x++) {
						mn[x] = Math.min(mn[x], row[x]);
						mx[x] = Math.max(mx[x], row[x]);
					}
				}
				java.util.Arrays.fill(pMin, 256);
				java.util.Arrays.fill(pMax, -1);
				for (int p = start + k; p < y + k; p++)
					addToPrefix(p);
			}
			else addToPrefix(y + k - 1);
			final int[] mn = sMin[y - start], mx = sMax[y - start];
			for (int x = 0; x < w; x++)
				lo[x] = Math.min(mn[x], pMin[x]);
			for (int x = 0; x < w; x++)
				hi[x] = Math.max(mx[x], pMax[x]);
		}

		private void addToPrefix(final int p) {
			if (!load(p)) return;
			for (int x = 0; x < w; x++) {
				pMin[x] = Math.min(pMin[x], row[x]);
				pMax[x] = Math.max(pMax[x], row[x]);
			}
		}
	}

	/**
	 * Sliding minimum or maximum over the clipped window [x − r, x + r] of a row, in place, in O(1) per pixel (van
	 * Herk / Gil &amp; Werman: prefix and suffix extremes within blocks of 2r + 1).
	 */
	private static final class MinMax1D {

		private final int w, r, k;
		private final int[] pre, suf;

		MinMax1D(final int w, final int r) {
			this.w = w;
			this.r = r;
			this.k = 2 * r + 1;
			pre = new int[w + 2 * r];
			suf = new int[w + 2 * r];
		}

		void min(final int[] a) {
			run(a, true);
		}

		void max(final int[] a) {
			run(a, false);
		}

		private void run(final int[] a, final boolean min) {
			if (r == 0) return;
			final int n = w + 2 * r, pad = min ? Integer.MAX_VALUE : Integer.MIN_VALUE;
			// padded row in pre (pad values outside the row clip the window), then extremes within each block
			java.util.Arrays.fill(pre, 0, r, pad);
			System.arraycopy(a, 0, pre, r, w);
			java.util.Arrays.fill(pre, r + w, n, pad);
			for (int start = 0; start < n; start += k) {
				final int end = Math.min(n, start + k) - 1;
				suf[end] = pre[end];
				if (min) {
					for (int i = end - 1; i >= start; i--)
						suf[i] = Math.min(suf[i + 1], pre[i]);
					for (int i = start + 1; i <= end; i++)
						pre[i] = Math.min(pre[i - 1], pre[i]);
				}
				else {
					for (int i = end - 1; i >= start; i--)
						suf[i] = Math.max(suf[i + 1], pre[i]);
					for (int i = start + 1; i <= end; i++)
						pre[i] = Math.max(pre[i - 1], pre[i]);
				}
			}
			// the window of pixel x is [x, x + k − 1] in padded coordinates
			if (min) for (int x = 0; x < w; x++)
				a[x] = Math.min(suf[x], pre[x + k - 1]);
			else for (int x = 0; x < w; x++)
				a[x] = Math.max(suf[x], pre[x + k - 1]);
		}
	}

	/**
	 * Whether {@code d ≤ e·√v} ({@code v ≥ 0}), without the square root: for {@code e ≥ 0}, {@code d ≤ 0} or
	 * {@code d² ≤ e²v}; for {@code e < 0}, {@code d ≤ 0} and {@code d² ≥ e²v}, written as a max rather than a
	 * branch (with e &lt; 0, as in Niblack, the sign of {@code d} on noisy paper is random, and a branch on it would
	 * be mispredicted; with e ≥ 0, as in Sauvola, {@code d} is positive on paper and the plain test is faster).
	 */
	private static boolean atMost(final double d, final double e, final double v) {
		final double t = d * d - e * e * v;
		return e >= 0 ? d <= 0 | t <= 0 : Math.max(d, -t) <= 0;
	}

	/** n²·variance of a window: n·Q − S², exact in {@code long}. */
	private static double variance(final int n, final int s, final long q) {
		return (double) (n * q - (long) s * s);
	}

	private static void forPlanes(final byte[] g, final int w, final int h, final int radius, final boolean squares,
		final RowStats op)
	{
		for (int base = 0; base < g.length; base += w * h)
			windowSums(g, base, w, h, radius, squares, op);
	}

	/** Pixel columns of the clipped window of each x. */
	private static int[] columnCounts(final int w, final int r) {
		final int[] c = new int[w];
		for (int x = 0; x < w; x++)
			c[x] = Math.min(w - 1, x + r) - Math.max(0, x - r) + 1;
		return c;
	}

	/**
	 * Window sums of the plane at {@code base}: column sums over the window rows are kept up to date row by row (one
	 * row added, one removed), and each row's window sums are running sums of the column sums. Rows are converted to
	 * {@code int} once and kept while in the window (up to {@link #RING_INTS} values), so the column updates run on
	 * {@code int} arrays with equal indices, which the JIT vectorizes.
	 */
	private static void windowSums(final byte[] g, final int base, final int w, final int h, final int r,
		final boolean squares, final RowStats op)
	{
		Tasks.split(h, Bands.MIN_ROWS, (y0, y1) -> {
			final int pad = r + 1, live = Math.min(2 * r + 2, h);
			final boolean keep = (long) live * w <= RING_INTS;
			final int[][] ring = new int[keep ? live : 1][w], ring2 = new int[keep ? live : 1][w];
			final int[] cs = new int[w], cq = squares ? new int[w] : null;
			final int[] ps = new int[w + 2 * r + 1], pq = squares ? new int[w + 2 * r + 1] : null;
			final int[] s = new int[w], cols = columnCounts(w, r), n = new int[w];
			final long[] q = squares ? new long[w] : null;
			final double[] nd = new double[w];
			int lastNr = -1;
			for (int yy = Math.max(0, y0 - r); yy < Math.min(h, y0 + r); yy++)
				update(g, base, w, yy, keep, ring, ring2, live, squares, cs, cq, 1);
			for (int y = y0; y < y1; y++) {
				if (y + r < h) update(g, base, w, y + r, keep, ring, ring2, live, squares, cs, cq, 1);
				final int nr = Math.min(h - 1, y + r) - Math.max(0, y - r) + 1;
				if (nr != lastNr) {
					for (int x = 0; x < w; x++)
						nd[x] = n[x] = nr * cols[x];
					lastNr = nr;
				}
				// padded copies: zeros outside the row make the running sums clip the window
				System.arraycopy(cs, 0, ps, pad, w);
				int acc = 0;
				for (int i = pad - r; i < pad + r; i++)
					acc += ps[i];
				for (int x = 0, a = pad + r, b = pad - r - 1; x < w; x++, a++, b++) {
					acc += ps[a] - ps[b];
					s[x] = acc;
				}
				if (squares) {
					System.arraycopy(cq, 0, pq, pad, w);
					long accq = 0;
					for (int i = pad - r; i < pad + r; i++)
						accq += pq[i];
					for (int x = 0, a = pad + r, b = pad - r - 1; x < w; x++, a++, b++) {
						accq += pq[a] - pq[b];
						q[x] = accq;
					}
				}
				op.row(base + y * w, n, nd, s, q);
				if (y - r >= 0) update(g, base, w, y - r, keep, ring, ring2, live, squares, cs, cq, -1);
			}
		});
	}

	/** Most {@code int}s a band keeps of the rows in its window (16 MB of levels and as many of squares). */
	private static final int RING_INTS = 1 << 22;

	/**
	 * Adds ({@code sign} 1) or removes (−1) row {@code yy} to or from the column sums. Added rows are converted into
	 * the ring (when {@code keep}) and read back from it when removed.
	 */
	private static void update(final byte[] g, final int base, final int w, final int yy, final boolean keep,
		final int[][] ring, final int[][] ring2, final int live, final boolean squares, final int[] cs, final int[] cq,
		final int sign)
	{
		final int slot = keep ? yy % live : 0;
		final int[] v = ring[slot], v2 = ring2[slot];
		if (sign > 0 || !keep) {
			toInts(g, base + yy * w, v, w);
			if (squares) for (int x = 0; x < w; x++)
				v2[x] = v[x] * v[x];
		}
		if (sign > 0) {
			for (int x = 0; x < w; x++)
				cs[x] += v[x];
			if (squares) for (int x = 0; x < w; x++)
				cq[x] += v2[x];
		}
		else {
			for (int x = 0; x < w; x++)
				cs[x] -= v[x];
			if (squares) for (int x = 0; x < w; x++)
				cq[x] -= v2[x];
		}
	}

	/** Row {@code o} of {@code g} as ints. */
	private static void toInts(final byte[] g, final int o, final int[] v, final int w) {
		for (int x = 0; x < w; x++)
			v[x] = g[o + x] & 0xff;
	}

	private static void check(final int radius, final byte[] g, final int w, final int h, final byte[] out) {
		if (radius < 0 || radius > MAX_RADIUS) throw new IllegalArgumentException("radius must be 0 to " + MAX_RADIUS
			+ ", got " + radius);
		if (w <= 0 || h <= 0 || g.length == 0 || g.length % ((long) w * h) != 0) throw new IllegalArgumentException(
			g.length + " pixels are not whole " + w + "×" + h + " planes");
		if (out.length != g.length) throw new IllegalArgumentException("output has " + out.length + " pixels, input "
			+ g.length);
		if (out == g) throw new IllegalArgumentException("output must not be the input array");
	}
}
