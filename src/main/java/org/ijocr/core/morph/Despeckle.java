package org.ijocr.core.morph;

import java.util.Arrays;

import org.ijocr.core.ByteLanes;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * Removes small isolated ink specks and fills tiny white pinholes in a binary text page (ink 0, paper 255), with
 * size limits derived from the page itself, keeping punctuation (periods, commas, i-dots) and thin strokes.
 * <p>
 * Method: connected-component size filtering with the scale taken from the page's own component statistics, as in
 * L. A. Fletcher, R. Kasturi, "A robust algorithm for text string separation from mixed text/graphics images",
 * IEEE PAMI 10(6), 1988 (area and height statistics of components separate text from noise), with a proximity rule
 * so that small marks beside text survive:
 * <ol>
 * <li>label ink with 8-connectivity ({@link ConnectedComponents});</li>
 * <li>"text" components are those of at least {@value #TEXT_MIN_AREA} pixels; from them the stroke width {@code sw}
 * (median length of horizontal ink runs) and the text height {@code H} (median bounding-box height) are estimated;</li>
 * <li>a component smaller than {@code max(2, sw*sw/4)} pixels is a speck wherever it is (smaller than a quarter of a
 * stroke square: no glyph part is that small); one smaller than {@code sw*sw} but larger is a speck only when no
 * text component's bounding box comes within {@code max(2 sw, H/4)} of its own (periods and commas follow a letter
 * closely, i-dots sit just above the stem), tested on a coarse occupancy grid;</li>
 * <li>paper holes (4-connected white components not touching the border) smaller than {@code max(1, sw*sw/4)}
 * pixels are filled (letter counters such as in 'e' or 'o' are much larger).</li>
 * </ol>
 * Defaults: {@code TEXT_MIN_AREA} = 20 pixels. Without any text component the page is left as is.
 */
public final class Despeckle {

	private Despeckle() {}

	/** Smallest component area counted as text for the scale estimates. */
	public static final int TEXT_MIN_AREA = 20;

	/** Quantile of the ink run lengths taken as the stroke width of the smallest text on the page. */
	public static final double THIN_QUANTILE = 0.2;

	/**
	 * What {@link #despeckle} did and the scale it derived.
	 *
	 * @param specksRemoved ink components removed
	 * @param holesFilled white pinholes filled
	 * @param strokeWidth estimated stroke width (pixels), 0 without text
	 * @param textHeight estimated text component height (pixels), 0 without text
	 * @param speckArea components below this area are removed unless near text
	 * @param tinyArea components below this area are removed even near text; also the pinhole limit
	 */
	public record Result(int specksRemoved, int holesFilled, double strokeWidth, double textHeight, int speckArea,
		int tinyArea)
	{}

	/**
	 * Despeckles a binary image (ink 0, paper 255; other values count as paper).
	 *
	 * @param src binary input
	 * @param dst output, same size (may be the same image as {@code src})
	 * @return counts and the derived limits
	 */
	public static Result despeckle(final RandomAccessibleInterval<UnsignedByteType> src,
		final RandomAccessibleInterval<UnsignedByteType> dst)
	{
		if (src.numDimensions() != 2) throw new IllegalArgumentException("2-D images only");
		final int w = (int) src.dimension(0), h = (int) src.dimension(1);
		if (dst.dimension(0) != w || dst.dimension(1) != h) throw new IllegalArgumentException("sizes differ");
		final byte[] px = new byte[w * h];
		final Cursor<UnsignedByteType> c = Views.flatIterable(src).cursor();
		for (int i = 0; i < px.length; i++)
			px[i] = c.next().getByte();
		final Result r = despeckle(px, w, h);
		final Cursor<UnsignedByteType> d = Views.flatIterable(dst).cursor();
		for (int i = 0; i < px.length; i++)
			d.next().setByte(px[i]);
		return r;
	}

	/**
	 * In-place despeckling of row-major binary pixels (ink 0, paper 255; other values are made 255). The labelling
	 * works on the runs of ink and paper ({@link Runs}) and paints no label image.
	 *
	 * @param px pixels, {@code width*height}
	 * @param w width
	 * @param h height
	 * @return counts and the derived limits
	 */
	public static Result despeckle(final byte[] px, final int w, final int h) {
		if (px.length < w * h) throw new IllegalArgumentException("pixels shorter than width*height");
		normalize(px, w * h);
		final Runs ink = Runs.of(px, w, h, 0, true);
		final int n = ink.components;
		// scale from text components
		int nText = 0;
		final int[] heights = new int[n];
		for (int l = 1; l <= n; l++)
			if (ink.area[l] >= TEXT_MIN_AREA) heights[nText++] = ink.maxY[l] - ink.minY[l] + 1;
		if (nText == 0) return new Result(0, 0, 0, 0, 0, 0);
		final double textH = median(Arrays.copyOf(heights, nText), nText);
		final long[] runs = inkRuns(ink);
		final double sw = quantile(runs, 0.5);
		final double swThin = quantile(runs, THIN_QUANTILE);
		final int tiny = (int) Math.max(2, Math.ceil(swThin * swThin / 2));
		final int speck = Math.max(tiny, (int) Math.ceil(sw * sw));
		// coarse occupancy grid of text components for the "beside text" test
		final int reach = (int) Math.ceil(Math.max(2 * sw, textH / 4));
		final int cell = Math.max(2, reach / 2);
		final int gw = (w + cell - 1) / cell, gh = (h + cell - 1) / cell;
		final boolean[] grid = new boolean[gw * gh];
		for (int l = 1; l <= n; l++) {
			if (ink.area[l] < speck) continue;
			for (int gy = ink.minY[l] / cell; gy <= ink.maxY[l] / cell; gy++)
				for (int gx = ink.minX[l] / cell; gx <= ink.maxX[l] / cell; gx++)
					grid[gy * gw + gx] = true;
		}
		final boolean[] remove = new boolean[n + 1];
		int removed = 0;
		for (int l = 1; l <= n; l++) {
			final int a = ink.area[l];
			if (a >= speck) continue;
			boolean drop = a < tiny;
			if (!drop) {
				drop = true;
				final int gx0 = Math.max(0, ink.minX[l] - reach) / cell, gx1 = Math.min(w - 1, ink.maxX[l] + reach) / cell;
				final int gy0 = Math.max(0, ink.minY[l] - reach) / cell, gy1 = Math.min(h - 1, ink.maxY[l] + reach) / cell;
				for (int gy = gy0; gy <= gy1 && drop; gy++)
					for (int gx = gx0; gx <= gx1; gx++)
						if (grid[gy * gw + gx]) {
							drop = false;
							break;
						}
			}
			if (drop) {
				remove[l] = true;
				removed++;
			}
		}
		if (removed > 0) ink.fill(px, remove, (byte) 255);
		// pinholes: small 4-connected paper components not touching the border; paper is what the kept ink leaves
		final Runs paper = Runs.complement(ink, remove, false);
		final boolean[] fill = new boolean[paper.components + 1];
		int filled = 0;
		for (int l = 1; l <= paper.components; l++) {
			if (paper.area[l] < tiny && paper.minX[l] > 0 && paper.minY[l] > 0 && paper.maxX[l] < w - 1
				&& paper.maxY[l] < h - 1)
			{
				fill[l] = true;
				filled++;
			}
		}
		if (filled > 0) paper.fill(px, fill, (byte) 0);
		return new Result(removed, filled, sw, textH, speck, tiny);
	}

	/** Sets every pixel other than 0 to 255, eight at a time (the high bit of each non-zero byte, spread). */
	private static void normalize(final byte[] px, final int n) {
		int i = 0;
		for (; i + 8 <= n; i += 8) {
			final long v = ByteLanes.get(px, i);
			if (v == -1L || v == 0) continue;
			final long nonZero = ByteLanes.zeroBytes(v) ^ ByteLanes.HIGH;
			ByteLanes.set(px, i, (nonZero >>> 7) * 0xFF);
		}
		for (; i < n; i++)
			if (px[i] != 0) px[i] = (byte) 255;
	}

	/** Histogram of the lengths of horizontal ink runs inside text components (area &ge; TEXT_MIN_AREA). */
	private static long[] inkRuns(final Runs ink) {
		final long[] runs = new long[ink.width + 1];
		for (int k = 0; k < ink.count; k++)
			if (ink.area[ink.label[k]] >= TEXT_MIN_AREA) runs[ink.x1[k] - ink.x0[k] + 1]++;
		return runs;
	}

	/** The smallest run length with at least {@code q} of all runs no longer than it. */
	private static double quantile(final long[] runs, final double q) {
		long total = 0;
		for (final long r : runs)
			total += r;
		long acc = 0;
		for (int len = 1; len < runs.length; len++) {
			acc += runs[len];
			if (acc >= q * total) return len;
		}
		return 1;
	}

	private static double median(final int[] a, final int n) {
		Arrays.sort(a, 0, n);
		return n % 2 == 1 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
	}
}
