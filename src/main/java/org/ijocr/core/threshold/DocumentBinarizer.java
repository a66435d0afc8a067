package org.ijocr.core.threshold;

/**
 * Document-grade local binarization: the {@link BinarizeMethod#AUTO} method. Stroke edges are found by local contrast
 * and each pixel is compared with the grey levels of the stroke edges around it, after Su, Lu &amp; Tan.
 * <ol>
 * <li>Light denoising: 3×3 binomial filter, on pages with noise (σ<sub>noise</sub> ≥ {@value #SMOOTH_NOISE}; a
 * crisp rendered page is used as it is).</li>
 * <li>Adaptive local contrast over 3×3 neighbourhoods, C<sub>a</sub> = α·(I<sub>max</sub> − I<sub>min</sub>) /
 * (I<sub>max</sub> + I<sub>min</sub> + ε) + (1 − α)·(I<sub>max</sub> − I<sub>min</sub>) / 255 with α = σ / 128 (σ the
 * page's grey-level standard deviation, γ = 1): B. Su, S. Lu &amp; C. L. Tan, "Robust document image binarization
 * technique for degraded document images", IEEE TIP 22(4):1408–1417, 2013.</li>
 * <li>Stroke-edge pixels: contrast above Otsu's threshold of the contrast histogram (B. Su, S. Lu &amp; C. L. Tan,
 * "Binarization of historical document images using the local maximum and minimum", Proc. DAS 2010, 159–166), and a
 * 3×3 range I<sub>max</sub> − I<sub>min</sub> of at least max(8, 4·σ<sub>noise</sub>) grey levels, σ<sub>noise</sub>
 * estimated robustly ({@link #noiseSigma}) — so that a page without ink has no edges and stays blank. Each edge pixel
 * is on the dark or the light side of its stroke boundary (its level below or above the 3×3 mid-range).</li>
 * <li>Local threshold (Su et al. 2010) in a W×W window: a pixel is ink when the window holds at least
 * N<sub>min</sub> = 1.5·W edge pixels, both sides present, and its level is at most 0.7·(mean light-side edge level) +
 * 0.3·(mean dark-side edge level). Su et al. use E<sub>mean</sub> + E<sub>std</sub>/2 of all edge pixels, which is
 * the same for balanced sides (a weight of 0.75) but turns paper into ink around small dots, where light-side edge
 * pixels dominate; weighting the two side means keeps crisp pages exact. A first pass with W = 21 gives the stroke
 * width EW (most frequent horizontal ink run, 2..63 pixels); the final pass uses W = 2·EW + 1.</li>
 * <li>Pixels with too few edges in their window (inside strokes wider than the window, or far from text) are ink
 * when connected to ink through such pixels and at most as light as the median level of the ink found, else
 * paper.</li>
 * </ol>
 * The constants were chosen on the shared DIBCO 2009–2014 pages (see {@code DibcoEvaluation}); they are not tuned per
 * page. Input: 8-bit grey levels, row-major; output 0 (ink) / 255 (paper). Rows are processed in bands on ImgLib2's
 * current {@link net.imglib2.parallel.TaskExecutor}.
 */
public final class DocumentBinarizer {

	/** Pages whose noise standard deviation ({@link #noiseSigma}) is at least this are smoothed first. */
	public static final double SMOOTH_NOISE = 0.5;

	/** Minimum 3×3 range of a stroke edge, in grey levels. */
	public static final int MIN_EDGE_RANGE = 8;

	/** The minimum edge range is at least this many noise standard deviations. */
	public static final double NOISE_FACTOR = 4;

	/** Window radius of the first pass, which estimates the stroke width. */
	public static final int FIRST_RADIUS = 10;

	/** Edge pixels needed in a W×W window, as a multiple of W. */
	public static final double NMIN_FACTOR = 1.5;

	/** Weight of the light-side edge mean in the local threshold (the dark-side mean has 1 − this). */
	public static final double LIGHT_WEIGHT = 0.7;

	/** Marks pixels whose window lacks stroke edges, decided by {@link #fillCores}. */
	private static final byte UNDECIDED = 1;

	/** Stroke-edge classes: on the dark or the light side of the local 3×3 mid-range. */
	private static final byte EDGE_DARK = 1, EDGE_LIGHT = 2;

	private DocumentBinarizer() {}

	/**
	 * Binarizes {@code g0} (w×h 8-bit levels, row-major) into {@code out} (0 ink / 255 paper; must not be
	 * {@code g0}); see the class comment.
	 */
	public static void binarize(final byte[] g0, final int w, final int h, final byte[] out) {
		final int n = w * h;
		if (g0.length != n || out.length != n) throw new IllegalArgumentException("arrays of " + g0.length + " and "
			+ out.length + " pixels do not match " + w + "x" + h);
		if (out == g0) throw new IllegalArgumentException("output must not be the input array");
		final double noise = noiseSigma(g0, w, h);
		final byte[] g = noise >= SMOOTH_NOISE ? binomial3(g0, w, h) : g0;
		final byte[] mn = new byte[n], mx = new byte[n];
		minMax3(g, w, h, mn, mx);

		// adaptive contrast, scaled to 0..255
		final double alpha = Math.min(1, stdDev(Histogram.of(g)) / 128);
		final byte[] con = new byte[n];
		Bands.forRows(h, (y0, y1) -> {
			for (int i = y0 * w; i < y1 * w; i++) {
				final int a = mx[i] & 0xff, b = mn[i] & 0xff, d = a - b;
				final double c = alpha * d / (a + b + 1e-6) + (1 - alpha) * d / 255.0;
				con[i] = (byte) (int) Math.round(255 * c);
			}
		});
		// stroke-edge pixels, by side
		final int tc = GlobalThresholds.otsu(Histogram.of(con));
		final int minRange = (int) Math.ceil(Math.max(MIN_EDGE_RANGE, NOISE_FACTOR * noise));
		final byte[] edge = con; // reused: contrast is no longer needed after this pass
		Bands.forRows(h, (y0, y1) -> {
			for (int i = y0 * w; i < y1 * w; i++) {
				final int a = mx[i] & 0xff, b = mn[i] & 0xff;
				if ((con[i] & 0xff) > tc && a - b >= minRange) edge[i] = 2 * (g[i] & 0xff) <= a + b ? EDGE_DARK
					: EDGE_LIGHT;
				else edge[i] = 0;
			}
		});
		// first pass: stroke width
		final int n1 = (int) Math.round(NMIN_FACTOR * (2 * FIRST_RADIUS + 1));
		Bands.forRows(h, (y0, y1) -> localThreshold(g, edge, w, h, FIRST_RADIUS, n1, y0, y1, out));
		final int ew = strokeWidth(out, w, h, 0);
		// final pass
		final int nmin = (int) Math.round(NMIN_FACTOR * (2 * ew + 1));
		Bands.forRows(h, (y0, y1) -> localThreshold(g, edge, w, h, ew, nmin, y0, y1, out));
		fillCores(g, out, w, h);
	}

	/**
	 * Pixels without enough stroke edges in their window (inside strokes wider than the window, or far from any
	 * text) grow the ink they touch: an undecided pixel 8-connected to ink, through undecided pixels, becomes ink when
	 * its level is at most the median level of the ink found. All other undecided pixels become paper.
	 */
	static void fillCores(final byte[] g, final byte[] out, final int w, final int h) {
		final int[] inkHist = new int[256];
		long inkCount = 0;
		for (int i = 0; i < g.length; i++)
			if (out[i] == 0) {
				inkHist[g[i] & 0xff]++;
				inkCount++;
			}
		int median = -1;
		if (inkCount > 0) {
			long acc = 0;
			for (median = 0; median < 255; median++) {
				acc += inkHist[median];
				if (2 * acc >= inkCount) break;
			}
		}
		int[] stack = new int[4096];
		for (int start = 0; start < out.length; start++) {
			if (out[start] != 0) continue;
			int sp = 0;
			stack[sp++] = start;
			while (sp > 0) {
				final int i = stack[--sp];
				final int x = i % w, y = i / w;
				for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++)
					for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
						final int j = yy * w + xx;
						if (out[j] != UNDECIDED || (g[j] & 0xff) > median) continue;
						out[j] = 0;
						if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, 2 * sp);
						stack[sp++] = j;
					}
			}
		}
		for (int i = 0; i < g.length; i++)
			if (out[i] == UNDECIDED) out[i] = (byte) 255;
	}

	/**
	 * Robust estimate of the standard deviation of pixel noise: the median absolute difference of horizontal
	 * neighbours divided by 0.6745·√2 (the MAD of a Gaussian difference; D. L. Donoho &amp; I. M. Johnstone,
	 * Biometrika 81(3):425–455, 1994, for the MAD estimator). Flat paper dominates a page, so text edges do not
	 * move the median.
	 */
	static double noiseSigma(final byte[] g, final int w, final int h) {
		final long[] hist = new long[256];
		for (int y = 0; y < h; y++)
			for (int i = y * w, end = i + w - 1; i < end; i++)
				hist[Math.abs((g[i] & 0xff) - (g[i + 1] & 0xff))]++;
		long total = 0;
		for (final long c : hist)
			total += c;
		if (total == 0) return 0;
		// median of the absolute differences, interpolated inside its integer bin (|Δ| = d covers [d − ½, d + ½))
		long acc = 0;
		int d = 0;
		for (; d < 255; d++) {
			if (2 * (acc + hist[d]) >= total) break;
			acc += hist[d];
		}
		if (d == 0) return 0; // most neighbours are equal: no measurable noise
		final double median = d - 0.5 + (total / 2.0 - acc) / hist[d];
		return median / (0.6745 * Math.sqrt(2));
	}

	/** 3×3 binomial smoothing [1 2 1]ᵀ[1 2 1] / 16, borders replicated, rounded. */
	static byte[] binomial3(final byte[] g, final int w, final int h) {
		final short[] tmp = new short[g.length];
		final byte[] out = new byte[g.length];
		Bands.forRows(h, (y0, y1) -> {
			for (int y = y0; y < y1; y++) {
				final int o = y * w;
				for (int x = 0; x < w; x++) {
					final int l = g[o + Math.max(0, x - 1)] & 0xff, c = g[o + x] & 0xff, r = g[o + Math.min(w - 1, x + 1)]
						& 0xff;
					tmp[o + x] = (short) (l + 2 * c + r);
				}
			}
		});
		Bands.forRows(h, (y0, y1) -> {
			for (int y = y0; y < y1; y++) {
				final int o = y * w, up = y > 0 ? o - w : o, dn = y + 1 < h ? o + w : o;
				for (int x = 0; x < w; x++)
					out[o + x] = (byte) ((tmp[up + x] + 2 * tmp[o + x] + tmp[dn + x] + 8) >> 4);
			}
		});
		return out;
	}

	/** Grey-level standard deviation of a histogram. */
	static double stdDev(final int[] hist) {
		double n = 0, s = 0, sq = 0;
		for (int i = 0; i < hist.length; i++) {
			n += hist[i];
			s += (double) i * hist[i];
			sq += (double) i * i * hist[i];
		}
		if (n == 0) return 0;
		final double m = s / n;
		return Math.sqrt(Math.max(0, sq / n - m * m));
	}

	/** 3×3 minimum and maximum, borders replicated; separable. */
	static void minMax3(final byte[] g, final int w, final int h, final byte[] mn, final byte[] mx) {
		final byte[] hmn = new byte[g.length], hmx = new byte[g.length];
		Bands.forRows(h, (y0, y1) -> {
			for (int y = y0; y < y1; y++) {
				final int o = y * w;
				for (int x = 0; x < w; x++) {
					int lo = g[o + x] & 0xff, hi = lo;
					if (x > 0) {
						final int v = g[o + x - 1] & 0xff;
						lo = Math.min(lo, v);
						hi = Math.max(hi, v);
					}
					if (x + 1 < w) {
						final int v = g[o + x + 1] & 0xff;
						lo = Math.min(lo, v);
						hi = Math.max(hi, v);
					}
					hmn[o + x] = (byte) lo;
					hmx[o + x] = (byte) hi;
				}
			}
		});
		Bands.forRows(h, (y0, y1) -> {
			for (int y = y0; y < y1; y++) {
				final int o = y * w, up = y > 0 ? o - w : o, dn = y + 1 < h ? o + w : o;
				for (int x = 0; x < w; x++) {
					mn[o + x] = (byte) Math.min(hmn[o + x] & 0xff, Math.min(hmn[up + x] & 0xff, hmn[dn + x] & 0xff));
					mx[o + x] = (byte) Math.max(hmx[o + x] & 0xff, Math.max(hmx[up + x] & 0xff, hmx[dn + x] & 0xff));
				}
			}
		});
	}

	/** Most frequent horizontal run of levels ≤ t, among runs of 2..63 pixels; 3 if there are none. */
	static int strokeWidth(final byte[] g, final int w, final int h, final int t) {
		final long[] runs = new long[64];
		for (int y = 0; y < h; y++) {
			int run = 0;
			for (int i = y * w, end = i + w; i <= end; i++) {
				if (i < end && (g[i] & 0xff) <= t) run++;
				else {
					if (run > 0 && run < runs.length) runs[run]++;
					run = 0;
				}
			}
		}
		int best = 3;
		for (int k = 2; k < runs.length; k++)
			if (runs[k] > runs[best]) best = k;
		return best;
	}

	/**
	 * Rows [y0, y1): where the (2r+1)² window holds at least {@code nmin} edge pixels with both sides present, ink
	 * when the level is at most {@link #LIGHT_WEIGHT}·(light-side mean) + (1 − {@link #LIGHT_WEIGHT})·(dark-side
	 * mean), else paper; {@link #UNDECIDED} otherwise. Column sums slide down the band, row sums along the row.
	 */
	private static void localThreshold(final byte[] g, final byte[] edge, final int w, final int h, final int r,
		final int nmin, final int y0, final int y1, final byte[] out)
	{
		final int[] cd = new int[w], cl = new int[w];
		final long[] sd = new long[w], sl = new long[w];
		for (int y = Math.max(0, y0 - r); y <= Math.min(h - 1, y0 + r); y++)
			addRow(g, edge, w, y, cd, cl, sd, sl, 1);
		for (int y = y0; y < y1; y++) {
			if (y > y0) {
				if (y + r < h) addRow(g, edge, w, y + r, cd, cl, sd, sl, 1);
				if (y - r - 1 >= 0) addRow(g, edge, w, y - r - 1, cd, cl, sd, sl, -1);
			}
			int nd = 0, nl = 0;
			long td = 0, tl = 0;
			for (int x = 0; x < Math.min(w, r); x++) {
				nd += cd[x];
				nl += cl[x];
				td += sd[x];
				tl += sl[x];
			}
			final int o = y * w;
			for (int x = 0; x < w; x++) {
				if (x + r < w) {
					nd += cd[x + r];
					nl += cl[x + r];
					td += sd[x + r];
					tl += sl[x + r];
				}
				if (x - r - 1 >= 0) {
					nd -= cd[x - r - 1];
					nl -= cl[x - r - 1];
					td -= sd[x - r - 1];
					tl -= sl[x - r - 1];
				}
				if (nd + nl < nmin || nd == 0 || nl == 0) {
					out[o + x] = UNDECIDED;
					continue;
				}
				final double t = LIGHT_WEIGHT * tl / nl + (1 - LIGHT_WEIGHT) * td / nd;
				out[o + x] = (g[o + x] & 0xff) <= t ? 0 : (byte) 255;
			}
		}
	}

	private static void addRow(final byte[] g, final byte[] edge, final int w, final int y, final int[] cd,
		final int[] cl, final long[] sd, final long[] sl, final int sign)
	{
		final int o = y * w;
		for (int x = 0; x < w; x++) {
			final int e = edge[o + x];
			if (e == 0) continue;
			final int v = sign * (g[o + x] & 0xff);
			if (e == EDGE_DARK) {
				cd[x] += sign;
				sd[x] += v;
			}
			else {
				cl[x] += sign;
				sl[x] += v;
			}
		}
	}
}
