package org.ijocr.core.morph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

/** Exact pixels of {@link Morphology} against a brute-force reference written from the definitions. */
class MorphologyTest {

	private static byte[] binary(final int w, final int h, final double ink, final long seed) {
		final Random r = new Random(seed);
		final byte[] p = new byte[w * h];
		for (int i = 0; i < p.length; i++)
			p[i] = r.nextDouble() < ink ? 0 : (byte) 255;
		return p;
	}

	private static byte[] grey(final int w, final int h, final long seed) {
		final Random r = new Random(seed);
		final byte[] p = new byte[w * h];
		for (int i = 0; i < p.length; i++)
			p[i] = (byte) r.nextInt(256);
		return p;
	}

	/** The element as a mask over offsets -R..R. */
	private static boolean[][] mask(final Shape shape, final int size) {
		final int R = size;
		final boolean[][] m = new boolean[2 * R + 1][2 * R + 1];
		for (final int[] row : shape.rows(size))
			for (int dx = row[1]; dx <= row[2]; dx++)
				m[row[0] + R][dx + R] = true;
		return m;
	}

	/**
	 * Erosion of the ink: max over p + b (b in B, inside the image); dilation: min over p - b (inside). Straight
	 * from the definitions, one iteration at a time.
	 */
	private static byte[] reference(final byte[] src, final int w, final int h, final boolean[][] m,
		final boolean erode)
	{
		final int R = m.length / 2;
		final byte[] out = new byte[src.length];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int v = erode ? 0 : 255;
				for (int dy = -R; dy <= R; dy++)
					for (int dx = -R; dx <= R; dx++) {
						if (!m[dy + R][dx + R]) continue;
						final int xx = erode ? x + dx : x - dx, yy = erode ? y + dy : y - dy;
						if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
						final int s = src[yy * w + xx] & 0xff;
						v = erode ? Math.max(v, s) : Math.min(v, s);
					}
				out[y * w + x] = (byte) v;
			}
		return out;
	}

	private static byte[] reference(final MorphOp op, final MorphParams p, final byte[] src, final int w,
		final int h)
	{
		final boolean[][] m = mask(p.shape(), p.size());
		byte[] cur = src;
		final boolean erodeFirst = op == MorphOp.ERODE || op == MorphOp.OPEN;
		for (int i = 0; i < p.iterations(); i++)
			cur = reference(cur, w, h, m, erodeFirst);
		if (op == MorphOp.OPEN || op == MorphOp.CLOSE) for (int i = 0; i < p.iterations(); i++)
			cur = reference(cur, w, h, m, !erodeFirst);
		return cur;
	}

	private static byte[] run(final MorphOp op, final MorphParams p, final byte[] src, final int w, final int h) {
		final byte[] dst = new byte[src.length];
		Morphology.apply(op, p, src, dst, w, h);
		return dst;
	}

	@Test
	void everyShapeSizeIterationAndOperationMatchesTheDefinition() {
		final int w = 29, h = 23;
		int cases = 0;
		for (final Shape shape : Shape.values())
			for (int size = 1; size <= 8; size++)
				for (int it = 1; it <= 3; it++)
					for (final MorphOp op : MorphOp.values()) {
						final MorphParams p = new MorphParams(shape, size, it);
						final byte[] bin = binary(w, h, 0.3, size * 31L + it), g = grey(w, h, size + 7L * it);
						assertArrayEquals(reference(op, p, bin, w, h), run(op, p, bin, w, h), op + " " + p + " binary");
						assertArrayEquals(reference(op, p, g, w, h), run(op, p, g, w, h), op + " " + p + " grey");
						cases++;
					}
		assertEquals(4 * 8 * 3 * 4, cases);
	}

	@Test
	void elementsHaveTheDocumentedPixels() {
		final int[] disk = new int[10];
		for (int s = 1; s <= 9; s++) {
			int n = 0;
			for (final int[] row : Shape.DISK.rows(s))
				n += row[2] - row[1] + 1;
			disk[s] = n;
			int sq = 0;
			for (final int[] row : Shape.SQUARE.rows(s))
				sq += row[2] - row[1] + 1;
			assertEquals(s * s, sq);
			assertEquals(1, Shape.HORIZONTAL.rows(s).length);
			assertEquals(s, Shape.VERTICAL.rows(s).length);
		}
		assertEquals(1, disk[1]);
		assertEquals(4, disk[2]);
		assertEquals(9, disk[3]);
		assertEquals(12, disk[4]);
		assertEquals(21, disk[5]); // ImageJ's circular kernel of radius 2
		assertEquals(37, disk[7]); // radius 3
		assertArrayEquals(new int[] { -2, -1, 0 }, Shape.DISK.rows(4)[0]); // even size: origin below-right of centre
		assertArrayEquals(new int[] { 1, -1, 0 }, Shape.DISK.rows(4)[3]);
		assertEquals(2, Morphology.rects(Shape.DISK.rows(5)).length);
		assertEquals(3, Morphology.rects(Shape.DISK.rows(7)).length);
	}

	@Test
	void hand_built3x3() {
		// a single ink pixel grows into a 3x3 block; at the corner it is clipped, not pulled in from outside
		final int w = 5, h = 4;
		final byte[] src = new byte[w * h];
		java.util.Arrays.fill(src, (byte) 255);
		src[2 * w + 2] = 0;
		src[0] = 0;
		final byte[] d = run(MorphOp.DILATE, MorphParams.DEFAULT, src, w, h);
		assertEquals("00...|0000.|.000.|.000.", picture(d, w, h));
		// erosion of a full-ink image keeps it all ink (no paper comes in from outside)
		final byte[] ink = new byte[w * h];
		assertArrayEquals(ink, run(MorphOp.ERODE, new MorphParams(Shape.DISK, 5, 2), ink, w, h));
		// erosion removes the isolated pixels
		assertEquals(".....|.....|.....|.....", picture(run(MorphOp.ERODE, MorphParams.DEFAULT, src, w, h), w, h));
	}

	private static String picture(final byte[] p, final int w, final int h) {
		final StringBuilder sb = new StringBuilder();
		for (int y = 0; y < h; y++) {
			if (y > 0) sb.append('|');
			for (int x = 0; x < w; x++)
				sb.append(p[y * w + x] == 0 ? '0' : '.');
		}
		return sb.toString();
	}

	@Test
	void erosionIsTheDualOfDilation() {
		final int w = 61, h = 47;
		final byte[] src = grey(w, h, 5), inv = new byte[src.length];
		for (int i = 0; i < src.length; i++)
			inv[i] = (byte) (255 - (src[i] & 0xff));
		for (final Shape shape : Shape.values())
			for (final int size : new int[] { 3, 5, 9 }) { // symmetric elements: B equals its reflection
				final MorphParams p = new MorphParams(shape, size, 2);
				final byte[] e = run(MorphOp.ERODE, p, src, w, h), d = run(MorphOp.DILATE, p, inv, w, h);
				final byte[] o = run(MorphOp.OPEN, p, src, w, h), c = run(MorphOp.CLOSE, p, inv, w, h);
				for (int i = 0; i < src.length; i++) {
					assertEquals(255 - (d[i] & 0xff), e[i] & 0xff, p + " @" + i);
					assertEquals(255 - (c[i] & 0xff), o[i] & 0xff, p + " open/close @" + i);
				}
			}
	}

	@Test
	void openAndCloseAreIdempotentAndOrdered() {
		final int w = 80, h = 70;
		final byte[] src = binary(w, h, 0.45, 11);
		for (final Shape shape : Shape.values())
			for (final int size : new int[] { 2, 3, 5, 8 }) {
				final MorphParams p = new MorphParams(shape, size, 1);
				final byte[] o = run(MorphOp.OPEN, p, src, w, h), c = run(MorphOp.CLOSE, p, src, w, h);
				assertArrayEquals(o, run(MorphOp.OPEN, p, o, w, h), "open twice " + p);
				assertArrayEquals(c, run(MorphOp.CLOSE, p, c, w, h), "close twice " + p);
				int changed = 0;
				for (int i = 0; i < src.length; i++) {
					// opening removes ink (values only rise), closing adds ink (values only fall)
					assertTrue((o[i] & 0xff) >= (src[i] & 0xff) && (c[i] & 0xff) <= (src[i] & 0xff), p + " @" + i);
					if (o[i] != src[i]) changed++;
				}
				if (size > 1) assertTrue(changed > 0, "opening changed nothing: " + p);
			}
	}

	@Test
	void rowsOfAnyWidthInThePackedPath() {
		// widths around the 8-pixel and 64-pixel words of the binary path, and a 1-pixel-wide image
		for (final int w : new int[] { 1, 7, 8, 9, 63, 64, 65, 130 })
			for (final MorphOp op : MorphOp.values()) {
				final int h = 19;
				final byte[] src = binary(w, h, 0.35, w);
				for (final MorphParams p : new MorphParams[] { MorphParams.DEFAULT, new MorphParams(Shape.DISK, 6, 1),
					new MorphParams(Shape.HORIZONTAL, 70, 1) })
					assertArrayEquals(reference(op, p, src, w, h), run(op, p, src, w, h), op + " " + p + " width " + w);
			}
		// in place, binary
		final byte[] src = binary(70, 30, 0.3, 4), copy = src.clone();
		Morphology.apply(MorphOp.OPEN, new MorphParams(Shape.DISK, 5, 2), copy, copy, 70, 30);
		assertArrayEquals(reference(MorphOp.OPEN, new MorphParams(Shape.DISK, 5, 2), src, 70, 30), copy);
	}

	@Test
	void iterationsOfALineEqualOneLongerLine() {
		final int w = 70, h = 50;
		final byte[] src = binary(w, h, 0.05, 3);
		assertArrayEquals(run(MorphOp.DILATE, new MorphParams(Shape.HORIZONTAL, 13, 1), src, w, h), run(
			MorphOp.DILATE, new MorphParams(Shape.HORIZONTAL, 3, 6), src, w, h));
		assertArrayEquals(run(MorphOp.ERODE, new MorphParams(Shape.SQUARE, 9, 1), src, w, h), run(MorphOp.ERODE,
			new MorphParams(Shape.SQUARE, 3, 4), src, w, h));
	}

	@Test
	void largeElementsAndBandsMatchTheReference() {
		final int w = 150, h = 260; // enough rows for several bands and blocks
		for (final byte[] src : new byte[][] { binary(w, h, 0.02, 9), grey(w, h, 9) }) // bit and byte paths
		for (final MorphParams p : new MorphParams[] { new MorphParams(Shape.SQUARE, 41, 1), new MorphParams(
			Shape.DISK, 23, 2), new MorphParams(Shape.VERTICAL, 101, 1), new MorphParams(Shape.HORIZONTAL, 255, 2) })
			for (final MorphOp op : new MorphOp[] { MorphOp.DILATE, MorphOp.CLOSE }) {
				final byte[] expected = reference(op, p, src, w, h);
				final byte[][] got = new byte[2][];
				Parallelization.runSingleThreaded(() -> got[0] = run(op, p, src, w, h));
				Parallelization.runWithNumThreads(4, () -> got[1] = run(op, p, src, w, h));
				assertArrayEquals(expected, got[0], op + " " + p + " 1 thread");
				assertArrayEquals(expected, got[1], op + " " + p + " 4 threads");
			}
	}

	@Test
	void imgLib2PathsAgree() {
		final int w = 33, h = 27;
		final byte[] src = grey(w, h, 21);
		final MorphParams p = new MorphParams(Shape.DISK, 5, 2);
		final byte[] expected = reference(MorphOp.CLOSE, p, src, w, h);
		// byte ArrayImg, in place (dst = src)
		final ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(src.clone(), w, h);
		Morphology.close(p, img, img);
		assertArrayEquals(expected, img.update(null).getCurrentStorageArray());
		// float image: the direct path gives the same values
		final ArrayImg<FloatType, FloatArray> f = ArrayImgs.floats(w, h);
		final Cursor<FloatType> c = f.cursor();
		for (int i = 0; i < src.length; i++)
			c.next().set(src[i] & 0xff);
		final ArrayImg<FloatType, FloatArray> fo = ArrayImgs.floats(w, h);
		Morphology.close(p, f, fo);
		final float[] fv = fo.update(null).getCurrentStorageArray();
		for (int i = 0; i < src.length; i++)
			assertEquals(expected[i] & 0xff, fv[i], 0f, "float @" + i);
		// a view (not an ArrayImg) of 8-bit pixels takes the direct path too
		final ArrayImg<UnsignedByteType, ByteArray> vo = ArrayImgs.unsignedBytes(w, h);
		Morphology.close(p, Views.interval(ArrayImgs.unsignedBytes(src.clone(), w, h), img), vo);
		assertArrayEquals(expected, vo.update(null).getCurrentStorageArray());
	}

	@Test
	void planesAreIndependent() {
		final int w = 20, h = 15;
		final byte[] a = binary(w, h, 0.2, 1), b = binary(w, h, 0.2, 2);
		final byte[] stack = new byte[2 * w * h];
		System.arraycopy(a, 0, stack, 0, w * h);
		System.arraycopy(b, 0, stack, w * h, w * h);
		final ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(stack, w, h, 2);
		final ArrayImg<UnsignedByteType, ByteArray> out = ArrayImgs.unsignedBytes(w, h, 2);
		final MorphParams p = new MorphParams(Shape.VERTICAL, 5, 1);
		Morphology.dilate(p, img, out);
		final byte[] o = out.update(null).getCurrentStorageArray();
		assertArrayEquals(reference(MorphOp.DILATE, p, a, w, h), java.util.Arrays.copyOfRange(o, 0, w * h));
		assertArrayEquals(reference(MorphOp.DILATE, p, b, w, h), java.util.Arrays.copyOfRange(o, w * h, 2 * w * h));
	}

	@Test
	void badParametersAreRejectedByName() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new MorphParams(Shape.SQUARE, 0, 1))
			.getMessage().startsWith("size must be 1..255"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new MorphParams(Shape.SQUARE, 3, 0))
			.getMessage().startsWith("iterations must be 1..100"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Shape.fromLabel("Star")).getMessage()
			.contains("Square, Disk, Horizontal, Vertical"));
		assertThrows(IllegalArgumentException.class, () -> Morphology.apply(MorphOp.DILATE, MorphParams.DEFAULT,
			new byte[10], new byte[12], 5, 2));
		assertThrows(IllegalArgumentException.class, () -> Morphology.dilate(MorphParams.DEFAULT, ArrayImgs
			.unsignedBytes(4, 4), ArrayImgs.unsignedBytes(4, 5)));
	}
}
