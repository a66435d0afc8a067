package org.ijocr.core.threshold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ijocr.core.filter.Gauss;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;

import net.imglib2.parallel.Parallelization;

/**
 * {@link LocalThresholds} against straightforward references: for every pixel the clipped window is scanned, the
 * mean, population standard deviation, minimum and maximum are computed in doubles, and the paper's threshold
 * formula is evaluated as written. The fast implementations must give the same binary pixels; only pixels whose
 * level lies within 1e-9 of the reference threshold (ties that rounding may break either way) are skipped, and
 * they must be rare.
 */
class LocalThresholdsTest {

	/** Sizes; the last is tall enough for row bands on two threads (each band starts its windows afresh). */
	private static final int[][] SIZES = { { 1, 1 }, { 1, 9 }, { 11, 1 }, { 7, 5 }, { 23, 17 }, { 40, 31 },
		{ 60, 200 } };
	private static final int[] RADII = { 0, 1, 2, 5, 20 };

	/** A threshold surface from the window statistics of one pixel. */
	@FunctionalInterface
	private interface Formula {

		double t(double mean, double sd, int min, int max, int g);
	}

	/** A method under test. */
	@FunctionalInterface
	private interface Fast {

		void run(int radius, byte[] g, int w, int h, byte[] out);
	}

	/** Random levels: mostly two populations (paper, ink) with noise, some uniform. */
	private static byte[] random(final int w, final int h, final long seed) {
		final Random r = new Random(seed);
		final byte[] b = new byte[w * h];
		for (int i = 0; i < b.length; i++)
			b[i] = (byte) (r.nextInt(4) == 0 ? r.nextInt(256) : r.nextBoolean() ? 200 + r.nextInt(40) : 20 + r
				.nextInt(60));
		return b;
	}

	/** The reference: ink (0) where g ≤ t; returns the number of skipped ties, marking them 1 in {@code out}. */
	private static int reference(final byte[] g, final int w, final int h, final int radius, final Formula f,
		final double tie, final byte[] out)
	{
		int ties = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double s = 0, q = 0;
				int n = 0, mn = 255, mx = 0;
				for (int yy = Math.max(0, y - radius); yy <= Math.min(h - 1, y + radius); yy++)
					for (int xx = Math.max(0, x - radius); xx <= Math.min(w - 1, x + radius); xx++) {
						final int v = g[yy * w + xx] & 0xff;
						s += v;
						q += (double) v * v;
						n++;
						mn = Math.min(mn, v);
						mx = Math.max(mx, v);
					}
				final double mean = s / n, sd = Math.sqrt(Math.max(0, q / n - mean * mean));
				final int v = g[y * w + x] & 0xff;
				final double t = f.t(mean, sd, mn, mx, v);
				if (Math.abs(v - t) < tie) {
					out[y * w + x] = 1;
					ties++;
				}
				else out[y * w + x] = v <= t ? 0 : (byte) 255;
			}
		return ties;
	}

	private static void assertMatches(final String name, final Fast fast, final FormulaFor formula) {
		assertMatches(name, fast, formula, false);
	}

	/** As above; {@code exact}: integer or exactly representable thresholds, no tie is skipped. */
	private static void assertMatches(final String name, final Fast fast, final FormulaFor formula,
		final boolean exact)
	{
		int pixels = 0, ties = 0;
		long seed = 1;
		for (final int[] size : SIZES)
			for (final int radius : RADII) {
				final int w = size[0], h = size[1];
				final byte[] g = random(w, h, seed++);
				final byte[] expected = new byte[g.length], got = new byte[g.length];
				final int t = reference(g, w, h, radius, formula.of(g, w, h, radius), exact ? 0 : 1e-9, expected);
				if (radius > 0) ties += t; // a 1-pixel window is a tie whenever T equals the pixel's own level
				Parallelization.runWithNumThreads(2, () -> fast.run(radius, g, w, h, got));
				for (int i = 0; i < g.length; i++)
					if (expected[i] != 1) assertEquals(expected[i], got[i], name + " " + w + "×" + h + " radius "
						+ radius + " at " + i % w + "," + i / w + " level " + (g[i] & 0xff));
				if (radius > 0) pixels += g.length;
			}
		assertTrue(ties * 100 < pixels, name + ": " + ties + " ties of " + pixels);
	}

	/** The formula may depend on whole-image statistics (Wolf). */
	@FunctionalInterface
	private interface FormulaFor {

		Formula of(byte[] g, int w, int h, int radius);
	}

	@Test
	void sauvolaIsTheTextbookFormula() {
		for (final double k : new double[] { 0.5, 0.1, 0, 0.34 })
			for (final double r : new double[] { 128, 64, 17.5 })
				assertMatches("Sauvola k " + k + " R " + r, (rad, g, w, h, out) -> LocalThresholds.sauvola(rad, k, r, g,
					w, h, out), (g, w, h, rad) -> (m, s, mn, mx, v) -> m * (1 + k * (s / r - 1)));
	}

	@Test
	void sauvolaWithNegativeK() {
		assertMatches("Sauvola k −0.3", (rad, g, w, h, out) -> LocalThresholds.sauvola(rad, -0.3, 128, g, w, h, out),
			(g, w, h, rad) -> (m, s, mn, mx, v) -> m * (1 - 0.3 * (s / 128 - 1)));
	}

	@Test
	void niblackIsMeanPlusKSd() {
		for (final double k : new double[] { -0.2, -0.61, 0, 0.3 })
			assertMatches("Niblack k " + k, (rad, g, w, h, out) -> LocalThresholds.niblack(rad, k, g, w, h, out), (g,
				w, h, rad) -> (m, s, mn, mx, v) -> m + k * s);
	}

	@Test
	void wolfUsesImageMinimumAndLargestSd() {
		for (final double k : new double[] { 0.5, 0.18, 0 })
			assertMatches("Wolf k " + k, (rad, g, w, h, out) -> LocalThresholds.wolf(rad, k, g, w, h, out), (g, w, h,
				rad) -> {
				int lowest = 255;
				for (final byte b : g)
					lowest = Math.min(lowest, b & 0xff);
				final byte[] none = new byte[g.length];
				final double[] maxSd = { 0 };
				reference(g, w, h, rad, (m, s, mn, mx, v) -> {
					maxSd[0] = Math.max(maxSd[0], s);
					return 0;
				}, 0, none);
				final int mMin = lowest;
				return (m, s, mn, mx, v) -> m - k * (1 - (maxSd[0] == 0 ? 0 : s / maxSd[0])) * (m - mMin);
			});
	}

	@Test
	void phansalkarOnNormalisedLevels() {
		for (final double k : new double[] { 0.25, 0 })
			for (final double r : new double[] { 0.5, 0.2 })
				assertMatches("Phansalkar k " + k + " r " + r, (rad, g, w, h, out) -> LocalThresholds.phansalkar(rad, k,
					r, g, w, h, out), (g, w, h, rad) -> (m, s, mn, mx, v) -> {
						final double mm = m / 255, ss = s / 255;
						return 255 * mm * (1 + 2 * Math.exp(-10 * mm) + k * (ss / r - 1));
					});
	}

	@Test
	void meanMinusOffset() {
		for (final double c : new double[] { 2, 0, -3, 7.5 })
			assertMatches("Mean C " + c, (rad, g, w, h, out) -> LocalThresholds.mean(rad, c, g, w, h, out), (g, w, h,
				rad) -> (m, s, mn, mx, v) -> m - c, true);
	}

	@Test
	void bernsenMidGreyOrOneClass() {
		for (final double c : new double[] { 15, 0, 60, 255 })
			assertMatches("Bernsen contrast " + c, (rad, g, w, h, out) -> LocalThresholds.bernsen(rad, c, g, w, h,
				out), (g, w, h, rad) -> (m, s, mn, mx, v) -> mx - mn < c ? (mn + mx < 256 ? 256 : -1)
					: (mn + mx) / 2.0, true);
	}

	/** A window too large for the block buffers (2r + 1 rows of a wide image) scans the rows instead: same rule. */
	@Test
	void bernsenWithAWindowWiderThanTheBuffers() {
		final int w = 3000, h = 12, radius = 700;
		final byte[] g = random(w, h, 21), got = new byte[g.length];
		LocalThresholds.bernsen(radius, 15, g, w, h, got);
		// every window spans all rows: column extremes, then the horizontal window
		final int[] cmin = new int[w], cmax = new int[w];
		for (int x = 0; x < w; x++) {
			cmin[x] = 255;
			for (int y = 0; y < h; y++) {
				cmin[x] = Math.min(cmin[x], g[y * w + x] & 0xff);
				cmax[x] = Math.max(cmax[x], g[y * w + x] & 0xff);
			}
		}
		for (int x = 0; x < w; x++) {
			int mn = 255, mx = 0;
			for (int xx = Math.max(0, x - radius); xx <= Math.min(w - 1, x + radius); xx++) {
				mn = Math.min(mn, cmin[xx]);
				mx = Math.max(mx, cmax[xx]);
			}
			for (int y = 0; y < h; y++) {
				final int v = g[y * w + x] & 0xff;
				final boolean ink = mx - mn < 15 ? mn + mx < 256 : 2 * v <= mn + mx;
				assertEquals(ink ? 0 : (byte) 255, got[y * w + x], "at " + x + "," + y);
			}
		}
	}

	@Test
	void gaussianAdaptiveIsTheBlurMinusOffset() {
		final int w = 37, h = 29;
		final byte[] g = random(w, h, 5);
		for (final int radius : new int[] { 0, 1, 3, 15 })
			for (final double c : new double[] { 2, 0, -4 }) {
				final byte[] blur = new byte[g.length], got = new byte[g.length];
				Gauss.gauss(LocalThresholds.gaussianSigma(radius), radius, g, blur, w, h);
				LocalThresholds.gaussian(radius, c, g, w, h, got);
				for (int i = 0; i < g.length; i++)
					assertEquals((g[i] & 0xff) <= (blur[i] & 0xff) - c ? 0 : (byte) 255, got[i], "radius " + radius
						+ " C " + c + " at " + i);
			}
		assertEquals(5.0, LocalThresholds.gaussianSigma(15), 1e-12, "OpenCV's σ for a 31×31 block");
	}

	/** k = 0 is a real value: Sauvola and Niblack then threshold at the mean, exactly as Mean with offset 0. */
	@Test
	void zeroKIsTheMean() {
		final int w = 61, h = 47;
		final byte[] g = random(w, h, 11);
		final byte[] mean = new byte[g.length], sauvola = new byte[g.length], niblack = new byte[g.length];
		LocalThresholds.mean(4, 0, g, w, h, mean);
		LocalThresholds.sauvola(4, 0, 128, g, w, h, sauvola);
		LocalThresholds.niblack(4, 0, g, w, h, niblack);
		assertArrayEquals(mean, sauvola);
		assertArrayEquals(mean, niblack);
		// and through the parameters: k = 0 is used, not replaced by Sauvola's default 0.5
		final byte[] viaParams = new byte[g.length], viaDefault = new byte[g.length];
		final BinarizeParams p = BinarizeParams.of(BinarizeMethod.SAUVOLA).with(LocalParam.RADIUS, 4);
		LocalThresholds.binarize(p.with(LocalParam.K, 0), g, w, h, viaParams);
		LocalThresholds.binarize(p, g, w, h, viaDefault);
		assertArrayEquals(mean, viaParams);
		assertTrue(Pages.countDifferent(mean, viaDefault) > 20, "the default k 0.5 differs from k 0");
	}

	@Test
	void planesAreIndependentAndThreadsDoNotChangeTheResult() {
		final int w = 300, h = 400;
		final byte[] g = Pages.pixels(Pages.scanned(Pages.page(w, h, 150, 1, 3L), 8, 2));
		final byte[] stack = new byte[3 * g.length];
		for (int p = 0; p < 3; p++)
			for (int i = 0; i < g.length; i++)
				stack[p * g.length + i] = (byte) (p == 1 ? 255 - g[i] : g[i]);
		for (final BinarizeMethod m : BinarizeMethod.values()) {
			if (!m.isLocal()) continue;
			final BinarizeParams p = BinarizeParams.of(m);
			final byte[] one = new byte[stack.length], two = new byte[stack.length];
			Parallelization.runSingleThreaded(() -> LocalThresholds.binarize(p, stack, w, h, one));
			Parallelization.runWithNumThreads(2, () -> LocalThresholds.binarize(p, stack, w, h, two));
			assertArrayEquals(one, two, m + ": 1 vs 2 threads");
			for (int plane = 0; plane < 3; plane++) {
				final byte[] single = new byte[g.length], part = new byte[g.length];
				LocalThresholds.binarize(p, java.util.Arrays.copyOfRange(stack, plane * g.length, (plane + 1)
					* g.length), w, h, single);
				System.arraycopy(one, plane * g.length, part, 0, g.length);
				assertArrayEquals(single, part, m + " plane " + plane);
			}
		}
	}

	/**
	 * On a rendered page with scanner noise (σ 6), every local method finds the text (recall); Sauvola, Wolf and
	 * Phansalkar also keep the paper clean (FM). Niblack, Mean and Gaussian adaptive threshold flat paper at (or
	 * near) its mean, and Bernsen's contrast limit 15 is below the range of the noise in a 31×31 window (about 40),
	 * so they mark much of the noisy paper as ink, as their papers lead one to expect.
	 */
	@Test
	void everyMethodFindsTheTextOfAPage() {
		final int w = 600, h = 500;
		final byte[] clean = Pages.pixels(Pages.page(w, h, 300, 1, 9L));
		final byte[] g = Pages.pixels(Pages.scanned(Pages.page(w, h, 300, 1, 9L), 6, 4));
		final StringBuilder bad = new StringBuilder();
		for (final BinarizeMethod m : BinarizeMethod.values()) {
			if (!m.isLocal()) continue;
			final byte[] out = new byte[g.length];
			LocalThresholds.binarize(BinarizeParams.of(m).with(LocalParam.RADIUS, 15), g, w, h, out);
			int tp = 0, fp = 0, fn = 0;
			for (int i = 0; i < g.length; i++) {
				final boolean text = (clean[i] & 0xff) < 128, ink = out[i] == 0;
				if (text && ink) tp++;
				else if (ink) fp++;
				else if (text) fn++;
			}
			final double fm = 200.0 * tp / (2 * tp + fp + fn), recall = 100.0 * tp / (tp + fn);
			final boolean noisy = m == BinarizeMethod.NIBLACK || m == BinarizeMethod.MEAN
				|| m == BinarizeMethod.GAUSSIAN_ADAPTIVE || m == BinarizeMethod.BERNSEN;
			if (recall < 85 || !noisy && fm < 80) bad.append(String.format(" %s FM %.1f recall %.1f;", m, fm, recall));
		}
		assertEquals("", bad.toString());
	}

	@Test
	void badArgumentsAreRejected() {
		final byte[] g = new byte[12], out = new byte[12];
		assertThrows(IllegalArgumentException.class, () -> LocalThresholds.sauvola(-1, 0.5, 128, g, 4, 3, out));
		assertThrows(IllegalArgumentException.class, () -> LocalThresholds.sauvola(1001, 0.5, 128, g, 4, 3, out));
		assertThrows(IllegalArgumentException.class, () -> LocalThresholds.sauvola(1, 0.5, 0, g, 4, 3, out));
		assertThrows(IllegalArgumentException.class, () -> LocalThresholds.mean(1, 0, g, 5, 3, out));
		assertThrows(IllegalArgumentException.class, () -> LocalThresholds.mean(1, 0, g, 4, 3, g));
		assertThrows(IllegalArgumentException.class, () -> LocalThresholds.binarize(BinarizeParams.of(
			BinarizeMethod.OTSU), g, 4, 3, out));
	}
}
