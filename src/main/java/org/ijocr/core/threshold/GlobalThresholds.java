package org.ijocr.core.threshold;

/**
 * Global (histogram-based) threshold selection: a histogram goes in, a threshold comes out. The histogram is indexed
 * by grey level (normally 256 bins for 8-bit levels); the returned threshold {@code t} splits it into ink
 * (levels {@code ≤ t}) and paper (levels {@code > t}).
 * <p>
 * Degenerate histograms: when fewer than two levels are occupied (a blank or uniform page) every method returns
 * {@code lowest occupied level − 1}, so that the whole page is paper and no noise is invented; an empty histogram
 * gives {@code −1}. Methods never return a threshold at or above the highest occupied level, so at least one
 * occupied level is paper.
 * <p>
 * The methods follow the papers cited on each; where the literature leaves a choice open (ties, rounding) the choice
 * is documented on the method. Otsu's threshold equals ImageJ's {@code AutoThresholder.Otsu} (first maximum).
 */
public final class GlobalThresholds {

	private GlobalThresholds() {}

	/**
	 * Otsu's method: the threshold maximising the between-class variance ω₀ω₁(μ₀ − μ₁)². N. Otsu, "A threshold
	 * selection method from gray-level histograms", IEEE Trans. SMC 9(1):62–66, 1979. Ties go to the lowest level
	 * (a gap of empty bins between two modes ends the ink class at the last occupied dark level).
	 */
	public static int otsu(final int[] hist) {
		final int[] r = range(hist);
		if (r == null) return degenerate(hist);
		long n = 0;
		double sum = 0;
		for (int i = r[0]; i <= r[1]; i++) {
			n += hist[i];
			sum += (double) i * hist[i];
		}
		long n0 = 0;
		double s0 = 0, best = -1;
		int t = r[0];
		for (int i = r[0]; i < r[1]; i++) {
			n0 += hist[i];
			s0 += (double) i * hist[i];
			final long n1 = n - n0;
			// n²·σ_B² = (n·s0 − n0·sum)² / (n0·n1), compared without dividing by the constant n²
			final double d = n * s0 - n0 * sum;
			final double bcv = d * d / ((double) n0 * n1);
			if (bcv > best) {
				best = bcv;
				t = i;
			}
		}
		return t;
	}

	/**
	 * IsoData / intermeans: iterate t ← ⌊(μ₀(t) + μ₁(t)) / 2⌋ from the mean level until t repeats. T. W. Ridler
	 * &amp; S. Calvard, "Picture thresholding using an iterative selection method", IEEE Trans. SMC 8(8):630–632,
	 * 1978. Stops after 256 iterations at the last value if it cycles.
	 */
	public static int isoData(final int[] hist) {
		final int[] r = range(hist);
		if (r == null) return degenerate(hist);
		int t = Math.min(r[1] - 1, (int) Math.floor(meanLevel(hist, r)));
		for (int it = 0; it < 256; it++) {
			final double m0 = classMean(hist, r[0], t), m1 = classMean(hist, t + 1, r[1]);
			final int next = clampT((int) Math.floor((m0 + m1) / 2), r);
			if (next == t) break;
			t = next;
		}
		return t;
	}

	/**
	 * The mean grey level, rounded down. C. A. Glasbey, "An analysis of histogram-based thresholding algorithms",
	 * CVGIP: Graphical Models and Image Processing 55:532–537, 1993.
	 */
	public static int mean(final int[] hist) {
		final int[] r = range(hist);
		if (r == null) return degenerate(hist);
		return clampT((int) Math.floor(meanLevel(hist, r)), r);
	}

	/**
	 * Li's iterative minimum cross-entropy: t ← round((μ₁ − μ₀) / (ln μ₁ − ln μ₀)) with the classes split at t, from
	 * the rounded mean level until t repeats (at most 1000 iterations). C. H. Li &amp; C. K. Lee, "Minimum cross
	 * entropy thresholding", Pattern Recognition 26(4):617–625, 1993; iteration of C. H. Li &amp; P. K. S. Tam,
	 * Pattern Recognition Letters 19(8):771–776, 1998. A class mean of 0 is replaced by 10⁻⁶ so that the logarithm
	 * exists.
	 */
	public static int li(final int[] hist) {
		final int[] r = range(hist);
		if (r == null) return degenerate(hist);
		int t = (int) Math.round(meanLevel(hist, r));
		for (int it = 0; it < 1000; it++) {
			final int split = clampT(t, r);
			final double m0 = Math.max(1e-6, classMean(hist, r[0], split));
			final double m1 = Math.max(1e-6, classMean(hist, split + 1, r[1]));
			final int next = (int) Math.round((m1 - m0) / (Math.log(m1) - Math.log(m0)));
			if (next == t) break;
			t = next;
		}
		return clampT(t, r);
	}

	/**
	 * Triangle: the level of maximum distance below the line joining the histogram peak to the far end of its
	 * longer tail (the empty bin just past the last occupied level). G. W. Zack, W. E. Rogers &amp; S. A. Latt,
	 * "Automatic measurement of sister chromatid exchange frequency", J. Histochem. Cytochem. 25(7):741–753, 1977.
	 * For a bright page with a dark tail the threshold is the level found; when the longer tail is on the bright side,
	 * the levels found lie in that tail and ink is everything up to and including the level before it.
	 */
	public static int triangle(final int[] hist) {
		final int[] r = range(hist);
		if (r == null) return degenerate(hist);
		int peak = r[0];
		for (int i = r[0]; i <= r[1]; i++)
			if (hist[i] > hist[peak]) peak = i;
		final boolean darkTail = peak - r[0] >= r[1] - peak;
		final int end = darkTail ? r[0] - 1 : r[1] + 1; // empty bin past the tail
		// line from (end, 0) to (peak, h[peak]); distance ∝ |h[peak]·(i − end) − (peak − end)·h[i]|
		final double hp = hist[peak];
		double best = -1;
		int found = peak;
		final int step = darkTail ? -1 : 1;
		for (int i = peak; i != end; i += step) {
			final double d = Math.abs(hp * (i - end) - (double) (peak - end) * hist[i]);
			if (d > best) {
				best = d;
				found = i;
			}
		}
		return clampT(darkTail ? found : found - 1, r);
	}

	/**
	 * Huang's fuzzy thresholding: minimises the Shannon fuzzy entropy of membership μ(g) = 1 / (1 + |g − μ_class| / C),
	 * C = highest − lowest occupied level. L.-K. Huang &amp; M.-J. J. Wang, "Image thresholding by minimizing the
	 * measures of fuzziness", Pattern Recognition 28(1):41–51, 1995. Ties go to the lowest level.
	 */
	public static int huang(final int[] hist) {
		final int[] r = range(hist);
		if (r == null) return degenerate(hist);
		final double c = r[1] - r[0];
		double best = Double.MAX_VALUE;
		int t = r[0];
		for (int k = r[0]; k < r[1]; k++) {
			final double m0 = classMean(hist, r[0], k), m1 = classMean(hist, k + 1, r[1]);
			double e = 0;
			for (int g = r[0]; g <= r[1]; g++) {
				if (hist[g] == 0) continue;
				final double mu = 1 / (1 + Math.abs(g - (g <= k ? m0 : m1)) / c);
				e += hist[g] * shannon(mu);
			}
			if (e < best) {
				best = e;
				t = k;
			}
		}
		return t;
	}

	/**
	 * Maximum entropy: maximises the sum of the Shannon entropies of the ink and paper distributions. J. N. Kapur,
	 * P. K. Sahoo &amp; A. K. C. Wong, "A new method for gray-level picture thresholding using the entropy of the
	 * histogram", CVGIP 29(3):273–285, 1985. Ties go to the lowest level.
	 */
	public static int maxEntropy(final int[] hist) {
		final int[] r = range(hist);
		if (r == null) return degenerate(hist);
		long n = 0;
		double hlogh = 0; // Σ h ln h over all levels
		for (int i = r[0]; i <= r[1]; i++) {
			n += hist[i];
			if (hist[i] > 0) hlogh += hist[i] * Math.log(hist[i]);
		}
		long n0 = 0;
		double s0 = 0, best = -Double.MAX_VALUE;
		int t = r[0];
		for (int k = r[0]; k < r[1]; k++) {
			n0 += hist[k];
			if (hist[k] > 0) s0 += hist[k] * Math.log(hist[k]);
			final long n1 = n - n0;
			if (n0 == 0 || n1 == 0) continue;
			// H0 = ln n0 − s0/n0, H1 = ln n1 − s1/n1 (entropies of the normalised class distributions)
			final double h = Math.log(n0) - s0 / n0 + Math.log(n1) - (hlogh - s0) / n1;
			if (h > best) {
				best = h;
				t = k;
			}
		}
		return t;
	}

	/**
	 * Minimum: smooth the histogram by a 3-point running mean until it has exactly two local maxima, then take the
	 * lowest level between them at which the smoothed histogram is minimal. J. M. S. Prewitt &amp; M. L. Mendelsohn,
	 * "The analysis of cell images", Ann. N. Y. Acad. Sci. 128:1035–1053, 1966. If the histogram does not become
	 * bimodal within 10 000 smoothings it falls back to {@link #otsu(int[])}.
	 */
	public static int minimum(final int[] hist) {
		final int[] r = range(hist);
		if (r == null) return degenerate(hist);
		double[] h = new double[hist.length];
		for (int i = 0; i < h.length; i++)
			h[i] = hist[i];
		double[] tmp = new double[h.length];
		for (int it = 0; it < 10000; it++) {
			int first = -1, second = -1, count = 0;
			for (int i = 1; i < h.length - 1; i++) {
				if (h[i - 1] < h[i] && h[i + 1] < h[i]) {
					count++;
					if (first < 0) first = i;
					else second = i;
				}
			}
			if (count == 2) {
				int t = first;
				for (int i = first; i <= second; i++)
					if (h[i] < h[t]) t = i;
				return clampT(t, r);
			}
			tmp[0] = (h[0] + h[1]) / 3;
			for (int i = 1; i < h.length - 1; i++)
				tmp[i] = (h[i - 1] + h[i] + h[i + 1]) / 3;
			tmp[h.length - 1] = (h[h.length - 2] + h[h.length - 1]) / 3;
			final double[] sw = h;
			h = tmp;
			tmp = sw;
		}
		return otsu(hist);
	}

	/** Occupied levels [lowest, highest], or {@code null} when fewer than two levels are occupied. */
	private static int[] range(final int[] hist) {
		int lo = -1, hi = -1;
		for (int i = 0; i < hist.length; i++) {
			if (hist[i] < 0) throw new IllegalArgumentException("negative histogram count " + hist[i] + " at " + i);
			if (hist[i] > 0) {
				if (lo < 0) lo = i;
				hi = i;
			}
		}
		return lo < 0 || lo == hi ? null : new int[] { lo, hi };
	}

	/** For fewer than two occupied levels: everything is paper. */
	private static int degenerate(final int[] hist) {
		for (int i = 0; i < hist.length; i++)
			if (hist[i] > 0) return i - 1;
		return -1;
	}

	private static int clampT(final int t, final int[] r) {
		return Math.max(r[0], Math.min(r[1] - 1, t));
	}

	private static double meanLevel(final int[] hist, final int[] r) {
		return classMean(hist, r[0], r[1]);
	}

	/** Mean level of [a, b]; the midpoint when that range is empty. */
	private static double classMean(final int[] hist, final int a, final int b) {
		long n = 0;
		double s = 0;
		for (int i = a; i <= b; i++) {
			n += hist[i];
			s += (double) i * hist[i];
		}
		return n == 0 ? 0.5 * (a + b) : s / n;
	}

	private static double shannon(final double mu) {
		if (mu <= 0 || mu >= 1) return 0;
		return -mu * Math.log(mu) - (1 - mu) * Math.log(1 - mu);
	}
}
