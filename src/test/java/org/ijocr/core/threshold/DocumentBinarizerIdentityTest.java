package org.ijocr.core.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.ijocr.testutil.IdentityPages;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The faster {@link DocumentBinarizer} gives exactly the output of the implementation before the speed work
 * ({@link DocumentBinarizerReference}), with the default constants and with others (always smoothed, a large first
 * window, small background cells), on rendered, degraded (impulse noise 2, 5 and 10 %, low contrast, shadow, blur,
 * glare), odd-sized and DIBCO pages.
 */
class DocumentBinarizerIdentityTest {

	static Stream<IdentityPages.Page> pages() {
		return IdentityPages.noisy().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void sameOutputAsReference(final IdentityPages.Page p) {
		final byte[] expected = new byte[p.px().length], actual = new byte[p.px().length];
		DocumentBinarizerReference.binarize(p.px(), p.w(), p.h(), expected);
		DocumentBinarizer.binarize(p.px(), p.w(), p.h(), actual);
		assertEquals(0, Pages.countDifferent(expected, actual), "pixels differing from the reference");
		if (p.w() * p.h() > 100_000) {
			int ink = 0;
			for (final byte b : actual)
				if (b == 0) ink++;
			// a real comparison: pages with text have ink (a blank output would hide nothing)
			assertTrue(p.name().startsWith("blank") ? ink == 0 : ink > 1000, "ink pixels: " + ink);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void sameOutputWithOtherConstants(final IdentityPages.Page p) {
		if ((long) p.w() * p.h() > 2_000_000) return; // the 300-dpi pages are covered with the defaults
		final double[][] sets = { { 0, 8, 4, 100, 1.5, 0.75, 2, 1.0 / 3 }, { 0.5, 30, 2, 3, 0.5, 0.5, 0.6, 0.8 } };
		for (final double[] c : sets) {
			final byte[] expected = new byte[p.px().length], actual = new byte[p.px().length];
			DocumentBinarizerReference.binarize(p.px(), p.w(), p.h(), expected, new DocumentBinarizerReference.Constants(
				c[0], (int) c[1], c[2], (int) c[3], c[4], c[5], c[6], c[7]));
			DocumentBinarizer.binarize(p.px(), p.w(), p.h(), actual, new DocumentBinarizer.Constants(c[0], (int) c[1],
				c[2], (int) c[3], c[4], c[5], c[6], c[7]));
			assertEquals(0, Pages.countDifferent(expected, actual), "pixels differing from the reference");
		}
	}
}
