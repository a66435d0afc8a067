package org.ijocr.core.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/** {@link Gauss} against a direct double-precision 2-D convolution with mirrored borders, and against OpenCV. */
class GaussTest {

	private static byte[] random(final int n, final long seed) {
		final Random r = new Random(seed);
		final byte[] b = new byte[n];
		for (int i = 0; i < n; i++)
			b[i] = (byte) r.nextInt(256);
		return b;
	}

	/** Σ k(dx)·k(dy)·v(mirror(x + dx), mirror(y + dy)) over the full 2-D kernel, in doubles. */
	private static double[] reference(final double[] v, final int w, final int h, final double sigma,
		final int radius)
	{
		final double[] k = Gauss.kernel(sigma, radius);
		final double[] out = new double[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double s = 0;
				for (int dy = -radius; dy <= radius; dy++)
					for (int dx = -radius; dx <= radius; dx++)
						s += k[Math.abs(dx)] * k[Math.abs(dy)] * v[Gauss.mirror(y + dy, h) * w + Gauss.mirror(x + dx, w)];
				out[y * w + x] = s;
			}
		return out;
	}

	private static double[] doubles(final byte[] b) {
		final double[] d = new double[b.length];
		for (int i = 0; i < b.length; i++)
			d[i] = b[i] & 0xff;
		return d;
	}

	@Test
	void kernelIsTheNormalisedSampledGaussian() {
		final double[] k = Gauss.kernel(2, 6);
		double sum = k[0];
		for (int j = 1; j <= 6; j++)
			sum += 2 * k[j];
		assertEquals(1, sum, 1e-12);
		assertEquals(Math.exp(-0.5 * 9 / 4), k[3] / k[0], 1e-12);
		assertEquals(6, Gauss.kernelRadius(2));
		assertEquals(15, Gauss.kernelRadius(5));
		assertEquals(0, Gauss.kernelRadius(0));
	}

	@Test
	void mirrorDoesNotRepeatTheEdge() {
		assertEquals(1, Gauss.mirror(-1, 5));
		assertEquals(0, Gauss.mirror(0, 5));
		assertEquals(3, Gauss.mirror(5, 5));
		assertEquals(2, Gauss.mirror(-10, 5)); // −10 → 10 → 8 − 10 … period 8: −10 ≡ 6 → 8 − 6
		assertEquals(0, Gauss.mirror(7, 1));
		assertEquals(0, Gauss.mirror(2, 2));
	}

	/** The fixed-point byte path is the exact convolution rounded, up to one level on near-halves. */
	@Test
	void bytesMatchTheExactConvolutionRounded() {
		long seed = 1;
		int n = 0, exact = 0;
		for (final int[] size : new int[][] { { 1, 1 }, { 1, 7 }, { 9, 1 }, { 2, 3 }, { 17, 13 }, { 40, 33 } })
			for (final double sigma : new double[] { 0.5, 1, 2, 3.3 }) {
				final int w = size[0], h = size[1], radius = Gauss.kernelRadius(sigma);
				final byte[] src = random(w * h, seed++), dst = new byte[w * h];
				Gauss.gauss(sigma, src, dst, w, h);
				final double[] ref = reference(doubles(src), w, h, sigma, radius);
				for (int i = 0; i < ref.length; i++) {
					final int d = Math.abs((dst[i] & 0xff) - (int) Math.round(ref[i]));
					assertTrue(d <= 1, "σ " + sigma + " " + w + "×" + h + " at " + i + ": " + (dst[i] & 0xff) + " vs "
						+ ref[i]);
					if (d == 0) exact++;
					else assertTrue(Math.abs(ref[i] - Math.floor(ref[i]) - 0.5) < 0.05, "off by one only near a half: "
						+ ref[i]);
					n++;
				}
			}
		assertTrue(exact > 0.99 * n, exact + " of " + n + " exact");
	}

	@Test
	void floatsTakeTheDoublePath() {
		final int w = 23, h = 19;
		final Random r = new Random(4);
		final float[] f = new float[w * h];
		final double[] d = new double[w * h];
		for (int i = 0; i < f.length; i++)
			d[i] = f[i] = (float) (r.nextGaussian() * 1000);
		final ArrayImg<FloatType, FloatArray> src = ArrayImgs.floats(f, w, h), dst = ArrayImgs.floats(w, h);
		Gauss.gauss(1.7, src, dst);
		final double[] ref = reference(d, w, h, 1.7, Gauss.kernelRadius(1.7));
		final float[] got = dst.update(null).getCurrentStorageArray();
		for (int i = 0; i < ref.length; i++)
			assertEquals(ref[i], got[i], 1e-3, "at " + i);
	}

	/** Bytes through a view (generic path, rounded doubles) agree with the fast path within one level. */
	@Test
	void genericBytesAgreeWithTheFastPath() {
		final int w = 31, h = 27;
		final byte[] src = random(w * h, 8), fast = new byte[w * h];
		Gauss.gauss(2, src, fast, w, h);
		final RandomAccessibleInterval<UnsignedByteType> view = Views.translate(ArrayImgs.unsignedBytes(src, w, h), 3,
			4);
		final ArrayImg<UnsignedByteType, ByteArray> out = ArrayImgs.unsignedBytes(w, h);
		Gauss.gauss(2, view, Views.translate(out, 3, 4));
		final byte[] got = out.update(null).getCurrentStorageArray();
		for (int i = 0; i < got.length; i++)
			assertTrue(Math.abs((got[i] & 0xff) - (fast[i] & 0xff)) <= 1, "at " + i);
	}

	@Test
	void flatStaysFlatAndAnImpulseGivesTheKernel() {
		final int w = 25, h = 25;
		final byte[] flat = new byte[w * h], out = new byte[w * h];
		java.util.Arrays.fill(flat, (byte) 173);
		Gauss.gauss(3, flat, out, w, h);
		assertArrayEquals(flat, out);
		final byte[] impulse = new byte[w * h];
		impulse[12 * w + 12] = (byte) 255;
		Gauss.gauss(1, impulse, out, w, h);
		final double[] k = Gauss.kernel(1, 3);
		for (int dy = -3; dy <= 3; dy++)
			for (int dx = -3; dx <= 3; dx++)
				assertEquals(255 * k[Math.abs(dx)] * k[Math.abs(dy)], out[(12 + dy) * w + 12 + dx] & 0xff, 0.51);
		assertEquals(0, out[12 * w + 16]);
	}

	@Test
	void zeroSigmaCopiesAndBadArgumentsAreRejected() {
		final byte[] src = random(12, 3), dst = new byte[12];
		Gauss.gauss(0, src, dst, 4, 3);
		assertArrayEquals(src, dst);
		assertThrows(IllegalArgumentException.class, () -> Gauss.gauss(-1, src, dst, 4, 3));
		assertThrows(IllegalArgumentException.class, () -> Gauss.gauss(Double.NaN, src, dst, 4, 3));
		assertThrows(IllegalArgumentException.class, () -> Gauss.gauss(1, src, src, 4, 3));
		assertThrows(IllegalArgumentException.class, () -> Gauss.gauss(1, src, dst, 5, 3));
	}

	@Test
	void stacksAndThreads() {
		final int w = 200, h = 300;
		final byte[] g = random(2 * w * h, 6), one = new byte[g.length], two = new byte[g.length];
		Parallelization.runSingleThreaded(() -> Gauss.gauss(2.5, g, one, w, h));
		Parallelization.runWithNumThreads(2, () -> Gauss.gauss(2.5, g, two, w, h));
		assertArrayEquals(one, two);
		final byte[] plane = new byte[w * h];
		Gauss.gauss(2.5, java.util.Arrays.copyOfRange(g, w * h, 2 * w * h), plane, w, h);
		assertArrayEquals(plane, java.util.Arrays.copyOfRange(one, w * h, 2 * w * h));
	}

	/**
	 * OpenCV's GaussianBlur (same kernel size rule, same mirrored border) gives the same pixels almost everywhere;
	 * a wrong border or kernel size would differ by tens of levels near edges and text.
	 */
	@Test
	void agreesWithOpenCv() {
		nu.pattern.OpenCV.loadLocally();
		final int w = 400, h = 300;
		final byte[] src = Pages.pixels(Pages.scanned(Pages.page(w, h, 150, 1, 5L), 6, 3)), ours = new byte[w * h],
			cv = new byte[w * h];
		for (final double sigma : new double[] { 0.8, 2, 5 }) {
			Gauss.gauss(sigma, src, ours, w, h);
			final Mat in = new Mat(h, w, CvType.CV_8UC1), out = new Mat(h, w, CvType.CV_8UC1);
			in.put(0, 0, src);
			Imgproc.GaussianBlur(in, out, new Size(0, 0), sigma);
			out.get(0, 0, cv);
			int same = 0;
			for (int i = 0; i < cv.length; i++) {
				final int d = Math.abs((cv[i] & 0xff) - (ours[i] & 0xff));
				// OpenCV's 8-bit kernel has 8 fractional bits: it strays up to ~1.8 levels from the exact value
				assertTrue(d <= 2, "σ " + sigma + " at " + i % w + "," + i / w + ": OpenCV " + (cv[i] & 0xff)
					+ ", ours " + (ours[i] & 0xff));
				if (d == 0) same++;
			}
			assertTrue(same > 0.95 * cv.length, "σ " + sigma + ": " + same + " of " + cv.length + " identical");
		}
	}
}
