package org.ijocr.core.defect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.ijocr.testutil.DegradedPages;
import org.ijocr.testutil.IdentityPages;
import org.ijocr.testutil.Pages;
import org.ijocr.testutil.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The faster tile histograms and edge widths of the third speed round give exactly the detections of the
 * implementations before it ({@link TileHistogramsReference}, {@link EdgeWidthsReference}, {@link DetectorsReference}):
 * every area of the four detectors compared field by field (type, box, score as double bits),
 * and the intermediate results themselves (every tile's histogram, the impulse counts per tile (all and free) at several tolerances and levels, the noise sigmas as float bits, the edge-width
 * histograms and counts); on clean, impulse noise, low contrast, shadow, blur and glare pages at 150 and 300 dpi
 * ({@link DegradedPages#degrade}), the other identity pages (odd sizes, DIBCO), the defect benchmark's A4 page with a
 * photo, and Tesseract's pages when the shared data is present.
 */
class DetectorsIdentityTest {

	static Stream<IdentityPages.Page> pages() {
		final List<IdentityPages.Page> pages = new ArrayList<>(IdentityPages.all());
		final IdentityPages.Page p300 = IdentityPages.all().get(0);
		final Object[][] defects = { { DegradedPages.Defect.NOISE, 0.02 }, { DegradedPages.Defect.LOW_CONTRAST, 40.0 },
			{ DegradedPages.Defect.SHADOW, 0.7 }, { DegradedPages.Defect.GAUSSIAN_BLUR, 2.0 }, {
				DegradedPages.Defect.GLARE, 0.8 } };
		int seed = 11;
		for (final Object[] d : defects)
			pages.add(new IdentityPages.Page("300 dpi " + d[0] + " " + d[1], DegradedPages.degrade(p300.px(), p300.w(),
				p300.h(), 300, (DegradedPages.Defect) d[0], (Double) d[1], seed++), p300.w(), p300.h()));
		final DegradedPages.Page g = DegradedPages.make(DegradedPages.Layout.a4(300, 2, DegradedPages.Figure.PHOTO, 1),
			DegradedPages.Defect.NOISE, 0.02, false);
		pages.add(new IdentityPages.Page("A4 photo noise 2 %", Pages.pixels(g.image()), g.layout().width(), g.layout()
			.height()));
		for (final String name : new String[] { "phototest.tif", "eurotext.tif" }) {
			if (!Files.isRegularFile(SharedData.path("tesseract", name))) continue;
			final ImagePlus imp = IJ.openImage(SharedData.path("tesseract", name).toString());
			final ByteProcessor bp = imp.getProcessor().convertToByteProcessor();
			pages.add(new IdentityPages.Page(name, (byte[]) bp.getPixels(), bp.getWidth(), bp.getHeight()));
		}
		return pages.stream();
	}

	private static void assertSame(final List<DefectArea> want, final List<DefectArea> got, final String what) {
		assertEquals(want.size(), got.size(), what + ": " + got + " vs " + want);
		for (int i = 0; i < want.size(); i++) {
			final DefectArea a = want.get(i), b = got.get(i);
			assertEquals(a.type(), b.type(), what);
			assertEquals(a.x(), b.x(), what);
			assertEquals(a.y(), b.y(), what);
			assertEquals(a.width(), b.width(), what);
			assertEquals(a.height(), b.height(), what);
			assertEquals(Double.doubleToRawLongBits(a.score()), Double.doubleToRawLongBits(b.score()), what + ": " + b
				+ " vs " + a);
		}
	}

	@ParameterizedTest
	@MethodSource("pages")
	void detectionsAreIdentical(final IdentityPages.Page p) {
		final Page page = new Page(p.px(), p.w(), p.h());
		assertSame(DetectorsReference.impulseNoise(page, ImpulseNoiseDetector.Params.DEFAULT), ImpulseNoiseDetector
			.detect(page, ImpulseNoiseDetector.Params.DEFAULT), p + " impulse noise");
		assertSame(DetectorsReference.lowContrast(page, LowContrastDetector.Params.DEFAULT), LowContrastDetector.detect(
			page, LowContrastDetector.Params.DEFAULT), p + " low contrast");
		assertSame(DetectorsReference.blur(page, BlurDetector.Params.DEFAULT), BlurDetector.detect(page,
			BlurDetector.Params.DEFAULT), p + " blur");
		assertSame(DetectorsReference.glare(page, GlareDetector.Params.DEFAULT), GlareDetector.detect(page,
			GlareDetector.Params.DEFAULT), p + " glare");
	}

	@ParameterizedTest
	@MethodSource("pages")
	void tileHistogramsAndEdgesAreIdentical(final IdentityPages.Page p) {
		final Page page = new Page(p.px(), p.w(), p.h());
		final Tiles tiles = Tiles.of(p.w(), p.h());
		for (final int step : new int[] { 1, 2, 3 }) {
			final TileHistograms want = TileHistogramsReference.of(page, tiles, step), got = TileHistograms.of(page,
				tiles, step);
			for (int t = 0; t < tiles.count(); t++) {
				assertEquals(want.total(t), got.total(t), p + " tile " + t);
				for (int v = 0; v < 256; v++)
					if (want.countAtMost(t, v) != got.countAtMost(t, v)) assertEquals(want.countAtMost(t, v), got
						.countAtMost(t, v), p + " step " + step + " tile " + t + " level " + v);
			}
		}
		final TileHistograms th = TileHistograms.of(page, tiles, 2);
		final float[] nw = EdgeWidthsReference.noise(page, th), ng = EdgeWidths.noise(page, th);
		for (int t = 0; t < nw.length; t++)
			assertEquals(Float.floatToRawIntBits(nw[t]), Float.floatToRawIntBits(ng[t]), p + " noise of tile " + t);
		// text tiles only (as the blur detector), every tile, and a random mix
		final Random rnd = new Random(p.w() * 31L + p.h());
		final int[][] rises = new int[3][tiles.count()];
		for (int t = 0; t < tiles.count(); t++) {
			rises[0][t] = t % 3 == 0 ? Integer.MAX_VALUE : 32 + t % 50;
			rises[1][t] = 1;
			rises[2][t] = rnd.nextInt(4) == 0 ? Integer.MAX_VALUE : 8 + rnd.nextInt(200);
		}
		for (final int[] minRise : rises) {
			final EdgeWidths want = EdgeWidthsReference.measure(page, tiles, BlurDetector.MIN_STEP,
				BlurDetector.TOLERANCE, minRise, nw), got = EdgeWidths.measure(page, tiles, BlurDetector.MIN_STEP,
					BlurDetector.TOLERANCE, minRise, nw);
			for (int d = 0; d < 2; d++) {
				assertEquals(java.util.Arrays.toString(want.count[d]), java.util.Arrays.toString(got.count[d]), p
					+ " edge counts " + d);
				assertEquals(java.util.Arrays.hashCode(want.hist[d]), java.util.Arrays.hashCode(got.hist[d]), p
					+ " edge widths " + d);
				assertEquals(java.util.Arrays.toString(want.hist[d]), java.util.Arrays.toString(got.hist[d]), p
					+ " edge widths " + d);
			}
		}
		final int[] levels = ImpulseNoiseDetector.levels(page);
		for (final int[] lv : new int[][] { levels, { 0, 255 }, { 255, 0 }, { 30, 200 }, { 200, 30 } })
			for (final int tol : new int[] { 1, 64, 200, 254 }) {
				final int[] free = new int[tiles.count()];
				assertEquals(java.util.Arrays.toString(DetectorsReference.impulsesPerTile(page, tiles, tol, lv[0], lv[1])),
					java.util.Arrays.toString(ImpulseNoiseDetector.impulsesPerTile(page, tiles, tol, lv[0], lv[1], free)), p
						+ " impulses, tolerance " + tol + ", levels " + lv[0] + "/" + lv[1]);
				assertEquals(java.util.Arrays.toString(DetectorsReference.freeImpulsesPerTile(page, tiles, tol, lv[0],
					lv[1])), java.util.Arrays.toString(free), p + " free impulses, tolerance " + tol + ", levels " + lv[0]
						+ "/" + lv[1]);
			}
		for (final int mid : new int[] { 0, 100, 128, 200, 255 })
			assertEquals(DetectorsReference.strokeWidthReference(page, mid), BlurDetector.strokeWidth(page, mid), p
				+ " stroke width at " + mid);
	}

	/**
	 * Inside {@link TileHistograms#sharing} the histograms of the page are computed once (the same instance for the
	 * same grid and step, another for another step or another array), the four detectors run side by side on two
	 * threads give the reference's areas, and after it every call computes afresh.
	 */
	@ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(ints = { 3, 4, 5, 7 }) // 150 dpi noise, low contrast, shadow, glare
	void sharedHistogramsGiveTheSameAreas(final int index) {
		final IdentityPages.Page p = IdentityPages.all().get(index);
		final Page page = new Page(p.px(), p.w(), p.h()), copy = new Page(p.px().clone(), p.w(), p.h());
		final Tiles tiles = Tiles.of(p.w(), p.h());
		final List<DefectArea> want = new ArrayList<>();
		want.addAll(DetectorsReference.impulseNoise(page, ImpulseNoiseDetector.Params.DEFAULT));
		want.addAll(DetectorsReference.lowContrast(page, LowContrastDetector.Params.DEFAULT));
		want.addAll(DetectorsReference.blur(page, BlurDetector.Params.DEFAULT));
		want.addAll(DetectorsReference.glare(page, GlareDetector.Params.DEFAULT));
		assertFalse(want.isEmpty(), p.toString());
		final List<List<DefectArea>> got = TileHistograms.sharing(page, () -> {
			org.junit.jupiter.api.Assertions.assertSame(TileHistograms.of(page, tiles, 2), TileHistograms.of(new Page(p
				.px(), p.w(), p.h()), tiles, 2));
			org.junit.jupiter.api.Assertions.assertNotSame(TileHistograms.of(page, tiles, 2), TileHistograms.of(page,
				tiles, 3));
			org.junit.jupiter.api.Assertions.assertNotSame(TileHistograms.of(page, tiles, 2), TileHistograms.of(copy,
				tiles, 2));
			final List<java.util.function.Supplier<List<DefectArea>>> detectors = List.of(() -> ImpulseNoiseDetector
				.detect(page, ImpulseNoiseDetector.Params.DEFAULT), () -> LowContrastDetector.detect(page,
					LowContrastDetector.Params.DEFAULT), () -> BlurDetector.detect(page, BlurDetector.Params.DEFAULT),
				() -> GlareDetector.detect(page, GlareDetector.Params.DEFAULT));
			return detectors.parallelStream().map(java.util.function.Supplier::get).toList();
		});
		final List<DefectArea> all = new ArrayList<>();
		got.forEach(all::addAll);
		assertSame(want, all, "shared");
		org.junit.jupiter.api.Assertions.assertNotSame(TileHistograms.of(page, tiles, 2), TileHistograms.of(page, tiles,
			2));
	}

	/** The comparison is not between empty lists: the degraded pages give areas. */
	@Test
	void degradedPagesGiveAreas() {
		final List<IdentityPages.Page> all = pages().toList();
		int found = 0, noise = 0;
		for (final IdentityPages.Page p : all) {
			if (!p.name().startsWith("150 dpi") && !p.name().startsWith("300 dpi")) continue;
			final Page page = new Page(p.px(), p.w(), p.h());
			found += DetectorsReference.lowContrast(page, LowContrastDetector.Params.DEFAULT).size()
				+ DetectorsReference.blur(page, BlurDetector.Params.DEFAULT).size() + DetectorsReference.glare(page,
					GlareDetector.Params.DEFAULT).size();
			noise += DetectorsReference.impulseNoise(page, ImpulseNoiseDetector.Params.DEFAULT).size();
		}
		assertFalse(noise == 0, "no noise areas on the degraded pages");
		assertFalse(found < 4, "only " + found + " areas on the degraded pages");
	}
}
