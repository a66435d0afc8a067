package org.ijocr.core.defect;

import static org.ijocr.core.defect.EdgeWidths.BINS;
import static org.ijocr.core.defect.EdgeWidths.BINS_PER_PIXEL;
import static org.ijocr.core.defect.EdgeWidths.LOW;
import static org.ijocr.core.defect.EdgeWidths.MAX_WALK;
import static org.ijocr.core.defect.EdgeWidths.NOISE_LENGTHENING;
import static org.ijocr.core.defect.EdgeWidths.PAPER_PAIR_MAD;

import org.ijocr.core.Tasks;

/**
 * Frozen copy of {@link EdgeWidths#measure} and {@link EdgeWidths#noise} before speed round 3: the identity baseline
 * of the faster implementation; do not change.
 */
final class EdgeWidthsReference {

	private EdgeWidthsReference() {}

	/**
	 * Measures.
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
			final int[] line = new int[Math.max(w, h)];
			for (int ty = r0; ty < r1; ty++) {
				// across rows: every second row of this band of tiles
				for (int y = ty * s; y < Math.min(h, (ty + 1) * s); y += 2) {
					for (int x = 0; x < w; x++)
						line[x] = px[y * w + x] & 0xff;
					for (int tx = 0; tx < gw; tx++)
						scanRange(line, w, tx * s, (tx + 1) * s, minStep, tolerance, ty * gw + tx, minRise, noise,
							ew.hist[0], ew.count[0]);
				}
				// down columns: every second column, the column segment of this band (with a margin for the walk)
				final int y0 = Math.max(0, ty * s - MAX_WALK), y1 = Math.min(h, (ty + 1) * s + MAX_WALK);
				for (int x = 0; x < w; x += 2) {
					for (int y = y0; y < y1; y++)
						line[y - y0] = px[y * w + x] & 0xff;
					final int col = x / s, top = ty * s - y0, bottom = Math.min(h, (ty + 1) * s) - y0;
					scanRange(line, y1 - y0, top, bottom, minStep, tolerance, ty * gw + col, minRise, noise,
						ew.hist[1], ew.count[1]);
				}
			}
		});
		return ew;
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
					for (int x = 0, o = y * w; x < w - 1; x++) {
						final int a = px[o + x] & 0xff, b = px[o + x + 1] & 0xff, l = level[x / s];
						if (a >= l && b >= l) hist[x / s * 256 + Math.abs(a - b)]++;
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

	/** Measures the edges whose steepest step starts in {@code [from, to)} of a line of n values, for tile t. */
	private static void scanRange(final int[] f, final int n, final int from, final int to, final int minStep,
		final int tol, final int t, final int[] minRise, final float[] noise, final int[] hist, final int[] count)
	{
		for (int i = Math.max(1, from); i < Math.min(n - 2, to); i++) {
			final int d = f[i + 1] - f[i], a = Math.abs(d);
			if (a < minStep || a < Math.abs(f[i] - f[i - 1]) || a <= Math.abs(f[i + 2] - f[i + 1])) continue;
			final double wd = width(f, n, i, d > 0, tol, minRise[t], noise[t]);
			if (wd > 0) {
				hist[t * BINS + Math.min(BINS - 1, (int) (wd * BINS_PER_PIXEL))]++;
				count[t]++;
			}
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
