package org.ijocr.core.defect;

import org.ijocr.core.Tasks;

/**
 * The grey-level histogram of every tile of a page, from every {@code step}-th pixel of every {@code step}-th row
 * (a sample that keeps the statistics of paper and ink, at a quarter of the cost for step 2), and quantiles of
 * them. Low contrast, glare and blur all read their tiles' paper and ink levels from here.
 */
public final class TileHistograms {

	private final Tiles tiles;
	private final int[] hist;
	private final int[] total;

	private TileHistograms(final Tiles tiles, final int[] hist, final int[] total) {
		this.tiles = tiles;
		this.hist = hist;
		this.total = total;
	}

	/**
	 * The histograms of a page's tiles.
	 *
	 * @param page the page
	 * @param tiles its tile grid
	 * @param step sampling step in x and y (1 = every pixel)
	 */
	public static TileHistograms of(final Page page, final Tiles tiles, final int step) {
		if (step < 1) throw new IllegalArgumentException("step must be at least 1");
		final int w = page.width(), gw = tiles.cols(), gh = tiles.rows(), s = tiles.size();
		final byte[] px = page.pixels();
		final int[] hist = new int[tiles.count() * 256], total = new int[tiles.count()];
		final int[] colBase = new int[w];
		for (int x = 0; x < w; x++)
			colBase[x] = tiles.col(x) * 256;
		// one task per band of tile rows: each writes only its own tiles
		Tasks.split(gh, 1, (r0, r1) -> {
			for (int ty = r0; ty < r1; ty++) {
				final int base = ty * gw * 256;
				for (int y = ty * s; y < Math.min(page.height(), (ty + 1) * s); y += step) {
					final int o = y * w;
					for (int x = 0; x < w; x += step)
						hist[base + colBase[x] + (px[o + x] & 0xff)]++;
				}
				for (int tx = 0; tx < gw; tx++) {
					int n = 0;
					for (int v = 0, b = (ty * gw + tx) * 256; v < 256; v++)
						n += hist[b + v];
					total[ty * gw + tx] = n;
				}
			}
		});
		return new TileHistograms(tiles, hist, total);
	}

	/** The grid. */
	public Tiles tiles() {
		return tiles;
	}

	/** Sampled pixels of tile t. */
	public int total(final int t) {
		return total[t];
	}

	/** The lowest level with at least {@code q} (0..1) of the tile's samples at or below it. */
	public int quantile(final int t, final double q) {
		final int n = total[t];
		if (n == 0) return 0;
		final long need = Math.max(1, (long) Math.ceil(q * n));
		long seen = 0;
		for (int v = 0, b = t * 256; v < 256; v++) {
			seen += hist[b + v];
			if (seen >= need) return v;
		}
		return 255;
	}

	/** Samples of tile t at or below {@code level}. */
	public int countAtMost(final int t, final int level) {
		int n = 0;
		for (int v = 0, b = t * 256; v <= Math.min(255, level); v++)
			n += hist[b + v];
		return n;
	}

	/** Quantile of a tile taken as its paper level: most of a text tile is paper. */
	public static final double PAPER_QUANTILE = 0.75;

	/** Quantile of a tile taken as its ink level: the darkest 1 % (solid strokes, not antialiased edges). */
	public static final double INK_QUANTILE = 0.01;

	/** The paper level of tile t ({@value #PAPER_QUANTILE} quantile). */
	public int paper(final int t) {
		return quantile(t, PAPER_QUANTILE);
	}

	/** The ink level of tile t ({@value #INK_QUANTILE} quantile). */
	public int ink(final int t) {
		return quantile(t, INK_QUANTILE);
	}

	/**
	 * Whether tile t is text on flat paper, given its ink-to-paper difference d: the spread between its
	 * {@value #FLAT_QUANTILE} and 0.9
	 * quantiles is at most {@code max(MIN_SPREAD, share·d)} (most of a text tile is paper of one level; halftones and
	 * textured pictures spread wider; so does strongly blurred text, whence a larger share for the blur detector).
	 */
	public boolean flatPaper(final int t, final int d, final double share) {
		return quantile(t, 0.9) - quantile(t, FLAT_QUANTILE) <= Math.max(MIN_SPREAD, share * d);
	}

	/**
	 * Per tile, whether it is part of a picture or next to one: a picture tile holds dark and light (an ink-to-paper
	 * difference of at least {@code minInk}) but no flat paper ({@link #flatPaper} with share 1/2: photo tones and
	 * halftone screens) and not even a tenth of its pixels at the page's paper level (which blurred text keeps between
	 * its lines); the tiles around a picture tile mix its border with the text and are not judged either.
	 */
	public boolean[] nearPicture(final int minInk) {
		final int gw = tiles.cols(), gh = tiles.rows(), n = tiles.count();
		final boolean[] pic = new boolean[n], near = new boolean[n];
		final int pp = pagePaper();
		for (int t = 0; t < n; t++) {
			final int d = total[t] == 0 ? 0 : paper(t) - ink(t);
			pic[t] = d >= minInk && !flatPaper(t, d, 0.5) && quantile(t, 0.9) < pp - Math.max(MIN_SPREAD, d / 4.0);
		}
		for (int t = 0; t < n; t++) {
			if (!pic[t]) continue;
			for (int y = Math.max(0, t / gw - 1); y <= Math.min(gh - 1, t / gw + 1); y++)
				for (int x = Math.max(0, t % gw - 1); x <= Math.min(gw - 1, t % gw + 1); x++)
					near[y * gw + x] = true;
		}
		return near;
	}

	/** The lower quantile of the paper's spread: text covers less than this share of a tile; photo tones spread. */
	public static final double FLAT_QUANTILE = 0.3;

	/** Spread of the 0.5..0.9 quantiles that flat paper may always have (grain; grey levels). */
	public static final double MIN_SPREAD = 12;

	/**
	 * The page's paper level: the upper quartile of the tiles' paper levels (blank tiles are paper too), which a
	 * shadow or a figure on less than three quarters of the page and glare on less than a quarter do not move.
	 */
	public int pagePaper() {
		final int[] h = new int[256];
		for (int t = 0; t < total.length; t++)
			if (total[t] > 0) h[paper(t)]++;
		int n = 0;
		for (final int c : h)
			n += c;
		for (int v = 0, seen = 0; v < 256; v++)
			if (4 * (seen += h[v]) >= 3 * n) return v;
		return 255;
	}
}
