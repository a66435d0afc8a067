package org.ijocr.core.defect;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import org.ijocr.core.Tasks;

/**
 * The grey-level histogram of every tile of a page, from every {@code step}-th pixel of every {@code step}-th row
 * (a sample that keeps the statistics of paper and ink, at a quarter of the cost for step 2), and quantiles of
 * them. Low contrast, glare and blur all read their tiles' paper and ink levels from here. Each sampled value is the
 * median of the pixel and its four neighbours (a cross of 5): isolated impulses (salt-and-pepper noise) vanish from
 * the statistics, while strokes one pixel wide in either direction keep their level (3 of the 5 pixels lie on the
 * stroke). Without it, pepper on 1 % of the pixels sets every tile's ink level to black, and a photo or shaded paper
 * then looks like text of good contrast.
 */
public final class TileHistograms {

	private final Tiles tiles;
	private final int[] hist;
	private final int[] total;

	TileHistograms(final Tiles tiles, final int[] hist, final int[] total) {
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
		final Sharing sharing = SHARING.isEmpty() ? null : SHARING.get(page.pixels());
		if (sharing != null) return sharing.of(page, tiles, step);
		return compute(page, tiles, step);
	}

	/**
	 * Runs {@code work} (e.g. several detectors side by side) with the tile histograms of {@code page} shared: while it
	 * runs, {@link #of} on a page with the same pixel array, size, grid and step computes them once and hands the same
	 * (read-only) result to every caller, on any thread. The pixels must not change while {@code work} runs.
	 *
	 * @param page the page whose histograms are shared (by the identity of its pixel array)
	 * @param work what to run
	 * @return what {@code work} returns
	 */
	public static <R> R sharing(final Page page, final Supplier<R> work) {
		final byte[] key = page.pixels();
		synchronized (SHARING) {
			SHARING.computeIfAbsent(key, k -> new Sharing()).users++;
		}
		try {
			return work.get();
		}
		finally {
			synchronized (SHARING) {
				if (--SHARING.get(key).users == 0) SHARING.remove(key);
			}
		}
	}

	/** The pages whose histograms are shared now, by the identity of their pixel arrays. */
	private static final Map<byte[], Sharing> SHARING = Collections.synchronizedMap(new IdentityHashMap<>());

	/** The histograms computed for one shared pixel array, by size, grid and step. */
	private static final class Sharing {

		int users;

		private final Map<List<Integer>, FutureTask<TileHistograms>> done = new ConcurrentHashMap<>();

		TileHistograms of(final Page page, final Tiles tiles, final int step) {
			final List<Integer> key = List.of(page.width(), page.height(), tiles.width(), tiles.height(), tiles.size(),
				step);
			final FutureTask<TileHistograms> task = new FutureTask<>(() -> compute(page, tiles, step));
			final FutureTask<TileHistograms> first = done.putIfAbsent(key, task);
			if (first == null) task.run(); // this caller computes; others wait for it
			return Tasks.result(first == null ? task : first, "shared tile histograms");
		}
	}

	/** The histograms of a page's tiles, computed. */
	private static TileHistograms compute(final Page page, final Tiles tiles, final int step) {
		final int w = page.width(), h = page.height(), gw = tiles.cols(), gh = tiles.rows(), s = tiles.size();
		final byte[] px = page.pixels();
		final int[] hist = new int[tiles.count() * 256], total = new int[tiles.count()];
		final int[] colBase = new int[w];
		for (int x = 0; x < w; x++)
			colBase[x] = tiles.col(x) * 256;
		// one task per band of tile rows: each writes only its own tiles
		Tasks.split(gh, 1, (r0, r1) -> {
			for (int ty = r0; ty < r1; ty++) {
				final int base = ty * gw * 256;
				for (int y = ty * s; y < Math.min(h, (ty + 1) * s); y += step) {
					final int o = y * w, up = y > 0 ? o - w : o, down = y < h - 1 ? o + w : o;
					for (int x = 0; x < w; x += step) {
						final int l = x > 0 ? x - 1 : x, r = x < w - 1 ? x + 1 : x;
						hist[base + colBase[x] + median5(px[o + x] & 0xff, px[o + l] & 0xff, px[o + r] & 0xff, px[up + x]
							& 0xff, px[down + x] & 0xff)]++;
					}
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

	/**
	 * The median of five values: the sorting network of N. Devillard, "Fast median search: an ANSI C implementation"
	 * (1998), seven compare-exchanges, of which three need only one side.
	 */
	static int median5(final int a0, final int b0, final int c0, final int d0, final int e0) {
		// compare-exchanges as min/max pairs (no branches to mispredict on noisy pixels)
		final int a1 = Math.min(a0, b0), b1 = Math.max(a0, b0);
		final int d1 = Math.min(d0, e0), e1 = Math.max(d0, e0);
		final int d2 = Math.max(a1, d1); // min(a1, d1) is the smallest of the five
		final int b2 = Math.min(b1, e1); // max(b1, e1) is the largest
		final int b3 = Math.min(b2, c0), c3 = Math.max(b2, c0);
		return Math.max(b3, Math.min(c3, d2));
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
	 * its lines), together with the tiles connected to it whose paper level is below {@value #DARK_PAPER} of the
	 * page's and which do not look like text on flat paper (the picture's flat dark tones; not shaded text); the tiles around a picture tile mix its border with the text and are not judged either.
	 */
	public boolean[] nearPicture(final int minInk) {
		final int gw = tiles.cols(), gh = tiles.rows(), n = tiles.count();
		final boolean[] pic = new boolean[n], near = new boolean[n];
		final int pp = pagePaper();
		for (int t = 0; t < n; t++) {
			final int d = total[t] == 0 ? 0 : paper(t) - ink(t);
			pic[t] = d >= minInk && !flatPaper(t, d, 0.5) && quantile(t, 0.9) < pp - Math.max(MIN_SPREAD, d / 4.0);
		}
		// a picture's flat dark tones belong to it: grow into tiles well below the paper level
		final int[] queue = new int[n];
		int head = 0, tail = 0;
		for (int t = 0; t < n; t++)
			if (pic[t]) queue[tail++] = t;
		while (head < tail) {
			final int t = queue[head++];
			for (int y = Math.max(0, t / gw - 1); y <= Math.min(gh - 1, t / gw + 1); y++)
				for (int x = Math.max(0, t % gw - 1); x <= Math.min(gw - 1, t % gw + 1); x++) {
					final int u = y * gw + x;
					if (!pic[u] && total[u] > 0 && paper(u) < DARK_PAPER * pp && !textOnPaper(u, minInk)) {
						pic[u] = true;
						queue[tail++] = u;
					}
				}
		}
		for (int t = 0; t < n; t++) {
			if (!pic[t]) continue;
			for (int y = Math.max(0, t / gw - 1); y <= Math.min(gh - 1, t / gw + 1); y++)
				for (int x = Math.max(0, t % gw - 1); x <= Math.min(gw - 1, t % gw + 1); x++)
					near[y * gw + x] = true;
		}
		return near;
	}

	/** Whether tile t looks like text on flat paper: ink at least {@code minInk} below a flat paper level. */
	private boolean textOnPaper(final int t, final int minInk) {
		final int d = paper(t) - ink(t);
		return d >= minInk && flatPaper(t, d, 0.25);
	}

	/** Paper level, relative to the page's, below which a tile next to a picture belongs to the picture. */
	public static final double DARK_PAPER = 0.8;

	/** The lower quantile of the paper's spread: text covers less than half of a tile. */
	public static final double FLAT_QUANTILE = 0.5;

	/**
	 * Spread of the 0.5..0.9 quantiles that flat paper may always have (grain; grey levels): the 5-pixel median
	 * leaves about half of the grain (paper of grain sigma 5 spreads 3–4 levels); a smooth photo's tones spread 8–12
	 * levels over a tile, which with the ink-to-paper difference of faint print (24–30 levels) looked like faint text.
	 */
	public static final double MIN_SPREAD = 8;

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
