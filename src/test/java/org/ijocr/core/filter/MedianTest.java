package org.ijocr.core.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ij.plugin.filter.RankFilters;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

class MedianTest {

	private static ArrayImg<UnsignedByteType, ByteArray> page;

	@BeforeAll
	static void renderPage() {
		// a 300-dpi crop-sized page: real glyph edges, punctuation, antialiasing
		page = Pages.page(700, 520, 300, 1, 7L);
	}

	/** ImageJ's own kernel, for comparison (makeLineRadii is protected). */
	private static final class IjKernel extends RankFilters {

		int[] halfWidths(final double r) {
			final int[] k = makeLineRadii(r);
			final int kh = (k.length - 2) / 2;
			final int[] dx = new int[kh];
			for (int i = 0; i < kh; i++) {
				assertEquals(-k[2 * i], k[2 * i + 1], "ImageJ kernel rows are symmetric");
				dx[i] = k[2 * i + 1];
			}
			assertEquals(k[k.length - 2], Median.kernelSize(r), "point count for radius " + r);
			return dx;
		}
	}

	@Test
	void kernelMatchesImageJForManyRadii() {
		final IjKernel ij = new IjKernel();
		for (double r = 0; r <= 12; r += 0.05)
			assertArrayEquals(ij.halfWidths(r), Median.lineRadii(r), "radius " + r);
		assertEquals(5, Median.kernelSize(0.5));
		assertEquals(9, Median.kernelSize(1));
		assertEquals(13, Median.kernelSize(1.5));
		assertEquals(21, Median.kernelSize(2));
		assertEquals(37, Median.kernelSize(3));
	}

	private static byte[] imagejMedian(final byte[] px, final int w, final int h, final double r) {
		final ByteProcessor ip = new ByteProcessor(w, h, px.clone());
		new RankFilters().rank(ip, r, RankFilters.MEDIAN);
		return (byte[]) ip.getPixels();
	}

	private static byte[] ours(final byte[] px, final int w, final int h, final double r, final boolean multi) {
		final ArrayImg<UnsignedByteType, ByteArray> src = ArrayImgs.unsignedBytes(px.clone(), w, h);
		final ArrayImg<UnsignedByteType, ByteArray> dst = ArrayImgs.unsignedBytes(w, h);
		if (multi) Parallelization.runMultiThreaded(() -> Median.median(r, src, dst));
		else Parallelization.runSingleThreaded(() -> Median.median(r, src, dst));
		return Pages.pixels(dst);
	}

	private static byte[] random(final int n, final long seed, final int levels) {
		final Random rnd = new Random(seed);
		final byte[] b = new byte[n];
		for (int i = 0; i < n; i++)
			b[i] = (byte) (levels >= 256 ? rnd.nextInt(256) : rnd.nextInt(levels) * (255 / (levels - 1)));
		return b;
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 7, 10, 12, 13, 15 })
	void identicalToImageJOnRandomImages(final double r) {
		// radius 1.5 to 12 (up to 457 pixels): bit-sliced, its first 1-3 passes box-counted from radius 2 up;
		// 13 and 15 (545, 717 pixels): Huang's histogram
		// odd sizes, a one-row and a one-column image, few and many grey levels
		final int[][] sizes = { { 97, 61 }, { 33, 1 }, { 1, 29 }, { 4, 3 }, { 200, 150 } };
		long seed = 1;
		for (final int[] s : sizes) {
			for (final int levels : new int[] { 3, 256 }) {
				final byte[] px = random(s[0] * s[1], seed++, levels);
				final byte[] expected = imagejMedian(px, s[0], s[1], r);
				assertArrayEquals(expected, ours(px, s[0], s[1], r, false), "1 thread " + s[0] + "x" + s[1]);
				assertArrayEquals(expected, ours(px, s[0], s[1], r, true), "threads " + s[0] + "x" + s[1]);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0.5, 1, 1.5, 2, 3, 4, 5, 7, 13 })
	void identicalToImageJOnRenderedAndNoisyPage(final double r) {
		final int w = (int) page.dimension(0), h = (int) page.dimension(1);
		final byte[] clean = Pages.pixels(page);
		assertArrayEquals(imagejMedian(clean, w, h, r), ours(clean, w, h, r, false));
		final byte[] noisy = Pages.pixels(Pages.withImpulseNoise(page, 0.1, 3));
		assertArrayEquals(imagejMedian(noisy, w, h, r), ours(noisy, w, h, r, true));
	}

	@Test
	void bitSlicedUpToItsLaneLimitAndInStripes() {
		// the bit-sliced median at its largest kernels (counts fill the 9-bit lanes), and Huang's just beyond
		final int w = 61, h = 47;
		for (final double r : new double[] { 12.5, 13 }) {
			final int n = Median.kernelSize(r);
			assertEquals(r < 13, n <= BitSlicedMedian.MAX_KERNEL, "radius " + r + ": " + n + " pixels");
			final byte[] px = random(w * h, 31, 256);
			assertArrayEquals(imagejMedian(px, w, h, r), ours(px, w, h, r, false), "radius " + r);
		}
		// wider than 7 lanes of 489 words (radius 11: prefix counts must fit 9 bits): filtered in vertical stripes
		final int wide = 7300, rows = 9;
		final byte[] px = random(wide * rows, 32, 256), dst = new byte[wide * rows];
		BitSlicedMedian.rows(Median.lineRadii(11), px, dst, 0, wide, rows, 0, rows);
		assertArrayEquals(imagejMedian(px, wide, rows, 11), dst);
		// rows of a chunk in the middle of the plane read the rows above and below the chunk
		final byte[] part = new byte[w * h];
		final byte[] all = random(w * h, 33, 256);
		BitSlicedMedian.rows(Median.lineRadii(4), all, part, 0, w, h, 10, 20);
		final byte[] expected = imagejMedian(all, w, h, 4);
		for (int i = 0; i < w * h; i++)
			assertEquals(i >= 10 * w && i < 20 * w ? expected[i] : 0, part[i], "pixel " + i);
	}

	@Test
	void handMade3x3AndCross() {
		// 5x4 image; values chosen so that every output is easy to work out by hand
		final byte[] px = {
			10, 10, 10, 10, 10,
			10, 90, 90, 10, 10,
			10, 90, 90, 90, 10,
			10, 10, 10, 10, 10 };
		final byte[] expected3x3 = {
			10, 10, 10, 10, 10,
			10, 10, 90, 10, 10,
			10, 10, 90, 10, 10,
			10, 10, 10, 10, 10 };
		assertArrayEquals(expected3x3, ours(px, 5, 4, 1, false));
		// radius 0.5: the 5-pixel cross (centre, up, down, left, right); (3,2) sees 90 only at centre and left
		final byte[] expectedCross = {
			10, 10, 10, 10, 10,
			10, 90, 90, 10, 10,
			10, 90, 90, 10, 10,
			10, 10, 10, 10, 10 };
		assertArrayEquals(expectedCross, ours(px, 5, 4, 0.5, false));
		// edge replicate: at (0,0) the 3x3 window reads rows 0,0,1 and columns 0,0,1: eight 200s and one 0
		final byte[] corner = { (byte) 200, (byte) 200, 0, (byte) 200, 0, 0, 0, 0, 0 };
		final byte[] out = ours(corner, 3, 3, 1, false);
		assertEquals(200, out[0] & 0xff);
		assertEquals(0, out[8] & 0xff);
	}

	@ParameterizedTest
	@ValueSource(doubles = { 1, 2, 3 })
	void sixteenBitAndFloatMatchImageJ(final double r) {
		final int w = 83, h = 47;
		final Random rnd = new Random(11);
		final short[] s = new short[w * h];
		final float[] f = new float[w * h];
		for (int i = 0; i < s.length; i++) {
			s[i] = (short) rnd.nextInt(65536);
			f[i] = (float) rnd.nextGaussian() * 1000f;
		}
		final ShortProcessor sp = new ShortProcessor(w, h, s.clone(), null);
		new RankFilters().rank(sp, r, RankFilters.MEDIAN);
		final ArrayImg<UnsignedShortType, ShortArray> s2 = ArrayImgs.unsignedShorts(w, h);
		Median.median(r, ArrayImgs.unsignedShorts(s.clone(), w, h), s2);
		assertArrayEquals((short[]) sp.getPixels(), s2.update(null).getCurrentStorageArray());

		final FloatProcessor fp = new FloatProcessor(w, h, f.clone());
		new RankFilters().rank(fp, r, RankFilters.MEDIAN);
		final ArrayImg<FloatType, FloatArray> f2 = ArrayImgs.floats(w, h);
		Parallelization.runSingleThreaded(() -> Median.median(r, ArrayImgs.floats(f.clone(), w, h), f2));
		assertArrayEquals((float[]) fp.getPixels(), f2.update(null).getCurrentStorageArray());
	}

	@Test
	void genericPathOnViewsMatchesFastPath() {
		final int w = 120, h = 90;
		final byte[] px = random(w * h, 5, 256);
		for (final double r : new double[] { 1, 2, 3 }) {
			final byte[] fast = ours(px, w, h, r, false);
			// a translated view is not an ArrayImg: generic path, non-zero interval minimum
			final ArrayImg<UnsignedByteType, ByteArray> dst = ArrayImgs.unsignedBytes(w, h);
			Median.median(r, Views.translate(ArrayImgs.unsignedBytes(px.clone(), w, h), 40, -7),
				Views.translate(dst, 3, 5));
			assertArrayEquals(fast, Pages.pixels(dst), "radius " + r);
		}
	}

	@Test
	void stackPlanesAreFilteredIndependently() {
		final int w = 40, h = 30;
		final byte[] a = random(w * h, 21, 256), b = random(w * h, 22, 256);
		final byte[] both = new byte[2 * w * h];
		System.arraycopy(a, 0, both, 0, w * h);
		System.arraycopy(b, 0, both, w * h, w * h);
		final ArrayImg<UnsignedByteType, ByteArray> dst = ArrayImgs.unsignedBytes(w, h, 2);
		Median.median(2, ArrayImgs.unsignedBytes(both, w, h, 2), dst);
		final byte[] out = Pages.pixels(dst);
		final byte[] expected = new byte[2 * w * h];
		System.arraycopy(imagejMedian(a, w, h, 2), 0, expected, 0, w * h);
		System.arraycopy(imagejMedian(b, w, h, 2), 0, expected, w * h, w * h);
		assertArrayEquals(expected, out);
	}

	@Test
	void rejectsAliasingAndBadArguments() {
		final ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(10, 10);
		assertThrows(IllegalArgumentException.class, () -> Median.median(1, img, img));
		assertThrows(IllegalArgumentException.class, () -> Median.median(1, img, ArrayImgs.unsignedBytes(10, 11)));
		assertThrows(IllegalArgumentException.class, () -> Median.median(-1, img, ArrayImgs.unsignedBytes(10, 10)));
		assertThrows(IllegalArgumentException.class,
			() -> Median.median(Double.NaN, img, ArrayImgs.unsignedBytes(10, 10)));
	}
}
