package org.ijocr.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages of one export read on several threads ({@link OcrDocument#page(int)}): each waits for its turn, so the
 * files are those of reading them one after another; a page that will never come ends the waiting.
 */
class OcrDocumentOrderTest {

	private static final OcrParams P = OcrParams.defaults().withDpi(200);
	private static final int W = 900, H = 160;
	private static final String[] LINES = { "Alpha pages come first", "Bravo pages come second",
		"Charlie pages come third", "Delta pages come last" };

	@TempDir
	Path tmp;

	private static byte[] page(final String text) {
		final BufferedImage b = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
		final Graphics2D g = b.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, W, H);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SERIF, Font.PLAIN, 44));
		g.drawString(text, 30, 90);
		g.dispose();
		return ((DataBufferByte) b.getRaster().getDataBuffer()).getData();
	}

	private OcrDocument document(final String name) {
		return new OcrDocument(tmp.resolve(name), EnumSet.of(OcrFormat.TXT, OcrFormat.TSV, OcrFormat.HOCR), "book",
			P.tessdata());
	}

	@Test
	void pagesReadOnSeveralThreadsAreWrittenInTheirOrder() throws Exception {
		try (OcrDocument one = document("one")) {
			for (final String l : LINES)
				OcrEngine.recognize(P, page(l), W, H, null, one);
		}
		final List<Thread> readers = new ArrayList<>();
		final AtomicReference<Throwable> failed = new AtomicReference<>();
		try (OcrDocument many = document("many")) {
			// the last page starts first: it waits for the three before it
			for (int i = LINES.length - 1; i >= 0; i--) {
				readers.add(reader(many, i, failed));
				Thread.sleep(150);
			}
			for (final Thread t : readers)
				t.join(120_000);
			assertEquals(null, failed.get());
			assertEquals(4, many.added());
		}
		for (final String ext : new String[] { "txt", "tsv", "hocr" })
			assertEquals(Files.readString(tmp.resolve("one." + ext)), Files.readString(tmp.resolve("many." + ext)), ext);
		final String txt = Files.readString(tmp.resolve("many.txt"));
		int at = -1;
		for (final String l : LINES) {
			final int next = txt.indexOf(l.split(" ")[0]);
			assertTrue(next > at, l + " in its place: " + txt);
			at = next;
		}
	}

	/** Reads page {@code index} on a thread of its own; returns the thread and where its failure goes. */
	private static Thread reader(final OcrDocument doc, final int index, final AtomicReference<Throwable> failure) {
		final Thread t = new Thread(() -> {
			try {
				OcrEngine.recognize(P, page(LINES[index]), W, H, null, doc.page(index));
			}
			catch (final Throwable e) {
				failure.set(e);
			}
		});
		t.start();
		return t;
	}

	@Test
	void aPageWaitingForOneThatFailedFailsInsteadOfWaitingForEver() throws Exception {
		final AtomicReference<Throwable> second = new AtomicReference<>(), first = new AtomicReference<>();
		try (OcrDocument doc = document("aborted")) {
			final Thread waiting = reader(doc, 1, second);
			// page 0 is too wide for Tesseract: it fails before it is added, and page 1 would wait for it
			final Thread bad = new Thread(() -> {
				try {
					OcrEngine.recognize(P, new byte[40000 * 2], 40000, 2, null, doc.page(0));
				}
				catch (final Throwable e) {
					first.set(e);
					doc.abort("page 1 could not be read");
				}
			});
			Thread.sleep(300);
			assertTrue(waiting.isAlive(), "page 2 waits for page 1");
			bad.start();
			bad.join(60_000);
			waiting.join(60_000);
			assertFalse(waiting.isAlive(), "page 2 stopped waiting");
			assertNotNull(first.get());
			assertNotNull(second.get());
			assertTrue(second.get().getMessage().contains("page 2 of") && second.get().getMessage().contains(
				"is not written: page 1 could not be read"), second.get().getMessage());
			assertEquals(0, doc.added());
		}
	}

	@Test
	void aPageStillWaitingWhenTheFilesAreFinishedFails() throws Exception {
		final AtomicReference<Throwable> failure = new AtomicReference<>();
		final Thread waiting;
		try (OcrDocument doc = document("closed")) {
			waiting = reader(doc, 2, failure);
			Thread.sleep(300);
		}
		waiting.join(60_000);
		assertFalse(waiting.isAlive());
		assertTrue(failure.get().getMessage().contains("already finished"), failure.get().getMessage());
	}
}
