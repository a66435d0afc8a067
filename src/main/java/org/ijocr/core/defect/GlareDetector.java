package org.ijocr.core.defect;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.ijocr.core.morph.ConnectedComponents;

/**
 * Finds specular glare: areas markedly brighter than the page's paper, where the ink is washed out toward white.
 * <p>
 * Print only darkens paper, so nothing on a page is lighter than its paper except light reflected off a glossy
 * surface. A specular reflection adds light {@code v + (255 − v)·a} (the dichromatic reflection model of S. A.
 * Shafer, "Using color to separate reflection components", Color Res. Appl. 10(4), 1985: a diffuse body term plus
 * an interface term that does not depend on the surface's colour), raising paper and ink alike, so the ink keeps only
 * {@code 1 − a} of its contrast. Every {@link Tiles tile} gets a paper level (its {@value TileHistograms#PAPER_QUANTILE}
 * quantile, from every second pixel of every second row, {@link TileHistograms}); the page's paper level P is the
 * median of the tiles' ({@link TileHistograms#pagePaper}). A tile whose paper rose by at least
 * {@code max(minRise, fraction·(255 − P))} is flagged: with the default fraction 1/3 the ink there has lost a third of
 * its contrast or more. Flagged tiles merge into areas ({@link Tiles#areas}), each then tightened to the raised cells
 * of a third of a tile inside it ({@link #tighten}). On a page whose paper is already white (less than
 * {@code minRise} below 255) the paper cannot rise: there glare is found where the ink is washed out while its edges
 * stay sharp ({@link #washedOutInk}). Blank paper and a picture no lighter than the paper show no glare.
 * <p>
 * Score: {@code (paper − P) / (255 − P)}, the estimated {@code a}: the share of ink contrast the glare took (1 =
 * saturated white, no ink left).
 */
public final class GlareDetector {

	private GlareDetector() {}

	/**
	 * Parameters.
	 *
	 * @param fraction share of the headroom {@code 255 − P} the paper must rise to be glare (default 1/3)
	 * @param minRise smallest rise in grey levels (default 10: grain and mottle stay below)
	 * @param merge how flagged tiles become areas
	 */
	public record Params(double fraction, double minRise, Tiles.Merge merge) {

		/** The defaults. */
		public static final Params DEFAULT = new Params(1 / 3.0, 10, Tiles.Merge.DEFAULT);

		/** Validates. */
		public Params {
			if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("fraction must be in (0, 1), got "
				+ fraction);
			if (!(minRise >= 1 && minRise < 255)) throw new IllegalArgumentException("minRise must be 1..254, got "
				+ minRise);
			if (merge == null) throw new IllegalArgumentException("merge parameters required");
		}
	}

	/**
	 * Whether paper at level {@code paper} on a page whose paper is at {@code pagePaper} is glare with the default
	 * parameters (the ink there is washed out: other detectors leave such tiles to this one).
	 */
	public static boolean glare(final int paper, final int pagePaper) {
		return paper - pagePaper >= Math.max(Params.DEFAULT.minRise(), Params.DEFAULT.fraction() * (255 - pagePaper));
	}

	/** Glare areas of a 2-D grey image with the default parameters (see the class description). */
	public static <T extends RealType<T>> List<DefectArea> detect(final RandomAccessibleInterval<T> img) {
		return detect(Page.of(img), Params.DEFAULT);
	}

	/** Glare areas of a page (see the class description), each box tightened to its raised cells ({@link #tighten}). */
	public static List<DefectArea> detect(final Page page, final Params p) {
		final TileHistograms th = TileHistograms.of(page, Tiles.of(page.width(), page.height()), 2);
		final List<DefectArea> coarse = detect(page, th, p);
		if (coarse.isEmpty()) return coarse;
		final int pagePaper = th.pagePaper();
		final double rise = Math.max(p.minRise(), p.fraction() * (255 - pagePaper));
		final List<DefectArea> out = new ArrayList<>(coarse.size());
		for (final DefectArea a : coarse)
			out.addAll(tighten(page, a, Math.max(CELL_MIN, th.tiles().size() / CELLS_PER_TILE), pagePaper + rise));
		return out;
	}

	/** Cells per tile side for {@link #tighten}. */
	public static final int CELLS_PER_TILE = 3;

	/**
	 * Quantile of a cell's pixels taken as its paper level in {@link #tighten}: lower than a tile's
	 * {@value TileHistograms#PAPER_QUANTILE}, so that a cell on the rim of a spot counts only when most of it is raised
	 * (glare precision 0.87 → 0.93 on the evaluation's pages at strength 0.75, with the same recall); a third of a tile
	 * rarely holds more than 40 % ink.
	 */
	public static final double CELL_QUANTILE = 0.6;

	/** Smallest cell side for {@link #tighten} (pixels). */
	public static final int CELL_MIN = 8;

	/**
	 * A glare box tightened to its cells (squares of side {@code cell}) whose paper level (the {@value #CELL_QUANTILE}
	 * quantile of their pixels) is at least {@code level}: one box per
	 * 8-connected group of such cells (a single raised cell counts only when it is all there is), overlapping boxes
	 * merged. A box of whole tiles overshoots a spot by up to a tile on every side, and two spots bridged into one
	 * region of tiles give one box over both; the cells cut both to a third of a tile. The box is returned as it is
	 * when no cell is raised.
	 */
	static List<DefectArea> tighten(final Page page, final DefectArea a, final int cell, final double level) {
		final int w = page.width(), cw = (a.width() + cell - 1) / cell, ch = (a.height() + cell - 1) / cell;
		final byte[] px = page.pixels(), raised = new byte[cw * ch];
		final int[] hist = new int[256];
		for (int j = 0; j < ch; j++)
			for (int i = 0; i < cw; i++) {
				final int cx = a.x() + i * cell, cy = a.y() + j * cell;
				final int ex = Math.min(a.x() + a.width(), cx + cell), ey = Math.min(a.y() + a.height(), cy + cell);
				java.util.Arrays.fill(hist, 0);
				for (int y = cy; y < ey; y++)
					for (int x = cx, o = y * w; x < ex; x++)
						hist[px[o + x] & 0xff]++;
				final long need = (long) Math.ceil(CELL_QUANTILE * (ex - cx) * (ey - cy));
				int v = 0;
				for (long seen = hist[0]; seen < need;)
					seen += hist[++v];
				if (v >= level) raised[j * cw + i] = 1;
			}
		final ConnectedComponents cc = ConnectedComponents.label(raised, cw, ch, 1, true, null);
		final int m = cc.count();
		if (m == 0) return List.of(a);
		final List<Tiles.Box> boxes = new ArrayList<>();
		for (int l = 1; l <= m; l++)
			if (cc.area(l) > 1 || m == 1) boxes.add(new Tiles.Box(a.x() + cc.minX(l) * cell, a.y() + cc.minY(l) * cell,
				Math.min(a.x() + a.width(), a.x() + (cc.maxX(l) + 1) * cell), Math.min(a.y() + a.height(), a.y() + (cc.maxY(
					l) + 1) * cell), a.score(), 1));
		if (boxes.isEmpty()) return List.of(a);
		Tiles.mergeOverlaps(boxes);
		final List<DefectArea> out = new ArrayList<>(boxes.size());
		for (final Tiles.Box b : boxes)
			out.add(new DefectArea(a.type(), b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0, a.score()));
		return out;
	}

	/**
	 * Glare areas from a page's tile histograms (and the page itself, for pages whose paper is white: {@link
	 * #washedOutInk}; none there when it is null).
	 */
	public static List<DefectArea> detect(final Page page, final TileHistograms th, final Params p) {
		final Tiles tiles = th.tiles();
		final int n = tiles.count();
		final int pagePaper = th.pagePaper();
		final double head = 255 - pagePaper, rise = Math.max(p.minRise(), p.fraction() * head);
		if (head < p.minRise()) return page == null ? List.of() : washedOutInk(page, th, p);
		final byte[] state = new byte[n];
		final float[] score = new float[n];
		for (int t = 0; t < n; t++) {
			if (th.total(t) == 0) continue;
			final int up = th.paper(t) - pagePaper;
			state[t] = up >= rise ? Tiles.FLAGGED : Tiles.CLEAN;
			score[t] = (float) (head > 0 ? Math.max(0, Math.min(1, up / head)) : 0);
		}
		return tiles.areas(DefectType.GLARE, state, score, p.merge());
	}

	/**
	 * Share of a tile's ink-to-paper difference d that the steepest step between horizontal neighbours must reach in
	 * most of its text rows ({@link #sharp}): a sharp antialiased edge (20–80 % width 1.4 px) steps by half of d or
	 * more, a step blurred by a Gaussian of sigma σ by at most {@code d / (2.5σ)}.
	 */
	public static final double SHARP_STEP = 0.35;

	/**
	 * Whether the edges of tile t are sharp: the 0.9 quantile over its rows (every second) of the largest step between
	 * horizontal neighbours is at least {@value #SHARP_STEP} of d.
	 */
	static boolean sharp(final Page page, final Tiles tiles, final int t, final int d) {
		final int w = page.width(), s = tiles.size(), x0 = t % tiles.cols() * s, y0 = t / tiles.cols() * s;
		final int x1 = Math.min(w - 1, x0 + s), y1 = Math.min(page.height(), y0 + s);
		final byte[] px = page.pixels();
		final int[] steps = new int[(y1 - y0 + 1) / 2];
		int k = 0;
		for (int y = y0; y < y1; y += 2) {
			int max = 0;
			for (int x = x0, o = y * w; x < x1; x++)
				max = Math.max(max, Math.abs((px[o + x] & 0xff) - (px[o + x + 1] & 0xff)));
			steps[k++] = max;
		}
		if (k == 0) return false;
		java.util.Arrays.sort(steps, 0, k);
		return steps[Math.min(k - 1, (int) (0.9 * k))] >= SHARP_STEP * d;
	}

	/**
	 * Smallest ink-to-paper difference of a tile judged by {@link #washedOutInk} (grey levels): less is blank paper
	 * (or ink washed out completely, which the areas bridge over).
	 */
	public static final int MIN_INK = 12;

	/**
	 * Glare on a page whose paper is white already (less than {@code minRise} below 255): the paper cannot rise, the
	 * ink does. I = the page's ink level (the median of its text tiles' ink levels, {@link TileHistograms#ink}); a tile
	 * with ink (at least {@value #MIN_INK} levels below its paper, on at least 1 % of its pixels) whose darkest ink of
	 * the 3&times;3 tiles around lies at least {@code fraction·(P − I)} above I lost that share of its contrast and is
	 * flagged if its edges are still sharp ({@link #sharp}: blur lightens thin strokes too, and is the {@link
	 * BlurDetector}'s); the others are clean, blank tiles and the tiles of the page's outer ring unknown. Score:
	 * {@code (ink − I) / (P − I)}.
	 */
	static List<DefectArea> washedOutInk(final Page page, final TileHistograms th, final Params p) {
		final Tiles tiles = th.tiles();
		final int n = tiles.count(), gw = tiles.cols(), gh = tiles.rows(), pagePaper = th.pagePaper();
		final int[] ink = new int[n], inks = new int[n];
		int texts = 0;
		for (int t = 0; t < n; t++) {
			ink[t] = th.total(t) > 0 ? th.ink(t) : 255;
			final int paper = th.paper(t);
			if (th.total(t) > 0 && paper - ink[t] >= MIN_INK && th.countAtMost(t, (paper + ink[t]) / 2) >= 0.01 * th
				.total(t)) inks[texts++] = ink[t];
			else ink[t] = -1; // no ink: unknown
		}
		if (texts == 0) return List.of();
		java.util.Arrays.sort(inks, 0, texts);
		final int pageInk = inks[texts / 2];
		final double range = pagePaper - pageInk;
		if (range < 2 * MIN_INK) return List.of();
		final byte[] state = new byte[n];
		final float[] score = new float[n];
		for (int t = 0; t < n; t++) {
			if (ink[t] < 0) continue;
			// the outer ring of tiles is not judged: there faint marks are a scan's paper edge, the shadow of the lid, a
			// smudge (4 of the 10 SROIE receipts showed glare areas there), far more often than washed-out text
			if (t % gw == 0 || t % gw == gw - 1 || t / gw == 0 || t / gw == gh - 1) continue;
			int around = 255; // the darkest ink of the 3x3 tiles: a tile may hold only the thin parts of glyphs
			for (int y = Math.max(0, t / gw - 1); y <= Math.min(gh - 1, t / gw + 1); y++)
				for (int x = Math.max(0, t % gw - 1); x <= Math.min(gw - 1, t % gw + 1); x++)
					if (ink[y * gw + x] >= 0) around = Math.min(around, ink[y * gw + x]);
			final double lost = (around - pageInk) / range;
			state[t] = lost >= p.fraction() && sharp(page, tiles, t, th.paper(t) - ink[t]) ? Tiles.FLAGGED : Tiles.CLEAN;
			score[t] = (float) Math.max(0, Math.min(1, (ink[t] - pageInk) / range));
		}
		return tiles.areas(DefectType.GLARE, state, score, p.merge());
	}
}
