package org.ijocr.core.tone;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * FROZEN REFERENCE for tests and benchmarks: the implementation of {@link org.ijocr.core.tone.LocalRange} before the speed
 * work (commit b59fa3b), kept unchanged so that the faster one can be compared with it byte for byte. Do not edit.
 * <p>
 * Local contrast normalisation of a grey page: each pixel is mapped linearly from the local range between the ink
 * level and the paper level around it to the full range, {@code out = 255 · (v − ink) / (paper − ink)}, clamped. The
 * local contrast of text (the local maximum and minimum, as in B. Su, S. Lu and C. L. Tan, "Binarization of historical
 * document images using the local maximum and minimum", DAS 2010) is what glare, fading and low global contrast take
 * away; this gives it back where text is, and leaves blank paper white.
 * <p>
 * Levels are measured on a grid of square cells: {@code paper} = the {@value #PAPER_QUANTILE} quantile of the cell's
 * pixels and {@code ink} = its {@value #INK_QUANTILE} quantile. A cell holds ink when its range is at least
 * {@value #MIN_RANGE} grey levels and {@value #NOISE_RANGE} noise deviations (the page's, measured from neighbour
 * differences); cells without ink take the ink level of the nearest cell with ink (or, if there is none, the image
 * is copied unchanged). Both grids are smoothed over 3&times;3 cells and interpolated bilinearly between cell centres;
 * the denominator is at least {@code 255 / }{@value #MAX_GAIN} so noise is amplified at most that much.
 */
public final class LocalRangeReference {

	/** Quantile of a cell's pixels taken as the paper level. */
	public static final double PAPER_QUANTILE = 0.95;

	/** Quantile of a cell's pixels taken as the ink level. */
	public static final double INK_QUANTILE = 0.02;

	/** Smallest cell range (grey levels) that counts as ink on paper. */
	public static final int MIN_RANGE = 24;

	/** Smallest cell range, in noise deviations, that counts as ink on paper. */
	public static final double NOISE_RANGE = 6;

	/** Largest gain. */
	public static final double MAX_GAIN = 8;

	private LocalRangeReference() {}

	/**
	 * Normalises {@code src} into {@code dst} (may be the same array).
	 *
	 * @param cell cell size in pixels (about two text lines: {@code 2 ·} {@link Background#autoRadius})
	 * @return true if ink was found (else {@code dst} is a copy of {@code src})
	 */
	public static boolean normalize(final byte[] src, final byte[] dst, final int w, final int h, final int cell) {
		if (cell < 2) throw new IllegalArgumentException("cell must be at least 2 pixels, got " + cell);
		final int gw = (w + cell - 1) / cell, gh = (h + cell - 1) / cell;
		final float[] ink = new float[gw * gh], paper = new float[gw * gh];
		final boolean[] has = new boolean[gw * gh];
		final double minRange = Math.max(MIN_RANGE, NOISE_RANGE * noise(src, w, h));
		final int[] hist = new int[256];
		boolean any = false;
		for (int cy = 0; cy < gh; cy++)
			for (int cx = 0; cx < gw; cx++) {
				Arrays.fill(hist, 0);
				final int x0 = cx * cell, x1 = Math.min(w, x0 + cell), y0 = cy * cell, y1 = Math.min(h, y0 + cell);
				for (int y = y0; y < y1; y++)
					for (int x = x0, i = y * w + x0; x < x1; x++, i++)
						hist[src[i] & 0xff]++;
				final int n = (x1 - x0) * (y1 - y0), g = cy * gw + cx;
				ink[g] = quantile(hist, n, INK_QUANTILE);
				paper[g] = quantile(hist, n, PAPER_QUANTILE);
				has[g] = paper[g] - ink[g] >= minRange;
				any |= has[g];
			}
		if (!any) {
			if (dst != src) System.arraycopy(src, 0, dst, 0, w * h);
			return false;
		}
		fillFromNearest(ink, has, gw, gh);
		smooth(ink, gw, gh);
		smooth(paper, gw, gh);
		final double minDen = 255 / MAX_GAIN;
		final float[] inkRow = new float[w], paperRow = new float[w];
		for (int y = 0; y < h; y++) {
			interpolateRow(ink, gw, gh, cell, y, w, inkRow);
			interpolateRow(paper, gw, gh, cell, y, w, paperRow);
			for (int x = 0, i = y * w; x < w; x++, i++) {
				final double den = Math.max(minDen, paperRow[x] - inkRow[x]);
				final long v = Math.round(255 * ((src[i] & 0xff) - inkRow[x]) / den);
				dst[i] = (byte) Math.max(0, Math.min(255, v));
			}
		}
		return true;
	}

	/** {@code 1.4826 · median|v(x+1) − v(x)| / √2} over every second row: the pixel noise deviation. */
	static double noise(final byte[] px, final int w, final int h) {
		final long[] diffs = new long[256];
		long n = 0;
		for (int y = 0; y < h; y += 2)
			for (int x = 1, i = y * w + 1; x < w; x++, i++) {
				diffs[Math.abs((px[i] & 0xff) - (px[i - 1] & 0xff))]++;
				n++;
			}
		long c = 0;
		for (int d = 0; d < 256; d++) {
			c += diffs[d];
			if (2 * c >= n) return 1.4826 * d / Math.sqrt(2);
		}
		return 0;
	}

	private static float quantile(final int[] hist, final int n, final double q) {
		final long target = Math.max(1, Math.round(q * n));
		long c = 0;
		for (int v = 0; v < 256; v++) {
			c += hist[v];
			if (c >= target) return v;
		}
		return 255;
	}

	/** Cells without a value take the value of the nearest cell with one (breadth-first, 4-connected). */
	private static void fillFromNearest(final float[] a, final boolean[] has, final int gw, final int gh) {
		final boolean[] done = has.clone();
		final ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int i = 0; i < a.length; i++)
			if (done[i]) queue.add(i);
		while (!queue.isEmpty()) {
			final int i = queue.poll(), x = i % gw, y = i / gw;
			final int[] nb = { x > 0 ? i - 1 : -1, x < gw - 1 ? i + 1 : -1, y > 0 ? i - gw : -1, y < gh - 1 ? i + gw : -1 };
			for (final int j : nb)
				if (j >= 0 && !done[j]) {
					a[j] = a[i];
					done[j] = true;
					queue.add(j);
				}
		}
	}

	/** Mean over 3&times;3 cells (clipped at the border), in place. */
	private static void smooth(final float[] a, final int gw, final int gh) {
		final float[] s = new float[a.length];
		for (int y = 0; y < gh; y++)
			for (int x = 0; x < gw; x++) {
				float sum = 0;
				int n = 0;
				for (int yy = Math.max(0, y - 1); yy <= Math.min(gh - 1, y + 1); yy++)
					for (int xx = Math.max(0, x - 1); xx <= Math.min(gw - 1, x + 1); xx++) {
						sum += a[yy * gw + xx];
						n++;
					}
				s[y * gw + x] = sum / n;
			}
		System.arraycopy(s, 0, a, 0, a.length);
	}

	/** The grid interpolated bilinearly between cell centres at pixel row {@code y}. */
	private static void interpolateRow(final float[] a, final int gw, final int gh, final int cell, final int y,
		final int w, final float[] out)
	{
		final double gy = Math.max(0, Math.min(gh - 1, (y + 0.5) / cell - 0.5));
		final int y0 = Math.min(Math.max(0, gh - 2), (int) gy), y1 = Math.min(gh - 1, y0 + 1);
		final float fy = (float) (gy - y0);
		for (int x = 0; x < w; x++) {
			final double gx = Math.max(0, Math.min(gw - 1, (x + 0.5) / cell - 0.5));
			final int x0 = Math.min(Math.max(0, gw - 2), (int) gx), x1 = Math.min(gw - 1, x0 + 1);
			final float fx = (float) (gx - x0);
			final float t = a[y0 * gw + x0] + (a[y0 * gw + x1] - a[y0 * gw + x0]) * fx;
			final float b = a[y1 * gw + x0] + (a[y1 * gw + x1] - a[y1 * gw + x0]) * fx;
			out[x] = t + (b - t) * fy;
		}
	}
}
