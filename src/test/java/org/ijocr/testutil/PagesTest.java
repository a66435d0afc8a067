package org.ijocr.testutil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

class PagesTest {

	@Test
	void renderingIsDeterministicAndLooksLikeText() {
		final ArrayImg<UnsignedByteType, ByteArray> a = Pages.page(900, 1200, 300, 2, 3L);
		final ArrayImg<UnsignedByteType, ByteArray> b = Pages.page(900, 1200, 300, 2, 3L);
		assertArrayEquals(Pages.pixels(a), Pages.pixels(b));
		final byte[] p = Pages.pixels(a);
		int ink = 0, grey = 0;
		for (final byte v : p) {
			if (v == 0) ink++;
			else if (v != (byte) 255) grey++;
		}
		final double inkFraction = ink / (double) p.length;
		assertTrue(inkFraction > 0.02 && inkFraction < 0.2, "ink fraction " + inkFraction);
		assertTrue(grey > ink / 10, "antialiased edges: " + grey + " grey pixels");
		assertEquals(2480, Pages.a4().dimension(0));
	}

	@Test
	void impulseNoiseHitsTheRequestedFraction() {
		final ArrayImg<UnsignedByteType, ByteArray> page = Pages.page(600, 800, 300, 1, 4L);
		final ArrayImg<UnsignedByteType, ByteArray> noisy = Pages.withImpulseNoise(page, 0.1, 9);
		final int hit = Pages.addImpulseNoise(Pages.copy(page), 0.1, 9);
		assertEquals(0.1, hit / (double) (600 * 800), 0.005);
		int salt = 0, pepper = 0;
		final byte[] c = Pages.pixels(page), n = Pages.pixels(noisy);
		for (int i = 0; i < c.length; i++) {
			if (c[i] == n[i]) continue;
			if (n[i] == 0) pepper++;
			else if (n[i] == (byte) 255) salt++;
			else throw new AssertionError("noise is only 0 or 255");
		}
		// paper is most of the page, so visible pepper outnumbers visible salt
		assertTrue(pepper > 3 * salt, pepper + " pepper, " + salt + " salt");
	}
}
