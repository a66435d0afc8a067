package org.ijocr.core.threshold;

/**
 * Document-grade local binarization (the {@link BinarizeMethod#AUTO} method), after Su, Lu &amp; Tan.
 * <p>
 * Steps: (1) adaptive local contrast C<sub>a</sub> = α·(I<sub>max</sub> − I<sub>min</sub>) / (I<sub>max</sub> +
 * I<sub>min</sub> + ε) + (1 − α)·(I<sub>max</sub> − I<sub>min</sub>)/255 over 3×3 neighbourhoods, α = (σ/128)<sup>γ</sup>
 * with σ the page's grey-level standard deviation and γ = 1 (B. Su, S. Lu &amp; C. L. Tan, "Robust document image
 * binarization technique for degraded document images", IEEE TIP 22(4):1408–1417, 2013); (2) high-contrast
 * (stroke-edge) pixels by Otsu's threshold on the contrast histogram (B. Su, S. Lu &amp; C. L. Tan, "Binarization of
 * historical document images using the local maximum and minimum", Proc. DAS 2010, 159–166); (3) text stroke width
 * EW as the most frequent horizontal ink run of a global Otsu pre-binarization; (4) local threshold: a pixel is ink
 * when its W×W window (W = 2·EW + 1) holds at least N<sub>min</sub> = W stroke-edge pixels and its level is at most
 * E<sub>mean</sub> + E<sub>std</sub>/2 of those edge pixels (Su et al. 2010, 2013).
 * <p>
 * Input are 8-bit grey levels (row-major); output 0 (ink) / 255 (paper). Rows are processed in bands on ImgLib2's
 * current {@link net.imglib2.parallel.TaskExecutor}.
 */
public final class DocumentBinarizer {

	/** Tuning constants; {@link #DEFAULT} holds the documented defaults. */
	record Settings(double gamma, double windowFactor, double nminFactor, int minDelta, int firstRadius,
		boolean coreFill, double k, double lambda, double noiseFactor) {}

	static final Settings DEFAULT = new Settings(1.0, 3.0, 2.0, 8, 10, true, 0.5, 0.85, 6);

	/** Marks pixels whose window lacks stroke edges, decided by {@link #fillCores}. */
	private static final byte UNDECIDED = 1;

	/** Stroke-edge classes: on the dark or the light side of the local 3×3 mid-range. */
	private static final byte EDGE_DARK = 1, EDGE_LIGHT = 2;

	private DocumentBinarizer() {}

	/** Binarizes {@code g} (w×h 8-bit levels) into {@code out} (0 ink / 255 paper); see the class comment. */
	public static void binarize(final byte[] g, final int w, final int h, final byte[] out) {
		binarize(g, w, h, out, DEFAULT);
	}

	static void binarize(final byte[] g, final int w, final int h, final byte[] out, final Settings s) {
		final int n = w * h;
		if (g.length != n || out.length != n) throw new IllegalArgumentException("arrays of " + g.length + " and "
			+ out.length + " pixels do not match " + w + "x" + h);
		final int[] hist = Histogram.of(g);
		final byte[] mn = new byte[n], mx = new byte[n];
		minMax3(g, w, h, mn, mx);

		// (1) adaptive contrast, scaled to 0..255
		final double alpha = Math.min(1, Math.pow(stdDev(hist) / 128, s.gamma()));
		final byte[] con = new byte[n];
		Bands.forRows(h, (y0, y1) -> {
			for (int i = y0 * w; i < y1 * w; i++) {
				final int a = mx[i] & 0xff, b = mn[i] & 0xff, d = a - b;
				final double c = alpha * d / (a + b + 1e-6) + (1 - alpha) * d / 255.0;
				con[i] = (byte) (int) Math.round(255 * c);
			}
		});
		// (2) stroke-edge pixels
		final int tc = GlobalThresholds.otsu(Histogram.of(con));
		final byte[] edge = new byte[n];
		final int minDelta = (int) Math.ceil(Math.max(s.minDelta(), s.noiseFactor() * noiseSigma(g, w, h)));
		Bands.forRows(h, (y0, y1) -> {
			for (int i = y0 * w; i < y1 * w; i++) {
				final int a = mx[i] & 0xff, b = mn[i] & 0xff;
				if ((con[i] & 0xff) > tc && a - b >= minDelta) edge[i] = 2 * (g[i] & 0xff) <= a + b ? EDGE_DARK
					: EDGE_LIGHT;
			}
		});
		// (3) stroke width from a first local pass with a fixed window
		final int ew;
		if (s.firstRadius() > 0) {
			final int r1 = s.firstRadius(), n1 = (int) Math.round(s.nminFactor() * (2 * r1 + 1));
			Bands.forRows(h, (y0, y1) -> localThreshold(g, edge, w, h, r1, n1, s.k(), s.lambda(), y0, y1, out));
			ew = strokeWidth(out, w, h, 0);
		}
		else ew = strokeWidth(g, w, h, GlobalThresholds.otsu(hist));
		final int r = Math.max(1, (int) Math.round(s.windowFactor() * ew / 2));
		final int nmin = (int) Math.round(s.nminFactor() * (2 * r + 1));
		// (4) local threshold from the edge pixels in each window
		Bands.forRows(h, (y0, y1) -> localThreshold(g, edge, w, h, r, nmin, s.k(), s.lambda(), y0, y1, out));
		fillCores(g, out, s.coreFill());
	}

	/**
	 * Pixels without enough stroke edges in their window (inside strokes wider than the window, or far from any
	 * text) become ink when they are at most as light as the median ink level, else paper.
	 */
	static void fillCores(final byte[] g, final byte[] out, final boolean fill) {
		final int[] inkHist = new int[256];
		long inkCount = 0;
		for (int i = 0; i < g.length; i++)
			if (out[i] == 0) {
				inkHist[g[i] & 0xff]++;
				inkCount++;
			}
		int median = -1;
		if (fill && inkCount > 0) {
			long acc = 0;
			for (median = 0; median < 255; median++) {
				acc += inkHist[median];
				if (2 * acc >= inkCount) break;
			}
		}
		for (int i = 0; i < g.length; i++)
			if (out[i] == UNDECIDED) out[i] = (g[i] & 0xff) <= median ? 0 : (byte) 255;
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
		long acc = 0;
		int d = 0;
		for (; d < 255; d++) {
			acc += hist[d];
			if (2 * acc >= total) break;
		}
		return d / (0.6745 * Math.sqrt(2));
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
	 * Rows [y0, y1): where the window holds at least {@code nmin} edge pixels, ink when the level is at most
	 * λ·(mean light-side edge level) + (1 − λ)·(mean dark-side edge level) ({@code lambda ≥ 0}), or, with
	 * {@code lambda < 0}, at most mean + k·std of all edge levels (Su et al.); else {@link #UNDECIDED}.
	 */
	private static void localThreshold(final byte[] g, final byte[] edge, final int w, final int h, final int r,
		final int nmin, final double k, final double lambda, final int y0, final int y1, final byte[] out)
	{
		final int[] cd = new int[w], cl = new int[w];
		final long[] sd = new long[w], sl = new long[w], sq = new long[w];
		for (int y = Math.max(0, y0 - r); y <= Math.min(h - 1, y0 + r); y++)
			addRow(g, edge, w, y, cd, cl, sd, sl, sq, 1);
		for (int y = y0; y < y1; y++) {
			if (y > y0) {
				if (y + r < h) addRow(g, edge, w, y + r, cd, cl, sd, sl, sq, 1);
				if (y - r - 1 >= 0) addRow(g, edge, w, y - r - 1, cd, cl, sd, sl, sq, -1);
			}
			int nd = 0, nl = 0;
			long td = 0, tl = 0, tq = 0;
			for (int x = 0; x < Math.min(w, r); x++) {
				nd += cd[x];
				nl += cl[x];
				td += sd[x];
				tl += sl[x];
				tq += sq[x];
			}
			final int o = y * w;
			for (int x = 0; x < w; x++) {
				if (x + r < w) {
					nd += cd[x + r];
					nl += cl[x + r];
					td += sd[x + r];
					tl += sl[x + r];
					tq += sq[x + r];
				}
				if (x - r - 1 >= 0) {
					nd -= cd[x - r - 1];
					nl -= cl[x - r - 1];
					td -= sd[x - r - 1];
					tl -= sl[x - r - 1];
					tq -= sq[x - r - 1];
				}
				final int ne = nd + nl;
				if (ne < nmin || ne == 0) {
					out[o + x] = UNDECIDED;
					continue;
				}
				final double t;
				if (lambda >= 0) {
					if (nd == 0 || nl == 0) {
						out[o + x] = UNDECIDED;
						continue;
					}
					t = lambda * tl / nl + (1 - lambda) * td / nd;
				}
				else {
					final double m = (double) (td + tl) / ne;
					t = m + k * Math.sqrt(Math.max(0, (double) tq / ne - m * m));
				}
				out[o + x] = (g[o + x] & 0xff) <= t ? 0 : (byte) 255;
			}
		}
	}

	private static void addRow(final byte[] g, final byte[] edge, final int w, final int y, final int[] cd,
		final int[] cl, final long[] sd, final long[] sl, final long[] sq, final int sign)
	{
		final int o = y * w;
		for (int x = 0; x < w; x++) {
			final int e = edge[o + x];
			if (e == 0) continue;
			final int v = g[o + x] & 0xff;
			if (e == EDGE_DARK) {
				cd[x] += sign;
				sd[x] += sign * v;
			}
			else {
				cl[x] += sign;
				sl[x] += sign * v;
			}
			sq[x] += sign * v * v;
		}
	}
}
