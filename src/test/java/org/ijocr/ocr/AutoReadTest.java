package org.ijocr.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.Storage;
import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.DefectType;
import org.ijocr.core.metrics.TextMetrics;
import org.ijocr.core.prepare.AutoPrepare;
import org.ijocr.core.prepare.PrepareParams;
import org.ijocr.defect.DefectDetectorService;
import org.ijocr.ij1.AutoRead;
import org.ijocr.ij1.SciJava;
import org.ijocr.testutil.DegradedPages;
import org.ijocr.testutil.DegradedPages.Defect;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

	/**
	 * A page whose defects call for the binarized page (impulse noise) gets it made on another thread while its grey
	 * copy is read: the page kept is, pixel for pixel, the one binarizing after the reading gives, and the preparation
	 * the reading waited for is no more than all of it.
	 */
	@Test
	void binarizedPageMadeBesideTheReadingIsTheSame() throws Exception {
		final OcrPages.Grey g = OcrPages.tesseract("phototest.tif");
		final byte[] page = DegradedPages.degrade(g.pixels(), g.width(), g.height(), DPI, Defect.NOISE, 0.05, 1);
		final ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(page, g.width(), g.height());
		final DefectDetectorService service = SciJava.context().getService(DefectDetectorService.class);
		final AutoRead.Result r = AutoRead.run(img, OcrParams.defaults().withDpi(DPI), service, null, null);
		final List<DefectArea> areas = service.detect(img, service.detectors());
		assertEquals(areas, r.defects());
		assertTrue(areas.stream().anyMatch(a -> a.type() == DefectType.SALT_PEPPER_NOISE), areas.toString());
		final AutoPrepare.Result grey = AutoPrepare.prepare(img, areas, PrepareParams.DEFAULT.withoutBinarize());
		final AutoPrepare.Result bin = AutoPrepare.binarize(grey, areas);
		assertArrayEquals(Storage.bytes(grey.image()), Storage.bytes(r.prepared().grey()));
		assertArrayEquals(Storage.bytes(bin.image()), Storage.bytes(r.prepared().image()), "the binarized page kept");
		assertTrue(r.waitedMillis() > 0 && r.waitedMillis() <= r.prepareMillis() + 1, r.waitedMillis() + " ms waited of "
			+ r.prepareMillis());
	}

	/**
	 * The weak lines are read again on two threads; each line's result depends on that line alone, so a page with
	 * many of them (15 % noise) reads the same every time, lines and items in the same order.
	 */
	@Test
	void weakLinesReadAgainOnTwoThreadsReadTheSameEveryTime() {
		final Pages.TextPage t = Pages.textPage(874, 1240, 150, 7003);
		final byte[] noisy = DegradedPages.degrade(Pages.pixels(t.image()), 874, 1240, 150, Defect.NOISE, 0.15, 7);
		final DefectDetectorService service = SciJava.context().getService(DefectDetectorService.class);
		final AutoRead.Result a = AutoRead.run(ArrayImgs.unsignedBytes(noisy, 874, 1240), OcrParams.defaults()
			.withDpi(150), service, null, null);
		System.out.printf(Locale.ROOT, "noisy page: %d lines read again, %d improved%n", a.retried(), a.improved());
		assertTrue(a.retried() >= 10 && a.improved() >= 5, a.retried() + " lines read again, " + a.improved()
			+ " improved");
		for (int i = 0; i < 2; i++) {
			final AutoRead.Result b = AutoRead.run(ArrayImgs.unsignedBytes(noisy, 874, 1240), OcrParams.defaults()
				.withDpi(150), service, null, null);
			assertEquals(a.page().text(), b.page().text());
			assertEquals(a.page().items(), b.page().items());
		}
	}

	/**
	 * With exports, the page chosen is not recognised once more for them: the reading {@code prepare=Auto} chose is
	 * kept and added ({@link OcrEngine#recognizeKept}). The run recognises as many times as without exports, and the
	 * exports equal those of a recognition of the chosen prepared page (what the one more reading gave): on a clean
	 * page (the grey page alone is read), with noise (the binarized page, made beside the reading, is chosen) and with
	 * glare (both are read, the grey one is chosen). Fails on the code that recognised the chosen page once more: one
	 * recognition more with exports.
	 */
	@ParameterizedTest
	@CsvSource({ "NONE, 0", "NOISE, 0.05", "GLARE, 0.9" })
	void theExportsGetTheChosenReadingWithoutReadingThePageAgain(final Defect defect, final double strength,
		@TempDir final Path tmp) throws Exception
	{
		final OcrPages.Grey g = OcrPages.tesseract("phototest.tif");
		final byte[] page = DegradedPages.degrade(g.pixels(), g.width(), g.height(), DPI, defect, strength, 1);
		final DefectDetectorService service = SciJava.context().getService(DefectDetectorService.class);
		final OcrParams p = OcrParams.defaults().withDpi(DPI);
		final Set<OcrFormat> formats = EnumSet.of(OcrFormat.TXT, OcrFormat.TSV, OcrFormat.HOCR);
		long before = OcrEngine.recognitions();
		final AutoRead.Result plain = AutoRead.run(ArrayImgs.unsignedBytes(page, g.width(), g.height()), p, service,
			null, null);
		final long withoutExports = OcrEngine.recognitions() - before;
		final AutoRead.Result r;
		before = OcrEngine.recognitions();
		try (OcrDocument d = new OcrDocument(tmp.resolve("auto"), formats, "page", p.tessdata())) {
			r = AutoRead.run(ArrayImgs.unsignedBytes(page, g.width(), g.height()), p, service, null, d);
			assertEquals(1, d.added());
		}
		assertEquals(withoutExports, OcrEngine.recognitions() - before, "recognitions with exports and without");
		assertEquals(0, OcrEngine.inWork(), "kept readings not given back");
		assertEquals(plain.page(), r.page());
		final var chosen = r.prepared().image();
		try (OcrDocument d = new OcrDocument(tmp.resolve("again"), formats, "page", p.tessdata())) {
			OcrEngine.recognize(p.withDpi((int) Math.round(DPI * r.prepared().scale())), Storage.bytes(chosen), (int) chosen
				.dimension(0), (int) chosen.dimension(1), null, d);
		}
		for (final OcrFormat f : formats)
			assertEquals(Files.readString(tmp.resolve("again." + f.extension())), Files.readString(tmp.resolve("auto."
				+ f.extension())), f.name());
		System.out.printf(Locale.ROOT, "%s %s: %d recognitions, binarized page chosen: %b%n", defect, strength,
			withoutExports, r.prepared().image() != r.prepared().grey());
	}

	/**
	 * A page Tesseract refuses (wider than it reads) with noise, whose binarized page is made and read beside the grey
	 * reading: the run fails with Tesseract's limit, and with exports no reading is left holding its handle (each would
	 * keep a stopping program waiting for it).
	 */
	@Test
	void aFailedReadingWithExportsKeepsNoHandle(@TempDir final Path tmp) {
		final int w = 33000, h = 120;
		final Pages.TextPage t = Pages.textPage(1748, h, 300, 7004);
		final byte[] strip = new byte[w * h];
		Arrays.fill(strip, (byte) 255);
		final byte[] text = Pages.pixels(t.image());
		for (int y = 0; y < h; y++)
			System.arraycopy(text, y * 1748, strip, y * w, 1748);
		final byte[] page = DegradedPages.degrade(strip, w, h, 300, Defect.NOISE, 0.05, 3);
		final DefectDetectorService service = SciJava.context().getService(DefectDetectorService.class);
		final OcrParams p = OcrParams.defaults().withDpi(300);
		final ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(page, w, h);
		assertTrue(AutoRead.binarizedMayHelp(service.detect(img, service.detectors())), "noise found");
		final int before = OcrEngine.inWork();
		try (OcrDocument d = new OcrDocument(tmp.resolve("wide"), EnumSet.of(OcrFormat.TXT), "wide", p.tessdata())) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AutoRead.run(img, p,
				service, null, d));
			assertTrue(e.getMessage().contains("Tesseract reads at most"), e.getMessage());
		}
		assertEquals(before, OcrEngine.inWork(), "readings still counted in work");
	}

	@Test
	void cleanPageNoWorse() throws Exception {
		final OcrPages.Grey g = OcrPages.tesseract("phototest.tif");
		final double[] cer = cers(g.pixels(), g, OcrPages.truth("phototest.txt"), "clean");
		assertTrue(cer[1] <= cer[0] + 0.01, "prepare=Auto CER " + cer[1] + " vs Tesseract alone " + cer[0]);
	}

	/**
	 * Small text (a rendered A5 page at 150 dpi, capitals of about 15 px) is read from a page enlarged to about 30 px
	 * capitals, and the word boxes come back in the input's coordinates, on the ink of each word.
	 */
	@Test
	void smallTextIsReadEnlargedWithBoxesOnTheInput() {
		final Pages.TextPage t = Pages.textPage(874, 1240, 150, 7002);
		final OcrPages.Grey g = new OcrPages.Grey(Pages.pixels(t.image()), 874, 1240);
		final AutoRead.Result r = AutoRead.run(t.image(), OcrParams.defaults().withDpi(150), org.ijocr.ij1.SciJava
			.context().getService(org.ijocr.defect.DefectDetectorService.class), null, null);
		assertTrue(r.prepared().scale() > 1.5, "enlarged by " + r.prepared().scale());
		final double[] cer = cers(g.pixels(), g, 150, t.text(), "150 dpi page");
		assertTrue(cer[1] <= cer[0] + 0.002, "prepare=Auto CER " + cer[1] + " vs Tesseract alone " + cer[0]);
		final List<OcrItem> words = r.page().items();
		assertTrue(words.size() > 100, "words: " + words.size());
		int inky = 0;
		for (final OcrItem it : words) {
			assertTrue(it.x() >= 0 && it.y() >= 0 && it.x() + it.width() <= 874 && it.y() + it.height() <= 1240, it
				.toString());
			final int dark = OcrInk.darkPixels(g, it);
			assertTrue(dark > 0, "no ink in the box of " + it);
			if (dark > 0.05 * it.width() * it.height()) inky++;
		}
		// thin letters alone (an "I" of 2 px strokes at 150 dpi) may fill less than 5 % of their box
		assertTrue(inky >= 0.98 * words.size(), inky + " of " + words.size() + " boxes hold 5 % ink or more");
		final double covered = OcrInk.coveredInk(g, words);
		assertTrue(covered >= 0.9, "only " + covered + " of the ink is inside a word box");
	}

	/** The binarized page is read for every defect but blur; a blurred page reads grey when it is sure. */
	@Test
	void binarizedPageForEveryDefectButBlur() {
		final DefectArea blur = new DefectArea(DefectType.BLUR, 0, 0, 10, 10, 0.5);
		assertFalse(AutoRead.binarizedMayHelp(List.of()));
		assertFalse(AutoRead.binarizedMayHelp(List.of(blur, blur)));
		for (final DefectType t : List.of(DefectType.SALT_PEPPER_NOISE, DefectType.LOW_CONTRAST, DefectType.GLARE))
			assertTrue(AutoRead.binarizedMayHelp(List.of(blur, new DefectArea(t, 0, 0, 10, 10, 0.2))), t.name());
	}

	/**
	 * The shipped sample with uneven light (a two-column page at 150 dpi, enlarged for reading, a dark corner found as
	 * low contrast; {@code testutil.SamplePages}) reads as the same page without the shading does: Tesseract's global
	 * threshold on the grey page alone loses whole paragraphs of the shaded column while the mean confidence of what it
	 * reads stays high (582 words read instead of 702 when its binarized page was not read).
	 */
	@Test
	void unevenLightSampleReadsAsTheUnshadedPage() {
		final OcrParams p = OcrParams.defaults().withDpi(150);
		final String unshaded = AutoRead.read(Pages.pixels(Pages.page(1240, 1754, 150, 2, 13L)), 1240, 1754, p).text();
		final String shaded = AutoRead.read(sampleGrey("samples/03-uneven-light.png"), 1240, 1754, p).text();
		final double wer = TextMetrics.wer(unshaded, shaded);
		System.out.printf(Locale.ROOT, "uneven light sample: WER %.3f against the unshaded page%n", wer);
		assertTrue(wer <= 0.06, "WER against the unshaded page's reading: " + wer);
	}

	private static byte[] sampleGrey(final String path) {
		final ij.ImagePlus imp = ij.IJ.openImage(path);
		assertTrue(imp != null && imp.getWidth() == 1240 && imp.getHeight() == 1754, path);
		return org.ijocr.ij1.OcrImages.grey(imp, 1);
	}

	/**
	 * An enlarged page (small print) is binarized when its grey reading is weak or low contrast was found, not for
	 * noise or glare alone; a page at its own size for those too.
	 */
	@Test
	void enlargedPageBinarizedOnlyWhenTheGreyReadingIsWeakOrShaded() {
		final double weak = AutoRead.GOOD_CONFIDENCE - 1, sure = AutoRead.GOOD_CONFIDENCE;
		for (final DefectType t : List.of(DefectType.SALT_PEPPER_NOISE, DefectType.GLARE)) {
			final List<DefectArea> noise = List.of(new DefectArea(t, 0, 0, 10, 10, 0.2));
			assertTrue(AutoRead.readBinarized(noise, 1, sure));
			assertFalse(AutoRead.readBinarized(noise, 1.8, sure));
			assertTrue(AutoRead.readBinarized(noise, 1.8, weak));
		}
		assertTrue(AutoRead.readBinarized(List.of(new DefectArea(DefectType.LOW_CONTRAST, 0, 0, 10, 10, 0.2)), 1.8,
			sure));
		assertFalse(AutoRead.readBinarized(List.of(), 1, sure));
		assertTrue(AutoRead.readBinarized(List.of(), 1, weak));
		assertTrue(AutoRead.readBinarized(List.of(), 1.8, weak));
	}
}
