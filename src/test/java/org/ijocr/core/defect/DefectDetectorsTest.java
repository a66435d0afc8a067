package org.ijocr.core.defect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.Random;

import ij.IJ;
import ij.ImagePlus;

import org.ijocr.testutil.DefectScores;
import org.ijocr.testutil.DefectSets;
import org.ijocr.testutil.DegradedPages;
import org.ijocr.testutil.DegradedPages.Defect;
import org.ijocr.testutil.Pages;
import org.ijocr.testutil.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of the four detectors on generated A5 pages (dpi 150/300/200/400, with and without photo or halftone),
 * all four run on every page: per type F1 at strengths that hurt OCR, clean pages, whole-page defects.
 */
class DefectDetectorsTest {

	/** F1 of the defect's type over {@code pages} pages per strength (alternating whole page and a rectangle). */
	private static DefectScores score(final Defect d, final int pages, final double... strengths) {
		final DefectScores s = new DefectScores();
		for (final double st : strengths)
			for (int i = 0; i < pages; i++) {
				final DegradedPages.Page p = DegradedPages.make(DefectSets.layout(i, true, 77 + Math.round(st * 100)), d,
					st, i % 2 == 1 && d != Defect.SHADOW && d != Defect.GLARE);
				s.add(p.layout().width(), p.layout().height(), p.truths(), DefectSets.detectAll(p));
			}
		return s;
	}

	@Test
	void noiseFromTwoPercent() {
		final DefectScores s = score(Defect.NOISE, 4, 0.02, 0.10);
		assertTrue(s.f1(DefectType.SALT_PEPPER_NOISE) >= 0.9, s.line(DefectType.SALT_PEPPER_NOISE));
	}

	@Test
	void globalLowContrastIsOnePageSizedArea() {
		final DefectScores s = score(Defect.LOW_CONTRAST, 4, 30, 50);
		assertTrue(s.f1(DefectType.LOW_CONTRAST) >= 0.9, s.line(DefectType.LOW_CONTRAST));
		final DegradedPages.Page p = DegradedPages.make(DefectSets.layout(2, true, 5), Defect.LOW_CONTRAST, 40, true);
		final List<DefectArea> a = LowContrastDetector.detect(p.image());
		assertEquals(1, a.size(), a.toString());
		assertEquals(new DefectArea(DefectType.LOW_CONTRAST, 0, 0, p.layout().width(), p.layout().height(), a.get(0)
			.score()), a.get(0));
	}

	@Test
	void shadowOfACurvedPage() {
		// on this small set below the 0.9 target (see the report): boxes of tiles against a band of light <= 0.6
		final DefectScores s = score(Defect.SHADOW, 4, 0.65, 0.8);
		assertTrue(s.f1(DefectType.LOW_CONTRAST) >= 0.75, s.line(DefectType.LOW_CONTRAST));
	}

	@Test
	void gaussianBlurFromSigmaTwo() {
		for (final double sigma : new double[] { 2, 3, 4 }) {
			final DefectScores s = score(Defect.GAUSSIAN_BLUR, 4, sigma);
			// sigma 4: on one 150-dpi page the lower half of the blurred rectangle is a photo (not judged: soft by
			// nature), so the area found covers less than half of it
			assertTrue(s.f1(DefectType.BLUR) >= (sigma < 4 ? 0.9 : 0.85), "sigma " + sigma + ": " + s.line(
				DefectType.BLUR));
		}
	}

	@Test
	void strongBlurOfSmallPrintAt150And200Dpi() {
		// sigma 3-4 px at 300 dpi washes 8-14 pt print at 150-200 dpi out to ink 70-140 levels below the paper, only
		// 13-20 noise sigmas: such tiles were not judged (edges needed 24 sigmas), nothing was reported
		final DefectScores s = new DefectScores();
		for (final double sigma : new double[] { 3, 4 })
			for (int i = 0; i < 4; i++) {
				final DegradedPages.Layout l = DegradedPages.Layout.a4(i % 2 == 0 ? 150 : 200, 1 + i / 2,
					DegradedPages.Figure.values()[i % 3], 4000 + 10 * i + (long) sigma);
				final DegradedPages.Page p = DegradedPages.make(l, Defect.GAUSSIAN_BLUR, sigma, false);
				s.add(l.width(), l.height(), p.truths(), DefectSets.detectAll(p));
			}
		assertEquals(8, s.truths(DefectType.BLUR));
		assertTrue(s.recall(DefectType.BLUR) == 1 && s.f1(DefectType.BLUR) >= 0.9, s.line(DefectType.BLUR));
	}

	@Test
	void strongGlare() {
		final DefectScores s = score(Defect.GLARE, 4, 0.95);
		assertTrue(s.f1(DefectType.GLARE) >= 0.9, s.line(DefectType.GLARE));
	}

	@Test
	void glareBoxesHugTheSpots() {
		// boxes of whole tiles overshot each spot by up to a tile on every side (precision 0.86 on the evaluation; A4
		// pages at 150 and 200 dpi, tiles of 34 and 46 px)
		final DefectScores s = new DefectScores();
		for (final double a : new double[] { 0.75, 0.95 })
			for (int i = 0; i < 6; i++) {
				final DegradedPages.Page p = DegradedPages.make(DegradedPages.Layout.a4(i % 2 == 0 ? 150 : 200, 1 + i / 3,
					DegradedPages.Figure.values()[i % 3], 500 + i + Math.round(a * 100)), Defect.GLARE, a, false);
				s.add(p.layout().width(), p.layout().height(), p.truths(), DefectSets.detectAll(p));
			}
		assertTrue(s.precision(DefectType.GLARE) >= 0.9 && s.recall(DefectType.GLARE) >= 0.9, s.line(DefectType.GLARE));
	}

	@Test
	void wholePageNoiseIsOnePageSizedArea() {
		final DegradedPages.Page p = DegradedPages.make(DefectSets.layout(1, true, 9), Defect.NOISE, 0.05, true);
		final List<DefectArea> a = ImpulseNoiseDetector.detect(p.image());
		assertEquals(1, a.size(), a.toString());
		assertEquals(p.layout().width() * (long) p.layout().height(), a.get(0).area());
		assertTrue(a.get(0).score() > 0.3 && a.get(0).score() < 0.8, "5 % noise scores about 0.5: " + a.get(0));
	}

	/**
	 * One-bit small print, as thermal receipts and faxes are scanned: the end pixels of strokes one pixel wide, the
	 * corners of jagged edges and periods and colons of one pixel pass the pixel test of an impulse, in most tiles
	 * often enough to reach the density threshold (asserted: the test fails with the rule that counted every impulse);
	 * they are text, not noise. With 1 % impulse noise the same page is one noisy area.
	 */
	@Test
	void oneBitSmallPrintIsNotNoise() {
		final int w = 400, h = 600;
		for (int size = 9; size <= 13; size++) {
			final byte[] px = oneBitReceipt(w, h, size, size);
			final Page page = new Page(px, w, h);
			final Tiles tiles = Tiles.of(w, h);
			final int[] levels = ImpulseNoiseDetector.levels(page);
			final int[] all = ImpulseNoiseDetector.impulsesPerTile(page, tiles, 64, levels[0], levels[1]);
			int dense = 0;
			for (int t = 0; t < all.length; t++)
				if (all[t] >= ImpulseNoiseDetector.Params.DEFAULT.minDensity() * tiles.pixels(t)) dense++;
			assertTrue(dense >= tiles.count() / 5, "size " + size + ": only " + dense + " of " + tiles.count()
				+ " tiles reach the density by all impulses");
			assertEquals(List.of(), ImpulseNoiseDetector.detect(page, ImpulseNoiseDetector.Params.DEFAULT), "size "
				+ size);
			final var noisy = net.imglib2.img.array.ArrayImgs.unsignedBytes(px.clone(), w, h);
			Pages.addImpulseNoise(noisy, 0.01, size);
			final List<DefectArea> a = ImpulseNoiseDetector.detect(noisy);
			assertEquals(1, a.size(), "size " + size + ": " + a);
			assertTrue(a.get(0).area() >= 0.9 * w * h, "size " + size + ": " + a);
		}
	}

	/** Lines of receipt text, prices and times in a plain font of {@code size} pixels, drawn without antialiasing. */
	private static byte[] oneBitReceipt(final int w, final int h, final int size, final long seed) {
		final BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		final Graphics2D g = im.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
		final String[] items = { "SR: 11\" PROWESS H/DUTY GUN", "TEL: 07-386 7524 FAX: 07-386", "TOTAL (RM):",
			"CASH:", "ROUNDING (RM): -0.02", "GST NO: 000800589824", "Time: 08:30:00 Date: 12/02/2018",
			"SUB TOTAL (RM):" };
		final Random r = new Random(seed);
		for (int y = 3 * size; y < h - size; y += size * 3 / 2)
			g.drawString(items[r.nextInt(items.length)] + " " + (10 + r.nextInt(900)) + "." + (10 + r.nextInt(90)) + "  "
				+ r.nextInt(9) + "." + (10 + r.nextInt(90)), size, y);
		g.dispose();
		return ((DataBufferByte) im.getRaster().getDataBuffer()).getData();
	}

	@Test
	void cleanPagesHaveNoAreaOfAnyType() {
		// generated A5 pages at 150/300/200/400 dpi with and without photo or halftone, and Java2D pages at 150 and 300
		// dpi without scanner blur (as the shipped samples)
		for (final DegradedPages.Page p : DefectSets.cleanPages(6, true, 77))
			assertEquals(List.of(), DefectSets.detectAll(p), p.toString());
	}

	@Test
	void clean150DpiPhotoPagesHaveNoArea() {
		// A4 at 150 dpi, 8-14 pt print: most neighbour pairs of a tile lie on glyph edges, which the noise estimate
		// took for grain (sigma 9-17 instead of 5-6); only the few strongest edges of a paragraph gap were measured
		// and read as blur; seed 14 has a light photo (tiles of 16-47 levels of tone) that looked like shaded text
		for (final long seed : new long[] { 4, 14, 24 }) {
			final DegradedPages.Page p = DegradedPages.clean(DegradedPages.Layout.a4(150, 1, DegradedPages.Figure.PHOTO,
				seed));
			assertEquals(List.of(), DefectSets.detectAll(p), p.toString());
		}
	}

	@Test
	void noisyPicturePagesHaveNoOtherDefect() {
		// pepper on 1 % of the pixels set every tile's ink level to black: a photo then looked like shaded text of
		// good contrast (low contrast) and the picture rule no longer saw it
		for (final double density : new double[] { 0.02, 0.10 })
			for (int i = 0; i < 3; i++) {
				final DegradedPages.Layout l = DegradedPages.Layout.a4(new double[] { 150, 300, 400 }[i], 1 + i % 2,
					DegradedPages.Figure.PHOTO, 1000 + i + Math.round(density * 1000));
				final DegradedPages.Page p = DegradedPages.make(l, Defect.NOISE, density, i % 2 == 1);
				final List<DefectArea> others = DefectSets.detectAll(p).stream().filter(a -> a
					.type() != DefectType.SALT_PEPPER_NOISE).toList();
				assertEquals(List.of(), others, p.toString());
			}
	}

	@Test
	void photosAndHalftonesAreNoDefect() {
		// a page with a photo-like block or a halftone block at each dpi: no area of any type
		for (final double dpi : new double[] { 150, 200, 300, 400 })
			for (final DegradedPages.Figure f : new DegradedPages.Figure[] { DegradedPages.Figure.PHOTO,
				DegradedPages.Figure.HALFTONE })
			{
				final DegradedPages.Page p = DegradedPages.clean(DegradedPages.Layout.a5(dpi, 1, f, 300 + (long) dpi));
				assertEquals(List.of(), DefectSets.detectAll(p), p.toString());
			}
	}

	/**
	 * A receipt scanned on white: the paper's edge and the lid's shadow leave faint, sharp marks along the border of
	 * the image. On white paper glare is found from washed-out ink, and those marks look like it; the outer ring of
	 * tiles is not judged. Washed-out text inside the page is still glare.
	 */
	@Test
	void faintMarksAtTheBorderOfAWhitePageAreNotGlare() {
		final int w = 600, h = 1400;
		final byte[] px = Pages.pixels(Pages.textPage(w, h, 150, 21L).image());
		// a faint edge line down the right border and along the top, and a faint smudge in a corner
		for (int y = 0; y < h; y++)
			for (int x = w - 6; x < w - 3; x++)
				px[y * w + x] = (byte) 228;
		for (int x = 0; x < w; x++)
			px[2 * w + x] = (byte) 232;
		final Random rnd = new Random(3);
		for (int i = 0; i < 300; i++)
			px[(h - 10 - rnd.nextInt(12)) * w + 4 + rnd.nextInt(15)] = (byte) 225;
		final Page page = new Page(px, w, h);
		assertEquals(255, TileHistograms.of(page, Tiles.of(w, h), 2).pagePaper(), "white paper");
		assertEquals(List.of(), GlareDetector.detect(page, GlareDetector.Params.DEFAULT));
		// the same page with its text washed out over a block in the middle (a = 0.85)
		final int x0 = 150, y0 = 500, x1 = 450, y1 = 800;
		for (int y = y0; y < y1; y++)
			for (int x = x0; x < x1; x++) {
				final int v = px[y * w + x] & 0xff;
				px[y * w + x] = (byte) Math.round(v + (255 - v) * 0.85);
			}
		final List<DefectArea> found = GlareDetector.detect(new Page(px, w, h), GlareDetector.Params.DEFAULT);
		assertEquals(1, found.size(), found.toString());
		final DefectArea a = found.get(0);
		assertTrue(a.x() < x1 && x0 < a.x() + a.width() && a.y() < y1 && y0 < a.y() + a.height(), a.toString());
		assertTrue(a.x() > 0 && a.y() > 0 && a.x() + a.width() < w && a.y() + a.height() < h, "not at the border: " + a);
	}

	@Test
	void glareOnTheWhitePaperOfPhototest() {
		// phototest.tif (640x480, 200 dpi) is black on white: glare cannot raise its paper, only wash out its ink; the
		// paper rule found nothing
		final ImagePlus imp = IJ.openImage(SharedData.path("tesseract", "phototest.tif").toString());
		final ij.process.ByteProcessor bp = imp.getProcessor().convertToByteProcessor();
		if (bp.isInvertedLut()) {
			bp.invert();
			bp.invertLut();
		}
		final int w = bp.getWidth(), h = bp.getHeight();
		int hits = 0;
		for (final double a : new double[] { 0.75, 0.95 })
			for (long seed = 1; seed <= 3; seed++) {
				final List<DegradedPages.Truth> spots = new java.util.ArrayList<>();
				final byte[] px = DegradedPages.degrade((byte[]) bp.getPixels(), w, h, 200, Defect.GLARE, a, seed, spots);
				final List<DefectArea> found = GlareDetector.detect(new Page(px, w, h), GlareDetector.Params.DEFAULT);
				boolean hit = false;
				for (final DefectArea f : found) {
					boolean on = false;
					for (final DegradedPages.Truth t : spots)
						on |= f.x() < t.x() + t.width() && t.x() < f.x() + f.width() && f.y() < t.y() + t.height() && t.y() < f
							.y() + f.height();
					assertTrue(on, "glare area off the spots " + spots + ": " + f);
					hit |= on;
				}
				if (hit) hits++;
			}
		assertTrue(hits >= 5, hits + " of 6 pages with glare found");
	}

	@Test
	void tesseractPagesAreClean() {
		for (final String name : new String[] { "phototest.tif", "eurotext.tif" }) {
			final ImagePlus imp = IJ.openImage(SharedData.path("tesseract", name).toString());
			final ij.process.ByteProcessor bp = imp.getProcessor().convertToByteProcessor();
			if (bp.isInvertedLut()) {
				bp.invert();
				bp.invertLut();
			}
			final Page page = new Page((byte[]) bp.getPixels(), bp.getWidth(), bp.getHeight());
			for (final var d : DefectSets.DETECTORS)
				assertEquals(List.of(), d.apply(page), name);
		}
	}
}
