package org.ijocr.core.geometry;

import java.util.Arrays;

import org.ijocr.core.morph.ConnectedComponents;
import org.ijocr.core.threshold.GlobalThresholds;
import org.ijocr.core.threshold.Histogram;

/**
 * Letter-sized ink components of a grey page (dark ink on light paper): Otsu's global threshold, 8-connected
 * components ({@link ConnectedComponents}), and a size filter around the median component height. What
 * {@link Skew} takes its fiducial points from and {@link Scale#capHeight} measures.
 */
final class Glyphs {

	/**
	 * Minimum difference of the mean ink and mean paper levels for a page to count as having text (or half the range
	 * of levels, if smaller: a 0/1 image from a 1-bit file has text).
	 */
	static final int MIN_CONTRAST = 40;

	/** Components shorter than this (pixels) are specks, not letters. */
	static final int MIN_HEIGHT = 3;

	/** Bounding boxes of the kept components, inclusive. */
	final int[] minX, minY, maxX, maxY;

	final int count;

	/** Median height of the plausible components (0 if none). */
	final double medianHeight;

	private Glyphs(final int[] minX, final int[] minY, final int[] maxX, final int[] maxY, final int count,
		final double medianHeight)
	{
		this.minX = minX;
		this.minY = minY;
		this.maxX = maxX;
		this.maxY = maxY;
		this.count = count;
		this.medianHeight = medianHeight;
	}

	static final Glyphs NONE = new Glyphs(new int[0], new int[0], new int[0], new int[0], 0, 0);

	/**
	 * The components of height {@code [lo, hi]} times the median height (and width at most {@code maxAspect} times
	 * it) of the ink of {@code grey}.
	 */
	static Glyphs find(final byte[] grey, final int w, final int h, final double lo, final double hi,
		final double maxAspect)
	{
		final int[] hist = Histogram.of(grey);
		final int t = GlobalThresholds.otsu(hist);
		int first = 0, last = 255;
		while (first < 255 && hist[first] == 0)
			first++;
		while (last > 0 && hist[last] == 0)
			last--;
		// two-level images (e.g. 0/1 from a 1-bit file) count as having contrast
		if (t < first || t >= last || contrast(hist, t) < Math.min(MIN_CONTRAST, 0.5 * (last - first))) return NONE;
		// the ink's components straight from the grey pixels: no binary image, no label image
		final ConnectedComponents cc = ConnectedComponents.atMost(grey, w, h, t, true);
		final int n = cc.count();
		final int[] heights = new int[n];
		int m = 0;
		for (int l = 1; l <= n; l++) {
			final int ch = cc.height(l);
			if (ch >= MIN_HEIGHT && ch <= h / 4 && cc.width(l) <= w / 4) heights[m++] = ch;
		}
		if (m == 0) return NONE;
		Arrays.sort(heights, 0, m);
		final double med = m % 2 == 1 ? heights[m / 2] : 0.5 * (heights[m / 2 - 1] + heights[m / 2]);
		// room for every component: on a small page the letter-size test below can keep components wider than a
		// quarter of the page, which the median's filter above left out
		final int[] x0 = new int[n], y0 = new int[n], x1 = new int[n], y1 = new int[n];
		int k = 0;
		for (int l = 1; l <= n; l++) {
			final int ch = cc.height(l), cw = cc.width(l);
			if (ch < MIN_HEIGHT || ch < lo * med || ch > hi * med || cw > maxAspect * med) continue;
			x0[k] = cc.minX(l);
			y0[k] = cc.minY(l);
			x1[k] = cc.maxX(l);
			y1[k++] = cc.maxY(l);
		}
		return new Glyphs(x0, y0, x1, y1, k, med);
	}

	/** Mean paper level minus mean ink level for threshold {@code t} (ink {@code <= t}). */
	static double contrast(final int[] hist, final int t) {
		double s0 = 0, s1 = 0;
		long n0 = 0, n1 = 0;
		for (int i = 0; i < hist.length; i++) {
			if (i <= t) {
				n0 += hist[i];
				s0 += (double) i * hist[i];
			}
			else {
				n1 += hist[i];
				s1 += (double) i * hist[i];
			}
		}
		return n0 == 0 || n1 == 0 ? 0 : s1 / n1 - s0 / n0;
	}

	/** Box-average reduction by an integer factor {@code r} (partial blocks at the right and bottom dropped). */
	static byte[] reduce(final byte[] g, final int w, final int h, final int r) {
		if (r == 1) return g;
		final int rw = w / r, rh = h / r, rr = r * r;
		final byte[] out = new byte[rw * rh];
		final int[] acc = new int[rw];
		for (int y = 0; y < rh; y++) {
			Arrays.fill(acc, 0);
			for (int dy = 0; dy < r; dy++) {
				final int row = (y * r + dy) * w;
				for (int x = 0; x < rw; x++) {
					int s = 0;
					for (int dx = 0, q = row + x * r; dx < r; dx++)
						s += g[q + dx] & 0xff;
					acc[x] += s;
				}
			}
			for (int x = 0; x < rw; x++)
				out[y * rw + x] = (byte) ((acc[x] + rr / 2) / rr);
		}
		return out;
	}
}
