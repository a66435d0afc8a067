package org.ijocr.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ijocr.core.geometry.Scale;
import org.ijocr.core.metrics.TextMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's items, levels, selection, options, languages and threads. */
class OcrEngineTest {

	@TempDir
	Path tmp;

	private static final OcrParams PHOTO = OcrParams.defaults().withDpi(200);

	@Test
	void wordBoxesLieOnTheInkOfEachWord() {
		for (final String name : new String[] { "phototest.tif", "eurotext.tif" }) {
			final OcrPages.Grey g = OcrPages.tesseract(name);
			final OcrPage page = OcrPages.read(PHOTO, g);
			assertTrue(page.items().size() > 50, name);
			for (final OcrItem it : page.items()) {
				// every box holds ink, and a good share of its area (letters fill 10–60 % of their box)
				final int dark = OcrInk.darkPixels(g, it);
				assertTrue(dark > 0.05 * it.width() * it.height(), name + ": little ink in the box of " + it);
			}
			final double covered = OcrInk.coveredInk(g, page.items());
			System.out.printf("%s: %.1f %% of the ink inside word boxes%n", name, 100 * covered);
			assertTrue(covered >= 0.9, name + ": only " + covered + " of the ink is inside a word box");
		}
	}

	@Test
	void levelsAndLayoutNumbers() throws Exception {
		final OcrPages.Grey g = OcrPages.tesseract("phototest.tif");
		final List<OcrItem> words = OcrPages.read(PHOTO, g).items();
		final List<OcrItem> lines = OcrPages.read(PHOTO.withLevel(OcrLevel.LINE), g).items();
		final List<OcrItem> paras = OcrPages.read(PHOTO.withLevel(OcrLevel.PARAGRAPH), g).items();
		final List<String> truthLines = OcrPages.truth("phototest.txt").lines().filter(l -> !l.isBlank()).toList();
		assertEquals(truthLines.size(), lines.size());
		for (int i = 0; i < lines.size(); i++)
			assertEquals(truthLines.get(i), lines.get(i).text(), "line " + i);
		assertEquals(2, paras.size());
		assertTrue(paras.get(1).text().startsWith("The quick brown dog"));
		assertEquals(String.join(" ", truthLines).split(" ").length, words.size());
		// reading order, and the numbers of a word are those of its line and paragraph
		final OcrItem first = words.get(0), last = words.get(words.size() - 1);
		assertEquals("This", first.text());
		assertEquals("fox.", last.text());
		assertEquals(1, first.line());
		assertEquals(2, last.paragraph());
		assertEquals(5, last.line());
		for (final OcrItem w : words) {
			final OcrItem l = lines.stream().filter(x -> x.block() == w.block() && x.paragraph() == w.paragraph() && x
				.line() == w.line()).findFirst().orElseThrow();
			assertTrue(new Rectangle(l.x(), l.y(), l.width(), l.height()).contains(new Rectangle(w.x(), w.y(), w
				.width(), w.height())), w + " inside " + l);
			assertTrue(w.confidence() >= 0 && w.confidence() <= 100);
		}
	}

	@Test
	void selectionLimitsRecognitionAndBoxesStayInImageCoordinates() {
		final OcrPages.Grey g = OcrPages.tesseract("phototest.tif");
		final List<OcrItem> all = OcrPages.read(PHOTO, g).items();
		// the second paragraph only
		final OcrItem quick = all.stream().filter(w -> w.paragraph() == 2).findFirst().orElseThrow();
		final Rectangle area = new Rectangle(0, quick.y() - 5, g.width(), g.height() - quick.y() + 5);
		final OcrPage part = OcrEngine.recognize(PHOTO, g.pixels(), g.width(), g.height(), area, null);
		assertTrue(part.text().startsWith("The quick brown dog"), part.text());
		assertTrue(!part.text().contains("12 point"));
		final List<OcrItem> second = all.stream().filter(w -> w.paragraph() == 2).toList();
		assertEquals(second.size(), part.items().size());
		for (int i = 0; i < second.size(); i++) {
			final OcrItem a = second.get(i), b = part.items().get(i);
			assertEquals(a.text(), b.text());
			assertTrue(Math.abs(a.x() - b.x()) <= 2 && Math.abs(a.y() - b.y()) <= 2, a + " vs " + b);
		}
	}

	/**
	 * Tesseract's page coordinates are 16-bit: a page a pixel wider (or higher) than it reads is refused with a message
	 * that says so (Tesseract itself only fails), while a selection of it within the limit is read.
	 */
	@Test
	void pagesBeyondTesseractsSideAreRefusedClearlyAndTheirSelectionsRead() {
		final int w = Scale.MAX_OCR_SIDE + 1, h = 60;
		final byte[] page = new byte[w * h];
		Arrays.fill(page, (byte) 255);
		final BufferedImage line = new BufferedImage(600, h, BufferedImage.TYPE_BYTE_GRAY);
		final Graphics2D g = line.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 600, h);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 30));
		g.drawString("Hello long world", 10, 40);
		g.dispose();
		final byte[] text = ((DataBufferByte) line.getRaster().getDataBuffer()).getData();
		final int x0 = w - 700;
		for (int y = 0; y < h; y++)
			System.arraycopy(text, y * 600, page, y * w + x0, 600);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OcrEngine.recognize(
			PHOTO, page, w, h, null, null));
		assertEquals("Tesseract reads at most 32767 pixels a side, and the page is 32768×60: select a part of it, or "
			+ "scale it down", e.getMessage());
		final byte[] tall = new byte[w];
		Arrays.fill(tall, (byte) 255);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> OcrEngine.recognize(PHOTO, tall, 1, w, null,
			null)).getMessage().contains("the page is 1×32768"));
		final OcrPage part = OcrEngine.recognize(PHOTO, page, w, h, new Rectangle(x0, 0, 700, h), null);
		assertEquals("Hello long world", part.text().strip());
		assertTrue(part.items().get(0).x() > x0, "boxes in page coordinates: " + part.items().get(0));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> OcrEngine.recognize(PHOTO, page, w, h,
			new Rectangle(0, 0, w, h), null)).getMessage().contains("the selection is 32768×60"));
	}

	@Test
	void whitelistAndMinimumConfidence() {
		final OcrPages.Grey g = OcrPages.tesseract("phototest.tif");
		final OcrParams digits = new OcrParams("eng", OcrLevel.WORD, PageSegMode.AUTO, 200, "0123456789", 0, PHOTO
			.tessdata());
		final OcrPage page = OcrPages.read(digits, g);
		assertTrue(page.text().replaceAll("\\s", "").chars().allMatch(Character::isDigit), page.text());
		// the whitelist is per call: the next page without one reads letters again
		assertEquals(0, TextMetrics.cer(textOf("phototest.txt"), OcrPages.read(PHOTO, g).text()));
		final List<OcrItem> all = OcrPages.read(PHOTO, g).items();
		final double cut = all.stream().mapToDouble(OcrItem::confidence).sorted().skip(all.size() / 2).findFirst()
			.orElseThrow();
		final OcrParams strict = new OcrParams("eng", OcrLevel.WORD, PageSegMode.AUTO, 200, "", cut, PHOTO.tessdata());
		final List<OcrItem> kept = OcrPages.read(strict, g).items();
		assertEquals(all.stream().filter(w -> w.confidence() >= cut).count(), kept.size());
		assertTrue(kept.size() < all.size());
	}

	@Test
	void missingLanguageNamesItAndTheFolder() throws Exception {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PHOTO.withLanguage(
			"eng+xyz"));
		assertTrue(e.getMessage().contains("'xyz'") && e.getMessage().contains(PHOTO.tessdata().toAbsolutePath()
			.toString()) && e.getMessage().contains("eng, osd"), e.getMessage());
		// a folder of the user's own: its models only
		final Path models = Files.createDirectories(tmp.resolve("models"));
		Files.copy(Models.bundled().resolve("eng.traineddata"), models.resolve("eng.traineddata"));
		assertEquals(List.of("eng"), Models.languages(Models.folder(models.toString())));
		final OcrParams own = new OcrParams("eng", OcrLevel.WORD, PageSegMode.AUTO, 200, "", 0, models);
		assertEquals(0, TextMetrics.cer(textOf("phototest.txt"), OcrPages.read(own, OcrPages.tesseract(
			"phototest.tif")).text()), "osd comes from the bundled models when the folder has none");
		final IllegalArgumentException osd = assertThrows(IllegalArgumentException.class, () -> own.withLanguage(
			"deu"));
		assertTrue(osd.getMessage().contains(models.toAbsolutePath().toString()), osd.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Models.folder(tmp.resolve("nowhere").toString()));
		// TESSDATA_PREFIX: the folder itself, or (Tesseract 3's convention) its parent; the option wins over it
		assertEquals(models, Models.folder("", models.toString()));
		final Path parent = Files.createDirectories(tmp.resolve("prefix"));
		Files.createDirectories(parent.resolve("tessdata"));
		Files.copy(models.resolve("eng.traineddata"), parent.resolve("tessdata").resolve("eng.traineddata"));
		assertEquals(parent.resolve("tessdata"), Models.folder(null, parent.toString()));
		assertEquals(models, Models.folder(models.toString(), parent.toString()));
		assertEquals(Models.bundled(), Models.folder(null, null));
		final IllegalArgumentException env = assertThrows(IllegalArgumentException.class, () -> Models.folder(null,
			tmp.resolve("gone").toString()));
		assertTrue(env.getMessage().contains("TESSDATA_PREFIX"), env.getMessage());
	}

	@Test
	void threadsGiveTheSameResultsAsOne() throws Exception {
		final OcrPages.Grey a = OcrPages.tesseract("phototest.tif"), b = OcrPages.tesseract("eurotext.tif");
		final OcrPage ra = OcrPages.read(PHOTO, a), rb = OcrPages.read(PHOTO, b);
		final ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			final List<Future<OcrPage>> fa = new ArrayList<>(), fb = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				fa.add(pool.submit(() -> OcrPages.read(PHOTO, a)));
				fb.add(pool.submit(() -> OcrPages.read(PHOTO, b)));
			}
			for (int i = 0; i < 3; i++) {
				assertEquals(ra, fa.get(i).get());
				assertEquals(rb, fb.get(i).get());
			}
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void shortLivedThreadsReuseTheLoadedModels() throws Exception {
		// ImageJ runs each command on a new thread: the models must not load (and stay in memory) once per run
		final OcrPages.Grey g = OcrPages.tesseract("phototest.tif");
		OcrPages.read(PHOTO, g);
		final int before = OcrEngine.engines();
		for (int i = 0; i < 4; i++) {
			final Thread t = new Thread(() -> OcrPages.read(PHOTO, g));
			t.start();
			t.join();
		}
		assertEquals(before, OcrEngine.engines());
	}

	private static String textOf(final String name) {
		try {
			return OcrPages.truth(name);
		}
		catch (final java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
