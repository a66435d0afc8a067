package org.ijocr.core.defect;

import java.util.ArrayList;
import java.util.List;

import org.ijocr.core.morph.ConnectedComponents;

/**
 * The square tiles every detector measures, and the step shared by all four from flagged tiles to the areas a person
 * would draw: flagged tiles joined into regions (across gaps of tiles that could not be judged, such as blank paper
 * between paragraphs, never across tiles judged clean), one box per region, overlapping boxes merged, and a box
 * covering most of the page reported as the whole page.
 *
 * @param width page width in pixels
 * @param height page height in pixels
 * @param size tile side in pixels (the last row and column of tiles may be smaller)
 */
public record Tiles(int width, int height, int size) {

	/** A tile that could not be judged (no text, blank paper): neither clean nor defective. */
	public static final byte UNKNOWN = 0;

	/** A tile judged free of the defect. */
	public static final byte CLEAN = 1;

	/** A tile with the defect. */
	public static final byte FLAGGED = 2;

	/**
	 * Default tile side as a fraction of the page's shorter side: 1/36, i.e. 69 px (5.8 mm) on an A4 page at 300 dpi,
	 * 34 px at 150 dpi — about two lines of body text at any resolution.
	 */
	public static final double DEFAULT_TILES_ACROSS = 36;

	/** Smallest and largest default tile side in pixels. */
	public static final int MIN_SIZE = 24, MAX_SIZE = 160;

	/** Checks the sizes. */
	public Tiles {
		if (width < 1 || height < 1 || size < 1) throw new IllegalArgumentException("bad tile grid " + width + "x"
			+ height + " / " + size);
	}

	/** The default grid of a page: side {@code min(w, h) / 36} clamped to 24..160 pixels. */
	public static Tiles of(final int width, final int height) {
		return new Tiles(width, height, (int) Math.max(MIN_SIZE, Math.min(MAX_SIZE, Math.round(Math.min(width, height)
			/ DEFAULT_TILES_ACROSS))));
	}

	/** Tiles across. */
	public int cols() {
		return (width + size - 1) / size;
	}

	/** Tiles down. */
	public int rows() {
		return (height + size - 1) / size;
	}

	/** Number of tiles. */
	public int count() {
		return cols() * rows();
	}

	/** Tile column of pixel column x. */
	public int col(final int x) {
		return x / size;
	}

	/** Pixels in tile {@code t} (row-major tile index). */
	public int pixels(final int t) {
		final int tx = t % cols(), ty = t / cols();
		return (Math.min(width, (tx + 1) * size) - tx * size) * (Math.min(height, (ty + 1) * size) - ty * size);
	}

	/**
	 * How flagged tiles become areas.
	 *
	 * @param bridge flagged tiles join through up to this many unknown tiles between them (default 2)
	 * @param minTiles a region needs at least this many flagged tiles (default 2); smaller ones are dropped as
	 *          chance
	 * @param wholePage a box covering at least this fraction of the page becomes the whole page (default 0.5)
	 */
	public record Merge(int bridge, int minTiles, double wholePage) {

		/** The defaults: bridge 2, at least 2 tiles, half the page is the whole page. */
		public static final Merge DEFAULT = new Merge(2, 2, 0.5);

		/** Validates. */
		public Merge {
			if (bridge < 0 || bridge > 100) throw new IllegalArgumentException("bridge must be 0..100 tiles, got "
				+ bridge);
			if (minTiles < 1) throw new IllegalArgumentException("minTiles must be at least 1, got " + minTiles);
			if (!(wholePage > 0 && wholePage <= 1)) throw new IllegalArgumentException("wholePage must be in (0, 1], got "
				+ wholePage);
		}
	}

	/**
	 * The areas of flagged tiles.
	 * <ol>
	 * <li>Flagged tiles grow by {@code bridge} tiles (8-neighbourhood) into unknown tiles only; the flagged and grown
	 * tiles are labelled as 8-connected regions ({@link ConnectedComponents}).</li>
	 * <li>Each region with at least {@code minTiles} flagged tiles gives the bounding box of its flagged tiles, with
	 * the mean score of those tiles.</li>
	 * <li>Boxes that overlap are merged (area-weighted score) until none do.</li>
	 * <li>If a box covers at least {@code wholePage} of the page, the result is one page-sized area whose score is
	 * the mean over all flagged tiles.</li>
	 * </ol>
	 *
	 * @param type the defect type of the areas
	 * @param state per tile {@link #UNKNOWN}, {@link #CLEAN} or {@link #FLAGGED}, row-major
	 * @param score per tile severity in [0, 1] (read for flagged tiles only)
	 * @param merge merging parameters
	 * @return areas in page pixels, in raster order of their regions
	 */
	public List<DefectArea> areas(final DefectType type, final byte[] state, final float[] score, final Merge merge) {
		final int gw = cols(), gh = rows(), n = gw * gh;
		if (state.length < n || score.length < n) throw new IllegalArgumentException("one state and score per tile");
		final byte[] grown = new byte[n];
		int flagged = 0;
		double total = 0;
		for (int i = 0; i < n; i++)
			if (state[i] == FLAGGED) {
				grown[i] = 1;
				flagged++;
				total += score[i];
			}
		if (flagged == 0) return List.of();
		for (int step = 0; step < merge.bridge(); step++) {
			final byte[] next = grown.clone();
			for (int y = 0; y < gh; y++)
				for (int x = 0; x < gw; x++) {
					final int i = y * gw + x;
					if (grown[i] != 0 || state[i] != UNKNOWN) continue;
					search: for (int dy = -1; dy <= 1; dy++)
						for (int dx = -1; dx <= 1; dx++) {
							final int xx = x + dx, yy = y + dy;
							if (xx >= 0 && yy >= 0 && xx < gw && yy < gh && grown[yy * gw + xx] != 0) {
								next[i] = 1;
								break search;
							}
						}
				}
			System.arraycopy(next, 0, grown, 0, n);
		}
		final ConnectedComponents cc = ConnectedComponents.label(grown, gw, gh, 1, true, null);
		final int regions = cc.count();
		final int[] lab = cc.labels();
		final int[] x0 = new int[regions + 1], y0 = new int[regions + 1], x1 = new int[regions + 1],
			y1 = new int[regions + 1], cnt = new int[regions + 1];
		final double[] sum = new double[regions + 1];
		java.util.Arrays.fill(x0, Integer.MAX_VALUE);
		java.util.Arrays.fill(y0, Integer.MAX_VALUE);
		for (int i = 0; i < n; i++) {
			if (state[i] != FLAGGED) continue;
			final int l = lab[i], x = i % gw, y = i / gw;
			x0[l] = Math.min(x0[l], x);
			y0[l] = Math.min(y0[l], y);
			x1[l] = Math.max(x1[l], x);
			y1[l] = Math.max(y1[l], y);
			cnt[l]++;
			sum[l] += score[i];
		}
		final List<Box> boxes = new ArrayList<>();
		for (int l = 1; l <= regions; l++)
			if (cnt[l] >= merge.minTiles()) boxes.add(new Box(x0[l] * size, y0[l] * size, Math.min(width, (x1[l] + 1)
				* size), Math.min(height, (y1[l] + 1) * size), sum[l], cnt[l]));
		mergeOverlaps(boxes);
		final List<DefectArea> out = new ArrayList<>();
		for (final Box b : boxes) {
			if ((double) (b.x1 - b.x0) * (b.y1 - b.y0) >= merge.wholePage() * width * height)
				return List.of(new DefectArea(type, 0, 0, width, height, clamp(total / flagged)));
		}
		for (final Box b : boxes)
			out.add(new DefectArea(type, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0, clamp(b.sum / b.count)));
		return out;
	}

	private static double clamp(final double s) {
		return Math.max(0, Math.min(1, s));
	}

	/** A box [x0, x1) x [y0, y1) with the score sum and count of its tiles. */
	static final class Box {

		int x0, y0, x1, y1;
		double sum;
		int count;

		Box(final int x0, final int y0, final int x1, final int y1, final double sum, final int count) {
			this.x0 = x0;
			this.y0 = y0;
			this.x1 = x1;
			this.y1 = y1;
			this.sum = sum;
			this.count = count;
		}

		boolean overlaps(final Box o) {
			return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
		}
	}

	static void mergeOverlaps(final List<Box> boxes) {
		boolean merged = true;
		while (merged) {
			merged = false;
			for (int i = 0; i < boxes.size() && !merged; i++)
				for (int j = i + 1; j < boxes.size() && !merged; j++) {
					final Box a = boxes.get(i), b = boxes.get(j);
					if (!a.overlaps(b)) continue;
					a.x0 = Math.min(a.x0, b.x0);
					a.y0 = Math.min(a.y0, b.y0);
					a.x1 = Math.max(a.x1, b.x1);
					a.y1 = Math.max(a.y1, b.y1);
					a.sum += b.sum;
					a.count += b.count;
					boxes.remove(j);
					merged = true;
				}
		}
	}
}
