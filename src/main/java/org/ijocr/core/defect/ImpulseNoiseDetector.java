package org.ijocr.core.defect;

import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.ijocr.core.ByteLanes;
import org.ijocr.core.Tasks;

/**
 * Finds the areas of a page hit by salt-and-pepper (impulse) noise.
 * <p>
 * An impulse is a pixel that stands alone against its 8 neighbours: both horizontal neighbours and at least 5 of the
 * other 6 are lighter than it by more than {@code tolerance} grey levels (pepper), or darker (salt), and those
 * neighbours are flat (within {@code tolerance / 2} of each other: the paper or ink the speck fell on, not the
 * antialiased rim of a small glyph dot) — the impulse test of S. Zhang and M. A.
 * Karim, "A new impulse detector for switching median filters", IEEE Signal Process. Lett. 9(11), 2002 (an impulse
 * differs from most of its neighbours), the same test as {@link org.ijocr.core.filter.ImpulseNoise} uses for
 * removal, here without the page-extreme condition and with the direction required (a grey antialiased pixel between
 * black ink and white paper differs from its neighbours on both sides and is no impulse). Ink and paper belong to
 * regions, so clean text gives almost no such pixels; photo tones change smoothly; halftone dots at ordinary screens
 * are blurred by the scanner to grey, and where they are isolated they are not {@code tolerance} darker than all
 * around them.
 * <p>
 * The page is cut into {@link Tiles}; a tile whose share of <i>free</i> impulses reaches {@link #FREE_SHARE} × {@code
 * minDensity} is flagged, the others are clean; flagged tiles merge into areas ({@link Tiles#areas}). An impulse is
 * free when none of its 8 neighbours and at most one of the pixels 2 to {@value #AROUND} pixels away is within {@code
 * tolerance} of it. One-bit scans of small print (thermal receipts, faxes) are full of impulses that are not: the end
 * pixel of a stroke one pixel wide and the corner pixels of jagged edges have one similar neighbour, and periods,
 * colons and i-dots one pixel in size have the next glyph or dot 2 to 3 pixels away (of the 1,060 impulses of a clean
 * SROIE receipt, 76 are free, too few to flag a tile; of random noise at 0.5&ndash;2 % density, 71&ndash;95 % are
 * free). Every impulse counts for the score. About half of salt-and-pepper noise is visible (pepper on paper, salt on
 * ink; salt on paper and pepper on ink change nothing), so the noise density of a tile is estimated as twice its
 * impulse share.
 * <p>
 * Score: the estimated noise density over {@code fullDensity} (default 10 %), capped at 1: 0.1 = 1 % of the pixels
 * hit, 1 = 10 % or more (OCR reads specks as punctuation and broken glyphs).
 */
public final class ImpulseNoiseDetector {

	private ImpulseNoiseDetector() {}

	/**
	 * Parameters.
	 *
	 * @param tolerance grey-level difference a neighbour must exceed to count against a pixel (default 64, as
	 *          {@link org.ijocr.core.filter.ImpulseNoise#DEFAULT_TOLERANCE})
	 * @param minDensity share of impulse pixels that flags a tile (default 0.0025: about a 0.5 % noise density;
	 *          clean text at 150–400 dpi stays below 0.0005)
	 * @param fullDensity estimated noise density that scores 1 (default 0.10)
	 * @param merge how flagged tiles become areas
	 */
	public record Params(int tolerance, double minDensity, double fullDensity, Tiles.Merge merge) {

		/** The defaults. */
		public static final Params DEFAULT = new Params(64, 0.0025, 0.10, Tiles.Merge.DEFAULT);

		/** Validates. */
		public Params {
			if (tolerance < 1 || tolerance > 254) throw new IllegalArgumentException("tolerance must be 1..254, got "
				+ tolerance);
			if (!(minDensity > 0 && minDensity < 1)) throw new IllegalArgumentException(
				"minDensity must be in (0, 1), got " + minDensity);
			if (!(fullDensity > 0 && fullDensity <= 1)) throw new IllegalArgumentException(
				"fullDensity must be in (0, 1], got " + fullDensity);
			if (merge == null) throw new IllegalArgumentException("merge parameters required");
		}
	}

	/** Noise areas of a 2-D grey image with the default parameters (see the class description). */
	public static <T extends RealType<T>> List<DefectArea> detect(final RandomAccessibleInterval<T> img) {
		return detect(Page.of(img), Params.DEFAULT);
	}

	/** Noise areas of a page (see the class description). */
	public static List<DefectArea> detect(final Page page, final Params p) {
		final Tiles tiles = Tiles.of(page.width(), page.height());
		final int[] levels = levels(page);
		final int[] free = new int[tiles.count()];
		final int[] counts = impulsesPerTile(page, tiles, p.tolerance(), levels[0], levels[1], free);
		final byte[] state = new byte[tiles.count()];
		final float[] score = new float[tiles.count()];
		for (int t = 0; t < state.length; t++) {
			final double share = counts[t] / (double) tiles.pixels(t);
			state[t] = free[t] >= FREE_SHARE * p.minDensity() * tiles.pixels(t) ? Tiles.FLAGGED : Tiles.CLEAN;
			score[t] = (float) Math.min(1, 2 * share / p.fullDensity());
		}
		return tiles.areas(DefectType.SALT_PEPPER_NOISE, state, score, p.merge());
	}

	/**
	 * The levels an impulse must reach: {@code {ink, paper}}, the {@value #INK_QUANTILE} and
	 * {@value #PAPER_QUANTILE} quantiles of the page (every 4th pixel of every 4th row).
	 */
	static int[] levels(final Page page) {
		final int[] hist = new int[256];
		final byte[] px = page.pixels();
		final int w = page.width();
		long n = 0;
		for (int y = 0; y < page.height(); y += 4)
			for (int x = 0, o = y * w; x < w; x += 4, n++)
				hist[px[o + x] & 0xff]++;
		return new int[] { quantile(hist, n, INK_QUANTILE), quantile(hist, n, PAPER_QUANTILE) };
	}

	private static int quantile(final int[] hist, final long n, final double q) {
		long seen = 0;
		for (int v = 0; v < 256; v++) {
			seen += hist[v];
			if (seen >= Math.max(1, q * n)) return v;
		}
		return 255;
	}

	/**
	 * Page quantile of the ink level: a pepper impulse is at least as dark as the darkest 1 % of the page (solid
	 * ink), which small antialiased dots of clean text (i-dots, periods at 150 dpi) and halftone dots are not.
	 */
	public static final double INK_QUANTILE = 0.01;

	/** Page quantile of the paper level: a salt impulse is at least as light as the median (paper). */
	public static final double PAPER_QUANTILE = 0.5;

	/**
	 * Impulse pixels per tile (the image's outermost rows and columns are not tested): pepper at most {@code ink},
	 * salt at least {@code paper}. Eight pixels are passed over at once when none of them nor their left neighbours
	 * is at or below {@code max(ink, 254 − tol)}: pepper is at most {@code ink}, and salt has a left neighbour more
	 * than {@code tol} below it, so at most {@code 254 − tol} (an exact byte-wise unsigned comparison of two 64-bit
	 * words).
	 */
	static int[] impulsesPerTile(final Page page, final Tiles tiles, final int tol, final int ink, final int paper) {
		return impulsesPerTile(page, tiles, tol, ink, paper, new int[tiles.count()]);
	}

	/**
	 * As {@link #impulsesPerTile(Page, Tiles, int, int, int)}, and the free impulses per tile (no similar neighbour)
	 * into {@code free}.
	 */
	static int[] impulsesPerTile(final Page page, final Tiles tiles, final int tol, final int ink, final int paper,
		final int[] free)
	{
		final int w = page.width(), h = page.height(), gw = tiles.cols(), s = tiles.size();
		final byte[] px = page.pixels();
		final int[] counts = new int[tiles.count()];
		final int limit = Math.max(ink, 254 - tol) + 1; // a candidate's window holds a byte below this
		final long pattern = limit * ByteLanes.ONES;
		Tasks.split(tiles.rows(), 1, (r0, r1) -> {
			for (int y = Math.max(1, r0 * s); y < Math.min(h - 1, r1 * s); y++) {
				final int row = y / s * gw;
				for (int x = 1, p = y * w + 1; x < w - 1; x++, p++) {
					if (limit <= 255 && (x & 7) == 1 && x + 7 < w - 1) {
						if ((ByteLanes.below(ByteLanes.get(px, p - 1), pattern) | ByteLanes.below(ByteLanes.get(px, p),
							pattern)) == 0) {
							x += 7;
							p += 7;
							continue;
						}
					}
					final int v = px[p] & 0xff, l = px[p - 1] & 0xff, r = px[p + 1] & 0xff;
					// quick rejection: both horizontal neighbours must lie beyond the tolerance on the same side
					final boolean dark = l - v > tol && r - v > tol && v <= ink;
					if (!dark && !(v - l > tol && v - r > tol && v >= paper)) continue;
					final int similar = similarNeighbours(px, p, w, v, tol, dark);
					if (similar > 1) continue;
					counts[row + x / s]++;
					if (similar == 0 && !similarAround(px, p, w, h, x, y, v, tol, dark)) free[row + x / s]++;
				}
			}
		});
		return counts;
	}

	/**
	 * A tile is flagged when its free impulses reach this share of {@code minDensity}: of random noise at 0.5–2 %
	 * density on text pages, 71–95 % of the impulses are free (more around them are ink or other impulses as the
	 * density grows, but then the share is far above the threshold).
	 */
	public static final double FREE_SHARE = 0.75;

	/** Chebyshev distance up to which {@link #similarAround} looks for pixels like an impulse. */
	static final int AROUND = 3;

	/**
	 * Whether more than one pixel at a distance of 2 to {@value #AROUND} from pixel p = (x, y) of value v is within
	 * {@code tol} of it (pixels outside the image do not count).
	 */
	private static boolean similarAround(final byte[] px, final int p, final int w, final int h, final int x,
		final int y, final int v, final int tol, final boolean dark)
	{
		int n = 0;
		for (int dy = -AROUND; dy <= AROUND; dy++) {
			if (y + dy < 0 || y + dy >= h) continue;
			final boolean band = dy <= -2 || dy >= 2;
			for (int dx = -AROUND; dx <= AROUND; dx++) {
				if (!band && dx > -2 && dx < 2 || x + dx < 0 || x + dx >= w) continue;
				final int q = px[p + dy * w + dx] & 0xff;
				if ((dark ? q - v : v - q) <= tol && ++n > 1) return true;
			}
		}
		return false;
	}

	/**
	 * How many of the 8 neighbours of pixel p of value v (whose horizontal neighbours already lie beyond the
	 * tolerance) are similar to it, or 2 when those beyond the tolerance on its far side are not flat (within
	 * {@code tol / 2} of each other: paper or ink around a speck; the antialiased rim of a small glyph dot such as a
	 * period at 150 dpi is a ramp from grey beside it to paper at its corners, and is no impulse). An impulse has at
	 * most one similar neighbour.
	 */
	private static int similarNeighbours(final byte[] px, final int p, final int w, final int v, final int tol,
		final boolean dark)
	{
		int against = 0, lo = 255, hi = 0;
		for (int k = 0; k < 8; k++) {
			final int q = p + (k < 3 ? -w - 1 + k : k < 5 ? (k == 3 ? -1 : 1) : w - 6 + k);
			final int n = px[q] & 0xff;
			if ((dark ? n - v : v - n) <= tol) continue;
			against++;
			lo = Math.min(lo, n);
			hi = Math.max(hi, n);
		}
		return against >= 7 && hi - lo <= tol / 2 ? 8 - against : 2;
	}
}
