package org.ijocr.core.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;

/** Rotation: exact quarter turns, identity, analytic ramps, ImageJ's own rotation, threads. */
class RotateTest {

	static byte[] random(final int n, final long seed) {
		final byte[] p = new byte[n];
		new Random(seed).nextBytes(p);
		return p;
	}

	private static byte[] rotate(final byte[] src, final int w, final int h, final int wd, final int hd,
		final RotateParams p)
	{
		final byte[] d = new byte[wd * hd];
		Rotate.rotate(p, ArrayImgs.unsignedBytes(src, w, h), ArrayImgs.unsignedBytes(d, wd, hd));
		return d;
	}

	/** The picture turned 90° clockwise on screen: (x, y) -> (h-1-y, x). */
	private static byte[] quarterTurn(final byte[] s, final int w, final int h) {
		final byte[] d = new byte[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				d[x * h + (h - 1 - y)] = s[y * w + x];
		return d;
	}

	@Test
	void zeroAngleCopiesExactly() {
		final byte[] s = random(37 * 23, 1);
		for (final Interpolation ip : Interpolation.values())
			assertArrayEquals(s, rotate(s, 37, 23, 37, 23, new RotateParams(0, ip, 7)), ip.label());
	}

	@Test
	void quarterTurnsMovePixelsExactly() {
		final int w = 37, h = 23;
		final byte[] s = random(w * h, 2);
		final byte[] q1 = quarterTurn(s, w, h), q2 = quarterTurn(q1, h, w), q3 = quarterTurn(q2, w, h);
		for (final Interpolation ip : Interpolation.values()) {
			// enlarged canvas: width and height swap, every pixel lands on a pixel
			final long[] size = Rotate.enlargedSize(w, h, 90);
			assertArrayEquals(new long[] { h, w }, size);
			assertArrayEquals(q1, rotate(s, w, h, h, w, new RotateParams(90, ip, 0)), "90 " + ip);
			assertArrayEquals(q2, rotate(s, w, h, w, h, new RotateParams(180, ip, 0)), "180 " + ip);
			assertArrayEquals(q3, rotate(s, w, h, h, w, new RotateParams(-90, ip, 0)), "-90 " + ip);
			assertArrayEquals(q3, rotate(s, w, h, h, w, new RotateParams(270, ip, 0)), "270 " + ip);
			assertArrayEquals(s, rotate(s, w, h, w, h, new RotateParams(360, ip, 0)), "360 " + ip);
		}
	}

	@Test
	void quarterTurnEqualsImageJRotateRight() {
		final ByteProcessor bp = new ByteProcessor(31, 18, random(31 * 18, 3));
		final ImageProcessor right = bp.rotateRight();
		assertArrayEquals((byte[]) right.getPixels(), rotate((byte[]) bp.getPixels(), 31, 18, 18, 31, RotateParams.of(
			90)));
	}

	@Test
	void sixteenBitAndFloatTakeTheGenericPathExactly() {
		final int w = 20, h = 13;
		final short[] s = new short[w * h];
		final float[] f = new float[w * h];
		final Random r = new Random(4);
		for (int i = 0; i < s.length; i++) {
			s[i] = (short) r.nextInt(65536);
			f[i] = (float) r.nextGaussian();
		}
		final ArrayImg<UnsignedShortType, ShortArray> sd = ArrayImgs.unsignedShorts(w, h);
		Rotate.rotate(new RotateParams(180, Interpolation.BICUBIC, 0), ArrayImgs.unsignedShorts(s, w, h), sd);
		final ArrayImg<FloatType, FloatArray> fd = ArrayImgs.floats(h, w);
		Rotate.rotate(new RotateParams(90, Interpolation.BILINEAR, 0), ArrayImgs.floats(f, w, h), fd);
		final short[] so = sd.update(null).getCurrentStorageArray();
		final float[] fo = fd.update(null).getCurrentStorageArray();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				assertEquals(s[y * w + x], so[(h - 1 - y) * w + (w - 1 - x)]);
				assertEquals(f[y * w + x], fo[x * h + (h - 1 - y)], 1e-6f);
			}
	}

	/**
	 * Bilinear and bicubic reproduce a linear ramp: the rotated ramp is the ramp at the inverse-mapped position (up
	 * to the 1/256-pixel position grid), wherever the kernel lies inside the source.
	 */
	@Test
	void rampsRotateAnalytically() {
		final int w = 80, h = 60;
		final float[] f = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				f[y * w + x] = 3 + 1.5f * x - 0.75f * y;
		final double a = 17.3, t = Math.toRadians(a), c = Math.cos(t), s = Math.sin(t);
		for (final Interpolation ip : new Interpolation[] { Interpolation.BILINEAR, Interpolation.BICUBIC }) {
			final ArrayImg<FloatType, FloatArray> d = ArrayImgs.floats(w, h);
			Rotate.rotate(new RotateParams(a, ip, -1000), ArrayImgs.floats(f, w, h), d);
			final float[] o = d.update(null).getCurrentStorageArray();
			int checked = 0;
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					final double dx = x - (w - 1) / 2.0, dy = y - (h - 1) / 2.0;
					final double xs = (w - 1) / 2.0 + dx * c + dy * s, ys = (h - 1) / 2.0 - dx * s + dy * c;
					if (xs < 2 || ys < 2 || xs > w - 3 || ys > h - 3) continue;
					assertEquals(3 + 1.5 * xs - 0.75 * ys, o[y * w + x], 2.25 / 256 + 1e-3, ip + " at " + x + "," + y);
					checked++;
				}
			assertTrue(checked > 2000, "checked " + checked);
		}
	}

	/** ImageJ's ImageProcessor.rotate (clockwise, about (w-1)/2, (h-1)/2) gives the same picture. */
	@Test
	void agreesWithImageJRotateInside() {
		final ArrayImg<UnsignedByteType, ByteArray> page = Pages.page(400, 300, 100, 1, 5);
		final byte[] s = Pages.pixels(page);
		for (final Interpolation ip : new Interpolation[] { Interpolation.BILINEAR, Interpolation.BICUBIC }) {
			final ByteProcessor bp = new ByteProcessor(400, 300, s.clone());
			bp.setInterpolationMethod(ip == Interpolation.BILINEAR ? ImageProcessor.BILINEAR : ImageProcessor.BICUBIC);
			bp.setBackgroundValue(255);
			bp.rotate(6.5);
			final byte[] ours = rotate(s, 400, 300, 400, 300, new RotateParams(6.5, ip, 255));
			final byte[] ij = (byte[]) bp.getPixels();
			long sum = 0;
			int n = 0, max = 0;
			for (int y = 30; y < 270; y++)
				for (int x = 30; x < 370; x++) {
					final int d = Math.abs((ours[y * 400 + x] & 0xff) - (ij[y * 400 + x] & 0xff));
					sum += d;
					max = Math.max(max, d);
					n++;
				}
			// same geometry: differences only from rounding and ImageJ's edge handling of its kernel
			assertTrue(sum / (double) n < 0.5, ip + " mean |difference| " + sum / (double) n);
			assertTrue(max <= 8, ip + " max |difference| " + max);
		}
	}

	/** A rotation there and back loses no more than ImageJ's own bicubic rotation does. */
	@Test
	void forthAndBackLosesNoMoreThanImageJ() {
		final ArrayImg<UnsignedByteType, ByteArray> page = Pages.page(500, 400, 120, 1, 9);
		final byte[] s = Pages.pixels(page);
		final byte[] there = rotate(s, 500, 400, 500, 400, RotateParams.of(8.4));
		final byte[] back = rotate(there, 500, 400, 500, 400, RotateParams.of(-8.4));
		final ByteProcessor bp = new ByteProcessor(500, 400, s.clone());
		bp.setInterpolationMethod(ImageProcessor.BICUBIC);
		bp.setBackgroundValue(255);
		bp.rotate(8.4);
		bp.rotate(-8.4);
		final double ours = meanInterior(back, s, 500), ij = meanInterior((byte[]) bp.getPixels(), s, 500);
		assertTrue(ours <= ij * 1.05 && ours < 8, "mean |difference| " + ours + ", ImageJ " + ij);
		assertTrue(meanInterior(there, s, 500) > 3 * ours, "the rotation changed the page");
	}

	private static double meanInterior(final byte[] a, final byte[] b, final int w) {
		long sum = 0;
		int n = 0;
		for (int y = 80; y < 320; y++)
			for (int x = 80; x < w - 80; x++) {
				sum += Math.abs((a[y * w + x] & 0xff) - (b[y * w + x] & 0xff));
				n++;
			}
		return sum / (double) n;
	}

	@Test
	void cornersGetTheFillValue() {
		final byte[] s = new byte[50 * 50];
		java.util.Arrays.fill(s, (byte) 100);
		final byte[] d = rotate(s, 50, 50, 50, 50, new RotateParams(45, Interpolation.BICUBIC, 222));
		assertEquals(222, d[0] & 0xff);
		assertEquals(222, d[49] & 0xff);
		assertEquals(100, d[25 * 50 + 25] & 0xff);
		// the enlarged canvas holds every source pixel: no fill at the centre row's middle, fill in the corners
		final long[] size = Rotate.enlargedSize(50, 50, 45);
		assertEquals(71, size[0]);
	}

	@Test
	void threadsGiveTheSameResult() {
		final ArrayImg<UnsignedByteType, ByteArray> page = Pages.page(600, 500, 120, 1, 11);
		final byte[] s = Pages.pixels(page);
		final byte[][] r = new byte[2][];
		Parallelization.runSingleThreaded(() -> r[0] = rotate(s, 600, 500, 640, 560, RotateParams.of(-3.3)));
		Parallelization.runWithNumThreads(4, () -> r[1] = rotate(s, 600, 500, 640, 560, RotateParams.of(-3.3)));
		assertArrayEquals(r[0], r[1]);
	}

	@Test
	void badParametersAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> new RotateParams(Double.NaN, Interpolation.NONE, 0));
		assertThrows(IllegalArgumentException.class, () -> new RotateParams(1, null, 0));
		final ArrayImg<UnsignedByteType, ByteArray> a = ArrayImgs.unsignedBytes(4, 4);
		assertThrows(IllegalArgumentException.class, () -> Rotate.rotate(RotateParams.of(1), a, a));
		assertEquals(Interpolation.BICUBIC, Interpolation.fromLabel("bicubic"));
		assertThrows(IllegalArgumentException.class, () -> Interpolation.fromLabel("Lanczos"));
	}
}
