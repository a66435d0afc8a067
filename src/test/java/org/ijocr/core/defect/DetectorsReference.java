package org.ijocr.core.defect;

import static org.ijocr.core.defect.BlurDetector.MIN_CONTRAST;
import static org.ijocr.core.defect.BlurDetector.MIN_EDGES;
import static org.ijocr.core.defect.BlurDetector.MIN_RISE;
import static org.ijocr.core.defect.BlurDetector.MIN_STEP;
import static org.ijocr.core.defect.BlurDetector.MIN_STROKE;
import static org.ijocr.core.defect.BlurDetector.NOISE_RISE;
import static org.ijocr.core.defect.BlurDetector.SHARP_WIDTH;
import static org.ijocr.core.defect.BlurDetector.TOLERANCE;

import java.util.List;

import org.ijocr.core.Tasks;

/**
 * Frozen copies before speed round 3 of the detectors' page-level steps, on {@link TileHistogramsReference} and
 * {@link EdgeWidthsReference}: {@link BlurDetector#detect(Page, BlurDetector.Params)} with its ratios and stroke width,
 * the tile histograms {@link LowContrastDetector} and {@link GlareDetector} start from, and {@link
 * ImpulseNoiseDetector#detect(Page, ImpulseNoiseDetector.Params)} with its impulse count. The identity baseline of
 * the faster implementation; do not change, except where a rule changes on purpose: since stop 13 a tile is flagged by
 * its free impulses (no similar pixel among the 8 neighbours, at most one among the pixels 2 to 3 away), written here
 * in plain loops ({@link #freeImpulsesPerTile}).
 */
public final class DetectorsReference {

	private DetectorsReference() {}

	/** {@link LowContrastDetector#detect(Page, LowContrastDetector.Params)} on the reference tile histograms. */
	public static List<DefectArea> lowContrast(final Page page, final LowContrastDetector.Params p) {
		return LowContrastDetector.detect(TileHistogramsReference.of(page, Tiles.of(page.width(), page.height()), 2), p);
	}

	/** {@link GlareDetector#detect(Page, GlareDetector.Params)} on the reference tile histograms. */
	public static List<DefectArea> glare(final Page page, final GlareDetector.Params p) {
		final TileHistograms th = TileHistogramsReference.of(page, Tiles.of(page.width(), page.height()), 2);
		final List<DefectArea> coarse = GlareDetector.detect(page, th, p);
		if (coarse.isEmpty()) return coarse;
		final int pagePaper = th.pagePaper();
		final double rise = Math.max(p.minRise(), p.fraction() * (255 - pagePaper));
		final List<DefectArea> out = new java.util.ArrayList<>(coarse.size());
		for (final DefectArea a : coarse)
			out.addAll(GlareDetector.tighten(page, a, Math.max(GlareDetector.CELL_MIN, th.tiles().size()
				/ GlareDetector.CELLS_PER_TILE), pagePaper + rise));
		return out;
	}

	/** Blurred areas of a page (see the class description). */
	public static List<DefectArea> blur(final Page page, final BlurDetector.Params p) {
		final Tiles tiles = Tiles.of(page.width(), page.height());
		final float[] ratio = ratios(page, tiles);
		final byte[] state = new byte[ratio.length];
		final float[] score = new float[ratio.length];
		for (int t = 0; t < ratio.length; t++) {
			if (Float.isNaN(ratio[t])) continue;
			state[t] = ratio[t] >= p.ratio() ? Tiles.FLAGGED : Tiles.CLEAN;
			score[t] = Math.min(1, ratio[t]);
		}
		return tiles.areas(DefectType.BLUR, state, score, p.merge());
	}

	/** Per tile the estimated blur sigma over the page's stroke width; NaN where the tile is not judged. */
	static float[] ratios(final Page page, final Tiles tiles) {
		final TileHistograms th = TileHistogramsReference.of(page, tiles, 2);
		final int n = tiles.count(), gw = tiles.cols(), gh = tiles.rows();
		final int pagePaper = th.pagePaper();
		final int[] minRise = new int[n];
		final float[] noise = EdgeWidthsReference.noise(page, th);
		final float[] ratio = new float[n];
		java.util.Arrays.fill(ratio, Float.NaN);
		final int[] inks = new int[n];
		for (int t = 0; t < n; t++)
			inks[t] = th.total(t) > 0 ? th.ink(t) : 255;
		int inkSum = 0, inkN = 0;
		final boolean[] picture = th.nearPicture(MIN_RISE);
		for (int t = 0; t < n; t++) {
			final int paper = th.paper(t), ink = inks[t];
			int around = 255; // the darkest ink of the 3x3 tiles: blur lightens thin strokes
			for (int y = Math.max(0, t / gw - 1); y <= Math.min(gh - 1, t / gw + 1); y++)
				for (int x = Math.max(0, t % gw - 1); x <= Math.min(gw - 1, t % gw + 1); x++)
					around = Math.min(around, inks[y * gw + x]);
			final boolean text = th.total(t) > 0 && !picture[t] && paper >= 0.8 * pagePaper && paper - ink >= MIN_RISE && paper
				- around >= MIN_CONTRAST && th.flatPaper(t, paper - ink, 0.25) && !GlareDetector.glare(paper, pagePaper);
			minRise[t] = text ? (int) Math.max(Math.max(MIN_RISE, (paper - ink) / 2), NOISE_RISE * noise[t])
				: Integer.MAX_VALUE;
			if (text) {
				inkSum += ink;
				inkN++;
			}
		}
		if (inkN == 0) return ratio;
		final int mid = (pagePaper + inkSum / inkN) / 2;
		final double stroke = Math.max(MIN_STROKE, strokeWidthReference(page, mid));
		final EdgeWidths ew = EdgeWidthsReference.measure(page, tiles, MIN_STEP, TOLERANCE, minRise, noise);
		for (int t = 0; t < n; t++) {
			if (minRise[t] == Integer.MAX_VALUE) continue;
			final int tx = t % gw, ty = t / gw;
			double sum = 0;
			int dirs = 0;
			for (int d = 0; d < 2; d++) {
				final double m = ew.count[d][t] == 0 ? 0 : ew.median(d, gw, Math.max(0, tx - 1), Math.max(0, ty - 1), Math
					.min(gw - 1, tx + 1), Math.min(gh - 1, ty + 1), MIN_EDGES);
				if (m > 0) {
					sum += m;
					dirs++;
				}
			}
			if (dirs == 0) continue;
			// the mean of both directions: glyph tops and bottoms of dense small print widen the vertical one alone
			final double width = sum / dirs;
			final double sigma = Math.sqrt(Math.max(0, width * width - SHARP_WIDTH * SHARP_WIDTH))
				/ EdgeWidths.GAUSS_WIDTH;
			ratio[t] = (float) (sigma / stroke);
		}
		return ratio;
	}


	/** The median length of horizontal runs of pixels at or below {@code mid}, over every 4th row; 0 if none. */
	static double strokeWidthReference(final Page page, final int mid) {
		final int w = page.width();
		final byte[] px = page.pixels();
		final int[] runs = new int[w + 1];
		long n = 0;
		for (int y = 0; y < page.height(); y += 4) {
			int run = 0;
			for (int x = 0, o = y * w; x <= w; x++) {
				if (x < w && (px[o + x] & 0xff) <= mid) run++;
				else if (run > 0) {
					runs[run]++;
					n++;
					run = 0;
				}
			}
		}
		for (int r = 0, seen = 0; r <= w; r++)
			if (2 * (seen += runs[r]) >= n && n > 0) return r;
		return 0;
	}

	/** Noise areas of a page (see the class description). */
	public static List<DefectArea> impulseNoise(final Page page, final ImpulseNoiseDetector.Params p) {
		final Tiles tiles = Tiles.of(page.width(), page.height());
		final int[] levels = ImpulseNoiseDetector.levels(page);
		final int[] counts = impulsesPerTile(page, tiles, p.tolerance(), levels[0], levels[1]);
		final int[] free = freeImpulsesPerTile(page, tiles, p.tolerance(), levels[0], levels[1]);
		final byte[] state = new byte[tiles.count()];
		final float[] score = new float[tiles.count()];
		for (int t = 0; t < state.length; t++) {
			final double share = counts[t] / (double) tiles.pixels(t);
			state[t] = free[t] >= ImpulseNoiseDetector.FREE_SHARE * p.minDensity() * tiles.pixels(t) ? Tiles.FLAGGED
				: Tiles.CLEAN;
			score[t] = (float) Math.min(1, 2 * share / p.fullDensity());
		}
		return tiles.areas(DefectType.SALT_PEPPER_NOISE, state, score, p.merge());
	}

	/**
	 * Impulse pixels per tile (the image's outermost rows and columns are not tested): pepper at most {@code ink},
	 * salt at least {@code paper}.
	 */
	static int[] impulsesPerTile(final Page page, final Tiles tiles, final int tol, final int ink, final int paper) {
		final int w = page.width(), h = page.height(), gw = tiles.cols(), s = tiles.size();
		final byte[] px = page.pixels();
		final int[] counts = new int[tiles.count()];
		Tasks.split(tiles.rows(), 1, (r0, r1) -> {
			for (int y = Math.max(1, r0 * s); y < Math.min(h - 1, r1 * s); y++) {
				final int row = y / s * gw;
				for (int x = 1, p = y * w + 1; x < w - 1; x++, p++) {
					final int v = px[p] & 0xff, l = px[p - 1] & 0xff, r = px[p + 1] & 0xff;
					// quick rejection: both horizontal neighbours must lie beyond the tolerance on the same side
					final boolean dark = l - v > tol && r - v > tol && v <= ink;
					if (!dark && !(v - l > tol && v - r > tol && v >= paper)) continue;
					if (isolated(px, p, w, v, tol, dark)) counts[row + x / s]++;
				}
			}
		});
		return counts;
	}

	/**
	 * Free impulses per tile, in plain loops: impulses ({@link #impulsesPerTile}) none of whose 8 neighbours is within
	 * {@code tol} of them and at most one of the pixels at a Chebyshev distance of 2 or 3 (inside the image).
	 */
	static int[] freeImpulsesPerTile(final Page page, final Tiles tiles, final int tol, final int ink,
		final int paper)
	{
		final int w = page.width(), h = page.height(), s = tiles.size();
		final byte[] px = page.pixels();
		final int[] counts = new int[tiles.count()];
		for (int y = 1; y < h - 1; y++)
			for (int x = 1; x < w - 1; x++) {
				final int v = px[y * w + x] & 0xff, l = px[y * w + x - 1] & 0xff, r = px[y * w + x + 1] & 0xff;
				final boolean dark = l - v > tol && r - v > tol && v <= ink;
				if (!dark && !(v - l > tol && v - r > tol && v >= paper)) continue;
				if (!isolated(px, y * w + x, w, v, tol, dark)) continue;
				int near = 0, around = 0;
				for (int dy = -3; dy <= 3; dy++)
					for (int dx = -3; dx <= 3; dx++) {
						final int d = Math.max(Math.abs(dx), Math.abs(dy));
						if (d == 0 || x + dx < 0 || x + dx >= w || y + dy < 0 || y + dy >= h) continue;
						final int q = px[(y + dy) * w + x + dx] & 0xff;
						if ((dark ? q - v : v - q) > tol) continue;
						if (d == 1) near++;
						else around++;
					}
				if (near == 0 && around <= 1) counts[y / s * tiles.cols() + x / s]++;
			}
		return counts;
	}

	/**
	 * Whether pixel p of value v (whose horizontal neighbours already lie beyond the tolerance) is an impulse: at least
	 * 7 of its 8 neighbours lie beyond the tolerance on its far side and those are flat, within {@code tol / 2} of
	 * each other (paper or ink around a speck; the antialiased rim of a small glyph dot such as a period at 150 dpi is
	 * a ramp from grey beside it to paper at its corners, and is no impulse).
	 */
	private static boolean isolated(final byte[] px, final int p, final int w, final int v, final int tol,
		final boolean dark)
	{
		int against = 0, lo = 255, hi = 0;
		for (int k = 0; k < 8; k++) {
			final int q = p + (k < 3 ? -w - 1 + k : k < 5 ? (k == 3 ? -1 : 1) : w - 6 + k);
			final int n = px[q] & 0xff;
			if ((dark ? n - v : v - n) <= tol) continue;
			against++;
			lo = Math.min(lo, n);
			hi = Math.max(hi, n);
		}
		return against >= 7 && hi - lo <= tol / 2;
	}
}
