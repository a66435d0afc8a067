package org.ijocr.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ijocr.core.metrics.TextMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tesseract's own test pages read through the suite's engine: CER against their transcripts. */
class OcrAccuracyTest {

	/** The CER of a shared page read at its resolution (phototest.tif is 200 dpi, eurotext.tif 300 dpi). */
	private static double cer(final String image, final int dpi, final String truth) throws Exception {
		final OcrPage page = OcrPages.read(OcrParams.defaults().withDpi(dpi), OcrPages.tesseract(image));
		final double cer = TextMetrics.cer(OcrPages.truth(truth), page.text());
		System.out.printf("%s CER %.4f (orientation %d)%n", image, cer, page.orientation());
		assertEquals(0, page.orientation());
		return cer;
	}

	@Test
	void phototestReadsExactly() throws Exception {
		assertEquals(0, cer("phototest.tif", 200, "phototest.txt"), 0);
	}

	@Test
	void eurotextWithinThreePercent() throws Exception {
		final double cer = cer("eurotext.tif", 300, "eurotext.txt");
		assertTrue(cer <= 0.03, "CER " + cer);
	}

	@ParameterizedTest
	@ValueSource(strings = { "phototest-rotated-L.png", "phototest-rotated-R.png", "phototest-rotated-180.png" })
	void rotatedPagesAreTurnedUprightInAuto(final String name) throws Exception {
		final OcrPages.Grey g = OcrPages.tesseract(name);
		// the variants are phototest.tif (200 dpi) turned; their PNGs carry no resolution
		final OcrPage page = OcrPages.read(OcrParams.defaults().withDpi(200), g);
		final double cer = TextMetrics.cer(OcrPages.truth("phototest.txt"), page.text());
		System.out.printf("%s: orientation %d, CER %.4f%n", name, page.orientation(), cer);
		assertTrue(page.orientation() != 0, "the turn was found");
		assertEquals(0, cer, 0, page.text());
		// the boxes are in the turned image's coordinates
		for (final OcrItem it : page.items())
			assertTrue(it.x() >= 0 && it.y() >= 0 && it.x() + it.width() <= g.width() && it.y() + it.height() <= g
				.height(), it.toString());
		// ... on the ink, and turned with the page: words of several letters are taller than wide after a quarter turn
		int tall = 0, words = 0;
		for (final OcrItem it : page.items()) {
			assertTrue(OcrInk.darkPixels(g, it) > 0, "no ink in the box of " + it);
			if (it.text().length() < 3) continue;
			words++;
			if (it.height() > it.width()) tall++;
		}
		if (name.contains("180")) assertEquals(0, tall);
		else assertEquals(words, tall);
	}

	@Test
	void aTurnedA4PageAt300DpiIsFoundAndReadUpright() {
		// orientation detection looks at 300-dpi pages at half size: the A4 benchmark page turned a quarter left
		final byte[] page = org.ijocr.testutil.Pages.pixels(org.ijocr.testutil.Pages.a4());
		final int w = 2480, h = 3508;
		final byte[] left = new byte[w * h];
		QuarterTurns.rotate(page, w, h, 3, left);
		final OcrParams p = OcrParams.defaults();
		final OcrPage upright = OcrEngine.recognize(p, page, w, h, null, null);
		final OcrPage turned = OcrEngine.recognize(p, left, h, w, null, null);
		assertEquals(0, upright.orientation());
		assertEquals(90, turned.orientation());
		assertEquals(0, TextMetrics.cer(upright.text(), turned.text()), 0.001);
		assertEquals(upright.items().size(), turned.items().size());
	}
}
