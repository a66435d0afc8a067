package org.ijocr.core.defect;

import org.ijocr.core.Tasks;

/**
 * Per tile, the histogram of the 20&ndash;80 % widths of the strong edges of a page, across rows (vertical edges) and down
 * columns (horizontal edges), from every second row and every second column: the edge-width measure of P.
 * Marziliano, F. Dufaux, S. Winkler and T. Ebrahimi, "A no-reference perceptual blur metric", ICIP 2002 (an edge is
 * followed from its steepest point to the extrema on both sides), with the width read between the 20 % and 80 %
 * levels of the rise so that noise on the paper around does not lengthen it.
 * <p>
 * An edge is a local maximum of the absolute difference of neighbours along the line, of at least {@code minStep}
 * grey levels; it is followed both ways while the line keeps going (a step back of at most {@code tolerance} levels
 * is allowed, grain) for at most {@value #MAX_WALK} pixels; edges whose total rise is below {@code minRise} of their
 * tile are not counted (weak edges of halftones, photos and grain).
 */
final class EdgeWidths {

	/**
	 * The lower level of the width, as a fraction of the rise (the upper one is {@code 1 − LOW}): 20 %, so that
	 * paper grain and sensor noise on faint edges (a rise of 50 levels against noise of sigma 2.5) do not move the
	 * crossings; a Gaussian-blurred step of sigma σ is {@value #GAUSS_WIDTH}σ wide between 20 % and 80 %.
	 */
	static final double LOW = 0.2;

	/** Width between the LOW and 1 − LOW levels of a Gaussian-blurred step, in sigmas: {@code 2·z(0.8)}. */
	static final double GAUSS_WIDTH = 1.683;

	/**
	 * How much noise lengthens a measured width: by the factor {@code 1 + NOISE_LENGTHENING · σ / rise} (σ the noise
	 * deviation, rise the edge's), which every width is divided by. Fitted by simulation of Gaussian-blurred steps
	 * (blur sigma 0.6–2.5 px, rise 12–24 σ) measured with this class's walk: the median width grows by a factor
	 * of 1.14–1.18 at 24 σ, 1.23–1.29 at 16 σ and 1.32–1.40 at 12 σ, whatever the blur (the extrema the walk stops
	 * at and the crossings both move outward with the noise).
	 */
	static final double NOISE_LENGTHENING = 4;

	/** Longest walk from an edge's steepest point to either side (pixels). */
	static final int MAX_WALK = 40;

	/** Histogram bins per pixel of width. */
	static final int BINS_PER_PIXEL = 4;

	/** Bins of a tile's histogram of widths (the last one holds every longer width). */
	static final int BINS = 32 * BINS_PER_PIXEL;

	/**
	 * Histograms of widths per tile ({@link #BINS} bins of {@code 1 / BINS_PER_PIXEL} px from tile
	 * {@code t * BINS}) and counts: {@code [0]} across rows, {@code [1]} down columns.
	 */
	final int[][] hist;
	final int[][] count;

	EdgeWidths(final int n) {
		hist = new int[2][n * BINS];
		count = new int[2][n];
	}

	/**
	 * The median width (pixels) of the edges of direction d in the tiles {@code [x0, x1] × [y0, y1]} of a grid
	 * {@code gw} tiles across, or 0 if they hold fewer than {@code minEdges}.
	 */
	double median(final int d, final int gw, final int x0, final int y0, final int x1, final int y1,
		final int minEdges)
	{
		int c = 0;
		for (int y = y0; y <= y1; y++)
			for (int x = x0; x <= x1; x++)
				c += count[d][y * gw + x];
		if (c < minEdges || c == 0) return 0;
		for (int b = 0, seen = 0; b < BINS; b++) {
			for (int y = y0; y <= y1; y++)
				for (int x = x0; x <= x1; x++)
					seen += hist[d][(y * gw + x) * BINS + b];
			if (2 * seen >= c) return (b + 0.5) / BINS_PER_PIXEL;
		}
		return BINS / (double) BINS_PER_PIXEL;
	}

	/**
	 * Measures. Tiles whose {@code minRise} exceeds 255 (not judged) are skipped: no edge can rise that far. Down
	 * columns, the steepest steps are found row by row over the band (sequential memory); only at a candidate is the
	 * column read, in the window of {@value #MAX_WALK} pixels either side that the walk can reach (into a buffer at the
	 * segment's own indices).
	 *
	 * @param minRise per tile, the smallest rise of a counted edge (grey levels)
	 */
	static EdgeWidths measure(final Page page, final Tiles tiles, final int minStep, final int tolerance,
		final int[] minRise, final float[] noise)
	{
		final int w = page.width(), h = page.height(), s = tiles.size(), gw = tiles.cols();
		final byte[] px = page.pixels();
		final EdgeWidths ew = new EdgeWidths(tiles.count());
		Tasks.split(tiles.rows(), 1, (r0, r1) -> {
			final int[] line = new int[w], column = new int[s + 2 * MAX_WALK];
			for (int ty = r0; ty < r1; ty++) {
				boolean judged = false;
				for (int tx = 0; tx < gw; tx++)
					judged |= minRise[ty * gw + tx] <= 255;
				if (!judged) continue;
				// across rows: every second row of this band of tiles
				for (int y = ty * s; y < Math.min(h, (ty + 1) * s); y += 2) {
					for (int x = 0; x < w; x++)
						line[x] = px[y * w + x] & 0xff;
					for (int tx = 0; tx < gw; tx++)
						if (minRise[ty * gw + tx] <= 255) scanRange(line, w, tx * s, (tx + 1) * s, minStep, tolerance, ty
							* gw + tx, minRise, noise, ew.hist[0], ew.count[0]);
				}
				// down columns: every second column, the column segment of this band (with a margin for the walk)
				final int y0 = Math.max(0, ty * s - MAX_WALK), y1 = Math.min(h, (ty + 1) * s + MAX_WALK), n = y1 - y0;
				final int top = ty * s - y0, bottom = Math.min(h, (ty + 1) * s) - y0;
				for (int i = Math.max(1, top); i < Math.min(n - 2, bottom); i++) {
					final int o = (y0 + i) * w;
					for (int tx = 0; tx < gw; tx++) {
						final int t = ty * gw + tx;
						if (minRise[t] > 255) continue;
						for (int x = (tx * s + 1) & ~1; x < Math.min(w, (tx + 1) * s); x += 2) {
							final int f0 = px[o - w + x] & 0xff, f1 = px[o + x] & 0xff, f2 = px[o + w + x] & 0xff, f3 = px[o
								+ 2 * w + x] & 0xff;
							final int d = f2 - f1, a = Math.abs(d);
							if (a < minStep || a < Math.abs(f1 - f0) || a <= Math.abs(f3 - f2)) continue;
							final int from = Math.max(0, i - MAX_WALK), to = Math.min(n, i + 2 + MAX_WALK);
							// at the column segment's own indices: the crossings are positions, their difference rounds
							// the same only without a shift
							for (int k = from, q = (y0 + from) * w + x; k < to; k++, q += w)
								column[k] = px[q] & 0xff;
							count(width(column, n, i, d > 0, tolerance, minRise[t], noise[t]), t, ew.hist[1], ew.count[1]);
						}
					}
				}
			}
		});
		return ew;
	}

	/** Counts a width {@code wd} of tile t (none if 0). */
	private static void count(final double wd, final int t, final int[] hist, final int[] count) {
		if (wd > 0) {
			hist[t * BINS + Math.min(BINS - 1, (int) (wd * BINS_PER_PIXEL))]++;
			count[t]++;
		}
	}

	/**
	 * Per tile, the sigma of the noise (grain, sensor noise) on its paper: the median absolute difference of
	 * horizontal neighbours on every 4th row, over the pairs whose pixels both lie at or above the tile's median level
	 * (paper next to paper: in dense small print at 150 dpi most pairs of a tile are on the edges of glyphs, which
	 * would count as noise), interpolated within its integer bin and divided by {@value #PAPER_PAIR_MAD}, the median
	 * of {@code |X − Y|} for X, Y independent N(0, σ²) both above their mean. Where the median level lies below the
	 * paper's mean (much ink) the estimate is up to 1.8 times too high. At least 0.5; tiles without such pairs 0.5.
	 *
	 * @param th the page's tile histograms (for the tiles' median levels)
	 */
	static float[] noise(final Page page, final TileHistograms th) {
		final Tiles tiles = th.tiles();
		final int w = page.width(), h = page.height(), s = tiles.size(), gw = tiles.cols();
		final byte[] px = page.pixels();
		final float[] sigma = new float[tiles.count()];
		Tasks.split(tiles.rows(), 1, (r0, r1) -> {
			final int[] hist = new int[gw * 256];
			final int[] level = new int[gw];
			for (int ty = r0; ty < r1; ty++) {
				java.util.Arrays.fill(hist, 0);
				for (int tx = 0; tx < gw; tx++)
					level[tx] = th.quantile(ty * gw + tx, 0.5);
				for (int y = ty * s; y < Math.min(h, (ty + 1) * s); y += 4)
					for (int tx = 0, o = y * w; tx < gw; tx++) {
						final int l = level[tx], base = tx * 256;
						for (int x = tx * s; x < Math.min(w - 1, (tx + 1) * s); x++) {
							final int a = px[o + x] & 0xff, b = px[o + x + 1] & 0xff;
							if (a >= l && b >= l) hist[base + Math.abs(a - b)]++;
						}
					}
				for (int tx = 0; tx < gw; tx++) {
					int n = 0;
					for (int v = 0; v < 256; v++)
						n += hist[tx * 256 + v];
					int v = 0, below = 0;
					for (; v < 255 && 2 * (below + hist[tx * 256 + v]) < n; v++)
						below += hist[tx * 256 + v];
					// the median inside bin v, whose values spread over [v - 0.5, v + 0.5] (bin 0 over [0, 0.5])
					final int c = hist[tx * 256 + v];
					final double lo = v == 0 ? 0 : v - 0.5, wid = v == 0 ? 0.5 : 1;
					final double med = c == 0 ? 0 : lo + wid * (n / 2.0 - below) / c;
					sigma[ty * gw + tx] = (float) Math.max(0.5, med / PAPER_PAIR_MAD);
				}
			}
		});
		return sigma;
	}

	/** Median of {@code |X − Y|} over σ for X, Y independent normal of deviation σ, both above their mean. */
	static final double PAPER_PAIR_MAD = 0.532;

	/** Measures the edges whose steepest step starts in {@code [from, to)} of a line of n values, for tile t. */
	private static void scanRange(final int[] f, final int n, final int from, final int to, final int minStep,
		final int tol, final int t, final int[] minRise, final float[] noise, final int[] hist, final int[] count)
	{
		for (int i = Math.max(1, from); i < Math.min(n - 2, to); i++) {
			final int d = f[i + 1] - f[i], a = Math.abs(d);
			if (a < minStep || a < Math.abs(f[i] - f[i - 1]) || a <= Math.abs(f[i + 2] - f[i + 1])) continue;
			count(width(f, n, i, d > 0, tol, minRise[t], noise[t]), t, hist, count);
		}
	}

	/**
	 * The 20–80 % width of the edge whose steepest step is between i and i+1, or 0 if its rise is below
	 * {@code minRise}, corrected for the noise of deviation {@code sigma} (see {@link #NOISE_LENGTHENING}).
	 */
	static double width(final int[] f, final int n, final int i, final boolean up, final int tol, final int minRise,
		final double sigma)
	{
		final int sg = up ? 1 : -1;
		// the low side: walk back from i while the values keep falling (rising edge) or rising (falling edge)
		int lo = i, loV = sg * f[i];
		for (int j = i - 1; j >= Math.max(0, i - MAX_WALK); j--) {
			final int v = sg * f[j];
			if (v > loV + tol) break;
			if (v < loV) {
				loV = v;
				lo = j;
			}
		}
		int hi = i + 1, hiV = sg * f[i + 1];
		for (int j = i + 2; j < Math.min(n, i + 2 + MAX_WALK); j++) {
			final int v = sg * f[j];
			if (v < hiV - tol) break;
			if (v > hiV) {
				hiV = v;
				hi = j;
			}
		}
		final int rise = hiV - loV;
		if (rise < minRise) return 0;
		final double l10 = loV + LOW * rise, l90 = loV + (1 - LOW) * rise;
		// the 10 % crossing: last pair (k-1, k) below the step with f[k-1] <= l10 < f[k]; the 90 % crossing likewise
		int k = i + 1;
		while (k > lo && sg * f[k - 1] > l10)
			k--;
		final double a = k == lo ? lo : k - 1 + (l10 - sg * f[k - 1]) / (double) (sg * f[k] - sg * f[k - 1]);
		k = i;
		while (k < hi && sg * f[k + 1] < l90)
			k++;
		final double b = k == hi ? hi : k + (l90 - sg * f[k]) / (double) (sg * f[k + 1] - sg * f[k]);
		return Math.max(0.5, (b - a) / (1 + NOISE_LENGTHENING * sigma / rise));
	}
}
