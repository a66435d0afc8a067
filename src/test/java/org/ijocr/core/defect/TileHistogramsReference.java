package org.ijocr.core.defect;

import org.ijocr.core.Tasks;

/**
 * Frozen copy of {@link TileHistograms#of} (and its median of five) before speed round 3: the identity baseline of
 * the faster implementation; do not change.
 */
public final class TileHistogramsReference {

	private TileHistogramsReference() {}

	/**
	 * The histograms of a page's tiles.
	 *
	 * @param page the page
	 * @param tiles its tile grid
	 * @param step sampling step in x and y (1 = every pixel)
	 */
	public static TileHistograms of(final Page page, final Tiles tiles, final int step) {
		if (step < 1) throw new IllegalArgumentException("step must be at least 1");
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

}
