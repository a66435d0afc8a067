package org.ijocr.core.morph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayDeque;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

	/** Parses rows of '#' (value 0) and '.' (value 255). */
	private static byte[] parse(final String... rows) {
		final byte[] b = new byte[rows.length * rows[0].length()];
		for (int y = 0; y < rows.length; y++)
			for (int x = 0; x < rows[0].length(); x++)
				b[y * rows[0].length() + x] = rows[y].charAt(x) == '#' ? 0 : (byte) 255;
		return b;
	}

	@Test
	void handMadeComponentsWithMergingBranches() {
		final byte[] px = parse(
			"#.#..#",
			"#.#.#.",
			"###...",
			"......",
			".##..#");
		final ConnectedComponents eight = ConnectedComponents.label(px, 6, 5, 0, true, null);
		// U shape (needs a union of two provisional labels), the diagonal pair, the bar, the single pixel
		assertEquals(4, eight.count());
		assertArrayEquals(new int[] {
			1, 0, 1, 0, 0, 2,
			1, 0, 1, 0, 2, 0,
			1, 1, 1, 0, 0, 0,
			0, 0, 0, 0, 0, 0,
			0, 3, 3, 0, 0, 4 }, eight.labels());
		assertEquals(7, eight.area(1));
		assertEquals(2, eight.area(2));
		assertEquals(0, eight.minX(1));
		assertEquals(2, eight.maxX(1));
		assertEquals(3, eight.height(1));
		assertEquals(4, eight.minX(2));
		assertEquals(5, eight.maxX(2));
		assertEquals(0, eight.minY(2));
		assertEquals(1, eight.maxY(2));
		assertEquals(2, eight.width(3));
		// 4-connectivity splits the diagonal pair
		assertEquals(5, ConnectedComponents.label(px, 6, 5, 0, false, null).count());
		// 4-connected paper: the inside of the U (open only diagonally) and the rest
		assertEquals(2, ConnectedComponents.label(px, 6, 5, 255, false, null).count());
	}

	@Test
	void reusesTheLabelBuffer() {
		final int[] buf = new int[100];
		final ConnectedComponents cc = ConnectedComponents.label(parse("#.#", ".#."), 3, 2, 0, true, buf);
		assertSame(buf, cc.labels());
		assertEquals(1, cc.count());
	}

	/** Breadth-first flood fill numbering components in raster order of their first pixel. */
	private static int[] reference(final byte[] px, final int w, final int h, final boolean eight) {
		final int[] lab = new int[w * h];
		int next = 0;
		final ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int p = 0; p < w * h; p++) {
			if (px[p] != 0 || lab[p] != 0) continue;
			lab[p] = ++next;
			queue.add(p);
			while (!queue.isEmpty()) {
				final int q = queue.poll(), x = q % w, y = q / w;
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++) {
						if ((dx | dy) == 0 || !eight && dx != 0 && dy != 0) continue;
						final int xx = x + dx, yy = y + dy;
						if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
						final int r = yy * w + xx;
						if (px[r] == 0 && lab[r] == 0) {
							lab[r] = next;
							queue.add(r);
						}
					}
			}
		}
		return lab;
	}

	@Test
	void matchesFloodFillOnRandomImages() {
		final Random rnd = new Random(3);
		for (final double density : new double[] { 0.3, 0.45, 0.6 }) {
			final int w = 157, h = 93;
			final byte[] px = new byte[w * h];
			for (int i = 0; i < px.length; i++)
				px[i] = rnd.nextDouble() < density ? 0 : (byte) 255;
			for (final boolean eight : new boolean[] { true, false }) {
				final int[] ref = reference(px, w, h, eight);
				final ConnectedComponents cc = ConnectedComponents.label(px, w, h, 0, eight, null);
				assertArrayEquals(ref, cc.labels(), "density " + density + " eight " + eight);
				int max = 0;
				final int[] area = new int[w * h + 1];
				for (final int l : ref) {
					max = Math.max(max, l);
					area[l]++;
				}
				assertEquals(max, cc.count());
				for (int l = 1; l <= max; l++)
					assertEquals(area[l], cc.area(l));
			}
		}
	}
}
