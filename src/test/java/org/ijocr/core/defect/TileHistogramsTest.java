package org.ijocr.core.defect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The tile statistics: the 5-pixel median and what it keeps and removes. */
class TileHistogramsTest {

	@Test
	void median5IsTheMiddleValue() {
		final Random rnd = new Random(3);
		for (int i = 0; i < 20000; i++) {
			final int[] v = new int[5];
			for (int k = 0; k < 5; k++)
				v[k] = rnd.nextInt(i % 2 == 0 ? 4 : 256);
			final int m = TileHistograms.median5(v[0], v[1], v[2], v[3], v[4]);
			final int[] s = v.clone();
			Arrays.sort(s);
			assertEquals(s[2], m, Arrays.toString(v));
		}
	}

	@Test
	void pepperIsNoInkButThinStrokesAre() {
		// paper 200 with 2 % pepper (0), and a one-pixel vertical stroke of ink 40 in the right half
		final int w = 96, h = 48;
		final byte[] px = new byte[w * h];
		final Random rnd = new Random(5);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				px[y * w + x] = (byte) (x == 70 || x == 80 ? 40 : rnd.nextDouble() < 0.02 ? 0 : 200);
		final TileHistograms th = TileHistograms.of(new Page(px, w, h), new Tiles(w, h, 48), 1);
		// a raw histogram would put the 1 % ink quantile at 0 in both tiles
		assertEquals(200, th.ink(0), "pepper alone is no ink");
		assertEquals(40, th.ink(1), "a stroke one pixel wide keeps its level");
		assertTrue(th.countAtMost(0, 100) <= 2, "dark samples left of the pepper: " + th.countAtMost(0, 100));
	}
}
