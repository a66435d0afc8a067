package org.ijocr.core.defect;

import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Finds out-of-focus and motion-blurred areas of a page, relative to the size of its text.
 * <p>
 * Edges are measured per {@link Tiles tile} as in P. Marziliano et al., "A no-reference perceptual blur metric",
 * ICIP 2002 ({@link EdgeWidths}: the 20–80 % width of each strong edge across rows and down columns); per direction
 * the median width over the 3&times;3 tiles around a tile (at least {@value #MIN_EDGES} edges), and the mean of the
 * two directions, so that motion blur in any direction counts while the tops and bottoms of dense small print, wide
 * down the columns only, do not. Noise lengthens the measured widths by a factor of about {@code 1 + 4σ/rise}
 * (σ the tile's noise on its paper, {@link EdgeWidths#noise}), which every width is divided by; only edges whose rise
 * is at least {@value #NOISE_RISE} times σ count (below, the widths are mostly noise), and only tiles of text on flat paper with an ink-to-paper
 * difference of at least {@value #MIN_CONTRAST} (fainter text is the {@link LowContrastDetector}'s), not under glare
 * and not in or next to a picture ({@link TileHistograms#nearPicture}). A blurred step of Gaussian sigma σ is
 * {@code 1.683σ} wide between those levels; a sharp capture's edges measure about {@value #SHARP_WIDTH} px, so the
 * blur is estimated as {@code σ = √(W² − W0²) / 1.683}. What hurts OCR is blur relative to the glyphs, not in pixels
 * (the same blur of the glyphs is twice as many pixels at twice the dpi; S. Pertuz, D. Puig and M. A. Garcia,
 * "Analysis of focus measure operators for shape-from-focus", Pattern Recognition 46(5), 2013, on the dependence of
 * every focus measure on content and scale), so σ is divided by the page's stroke width S (the median length of
 * horizontal ink runs at the level halfway between the page's ink and paper, at least {@value #MIN_STROKE} px: thin
 * fonts at 150 dpi measure 1–2 px, unstably). Tiles are flagged when {@code σ / S ≥ ratio}; flagged tiles merge into
 * areas ({@link Tiles#areas}).
 * <p>
 * Score: {@code σ / S} capped at 1: 0.2 = blur of a fifth of a stroke width (letters soften, OCR errors begin;
 * Gaussian sigma 2 px at 300 dpi on 8–14 pt text scores about 0.25–0.4), 0.8 and more = blur of most of a stroke width (strokes and
 * counters run together; re-capture).
 */
public final class BlurDetector {

	private BlurDetector() {}

	/** 20–80 % edge width of a sharp capture with the measuring walk of {@link EdgeWidths} (pixels). */
	public static final double SHARP_WIDTH = 1.4;

	/**
	 * Strong edges the 3&times;3 tiles around a tile need in a direction for it to be judged there (few edges, as at
	 * the end of a line, give unstable medians).
	 */
	public static final int MIN_EDGES = 40;

	/**
	 * Parameters.
	 *
	 * @param ratio blur sigma over stroke width that flags a tile (default 0.2)
	 * @param merge how flagged tiles become areas
	 */
	public record Params(double ratio, Tiles.Merge merge) {

		/** The defaults. */
		public static final Params DEFAULT = new Params(0.2, new Tiles.Merge(2, 4, 0.5));

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
		final TileHistograms th = TileHistograms.of(page, tiles, 2);
		final int n = tiles.count(), gw = tiles.cols(), gh = tiles.rows();
		final int pagePaper = th.pagePaper();
		final int[] minRise = new int[n];
		final float[] noise = EdgeWidths.noise(page, th);
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
		final double stroke = Math.max(MIN_STROKE, strokeWidth(page, mid));
		final EdgeWidths ew = EdgeWidths.measure(page, tiles, MIN_STEP, TOLERANCE, minRise, noise);
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

	/**
	 * Smallest rise of a counted edge in units of the tile's noise sigma: the 20 % and 80 % crossings of a weaker
	 * edge move with the noise (faded print, washed-out ink under glare), which would read as blur even after the
	 * correction of {@link EdgeWidths#NOISE_LENGTHENING} (fitted for 12–24 σ). Strongly blurred small print keeps
	 * only 13–20 σ (ink 100–140 levels below the paper against grain of σ 5–7), so 24 σ missed it.
	 */
	public static final double NOISE_RISE = 12;

	/**
	 * Smallest ink-to-paper difference of a judged tile, the darkest ink of the 3&times;3 tiles around (grey levels;
	 * the low-contrast detector's default): fainter text is the {@link LowContrastDetector}'s, and its edges' widths
	 * are mostly noise.
	 */
	public static final int MIN_CONTRAST = 80;

	/** Smallest stroke width the blur is divided by (pixels): thin fonts at 150 dpi measure 1–2 px, unstably. */
	public static final double MIN_STROKE = 2;

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
