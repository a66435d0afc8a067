package org.ijocr.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.ijocr.core.metrics.TextMetrics;
import org.ijocr.ij1.AutoRead;
import org.ijocr.testutil.DegradedPages;
import org.ijocr.testutil.DegradedPages.Defect;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code prepare=Auto} ({@link AutoRead}) against Tesseract alone on degraded copies ({@link DegradedPages#degrade})
 * of Tesseract's {@code phototest.tif} (200 dpi; impulse noise, a curved page's shadow) and of a rendered A5 page
 * (300 dpi; global low contrast): they read clearly better; the clean page no worse; the caller's pixels are left as
 * they were. (Glare is not here: the evaluation {@code bench.OcrEvaluation} finds no gain on it yet.)
 */
class AutoReadTest {

	private static final int DPI = 200;

	/** CER of Tesseract alone and of {@code prepare=Auto} on the page; checks the pixels are unchanged. */
	private static double[] cers(final byte[] page, final OcrPages.Grey g, final String truth, final String what) {
		return cers(page, g, DPI, truth, what);
	}

	private static double[] cers(final byte[] page, final OcrPages.Grey g, final int dpi, final String truth,
		final String what)
	{
		final byte[] before = page.clone();
		final OcrParams p = OcrParams.defaults().withDpi(dpi);
		final String alone = OcrEngine.recognize(p, page, g.width(), g.height(), null, null).text();
		final String auto = AutoRead.read(page, g.width(), g.height(), p).text();
		assertArrayEquals(before, page, "the input pixels were changed");
		final double a = TextMetrics.cer(truth, alone), c = TextMetrics.cer(truth, auto);
		System.out.printf(Locale.ROOT, "%s: CER Tesseract alone %.4f, prepare=Auto %.4f%n", what, a, c);
		return new double[] { a, c };
	}

	@ParameterizedTest
	@CsvSource({ "NOISE, 0.05", "SHADOW, 0.7" })
	void degradedPagesReadClearlyBetter(final Defect defect, final double strength) throws Exception {
		final OcrPages.Grey g = OcrPages.tesseract("phototest.tif");
		final byte[] page = DegradedPages.degrade(g.pixels(), g.width(), g.height(), DPI, defect, strength, 1);
		final double[] cer = cers(page, g, OcrPages.truth("phototest.txt"), defect + " " + strength);
		// the defect hurts Tesseract alone; prepare=Auto removes at least half of the character errors
		assertTrue(cer[0] >= 0.05, "the defect should hurt Tesseract alone: CER " + cer[0]);
		assertTrue(cer[1] <= 0.5 * cer[0], "prepare=Auto CER " + cer[1] + " vs Tesseract alone " + cer[0]);
	}

	/** Ink and paper 60 levels apart on a rendered one-column A5 page of 10–12 pt text at 300 dpi. */
	@Test
	void lowContrastReadsClearlyBetter() {
		final Pages.TextPage t = Pages.textPage(1748, 2480, 300, 7001);
		final OcrPages.Grey g = new OcrPages.Grey(Pages.pixels(t.image()), 1748, 2480);
		final byte[] page = DegradedPages.degrade(g.pixels(), g.width(), g.height(), 300, Defect.LOW_CONTRAST, 60, 1);
		final double[] cer = cers(page, g, 300, t.text(), "LOW_CONTRAST 60");
		assertTrue(cer[0] >= 0.02, "the defect should hurt Tesseract alone: CER " + cer[0]);
		assertTrue(cer[1] <= 0.5 * cer[0], "prepare=Auto CER " + cer[1] + " vs Tesseract alone " + cer[0]);
	}

	@Test
	void cleanPageNoWorse() throws Exception {
		final OcrPages.Grey g = OcrPages.tesseract("phototest.tif");
		final double[] cer = cers(g.pixels(), g, OcrPages.truth("phototest.txt"), "clean");
		assertTrue(cer[1] <= cer[0] + 0.01, "prepare=Auto CER " + cer[1] + " vs Tesseract alone " + cer[0]);
	}
}
