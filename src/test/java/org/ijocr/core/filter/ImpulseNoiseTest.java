package org.ijocr.core.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

class ImpulseNoiseTest {

	private static ArrayImg<UnsignedByteType, ByteArray> page;
	private static int w, h;

	@BeforeAll
	static void render() {
		page = Pages.page(1240, 1754, 300, 2, 9L);
		w = (int) page.dimension(0);
		h = (int) page.dimension(1);
	}

	@Test
	void handMadeImpulsesReplacedInkKept() {
		final int W = 11, H = 9;
		final byte[] expected = new byte[W * H];
		java.util.Arrays.fill(expected, (byte) 128);
		for (int y = 5; y <= 7; y++)
			for (int x = 1; x <= 3; x++)
				expected[y * W + x] = 0; // a 3x3 ink blob: its corners have 3 similar neighbours
		final byte[] noisy = expected.clone();
		noisy[2 * W + 7] = 0; // pepper
		noisy[6 * W + 8] = (byte) 255; // salt
		noisy[1 * W + 4] = 0; // an isolated pepper pair
		noisy[1 * W + 5] = 0;
		final byte[] out = new byte[W * H];
		final ImpulseNoise.Result r = ImpulseNoise.remove(noisy, out, W, H, ImpulseNoise.DEFAULT_TOLERANCE);
		assertArrayEquals(expected, out);
		assertEquals(4, r.pixelsChanged());
		assertEquals(0, r.low());
		assertEquals(255, r.high());
	}

	@Test
	void cleanPageEssentiallyUnchanged() {
		final ArrayImg<UnsignedByteType, ByteArray> out = ArrayImgs.unsignedBytes(w, h);
		final ImpulseNoise.Result r = ImpulseNoise.remove(page, out);
		final double changed = Pages.countDifferent(Pages.pixels(page), Pages.pixels(out)) / (double) (w * h);
		assertTrue(changed < 1e-5, "changed fraction " + changed);
		assertTrue(r.estimatedDensity() < 1e-4, r.toString());
	}

	@Test
	void scanLikePageWithSensorNoiseEssentiallyUnchanged() {
		// grey sensor noise (sigma 6) clamps paper to 255 and ink to 0 in places: those extremes are not impulses
		final ArrayImg<UnsignedByteType, ByteArray> scan = Pages.scanned(page, 6, 2);
		final ArrayImg<UnsignedByteType, ByteArray> out = ArrayImgs.unsignedBytes(w, h);
		final ImpulseNoise.Result r = ImpulseNoise.remove(scan, out);
		final double changed = Pages.countDifferent(Pages.pixels(scan), Pages.pixels(out)) / (double) (w * h);
		assertTrue(changed < 1e-4, "changed fraction " + changed + " " + r);
		assertTrue(r.estimatedDensity() < 1e-3, r.toString());
	}

	@Test
	void uniformImageUntouched() {
		final byte[] px = new byte[64];
		final byte[] out = new byte[64];
		final ImpulseNoise.Result r = ImpulseNoise.remove(px, out, 8, 8, 64);
		assertEquals(0, r.pixelsChanged());
		assertEquals(0, r.estimatedDensity());
		assertThrows(IllegalArgumentException.class, () -> ImpulseNoise.remove(px, px, 8, 8, 64));
	}

	/**
	 * Density estimate within 10 % (relative) of the truth, and the impulses still visible after removal as a
	 * fraction of those before below {@code maxLeft} (measured: 0.064, 0.077, 0.117, 0.237; what remains are
	 * impulses touching ink or paper of their own level at glyph edges and clusters).
	 */
	@ParameterizedTest
	@CsvSource({ "0.01, 0.08", "0.05, 0.09", "0.1, 0.13", "0.2, 0.26" })
	void estimatesDensityAndRestoresPage(final double density, final double maxLeft) {
		final ArrayImg<UnsignedByteType, ByteArray> noisy = Pages.withImpulseNoise(page, density, 42);
		final ArrayImg<UnsignedByteType, ByteArray> out = ArrayImgs.unsignedBytes(w, h);
		final ImpulseNoise.Result r = ImpulseNoise.remove(noisy, out);
		assertEquals(density, r.estimatedDensity(), 0.1 * density, r.toString());
		assertEquals(density / 2, r.pepperDensity(), 0.1 * density, r.toString());
		// pixels far (> 64 levels) from the clean page: before (all visible impulses) and after
		final byte[] c = Pages.pixels(page), n = Pages.pixels(noisy), o = Pages.pixels(out);
		int before = 0, after = 0;
		for (int i = 0; i < c.length; i++) {
			if (Math.abs((c[i] & 0xff) - (n[i] & 0xff)) > 64) before++;
			if (Math.abs((c[i] & 0xff) - (o[i] & 0xff)) > 64) after++;
		}
		assertTrue(after < maxLeft * before, "after " + after + " before " + before);
	}

	@Test
	void sameResultOnViewsAndWithThreads() {
		final ArrayImg<UnsignedByteType, ByteArray> noisy = Pages.withImpulseNoise(page, 0.05, 7);
		final ArrayImg<UnsignedByteType, ByteArray> a = ArrayImgs.unsignedBytes(w, h), b = ArrayImgs.unsignedBytes(w, h);
		final ImpulseNoise.Result ra = Parallelization.runSingleThreaded(() -> ImpulseNoise.remove(noisy, a));
		final ImpulseNoise.Result rb = Parallelization.runMultiThreaded(
			() -> ImpulseNoise.remove(Views.translate(noisy, 3, 4), Views.translate(b, -2, 0)));
		assertArrayEquals(Pages.pixels(a), Pages.pixels(b));
		assertEquals(ra, rb);
		// a reused, dirty mask buffer gives the same result
		final byte[] mask = new byte[w * h];
		java.util.Arrays.fill(mask, (byte) 1);
		final byte[] c = new byte[w * h];
		assertEquals(ra, ImpulseNoise.remove(Pages.pixels(noisy), c, w, h, ImpulseNoise.DEFAULT_TOLERANCE, mask));
		assertArrayEquals(Pages.pixels(a), c);
	}
}
