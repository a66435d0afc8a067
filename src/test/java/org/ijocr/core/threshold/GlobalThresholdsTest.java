package org.ijocr.core.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;

import ij.process.AutoThresholder;

/**
 * Global thresholds on hand-made histograms (values computed by hand in the comments) and against ImageJ 1.54p's
 * {@link AutoThresholder} (Landini's ports). ImageJ's methods return the last level of the dark class too (ink ≤ t),
 * so equal numbers mean equal segmentations.
 */
class GlobalThresholdsTest {

	private static int[] hist(final int... levelCountPairs) {
		final int[] h = new int[256];
		for (int i = 0; i < levelCountPairs.length; i += 2)
			h[levelCountPairs[i]] += levelCountPairs[i + 1];
		return h;
	}

	/**
	 * Two spikes, 50 pixels at 10 and 50 at 200. Otsu, Huang and MaxEntropy are flat over 10..199 (each class is a
	 * single level) and take the lowest: 10. Mean = 105; IsoData starts at 105 with class means 10 and 200 and stays.
	 * Li: 190 / ln(200/10) = 63.42 → 63. Triangle: the peak is level 10 (first of equal counts), its longer tail is
	 * bright, the line runs to the empty bin 201; distance is maximal (9500) first at the empty bin 11, so ink ≤ 10.
	 * Minimum: already bimodal, the first lowest bin between the peaks is 11.
	 */
	@Test
	void twoSpikes() {
		final int[] h = hist(10, 50, 200, 50);
		assertEquals(10, GlobalThresholds.otsu(h));
		assertEquals(10, GlobalThresholds.huang(h));
		assertEquals(10, GlobalThresholds.maxEntropy(h));
		assertEquals(105, GlobalThresholds.mean(h));
		assertEquals(105, GlobalThresholds.isoData(h));
		assertEquals(63, GlobalThresholds.li(h));
		assertEquals(10, GlobalThresholds.triangle(h));
		assertEquals(11, GlobalThresholds.minimum(h));
	}

	/**
	 * Levels 0, 0, 1, 3. Between-class variance: split {0,0}|{1,3}: ¼·(0 − 2)² = 1; {0,0,1}|{3}: ¾·¼·(⅓ − 3)² = 4/3;
	 * the empty level 2 repeats that value, the first maximum wins: t = 1. Mean 1.
	 */
	@Test
	void otsuAndMeanByHand() {
		final int[] h = hist(0, 2, 1, 1, 3, 1);
		assertEquals(1, GlobalThresholds.otsu(h));
		assertEquals(1, GlobalThresholds.mean(h));
	}

	/**
	 * Triangle with a dark tail: paper peak at 200 (count 100), 10 pixels on each level 50..149, so the line runs from
	 * (200, 100) to the empty bin 49 and the distance is ∝ |100·(i − 49) − 151·h(i)|: at most 100·100 − 1510 = 8490 on
	 * the occupied tail, 100·150 = 15000 at the empty level 199 — the threshold is 199.
	 */
	@Test
	void triangleDarkTail() {
		final int[] h = new int[256];
		for (int i = 50; i < 150; i++)
			h[i] = 10;
		h[200] = 100;
		assertEquals(199, GlobalThresholds.triangle(h));
	}

	@Test
	void degenerateHistogramsGiveAllPaper() {
		final int[] single = hist(5, 100);
		final int[] zero = hist(0, 100);
		final int[] empty = new int[256];
		for (final ToIntFunction<int[]> m : methods()) {
			assertEquals(4, m.applyAsInt(single));
			assertEquals(-1, m.applyAsInt(zero));
			assertEquals(-1, m.applyAsInt(empty));
		}
		assertThrows(IllegalArgumentException.class, () -> GlobalThresholds.otsu(hist(3, -1, 4, 2)));
	}

	/** A threshold never makes every occupied level ink. */
	@Test
	void thresholdStaysBelowHighestLevel() {
		final int[] h = hist(100, 1, 101, 1000);
		for (final ToIntFunction<int[]> m : methods())
			assertEquals(100, m.applyAsInt(h));
	}

	/**
	 * Otsu, Li, Huang, MaxEntropy and Mean are identical to ImageJ's on 200 random two-class histograms. Triangle
	 * differs by convention: ImageJ puts the level of maximum distance on the paper side, we on the ink side (as
	 * Zack et al. threshold at that level); IsoData and Minimum follow the papers, not ImageJ's variants, and are
	 * not compared.
	 */
	@Test
	void matchesImageJ() {
		final Random rnd = new Random(42);
		int triangleOk = 0;
		for (int t = 0; t < 200; t++) {
			final int[] h = randomBimodal(rnd);
			assertEquals(AutoThresholder.Otsu(h.clone()), GlobalThresholds.otsu(h), "Otsu, histogram " + t);
			assertEquals(AutoThresholder.Huang(h.clone()), GlobalThresholds.huang(h), "Huang, histogram " + t);
			assertEquals(AutoThresholder.MaxEntropy(h.clone()), GlobalThresholds.maxEntropy(h), "MaxEntropy " + t);
			assertEquals(AutoThresholder.Mean(h.clone()), GlobalThresholds.mean(h), "Mean, histogram " + t);
			assertEquals(AutoThresholder.Li(h.clone()), GlobalThresholds.li(h), "Li, histogram " + t);
			if (GlobalThresholds.triangle(h) == AutoThresholder.Triangle(h.clone()) + 1) triangleOk++;
		}
		assertTrue(triangleOk >= 180, "Triangle is ImageJ's + 1 on only " + triangleOk + " of 200");
	}

	/** ImageJ's Otsu on hand-picked shapes: gaps, skew, a lone dark pixel, full range. */
	@Test
	void otsuMatchesImageJOnShapes() {
		final int[][] shapes = { hist(10, 50, 200, 50), hist(0, 2, 1, 1, 3, 1), hist(0, 1, 255, 1000),
			hist(30, 5, 31, 7, 32, 9, 220, 400, 221, 300, 230, 10), hist(100, 1, 101, 1000) };
		final int[] ramp = new int[256];
		for (int i = 0; i < 256; i++)
			ramp[i] = i + 1;
		for (final int[] h : new int[][] { shapes[0], shapes[1], shapes[2], shapes[3], shapes[4], ramp })
			assertEquals(AutoThresholder.Otsu(h.clone()), GlobalThresholds.otsu(h));
	}

	private static int[] randomBimodal(final Random rnd) {
		final int[] h = new int[256];
		final int m1 = 20 + rnd.nextInt(80), m2 = 140 + rnd.nextInt(100);
		final double s1 = 3 + rnd.nextInt(20), s2 = 3 + rnd.nextInt(20);
		final int n1 = 100 + rnd.nextInt(5000), n2 = 1000 + rnd.nextInt(50000);
		for (int i = 0; i < n1; i++)
			h[Math.max(0, Math.min(255, (int) Math.round(m1 + s1 * rnd.nextGaussian())))]++;
		for (int i = 0; i < n2; i++)
			h[Math.max(0, Math.min(255, (int) Math.round(m2 + s2 * rnd.nextGaussian())))]++;
		return h;
	}

	@SuppressWarnings("unchecked")
	private static ToIntFunction<int[]>[] methods() {
		return new ToIntFunction[] { (ToIntFunction<int[]>) GlobalThresholds::otsu,
			(ToIntFunction<int[]>) GlobalThresholds::li, (ToIntFunction<int[]>) GlobalThresholds::triangle,
			(ToIntFunction<int[]>) GlobalThresholds::huang, (ToIntFunction<int[]>) GlobalThresholds::maxEntropy,
			(ToIntFunction<int[]>) GlobalThresholds::isoData, (ToIntFunction<int[]>) GlobalThresholds::mean,
			(ToIntFunction<int[]>) GlobalThresholds::minimum };
	}
}
