package org.ijocr.core.defect;

import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

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
 * its contrast or more. Flagged tiles merge into areas ({@link Tiles#areas}). A page whose paper is already white
 * (P near 255) shows no glare this way; neither does blank paper or a picture no lighter than the paper.
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

	/** Glare areas of a page (see the class description). */
	public static List<DefectArea> detect(final Page page, final Params p) {
		return detect(TileHistograms.of(page, Tiles.of(page.width(), page.height()), 2), p);
	}

	/** Glare areas from a page's tile histograms. */
	public static List<DefectArea> detect(final TileHistograms th, final Params p) {
		final Tiles tiles = th.tiles();
		final int n = tiles.count();
		final int pagePaper = th.pagePaper();
		final double head = 255 - pagePaper, rise = Math.max(p.minRise(), p.fraction() * head);
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
}
