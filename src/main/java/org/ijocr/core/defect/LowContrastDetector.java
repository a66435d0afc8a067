package org.ijocr.core.defect;

import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Finds the areas of a page whose text has too little contrast for a threshold to separate ink from paper: faded
 * or dim pages (ink and paper squeezed toward grey) and shadows (a curved page's gutter, a hand over the page).
 * <p>
 * Every {@link Tiles tile} gets a paper level (its {@value TileHistograms#PAPER_QUANTILE} quantile) and an ink level
 * (its {@value TileHistograms#INK_QUANTILE} quantile), from every second pixel of every second row
 * ({@link TileHistograms}); D = the tile's paper minus the darkest ink level of the 3&times;3 tiles around it (a
 * tile may hold only the edges of glyphs). A tile holds text when D is at least {@code minInk} and at least
 * {@value #MIN_INK_SHARE} of its pixels are darker than the middle of ink and paper, on flat paper (see {@link
 * TileHistograms#flatPaper}): blank paper, pictures and halftones are not judged; nor are tiles brighter than the page's paper,
 * whose ink glare washed out ({@link GlareDetector}). A text tile is low in contrast when D is below {@code contrast}
 * levels and so is the median D of the page's text tiles (faded print; a faint-looking patch inside good print is
 * mostly a picture's light texture) or its paper is shaded below {@link TileHistograms#DARK_PAPER} of the page's (Michelson-style contrast of ink against paper, as in the print-contrast signal of ISO/IEC 15416 and the
 * global-versus-local contrast argument of Sauvola and Pietikäinen, "Adaptive document image binarization", Pattern
 * Recognition 33, 2000), or when its paper lies below {@code I + shadow·(P − I)}, P the page's paper level ({@link
 * TileHistograms#pagePaper}) and I its ink level (the median ink level of its text tiles): with the default 0.5 the
 * shaded paper is darker than the midpoint where a global threshold (Otsu) separates ink from paper, so such a
 * threshold turns it into ink. Flagged tiles merge into areas ({@link Tiles#areas}); a faded
 * page gives one page-sized area.
 * <p>
 * Score: {@code 1 − D / 160}, clamped to [0, 1]: the share missing of the ink-to-paper difference of good print (160
 * levels); a shadow whose ink keeps its contrast scores low although a global threshold fails there.
 */
public final class LowContrastDetector {

	private LowContrastDetector() {}

	/** Share of a tile's pixels that must be darker than the middle of ink and paper for the tile to hold text. */
	public static final double MIN_INK_SHARE = 0.01;

	/** Ink-to-paper difference of good print, the score's reference (grey levels). */
	public static final double GOOD_CONTRAST = 160;

	/**
	 * Score from which an area's text is faint print rather than print in a shadow: 0.6, ink and paper less than 64
	 * levels apart (a shadow whose ink keeps its contrast scores lower).
	 */
	public static final double FAINT_SCORE = 0.6;

	/**
	 * Parameters.
	 *
	 * @param contrast ink-to-paper difference below which text is low in contrast (default 80 grey levels)
	 * @param shadow a text tile whose paper lies below {@code I + shadow·(P − I)} (I, P: the page's ink and paper) is
	 *          shaded (default 0.55: at or below about the midpoint, where a global threshold turns the paper into ink)
	 * @param minInk smallest ink-to-paper difference that counts as text rather than grain or picture texture (default
	 *          24: the tile statistics are of 5-pixel medians, {@link TileHistograms}, which leave about half of the grain;
	 *          print squeezed to 30 levels keeps 24 between its darkest 1 % and its paper)
	 * @param merge how flagged tiles become areas (default: bridge 2, at least 3 tiles, half the page is the whole page)
	 */
	public record Params(double contrast, double shadow, double minInk, Tiles.Merge merge) {

		/** The defaults. */
		public static final Params DEFAULT = new Params(80, 0.55, 24, new Tiles.Merge(2, 3, 0.5));

		/** Validates. */
		public Params {
			if (!(contrast > 0 && contrast <= 255)) throw new IllegalArgumentException("contrast must be in (0, 255], got "
				+ contrast);
			if (!(shadow >= 0 && shadow < 1)) throw new IllegalArgumentException("shadow must be in [0, 1), got "
				+ shadow);
			if (!(minInk > 0 && minInk < contrast)) throw new IllegalArgumentException(
				"minInk must be positive and below contrast, got " + minInk);
			if (merge == null) throw new IllegalArgumentException("merge parameters required");
		}
	}

	/** Low-contrast areas of a 2-D grey image with the default parameters (see the class description). */
	public static <T extends RealType<T>> List<DefectArea> detect(final RandomAccessibleInterval<T> img) {
		return detect(Page.of(img), Params.DEFAULT);
	}

	/** Low-contrast areas of a page (see the class description). */
	public static List<DefectArea> detect(final Page page, final Params p) {
		return detect(TileHistograms.of(page, Tiles.of(page.width(), page.height()), 2), p);
	}

	/** Low-contrast areas from a page's tile histograms. */
	public static List<DefectArea> detect(final TileHistograms th, final Params p) {
		final Tiles tiles = th.tiles();
		final int n = tiles.count();
		final double pagePaper = th.pagePaper();
		final byte[] state = new byte[n];
		final float[] score = new float[n];
		final int gw = tiles.cols(), gh = tiles.rows();
		final int[] ink = new int[n];
		for (int t = 0; t < n; t++)
			ink[t] = th.total(t) > 0 ? th.ink(t) : 255;
		// per tile: D, or -1 where the tile holds no text on paper (unknown)
		final int[] d = new int[n];
		final int[] inks = new int[n];
		int texts = 0;
		final boolean[] picture = th.nearPicture((int) p.minInk());
		for (int t = 0; t < n; t++) {
			d[t] = -1;
			if (th.total(t) == 0 || picture[t]) continue;
			// the ink of the text around: the darkest ink level of the 3x3 tiles (a tile may hold only glyph edges)
			int around = 255;
			for (int y = Math.max(0, t / gw - 1); y <= Math.min(gh - 1, t / gw + 1); y++)
				for (int x = Math.max(0, t % gw - 1); x <= Math.min(gw - 1, t % gw + 1); x++)
					around = Math.min(around, ink[y * gw + x]);
			final int paper = th.paper(t), dt = paper - around;
			if (dt < p.minInk() || th.countAtMost(t, (paper + around) / 2) < MIN_INK_SHARE * th.total(t) || !th
				.flatPaper(t, dt, 0.25)) continue; // no text on paper here: unknown
			if (GlareDetector.glare(paper, (int) pagePaper)) continue; // washed out: the glare detector's area
			d[t] = dt;
			inks[texts++] = ink[t];
		}
		if (texts == 0) return List.of();
		java.util.Arrays.sort(inks, 0, texts);
		// the page's ink: the median ink level of its text tiles; a global threshold sits between it and the paper
		final double pageInk = inks[texts / 2], shade = pageInk + p.shadow() * (pagePaper - pageInk);
		// faint print: the page's text as a whole is faint (a faint-looking patch inside good print is a picture's
		// light texture more often than faded ink)
		final int[] ds = new int[texts];
		for (int t = 0, k = 0; t < n; t++)
			if (d[t] >= 0) ds[k++] = d[t];
		java.util.Arrays.sort(ds);
		final boolean faint = ds[texts / 2] < p.contrast();
		for (int t = 0; t < n; t++) {
			if (d[t] < 0) continue;
			final boolean low = d[t] < p.contrast() && (faint || th.paper(t) < TileHistograms.DARK_PAPER * pagePaper) || th
				.paper(t) < shade;
			state[t] = low ? Tiles.FLAGGED : Tiles.CLEAN;
			score[t] = (float) Math.max(0, Math.min(1, 1 - d[t] / GOOD_CONTRAST));
		}
		return tiles.areas(DefectType.LOW_CONTRAST, state, score, p.merge());
	}
}
