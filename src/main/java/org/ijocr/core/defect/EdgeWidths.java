package org.ijocr.core.defect;

import org.ijocr.core.Tasks;

/**
 * Per tile, the mean 10&ndash;90 % width of the strong edges of a page, across rows (vertical edges) and down
 * columns (horizontal edges), from every second row and every second column: the edge-width measure of P.
 * Marziliano, F. Dufaux, S. Winkler and T. Ebrahimi, "A no-reference perceptual blur metric", ICIP 2002 (an edge is
 * followed from its steepest point to the extrema on both sides), with the width read between the 10 % and 90 %
 * levels of the rise so that noise on the paper around does not lengthen it.
 * <p>
 * An edge is a local maximum of the absolute difference of neighbours along the line, of at least {@code minStep}
 * grey levels; it is followed both ways while the line keeps going (a step back of at most {@code tolerance} levels
 * is allowed, grain) for at most {@value #MAX_WALK} pixels; edges whose total rise is below {@code minRise} of their
 * tile are not counted (weak edges of halftones, photos and grain).
 */
final class EdgeWidths {

	/** Longest walk from an edge's steepest point to either side (pixels). */
	static final int MAX_WALK = 40;

	/** Sums and counts of widths per tile: {@code [0]} across rows, {@code [1]} down columns. */
	final double[][] sum;
	final int[][] count;

	private EdgeWidths(final int n) {
		sum = new double[2][n];
		count = new int[2][n];
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
						scanRange(line, w, tx * s, (tx + 1) * s, minStep, tolerance, ty * gw + tx, minRise, ew.sum[0],
							ew.count[0]);
				}
				// down columns: every second column, the column segment of this band (with a margin for the walk)
				final int y0 = Math.max(0, ty * s - MAX_WALK), y1 = Math.min(h, (ty + 1) * s + MAX_WALK);
				for (int x = 0; x < w; x += 2) {
					for (int y = y0; y < y1; y++)
						line[y - y0] = px[y * w + x] & 0xff;
					final int col = x / s, top = ty * s - y0, bottom = Math.min(h, (ty + 1) * s) - y0;
					scanRange(line, y1 - y0, top, bottom, minStep, tolerance, ty * gw + col, minRise, ew.sum[1],
						ew.count[1]);
				}
			}
		});
		return ew;
	}

	/** Measures the edges whose steepest step starts in {@code [from, to)} of a line of n values, for tile t. */
	private static void scanRange(final int[] f, final int n, final int from, final int to, final int minStep,
		final int tol, final int t, final int[] minRise, final double[] sum, final int[] count)
	{
		for (int i = Math.max(1, from); i < Math.min(n - 2, to); i++) {
			final int d = f[i + 1] - f[i], a = Math.abs(d);
			if (a < minStep || a < Math.abs(f[i] - f[i - 1]) || a <= Math.abs(f[i + 2] - f[i + 1])) continue;
			final double wd = width(f, n, i, d > 0, tol, minRise[t]);
			if (wd > 0) {
				sum[t] += wd;
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
		final double l10 = loV + 0.1 * rise, l90 = loV + 0.9 * rise;
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
