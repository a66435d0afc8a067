package org.ijocr.core.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.ijocr.testutil.IdentityPages;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The faster {@link LocalRange} gives exactly the output of the implementation before the speed work
 * ({@link LocalRangeReference}), for cells from the smallest to larger than the page, into another array and in
 * place, on rendered, degraded, odd-sized and DIBCO pages.
 */
class LocalRangeIdentityTest {

	static Stream<IdentityPages.Page> pages() {
		return IdentityPages.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void sameOutputAsReference(final IdentityPages.Page p) {
		int changed = 0;
		for (final int cell : new int[] { 2, 3, 8, 21, 42, 100, 5000 }) {
			final byte[] expected = new byte[p.px().length], actual = new byte[p.px().length];
			final boolean e = LocalRangeReference.normalize(p.px(), expected, p.w(), p.h(), cell);
			final boolean a = LocalRange.normalize(p.px(), actual, p.w(), p.h(), cell);
			assertEquals(e, a, "ink found, cell " + cell);
			assertEquals(0, Pages.countDifferent(expected, actual), "pixels differing from the reference, cell " + cell);
			final byte[] inPlace = p.px().clone();
			LocalRange.normalize(inPlace, inPlace, p.w(), p.h(), cell);
			assertEquals(0, Pages.countDifferent(expected, inPlace), "in place, cell " + cell);
			changed += Pages.countDifferent(p.px(), actual);
		}
		// a real comparison: the pages with text are changed (an identity map would hide nothing)
		if (p.w() * p.h() > 100_000 && !p.name().startsWith("blank")) assertTrue(changed > 1000, "pixels changed: "
			+ changed);
	}
}
