package org.ijocr.core.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.ijocr.core.threshold.DocumentBinarizer;
import org.ijocr.testutil.IdentityPages;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The faster {@link Despeckle} and {@link ConnectedComponents} give exactly the output of the implementations before
 * the second speed round ({@link DespeckleReference}, {@link ConnectedComponentsReference}): on rendered, degraded
 * (impulse noise 2, 5 and 10 %, low contrast, shadow, blur, glare), odd-sized and DIBCO pages, each as it is (grey
 * levels other than 0 count as paper), binarized by {@link DocumentBinarizer} and cut at grey level 128 (every impulse
 * a speck); and on edge cases (1×1, one row, one column, all ink, all paper, random dots of every density).
 */
class DespeckleIdentityTest {

	/** A binary (or grey) test image. */
	record Image(String name, byte[] px, int w, int h) {
		@Override
		public String toString() {
			return name + " " + w + "x" + h;
		}
	}

	static Stream<Image> pages() {
		final List<Image> images = new ArrayList<>();
		for (final IdentityPages.Page p : IdentityPages.noisy()) {
			images.add(new Image(p.name(), p.px(), p.w(), p.h()));
			final byte[] bin = new byte[p.px().length], cut = new byte[p.px().length];
			DocumentBinarizer.binarize(p.px(), p.w(), p.h(), bin);
			images.add(new Image(p.name() + ", binarized", bin, p.w(), p.h()));
			for (int i = 0; i < cut.length; i++)
				cut[i] = (byte) ((p.px()[i] & 0xff) < 128 ? 0 : 255);
			images.add(new Image(p.name() + ", cut at 128", cut, p.w(), p.h()));
		}
		return images.stream();
	}

	static Stream<Image> edgeCases() {
		final List<Image> images = new ArrayList<>();
		for (final int v : new int[] { 0, 255, 7 }) {
			images.add(new Image("1x1 of " + v, new byte[] { (byte) v }, 1, 1));
			images.add(new Image("all " + v, IdentityPages.filled(64, 48, v), 64, 48));
			images.add(new Image("row of " + v, IdentityPages.filled(70, 1, v), 70, 1));
			images.add(new Image("column of " + v, IdentityPages.filled(1, 70, v), 1, 70));
		}
		final Random rnd = new Random(7);
		for (final double ink : new double[] { 0.02, 0.1, 0.3, 0.5, 0.7, 0.95 })
			for (final int[] s : new int[][] { { 1, 57 }, { 57, 1 }, { 2, 2 }, { 3, 40 }, { 63, 64 }, { 64, 65 }, { 65,
				9 }, { 130, 77 }, { 200, 150 } })
			{
				final byte[] px = new byte[s[0] * s[1]];
				for (int i = 0; i < px.length; i++)
					px[i] = (byte) (rnd.nextDouble() < ink ? 0 : rnd.nextInt(4) == 0 ? 200 : 255);
				// some text-sized blocks so that scale estimates exist
				for (int k = 0; k < px.length / 400; k++) {
					final int x0 = rnd.nextInt(s[0]), y0 = rnd.nextInt(s[1]);
					for (int y = y0; y < Math.min(s[1], y0 + 4 + rnd.nextInt(12)); y++)
						for (int x = x0; x < Math.min(s[0], x0 + 2 + rnd.nextInt(6)); x++)
							px[y * s[0] + x] = 0;
				}
				images.add(new Image("dots " + ink, px, s[0], s[1]));
			}
		return images.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void sameOutputAsReferenceOnPages(final Image p) {
		final int changed = assertSame(p);
		// a real comparison: the binarized and cut pages with text lose specks (a copy would hide nothing)
		if (p.w() * p.h() > 100_000 && !p.name().startsWith("blank") && p.name().contains("noise") && !p.name()
			.endsWith("%")) assertTrue(changed > 100, "pixels changed: " + changed);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("edgeCases")
	void sameOutputAsReferenceOnEdgeCases(final Image p) {
		assertSame(p);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource({ "pages", "edgeCases" })
	void sameComponentsAsReference(final Image p) {
		for (final int value : new int[] { 0, 255 })
			for (final boolean eight : new boolean[] { true, false }) {
				final ConnectedComponentsReference e = ConnectedComponentsReference.label(p.px(), p.w(), p.h(), value,
					eight, null);
				final int[] buffer = new int[p.w() * p.h() + 3];
				java.util.Arrays.fill(buffer, -5); // stale contents of a reused buffer
				final ConnectedComponents a = ConnectedComponents.label(p.px(), p.w(), p.h(), value, eight, buffer);
				final String what = "value " + value + (eight ? ", 8-connected" : ", 4-connected");
				assertEquals(e.count(), a.count(), "components, " + what);
				for (int i = 0; i < p.w() * p.h(); i++)
					if (e.labels()[i] != a.labels()[i]) assertEquals(e.labels()[i], a.labels()[i], "label of pixel " + i
						+ ", " + what);
				for (int l = 1; l <= e.count(); l++)
					if (e.area(l) != a.area(l) || e.minX(l) != a.minX(l) || e.minY(l) != a.minY(l) || e.maxX(l) != a.maxX(
						l) || e.maxY(l) != a.maxY(l))
						throw new AssertionError("statistics of component " + l + " differ, " + what);
			}
	}

	/** Compares both implementations on p; returns the pixels the despeckling changed. */
	private static int assertSame(final Image p) {
		final byte[] expected = p.px().clone(), actual = p.px().clone();
		final DespeckleReference.Result e = DespeckleReference.despeckle(expected, p.w(), p.h());
		final Despeckle.Result a = Despeckle.despeckle(actual, p.w(), p.h());
		assertEquals(0, Pages.countDifferent(expected, actual), "pixels differing from the reference");
		assertEquals(List.of(e.specksRemoved(), e.holesFilled(), e.strokeWidth(), e.textHeight(), e.speckArea(), e
			.tinyArea()), List.of(a.specksRemoved(), a.holesFilled(), a.strokeWidth(), a.textHeight(), a.speckArea(), a
				.tinyArea()), "result");
		return Pages.countDifferent(p.px(), actual);
	}

	@Test
	void pagesAreReallyChanged() {
		// the test above must be able to fail: on the noisiest cut page the reference removes many specks
		final IdentityPages.Page p = IdentityPages.noisy().get(IdentityPages.noisy().size() - 2);
		final byte[] cut = new byte[p.px().length];
		for (int i = 0; i < cut.length; i++)
			cut[i] = (byte) ((p.px()[i] & 0xff) < 128 ? 0 : 255);
		final DespeckleReference.Result r = DespeckleReference.despeckle(cut, p.w(), p.h());
		assertTrue(r.specksRemoved() > 1000 && r.holesFilled() > 100, p.name() + ": " + r);
	}
}
