package org.ijocr.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.ijocr.core.metrics.TextMetrics;
import org.ijocr.testutil.DegradedPages;
import org.ijocr.testutil.DegradedPages.Defect;
import org.junit.jupiter.api.Test;

/** Tesseract's own thresholding choice ({@link OcrParams#thresholding()}) reaches the engine. */
class ThresholdingTest {

	@Test
	void labelsAndDefault() {
		assertArrayEquals(new String[] { "Otsu", "Leptonica adaptive", "Sauvola" }, Thresholding.labels());
		assertEquals(Thresholding.SAUVOLA, Thresholding.fromLabel("sauvola"));
		assertThrows(IllegalArgumentException.class, () -> Thresholding.fromLabel("Niblack"));
		assertEquals(Thresholding.OTSU, OcrParams.defaults().thresholding());
		assertEquals(Thresholding.SAUVOLA, OcrParams.defaults().withThresholding(Thresholding.SAUVOLA).withDpi(200)
			.thresholding());
	}

	/**
	 * A shadow from one edge (light down to 30 %) defeats a global threshold on part of the page; Tesseract's local
	 * Sauvola reads it. Reading with Otsu again afterwards gives the first reading: the setting does not stick to the
	 * thread's engine.
	 */
	@Test
	void sauvolaReadsAShadowedPage() throws Exception {
		final OcrPages.Grey g = OcrPages.tesseract("phototest.tif");
		final byte[] page = DegradedPages.degrade(g.pixels(), g.width(), g.height(), 200, Defect.SHADOW, 0.7, 1);
		final OcrParams otsu = OcrParams.defaults().withDpi(200);
		final String first = OcrEngine.recognize(otsu, page, g.width(), g.height(), null, null).text();
		final String sauvola = OcrEngine.recognize(otsu.withThresholding(Thresholding.SAUVOLA), page, g.width(), g.height(),
			null, null).text();
		final String again = OcrEngine.recognize(otsu, page, g.width(), g.height(), null, null).text();
		final String truth = OcrPages.truth("phototest.txt");
		final double a = TextMetrics.cer(truth, first), b = TextMetrics.cer(truth, sauvola);
		System.out.printf(Locale.ROOT, "shadowed phototest: CER Otsu %.4f, Sauvola %.4f%n", a, b);
		assertTrue(a >= 0.05, "the shadow should hurt Otsu: CER " + a);
		assertTrue(b <= a / 3, "Sauvola CER " + b + " vs Otsu " + a);
		assertEquals(first, again);
	}
}
