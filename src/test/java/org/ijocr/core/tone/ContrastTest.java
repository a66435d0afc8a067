package org.ijocr.core.tone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import ij.plugin.ContrastEnhancer;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
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

class ContrastTest {

	/** A faint page: ink 90, paper 170, sensor noise: low contrast. */
	private static byte[] faintPage(final int w, final int h, final long seed) {
		final byte[] p = Pages.pixels(Pages.scanned(Pages.page(w, h, 150, 1, seed), 4, seed));
		for (int i = 0; i < p.length; i++)
			p[i] = (byte) (90 + (p[i] & 0xff) * 80 / 255);
		return p;
	}

	private static byte[] imagejStretch(final byte[] px, final int w, final int h, final double saturated) {
		final ByteProcessor ip = new ByteProcessor(w, h, px.clone());
		final ContrastEnhancer ce = new ContrastEnhancer();
		ce.setNormalize(true);
		ce.stretchHistogram(ip, saturated);
		return (byte[]) ip.getPixels();
	}

	@Test
	void stretchIsPixelIdenticalToImageJNormalize() {
		final int w = 701, h = 397; // over 2^18 pixels, not a multiple of 8: the paired-table path and its tail
		final byte[] page = faintPage(w, h, 5);
		final Random r = new Random(2);
		final byte[] gauss = new byte[w * h];
		for (int i = 0; i < gauss.length; i++)
			gauss[i] = (byte) Math.max(0, Math.min(255, (int) (120 + 25 * r.nextGaussian())));
		for (final byte[] px : new byte[][] { page, gauss })
			for (final double sat : new double[] { 0, 0.35, 1, 5, 30 }) {
				final ArrayImg<UnsignedByteType, ByteArray> dst = ArrayImgs.unsignedBytes(w, h);
				Parallelization.runWithNumThreads(3, () -> Contrast.stretch(sat, ArrayImgs.unsignedBytes(px, w, h),
					dst));
				assertArrayEquals(imagejStretch(px, w, h, sat), Pages.pixels(dst), "saturated " + sat);
			}
	}

	@Test
	void stretchMapsTheSaturationPercentilesToTheEnds() {
		// 1000 pixels: 10 at 10, 980 spread over 50..149, 10 at 250; saturated 2 % = 10 pixels at each end
		final byte[] px = new byte[1000];
		for (int i = 0; i < 10; i++) {
			px[i] = 10;
			px[990 + i] = (byte) 250;
		}
		for (int i = 10; i < 990; i++)
			px[i] = (byte) (50 + (i - 10) % 100);
		final ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(px.clone(), 1000);
		// t = 1000 * 2 / 200 = 10: the count must exceed 10, so lo = 50 (10 + 10 pixels), hi = 149
		final double[] lim = Contrast.stretch(2, img, img);
		assertArrayEquals(new double[] { 50, 149 }, lim);
		final byte[] out = Pages.pixels(img);
		for (int i = 0; i < 1000; i++) {
			final int v = px[i] & 0xff;
			final int expected = v <= 50 ? 0 : v >= 149 ? 255 : (int) ((v - 50) / 99.0 * 255);
			assertEquals(expected, out[i] & 0xff, "level " + v);
		}
		// the percentile levels themselves hit the ends exactly, the middle level lands in the middle
		assertEquals(0, Contrast.stretchLut(50, 149)[50]);
		assertEquals(255, Contrast.stretchLut(50, 149)[149] & 0xff);
		assertEquals(127, Contrast.stretchLut(50, 150)[100] & 0xff);
	}

	@Test
	void stretchOnSixteenBitAndFloatUsesExactPercentilesAndTheTypeRange() {
		final int n = 2000;
		final short[] s = new short[n];
		final float[] f = new float[n];
		for (int i = 0; i < n; i++) {
			s[i] = (short) (1000 + 3 * i); // 1000 .. 6997
			f[i] = -1 + i / 1000f;
		}
		final ArrayImg<UnsignedShortType, ShortArray> si = ArrayImgs.unsignedShorts(s, n);
		// 1 % saturated: t = 10 per end, so lo = value #10 = 1030 and hi = value #1989 = 6967
		assertArrayEquals(new double[] { 1030, 6967 }, Contrast.stretch(1, si, si));
		assertEquals(0, s[10] & 0xffff);
		assertEquals(65535, s[1989] & 0xffff);
		assertEquals((int) ((2998 - 1030) / (double) (6967 - 1030) * 65535), s[666] & 0xffff); // value 2998
		final ArrayImg<FloatType, FloatArray> fi = ArrayImgs.floats(f, n);
		Contrast.stretch(1, fi, fi);
		assertEquals(0, f[10], 0);
		assertEquals(1, f[1989], 0);
		assertEquals(0.5, f[1000], 1e-3);
	}

	@Test
	void rgbStretchMatchesImageJWithWeightedLuminance() {
		final int w = 120, h = 90;
		final Random r = new Random(4);
		final ColorProcessor cp = new ColorProcessor(w, h);
		for (int i = 0; i < w * h; i++)
			cp.set(i, (60 + r.nextInt(90)) << 16 | (80 + r.nextInt(100)) << 8 | 100 + r.nextInt(60));
		final int[] ours = ((int[]) cp.getPixels()).clone();
		Contrast.apply(ContrastParams.DEFAULT, ArrayImgs.argbs(ours, w, h), ArrayImgs.argbs(ours, w, h));
		final ContrastEnhancer ce = new ContrastEnhancer();
		ce.setNormalize(true);
		final double[] weights = ColorProcessor.getWeightingFactors();
		ColorProcessor.setWeightingFactors(0.299, 0.587, 0.114); // ImageJ's "weighted RGB conversions"
		try {
			ce.stretchHistogram(cp, 0.35);
		}
		finally {
			ColorProcessor.setWeightingFactors(weights[0], weights[1], weights[2]);
		}
		for (int i = 0; i < w * h; i++)
			assertEquals(cp.get(i) & 0xffffff, ours[i] & 0xffffff, "pixel " + i);
	}

	@Test
	void claheOfAConstantImageIsConstant() {
		for (final int value : new int[] { 0, 77, 255 }) {
			final byte[] px = new byte[300 * 200];
			java.util.Arrays.fill(px, (byte) value);
			final byte[] out = new byte[px.length];
			Contrast.clahe(64, 256, 3, px, out, 300, 200);
			for (final byte b : out)
				assertEquals(out[0], b, "constant " + value);
		}
	}

	@Test
	void claheWithClipLimitOneIsTheIdentity() {
		final int w = 400, h = 300;
		final byte[] px = faintPage(w, h, 8);
		final byte[] out = new byte[px.length];
		Contrast.clahe(127, 256, 1, px, out, w, h);
		assertArrayEquals(px, out);
	}

	/**
	 * A ramp keeps its order up to rounding (one level) at low clip limits. At high limits CLAHE flattens each tile's
	 * part of a gentle ramp and may turn it back between tile centres by several levels; OpenCV's CLAHE does the same
	 * (3 levels back at clip 3 and blocks of 64 on this ramp, ours 2), so that is not asserted.
	 */
	@Test
	void claheKeepsTheOrderOfARampAtLowClipLimits() {
		final int w = 1016, h = 127;
		final byte[] px = new byte[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				px[y * w + x] = (byte) (x / 4);
		for (final double clip : new double[] { 1.5, 2 })
			for (final int blocksize : new int[] { 32, 64, 127, 200 }) {
				final byte[] out = new byte[px.length];
				Contrast.clahe(blocksize, 256, clip, px, out, w, h);
				for (int y = 0; y < h; y++) {
					int top = 0;
					for (int x = 0; x < w; x++) {
						final int v = out[y * w + x] & 0xff;
						top = Math.max(top, v);
						assertTrue(v >= top - 1, "clip " + clip + ", blocks " + blocksize + ": " + v + " at " + x + ","
							+ y + " after " + top);
					}
				}
				assertTrue((out[w - 1] & 0xff) - (out[0] & 0xff) >= 200, "the ramp still spans the range");
			}
	}

	@Test
	void clipLimitBoundsTheSlopeOfEveryTileMapping() {
		final Random r = new Random(6);
		final double[] work = new double[257];
		final float[] map = new float[256];
		for (int trial = 0; trial < 200; trial++) {
			final int bins = trial % 2 == 0 ? 256 : 64;
			final int[] hist = new int[bins];
			int n = 0;
			// a peaked histogram: most pixels in a few bins, as on paper
			for (int k = 0; k < 5000; k++) {
				final int b = Math.max(0, Math.min(bins - 1, (int) (bins * 0.7 + r.nextGaussian() * (1 + trial % 9))));
				hist[b]++;
				n++;
			}
			final double clip = 1 + r.nextDouble() * 6;
			Contrast.tileMap(hist, 0, n, bins, clip, work, map);
			final double maxStep = 255 * clip / (bins - clip); // 255 · limit / (n - C(0)), C(0) <= limit
			assertEquals(0, map[0], 0);
			assertEquals(255, map[bins - 1], 1e-3);
			for (int b = 1; b < bins; b++) {
				final double step = map[b] - map[b - 1];
				assertTrue(step >= 0 && step <= maxStep + 1e-3, "trial " + trial + " bin " + b + ": step " + step
					+ " > " + maxStep);
			}
		}
	}

	@Test
	void higherClipLimitGivesMoreInkContrast() {
		final int w = 500, h = 400;
		final byte[] clean = Pages.pixels(Pages.page(w, h, 150, 1, 9));
		final byte[] px = faintPage(w, h, 9);
		double previous = inkContrast(px, clean);
		assertTrue(previous < 80, "the faint page has ink 90 on paper 170: " + previous);
		for (final double clip : new double[] { 2, 4, 8 }) {
			final byte[] out = new byte[px.length];
			Contrast.clahe(127, 256, clip, px, out, w, h);
			final double c = inkContrast(out, clean);
			assertTrue(c > previous + 2, "clip " + clip + ": paper - ink " + c + " vs " + previous);
			previous = c;
		}
	}

	/** Mean of the paper pixels minus mean of the ink pixels (by the clean page). */
	private static double inkContrast(final byte[] px, final byte[] clean) {
		double paper = 0, ink = 0;
		int np = 0, ni = 0;
		for (int i = 0; i < px.length; i++) {
			if ((clean[i] & 0xff) == 255) {
				paper += px[i] & 0xff;
				np++;
			}
			else if ((clean[i] & 0xff) < 64) {
				ink += px[i] & 0xff;
				ni++;
			}
		}
		return paper / np - ink / ni;
	}

	@Test
	void claheIsTheSameOnOneAndManyThreadsAndOnSixteenBit() {
		final int w = 333, h = 251;
		final byte[] px = faintPage(w, h, 10);
		final ArrayImg<UnsignedByteType, ByteArray> one = ArrayImgs.unsignedBytes(w, h), many = ArrayImgs.unsignedBytes(w,
			h);
		Parallelization.runSingleThreaded(() -> Contrast.clahe(50, 128, 3, ArrayImgs.unsignedBytes(px, w, h), one));
		Parallelization.runWithNumThreads(4, () -> Contrast.clahe(50, 128, 3, ArrayImgs.unsignedBytes(px, w, h), many));
		assertArrayEquals(Pages.pixels(one), Pages.pixels(many));
		// 16-bit holding the levels × 257 (0 and 65535 present): the 8-bit result × 257
		px[0] = 0;
		px[1] = (byte) 255;
		final short[] s = new short[w * h];
		for (int i = 0; i < s.length; i++)
			s[i] = (short) (257 * (px[i] & 0xff));
		final ArrayImg<UnsignedShortType, ShortArray> si = ArrayImgs.unsignedShorts(s, w, h);
		Contrast.clahe(50, 128, 3, si, si);
		final byte[] expected = new byte[w * h];
		Contrast.clahe(50, 128, 3, px, expected, w, h);
		int differ = 0;
		for (int i = 0; i < s.length; i++)
			if ((s[i] & 0xffff) != 257 * (expected[i] & 0xff)) differ++;
		assertEquals(0, differ);
	}

	@Test
	void badParametersAreNamed() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new ContrastParams(ContrastMethod.CLAHE, 0.35,
			127, 300, 3)).getMessage().contains("bins"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new ContrastParams(ContrastMethod.CLAHE, 0.35,
			127, 256, 0.5)).getMessage().contains("clip limit"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ContrastMethod.fromLabel("Equalize"))
			.getMessage().contains("Stretch, CLAHE"));
	}

}
