package org.ijocr.core.convert;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.ijocr.core.morph.ConnectedComponents;
import org.ijocr.core.morph.MorphOp;
import org.ijocr.core.morph.MorphParams;
import org.ijocr.core.morph.Morphology;
import org.ijocr.core.morph.Shape;
import org.ijocr.core.threshold.GlobalThresholds;
import org.ijocr.core.threshold.Histogram;

/**
 * Finds light text on a dark background (a negative scan, inverted banners, table headers, dark boxes) so that it
 * can be inverted to dark text on light paper, as OCR engines expect; a normal page is left exactly as it is.
 * <p>
 * Method, on the page's 8-bit grey levels ({@link Histogram#levels}):
 * <ol>
 * <li>Otsu's threshold {@code t} (N. Otsu, "A threshold selection method from gray-level histograms", IEEE Trans.
 * SMC 9(1), 1979) splits the page into a dark class ({@code ≤ t}) and a light class. If the two class means differ
 * by less than {@value #MIN_CONTRAST} levels (a blank or flat page) nothing is inverted.</li>
 * <li><b>Page:</b> the background of a text page is its larger class (text covers far less than half of a page), so
 * the page is negative when more than half of it is dark ({@value #PAGE_DARK_FRACTION}).</li>
 * <li><b>Areas</b> (scope {@link InvertScope#AREAS}), on the page as it is after step 2: the page is cut into square
 * tiles of {@code min(width, height) / }{@value #TILES_ACROSS} pixels (at least {@value #MIN_TILE}, at most
 * {@value #MAX_TILE}); a tile is dark when at least {@value #TILE_DARK_FRACTION} of it is dark (text on paper covers
 * well under half of a tile). 4-connected dark tiles form candidate areas of at least {@value #MIN_AREA_TILES} tiles
 * (a coarse classification merged into regions, in the spirit of the block-based polarity tests of document layout
 * analysis, e.g. F. M. Wahl, K. Y. Wong, R. G. Casey, "Block segmentation and text extraction in mixed text/image
 * documents", CGIP 20, 1982). Each candidate is refined to pixels: in its tiles plus a margin of one tile, the
 * largest 8-connected component of dark pixels is the area's background (with every component at least half as
 * large); everything it encloses (4-connected pieces of the rest that do not reach the margin's edge) is its
 * content; background and content together, opened ({@link Morphology}) with a square of the tile's size to cut
 * off strokes of page text that touch the area from outside, are the area. It is inverted only when its content
 * holds at least {@value #MIN_LETTERS} pieces of
 * {@value #MIN_LETTER_PIXELS} pixels or more (letters) centred in the candidate's own dark tiles: a solid black bar
 * (even with page text touching its edges) or a large bold letter is left alone.</li>
 * </ol>
 */
public final class AutoInvert {

	/** Least difference between the dark and the light class means (grey levels) for anything to be inverted. */
	public static final int MIN_CONTRAST = 40;

	/** Share of dark pixels above which the whole page is taken as negative. */
	public static final double PAGE_DARK_FRACTION = 0.5;

	/** Tiles across the shorter side of the page. */
	public static final int TILES_ACROSS = 64;

	/** Tile side limits in pixels. */
	public static final int MIN_TILE = 8, MAX_TILE = 48;

	/** Share of dark pixels that makes a tile dark. */
	public static final double TILE_DARK_FRACTION = 0.6;

	/** Least number of dark tiles in a candidate area. */
	public static final int MIN_AREA_TILES = 4;

	/** Least number of enclosed light pieces (letters) for an area to be inverted, and their least size. */
	public static final int MIN_LETTERS = 3, MIN_LETTER_PIXELS = 4;

	private AutoInvert() {}

	/**
	 * What {@link #detect} found.
	 *
	 * @param page whether the whole page is negative
	 * @param areas how many areas (on the page after inverting it, if {@code page}) are negative
	 * @param mask pixels to invert (non-zero), row-major, or {@code null} when nothing is to be inverted
	 * @param threshold Otsu's threshold of the page (dark ≤ threshold), or -1 for a page without contrast
	 */
	public record Result(boolean page, int areas, byte[] mask, int threshold) {

		/** Whether anything is to be inverted. */
		public boolean inverts() {
			return mask != null;
		}

		/** What was found, in words: "inverted page", "inverted 2 areas", "nothing to invert", ... */
		public String describe() {
			if (!page && areas == 0) return "nothing to invert";
			final String a = areas == 1 ? "1 area" : areas + " areas";
			return "inverted " + (page ? areas > 0 ? "page and " + a : "page" : a);
		}
	}

	/** Detects negative content in an 8-bit (or any real-valued, see {@link Histogram#levels}) 2-D page. */
	public static <T extends net.imglib2.type.numeric.RealType<T>> Result detect(final InvertScope scope,
		final RandomAccessibleInterval<T> page)
	{
		if (page.numDimensions() != 2) throw new IllegalArgumentException("Auto Invert needs a 2D image, got "
			+ page.numDimensions() + "D");
		return detect(scope, Histogram.levels(page), (int) page.dimension(0), (int) page.dimension(1));
	}

	/**
	 * Detects negative content and inverts it in place ({@code 255 - v}) in an 8-bit 2-D page.
	 *
	 * @return what was found and inverted
	 */
	public static Result invert(final InvertScope scope, final RandomAccessibleInterval<UnsignedByteType> page) {
		final Result r = detect(scope, page);
		if (r.inverts()) {
			final Cursor<UnsignedByteType> c = Views.flatIterable(page).cursor();
			for (int i = 0; c.hasNext(); i++) {
				final UnsignedByteType v = c.next();
				if (r.mask()[i] != 0) v.set(255 - v.get());
			}
		}
		return r;
	}

	/**
	 * Detects negative content in row-major 8-bit grey levels.
	 *
	 * @param scope page only, or page and areas
	 * @param g grey levels, {@code w*h}, unsigned
	 */
	public static Result detect(final InvertScope scope, final byte[] g, final int w, final int h) {
		if (scope == null) throw new IllegalArgumentException("scope must not be null; choose one of " + String.join(
			", ", InvertScope.labels()));
		if (w <= 0 || h <= 0 || g.length != w * h) throw new IllegalArgumentException("pixels must hold width*height");
		final int[] hist = Histogram.of(g);
		final int t = GlobalThresholds.otsu(hist);
		long nDark = 0, sumDark = 0, sumLight = 0;
		for (int v = 0; v < 256; v++) {
			if (v <= t) {
				nDark += hist[v];
				sumDark += (long) v * hist[v];
			}
			else sumLight += (long) v * hist[v];
		}
		final long nLight = g.length - nDark;
		if (nDark == 0 || nLight == 0 || sumLight / (double) nLight - sumDark / (double) nDark < MIN_CONTRAST)
			return new Result(false, 0, null, -1);
		final boolean page = nDark > PAGE_DARK_FRACTION * g.length;
		// dark on the page as it is after the page decision: "dark" means light before inverting the page
		final byte[] dark = new byte[g.length];
		for (int i = 0; i < g.length; i++)
			dark[i] = ((g[i] & 0xff) <= t) != page ? (byte) 1 : 0;
		final byte[] mask = new byte[g.length];
		final int areas = scope == InvertScope.AREAS ? areas(dark, w, h, mask) : 0;
		if (!page && areas == 0) return new Result(false, 0, null, t);
		if (page) for (int i = 0; i < mask.length; i++)
			mask[i] ^= 1; // the page, then the areas back
		return new Result(page, areas, mask, t);
	}

	/** Marks the negative areas in {@code mask}; returns how many. */
	private static int areas(final byte[] dark, final int w, final int h, final byte[] mask) {
		final int tile = Math.max(MIN_TILE, Math.min(MAX_TILE, Math.min(w, h) / TILES_ACROSS));
		final int tw = (w + tile - 1) / tile, th = (h + tile - 1) / tile;
		final int[] count = new int[tw * th];
		for (int y = 0; y < h; y++) {
			final int row = (y / tile) * tw;
			for (int tx = 0, x = 0; tx < tw; tx++) {
				int n = 0;
				for (final int end = Math.min(w, x + tile); x < end; x++)
					n += dark[y * w + x];
				count[row + tx] += n;
			}
		}
		final byte[] tiles = new byte[tw * th];
		for (int ty = 0; ty < th; ty++)
			for (int tx = 0; tx < tw; tx++) {
				final int area = (Math.min(w, (tx + 1) * tile) - tx * tile) * (Math.min(h, (ty + 1) * tile) - ty * tile);
				tiles[ty * tw + tx] = count[ty * tw + tx] >= TILE_DARK_FRACTION * area ? 0 : (byte) 255;
			}
		final ConnectedComponents regions = ConnectedComponents.label(tiles, tw, th, 0, false, null);
		int found = 0;
		for (int l = 1; l <= regions.count(); l++) {
			if (regions.area(l) < MIN_AREA_TILES) continue;
			// the candidate's tiles plus one tile of margin, in pixels
			final int x0 = Math.max(0, (regions.minX(l) - 1) * tile), y0 = Math.max(0, (regions.minY(l) - 1) * tile);
			final int x1 = Math.min(w, (regions.maxX(l) + 2) * tile), y1 = Math.min(h, (regions.maxY(l) + 2) * tile);
			if (refine(dark, w, x0, y0, x1 - x0, y1 - y0, mask, regions.labels(), tw, tile, l)) found++;
		}
		return found;
	}

	/**
	 * In the window {@code (x0, y0, ww, wh)}: the background of a negative area is its largest dark component (and
	 * any at least half as large); its content is what those enclose. Marks both in {@code mask} when the content
	 * holds enough letters centred in the candidate's own tiles (tile label {@code region}); pieces in the margin
	 * (counters of page text touching a dark bar) do not count.
	 */
	private static boolean refine(final byte[] dark, final int w, final int x0, final int y0, final int ww,
		final int wh, final byte[] mask, final int[] tileLabels, final int tw, final int tile, final int region)
	{
		final byte[] win = new byte[ww * wh];
		for (int y = 0; y < wh; y++)
			for (int x = 0; x < ww; x++)
				win[y * ww + x] = dark[(y0 + y) * w + x0 + x] != 0 ? 0 : (byte) 255;
		final int[] labels = new int[ww * wh];
		final ConnectedComponents bg = ConnectedComponents.label(win, ww, wh, 0, true, labels);
		int largest = 0;
		for (int l = 1; l <= bg.count(); l++)
			largest = Math.max(largest, bg.area(l));
		if (largest == 0) return false;
		// background: 0; everything else: 255
		for (int i = 0; i < win.length; i++)
			win[i] = labels[i] != 0 && 2 * bg.area(labels[i]) >= largest ? 0 : (byte) 255;
		final ConnectedComponents rest = ConnectedComponents.label(win, ww, wh, 255, false, labels);
		final boolean[] enclosed = new boolean[rest.count() + 1];
		int letters = 0;
		for (int l = 1; l <= rest.count(); l++) {
			enclosed[l] = rest.minX(l) > 0 && rest.minY(l) > 0 && rest.maxX(l) < ww - 1 && rest.maxY(l) < wh - 1;
			final int cx = x0 + (rest.minX(l) + rest.maxX(l)) / 2, cy = y0 + (rest.minY(l) + rest.maxY(l)) / 2;
			if (enclosed[l] && rest.area(l) >= MIN_LETTER_PIXELS && tileLabels[(cy / tile) * tw + cx / tile] == region)
				letters++;
		}
		if (letters < MIN_LETTERS) return false;
		// the area: background and content (0); opening it with a tile-sized square cuts off the strokes of page
		// text that touch the area from outside (they joined the background) and keeps the area's body
		for (int i = 0; i < win.length; i++)
			win[i] = win[i] == 0 || enclosed[labels[i]] ? 0 : (byte) 255;
		Morphology.apply(MorphOp.OPEN, new MorphParams(Shape.SQUARE, tile, 1), win, win, ww, wh);
		for (int y = 0; y < wh; y++)
			for (int x = 0; x < ww; x++)
				if (win[y * ww + x] == 0) mask[(y0 + y) * w + x0 + x] = 1;
		return true;
	}
}
