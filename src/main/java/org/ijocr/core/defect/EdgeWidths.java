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

	private EdgeWidths(final int n) {
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
	 * Measures.
	 *
	 * @param minRise per tile, the smallest rise of a counted edge (grey levels)
	 */
	static EdgeWidths measure(final Page page, final Tiles tiles, final int minStep, final int tolerance,
		final int[] minRise)
	{
		final int w = page.width(), h = page.height(), s = tiles.size(), gw = tiles.cols();
		final byte[] px = page.pixels();
		final EdgeWidths ew = new EdgeWidths(tiles.count());
		Tasks.split(tiles.rows(), 1, (r0, r1) -> {
			final int[] line = new int[Math.max(w, h)];
			for (int ty = r0; ty < r1; ty++) {
				// across rows: every second row of this band of tiles
				for (int y = ty * s; y < Math.min(h, (ty + 1) * s); y += 2) {
					for (int x = 0; x < w; x++)
						line[x] = px[y * w + x] & 0xff;
					for (int tx = 0; tx < gw; tx++)
						scanRange(line, w, tx * s, (tx + 1) * s, minStep, tolerance, ty * gw + tx, minRise, ew.hist[0],
							ew.count[0]);
				}
				// down columns: every second column, the column segment of this band (with a margin for the walk)
				final int y0 = Math.max(0, ty * s - MAX_WALK), y1 = Math.min(h, (ty + 1) * s + MAX_WALK);
				for (int x = 0; x < w; x += 2) {
					for (int y = y0; y < y1; y++)
						line[y - y0] = px[y * w + x] & 0xff;
					final int col = x / s, top = ty * s - y0, bottom = Math.min(h, (ty + 1) * s) - y0;
					scanRange(line, y1 - y0, top, bottom, minStep, tolerance, ty * gw + col, minRise, ew.hist[1],
						ew.count[1]);
				}
			}
		});
		return ew;
	}

	/**
	 * Per tile, the sigma of the noise (grain, sensor noise): the median absolute difference of horizontal
	 * neighbours on every 4th row, over {@code 0.954} (the median of |N(0, 2σ²)|); most pairs of a text tile lie on
	 * its paper, so edges barely move it. At least 0.5.
	 */
	static float[] noise(final Page page, final Tiles tiles) {
		final int w = page.width(), h = page.height(), s = tiles.size(), gw = tiles.cols();
		final byte[] px = page.pixels();
		final float[] sigma = new float[tiles.count()];
		Tasks.split(tiles.rows(), 1, (r0, r1) -> {
			final int[] hist = new int[gw * 256];
			for (int ty = r0; ty < r1; ty++) {
				java.util.Arrays.fill(hist, 0);
				for (int y = ty * s; y < Math.min(h, (ty + 1) * s); y += 4)
					for (int x = 0, o = y * w; x < w - 1; x++)
						hist[x / s * 256 + Math.abs((px[o + x] & 0xff) - (px[o + x + 1] & 0xff))]++;
				for (int tx = 0; tx < gw; tx++) {
					int n = 0;
					for (int v = 0; v < 256; v++)
						n += hist[tx * 256 + v];
					int v = 0;
					for (int seen = 0; v < 255 && 2 * (seen += hist[tx * 256 + v]) < n; v++) {}
					sigma[ty * gw + tx] = (float) Math.max(0.5, v / 0.954);
				}
			}
		});
		return sigma;
	}

	/** Measures the edges whose steepest step starts in {@code [from, to)} of a line of n values, for tile t. */
	private static void scanRange(final int[] f, final int n, final int from, final int to, final int minStep,
		final int tol, final int t, final int[] minRise, final int[] hist, final int[] count)
	{
		for (int i = Math.max(1, from); i < Math.min(n - 2, to); i++) {
			final int d = f[i + 1] - f[i], a = Math.abs(d);
			if (a < minStep || a < Math.abs(f[i] - f[i - 1]) || a <= Math.abs(f[i + 2] - f[i + 1])) continue;
			final double wd = width(f, n, i, d > 0, tol, minRise[t]);
			if (wd > 0) {
				hist[t * BINS + Math.min(BINS - 1, (int) (wd * BINS_PER_PIXEL))]++;
				count[t]++;
			}
		}
	}

	/**
	 * The 10–90 % width of the edge whose steepest step is between i and i+1, or 0 if its rise is below
	 * {@code minRise}.
	 */
	static double width(final int[] f, final int n, final int i, final boolean up, final int tol, final int minRise) {
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
		return Math.max(0.5, b - a);
	}
}
