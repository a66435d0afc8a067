package org.ijocr.core.geometry;

import java.util.Arrays;

/**
 * Frozen copy of {@link Scale#capHeight} before speed round 3, on {@link GlyphsReference}: the identity baseline of
 * the faster implementation; do not change. Scale's rule has since changed (components counted by their width,
 * {@link Scale#capHeight(Glyphs)}): this is now the old rule, the timing baseline of {@code PrepareStepsBenchmark};
 * {@link GlyphsIdentityTest} compares the components.
 */
public final class ScaleReference {

	private ScaleReference() {}

	static final double CAP_OVER_X = Scale.CAP_OVER_X;

	static final int MIN_X_HEIGHT = Scale.MIN_X_HEIGHT;

	/**
	 * Estimated height of capital letters, in pixels, of the text on a grey page (dark ink on light paper); 0 when no
	 * text is found. Letter-sized ink components ({@code [0.4, 3]} times the median component height, at most 3 times
	 * as wide) are measured: the most frequent height of at least {@link #MIN_X_HEIGHT} pixels (smoothed histogram) is
	 * the x-height of the lowercase letters;
	 * the median height of the components 1.2 to 1.8 times as tall (capitals, ascenders and descenders, which differ
	 * little) is the cap height; with fewer than 5 % of them (e.g. all-lowercase specks) it is {@link #CAP_OVER_X}
	 * times the x-height.
	 */
	public static double capHeight(final byte[] grey, final int w, final int h) {
		final GlyphsReference g = GlyphsReference.find(grey, w, h, 0.4, 3, 3);
		if (g.count < Skew.MIN_GLYPHS) return 0;
		int maxH = 0;
		for (int i = 0; i < g.count; i++)
			maxH = Math.max(maxH, g.maxY[i] - g.minY[i] + 1);
		final int[] hist = new int[maxH + 2];
		for (int i = 0; i < g.count; i++)
			hist[g.maxY[i] - g.minY[i] + 1]++;
		int mode = 0;
		double best = -1;
		// specks (noise, dots, commas) are shorter than any legible x-height
		for (int v = MIN_X_HEIGHT; v <= maxH; v++) {
			final double sm = hist[v - 1] + 2.0 * hist[v] + hist[v + 1];
			if (sm > best) {
				best = sm;
				mode = v;
			}
		}
		final int[] tall = new int[g.count];
		int m = 0;
		for (int i = 0; i < g.count; i++) {
			final int ch = g.maxY[i] - g.minY[i] + 1;
			if (ch >= 1.2 * mode && ch <= 1.8 * mode) tall[m++] = ch;
		}
		if (m < 0.05 * g.count) return CAP_OVER_X * mode;
		Arrays.sort(tall, 0, m);
		return m % 2 == 1 ? tall[m / 2] : 0.5 * (tall[m / 2 - 1] + tall[m / 2]);
	}

}
