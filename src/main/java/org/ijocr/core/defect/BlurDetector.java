package org.ijocr.core.defect;

import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Finds out-of-focus and motion-blurred areas of a page, relative to the size of its text.
 * <p>
 * Edges are measured per {@link Tiles tile} as in P. Marziliano et al., "A no-reference perceptual blur metric",
 * ICIP 2002 ({@link EdgeWidths}: the mean 10–90 % width of the strong edges across rows and down columns; the larger
 * of the two, so motion blur in any direction counts), pooled over the 3&times;3 tiles around each tile. A blurred
 * step of Gaussian sigma σ is {@code 2.56σ} wide between those levels; a sharp capture's edges measure about
 * {@value #SHARP_WIDTH} px with this walk, so the blur is estimated as {@code σ = √(W² − W0²) / 2.56}. What hurts OCR
 * is blur relative to the glyphs, not in pixels (the same blur of the glyphs is twice as many pixels at twice the
 * dpi; S. Pertuz, D. Puig and M. A. Garcia, "Analysis of focus measure operators for shape-from-focus", Pattern
 * Recognition 46(5), 2013, on the dependence of every focus measure on content and scale), so σ is divided by the
 * page's stroke width S (the median length of horizontal ink runs at the level halfway between the page's ink and
 * paper, which blur that does not erase the strokes leaves nearly unchanged). Tiles of text on paper (at least
 * {@value #MIN_EDGES} strong edges in a direction, paper within 80 % of the page's) are flagged when
 * {@code σ / S ≥ ratio}; blank tiles and pictures are not judged. Flagged tiles merge into areas ({@link
 * Tiles#areas}).
 * <p>
 * Score: {@code σ / S} capped at 1: 0.5 = blur of half a stroke width (letters soften, OCR errors begin), 1 = blur of
 * a whole stroke width (strokes and counters run together; re-capture).
 */
public final class BlurDetector {

	private BlurDetector() {}

	/** 10–90 % edge width of a sharp capture with the measuring walk of {@link EdgeWidths} (pixels). */
	public static final double SHARP_WIDTH = 3.0;

	/** Strong edges a tile direction needs to be judged. */
	public static final int MIN_EDGES = 6;

	/**
	 * Parameters.
	 *
	 * @param ratio blur sigma over stroke width that flags a tile (default 0.5)
	 * @param merge how flagged tiles become areas
	 */
	public record Params(double ratio, Tiles.Merge merge) {

		/** The defaults. */
		public static final Params DEFAULT = new Params(0.5, new Tiles.Merge(2, 4, 0.5));

		/** Validates. */
		public Params {
			if (!(ratio > 0 && ratio < 10)) throw new IllegalArgumentException("ratio must be in (0, 10), got " + ratio);
			if (merge == null) throw new IllegalArgumentException("merge parameters required");
		}
	}

	/** Blurred areas of a 2-D grey image with the default parameters (see the class description). */
	public static <T extends RealType<T>> List<DefectArea> detect(final RandomAccessibleInterval<T> img) {
		return detect(Page.of(img), Params.DEFAULT);
	}

	/** Blurred areas of a page (see the class description). */
	public static List<DefectArea> detect(final Page page, final Params p) {
		final Tiles tiles = Tiles.of(page.width(), page.height());
		final TileHistograms th = TileHistograms.of(page, tiles, 2);
		final int n = tiles.count(), gw = tiles.cols(), gh = tiles.rows();
		final int pagePaper = th.pagePaper();
		final int[] minRise = new int[n];
		int inkSum = 0, inkN = 0;
		for (int t = 0; t < n; t++) {
			final int paper = th.paper(t), ink = th.ink(t);
			final boolean text = th.total(t) > 0 && paper >= 0.8 * pagePaper && paper - ink >= MIN_RISE;
			minRise[t] = text ? Math.max(MIN_RISE, (paper - ink) / 2) : Integer.MAX_VALUE;
			if (text) {
				inkSum += ink;
				inkN++;
			}
		}
		final byte[] state = new byte[n];
		final float[] score = new float[n];
		if (inkN == 0) return List.of();
		final int mid = (pagePaper + inkSum / inkN) / 2;
		final double stroke = strokeWidth(page, mid);
		if (stroke <= 0) return List.of();
		final EdgeWidths ew = EdgeWidths.measure(page, tiles, MIN_STEP, TOLERANCE, minRise);
		for (int t = 0; t < n; t++) {
			if (minRise[t] == Integer.MAX_VALUE) continue;
			double width = 0;
			for (int d = 0; d < 2; d++) {
				double s = 0;
				int c = 0;
				for (int y = Math.max(0, t / gw - 1); y <= Math.min(gh - 1, t / gw + 1); y++)
					for (int x = Math.max(0, t % gw - 1); x <= Math.min(gw - 1, t % gw + 1); x++) {
						s += ew.sum[d][y * gw + x];
						c += ew.count[d][y * gw + x];
					}
				if (c >= MIN_EDGES && ew.count[d][t] > 0) width = Math.max(width, s / c);
			}
			if (width == 0) continue;
			final double sigma = Math.sqrt(Math.max(0, width * width - SHARP_WIDTH * SHARP_WIDTH)) / 2.56;
			final double r = sigma / stroke;
			state[t] = r >= p.ratio() ? Tiles.FLAGGED : Tiles.CLEAN;
			score[t] = (float) Math.min(1, r);
		}
		return tiles.areas(DefectType.BLUR, state, score, p.merge());
	}

	/** Smallest rise of a counted edge, and of a text tile's ink below its paper (grey levels). */
	static final int MIN_RISE = 32;

	/** Smallest step between neighbours at an edge's steepest point (grey levels). */
	static final int MIN_STEP = 8;

	/** Step back allowed while following an edge (grain, grey levels). */
	static final int TOLERANCE = 10;

	/** The median length of horizontal runs of pixels at or below {@code mid}, over every 4th row; 0 if none. */
	static double strokeWidth(final Page page, final int mid) {
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
}
