package org.ijocr.core.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.testutil.Banners;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;

/** {@link AutoInvert} on rendered pages: negative pages and banners are found, normal pages are left alone. */
class AutoInvertTest {

	private static final int W = 1240, H = 1754; // A4 at 150 dpi

	private static ArrayImg<UnsignedByteType, ByteArray> page(final long seed) {
		return Pages.scanned(Pages.page(W, H, 150, 2, seed), 6, seed);
	}

	private static byte[] negative(final byte[] p) {
		final byte[] n = new byte[p.length];
		for (int i = 0; i < p.length; i++)
			n[i] = (byte) (255 - (p[i] & 0xff));
		return n;
	}

	@Test
	void normalPagesAreLeftExactlyAsTheyAre() {
		for (final long seed : new long[] { 1, 2, 3 }) {
			final ArrayImg<UnsignedByteType, ByteArray> img = seed == 3 ? Pages.page(W, H, 150, 1, seed) : page(seed);
			final byte[] before = Pages.pixels(img).clone();
			for (final InvertScope scope : InvertScope.values()) {
				final AutoInvert.Result r = AutoInvert.invert(scope, img);
				assertFalse(r.inverts(), scope + " seed " + seed + ": " + r.describe());
				assertNull(r.mask());
				assertEquals("nothing to invert", r.describe());
				assertArrayEquals(before, Pages.pixels(img));
			}
		}
	}

	@Test
	void aNegativePageIsInvertedBack() {
		final byte[] original = Pages.pixels(page(4));
		for (final InvertScope scope : InvertScope.values()) {
			final ArrayImg<UnsignedByteType, ByteArray> img = net.imglib2.img.array.ArrayImgs.unsignedBytes(negative(
				original), W, H);
			final AutoInvert.Result r = AutoInvert.invert(scope, img);
			assertTrue(r.page(), scope.label());
			assertEquals("inverted page", r.describe());
			final double equal = 1 - Pages.countDifferent(original, Pages.pixels(img)) / (double) original.length;
			assertTrue(equal >= 0.999, scope + ": " + equal);
		}
	}

	@Test
	void onlyTheBannerOfAMixedPageIsInverted() {
		final Rectangle banner = new Rectangle(150, 500, 940, 160);
		final ArrayImg<UnsignedByteType, ByteArray> img = Pages.scanned(Banners.withBanner(Pages.page(W, H, 150, 2,
			5), banner, 30, 235, 36), 5, 5);
		final byte[] before = Pages.pixels(img).clone();
		// the page as a whole is normal: scope Page leaves it
		assertFalse(AutoInvert.detect(InvertScope.PAGE, img).inverts());
		final AutoInvert.Result r = AutoInvert.invert(InvertScope.AREAS, img);
		assertEquals("inverted 1 area", r.describe());
		final long[] c = Banners.changes(before, Pages.pixels(img), W, banner);
		assertTrue(c[0] >= 0.95 * c[1], "banner pixels inverted: " + c[0] + " of " + c[1]);
		assertTrue(c[2] < 0.005 * c[3], "pixels changed outside the banner: " + c[2] + " of " + c[3]);
		// the banner's text is now dark on light: its mean became light
		long sum = 0;
		for (int y = banner.y; y < banner.y + banner.height; y++)
			for (int x = banner.x; x < banner.x + banner.width; x++)
				sum += Pages.pixels(img)[y * W + x] & 0xff;
		assertTrue(sum / (double) (banner.width * banner.height) > 180);
	}

	@Test
	void aNormalBoxOnANegativePageIsKept() {
		// a negative page with one normal (dark-on-light) box: the page is inverted, the box is inverted back
		final Rectangle box = new Rectangle(200, 900, 800, 200);
		final byte[] p = Pages.pixels(Banners.withBanner(Pages.page(W, H, 150, 2, 6), box, 30, 235, 30));
		final byte[] neg = negative(p); // page negative; the box now dark text on light
		final ArrayImg<UnsignedByteType, ByteArray> img = net.imglib2.img.array.ArrayImgs.unsignedBytes(neg.clone(), W,
			H);
		final AutoInvert.Result r = AutoInvert.invert(InvertScope.AREAS, img);
		assertEquals("inverted page and 1 area", r.describe());
		final long[] c = Banners.changes(neg, Pages.pixels(img), W, box);
		assertTrue(c[0] < 0.05 * c[1], "box pixels changed: " + c[0] + " of " + c[1]);
		assertTrue(c[2] > 0.995 * c[3], "page pixels inverted: " + c[2] + " of " + c[3]);
	}

	@Test
	void solidDarkBarsAndBlankPagesAreNotText() {
		final Rectangle bar = new Rectangle(100, 300, 1000, 120);
		final ArrayImg<UnsignedByteType, ByteArray> img = Banners.withBanner(Pages.page(W, H, 150, 2, 7), bar, 20, 20,
			30);
		assertFalse(AutoInvert.detect(InvertScope.AREAS, img).inverts());
		final byte[] blank = new byte[100 * 80];
		java.util.Arrays.fill(blank, (byte) 40);
		assertEquals(-1, AutoInvert.detect(InvertScope.AREAS, blank, 100, 80).threshold());
	}
}
