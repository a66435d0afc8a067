package org.ijocr.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.ijocr.testutil.IdentityPages;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The faster {@link ImpulseNoise} gives exactly the output and the estimates of the implementation before the second
 * speed round ({@link ImpulseNoiseReference}), with the default tolerance and others, on rendered, degraded (impulse
 * noise 2, 5 and 10 %, low contrast, shadow, blur, glare), odd-sized and DIBCO pages, a second pass over its own output
 * (as Auto Prepare runs it on dense noise), and edge cases (1×1, one row, one column, flat, two levels only, dense
 * clusters of impulses that need the 7×7 window or its fallback).
 */
class ImpulseNoiseIdentityTest {

	static Stream<IdentityPages.Page> pages() {
		return IdentityPages.noisy().stream();
	}

	static Stream<IdentityPages.Page> edgeCases() {
		final List<IdentityPages.Page> pages = new ArrayList<>();
		for (final int v : new int[] { 0, 255, 90 }) {
			pages.add(new IdentityPages.Page("1x1 of " + v, new byte[] { (byte) v }, 1, 1));
			pages.add(new IdentityPages.Page("flat " + v, IdentityPages.filled(40, 30, v), 40, 30));
		}
		final Random rnd = new Random(11);
		for (final double d : new double[] { 0.05, 0.3, 0.6, 0.95 })
			for (final int[] s : new int[][] { { 1, 1 }, { 1, 2 }, { 2, 1 }, { 1, 60 }, { 60, 1 }, { 2, 2 }, { 3, 3 }, {
				5, 40 }, { 64, 64 }, { 131, 97 } })
			{
				final byte[] twoLevels = new byte[s[0] * s[1]], grey = new byte[s[0] * s[1]];
				for (int i = 0; i < grey.length; i++) {
					final boolean hit = rnd.nextDouble() < d;
					twoLevels[i] = (byte) (hit ? 0 : 255);
					grey[i] = (byte) (hit ? rnd.nextBoolean() ? 3 : 250 : 60 + rnd.nextInt(150));
				}
				pages.add(new IdentityPages.Page("two levels " + d, twoLevels, s[0], s[1]));
				pages.add(new IdentityPages.Page("grey with impulses " + d, grey, s[0], s[1]));
			}
		return pages.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void sameOutputAsReferenceOnPages(final IdentityPages.Page p) {
		final long changed = assertSame(p, ImpulseNoise.DEFAULT_TOLERANCE);
		// a real comparison: the noisy pages are changed (a copy would hide nothing)
		if (p.name().contains("noise")) assertTrue(changed > 1000, "pixels changed: " + changed);
		if ((long) p.w() * p.h() > 2_000_000) return; // other tolerances on the smaller pages
		for (final int tolerance : new int[] { 0, 20, 255 })
			assertSame(p, tolerance);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("edgeCases")
	void sameOutputAsReferenceOnEdgeCases(final IdentityPages.Page p) {
		for (final int tolerance : new int[] { 0, 1, 64, 255 })
			assertSame(p, tolerance);
	}

	/** Both implementations on p, and again on their outputs; returns the pixels changed by the first pass. */
	private static long assertSame(final IdentityPages.Page p, final int tolerance) {
		final int n = p.w() * p.h();
		final byte[] expected = new byte[n], actual = new byte[n], mask = new byte[n + 5];
		final ImpulseNoiseReference.Result e = ImpulseNoiseReference.remove(p.px(), expected, p.w(), p.h(), tolerance);
		java.util.Arrays.fill(mask, (byte) 7); // stale contents of a reused buffer
		final ImpulseNoise.Result a = ImpulseNoise.remove(p.px(), actual, p.w(), p.h(), tolerance, mask);
		assertEquals(0, Pages.countDifferent(expected, actual), "pixels differing from the reference, tolerance "
			+ tolerance);
		assertEquals(fields(e), fields(a), "result, tolerance " + tolerance);
		final byte[] expected2 = new byte[n], actual2 = new byte[n];
		final ImpulseNoiseReference.Result e2 = ImpulseNoiseReference.remove(expected, expected2, p.w(), p.h(),
			tolerance);
		final ImpulseNoise.Result a2 = ImpulseNoise.remove(actual, actual2, p.w(), p.h(), tolerance);
		assertEquals(0, Pages.countDifferent(expected2, actual2), "second pass, tolerance " + tolerance);
		assertEquals(fields(e2), fields(a2), "second pass result, tolerance " + tolerance);
		return a.pixelsChanged();
	}

	private static List<Object> fields(final ImpulseNoiseReference.Result r) {
		return List.of(r.estimatedDensity(), r.pepperDensity(), r.saltDensity(), r.pixelsChanged(), r.low(), r.high());
	}

	private static List<Object> fields(final ImpulseNoise.Result r) {
		return List.of(r.estimatedDensity(), r.pepperDensity(), r.saltDensity(), r.pixelsChanged(), r.low(), r.high());
	}
}
