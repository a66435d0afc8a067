package org.ijocr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;

import org.ijocr.core.metrics.TextMetrics;
import org.ijocr.testutil.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ij-ocr ocr}: outputs per format, batch behaviour, threads. */
class OcrJobTest {

	@TempDir
	Path tmp;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	private int run(final String... args) {
		err.reset();
		return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
			StandardCharsets.UTF_8));
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	private Path inputs() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		Files.copy(SharedData.path("tesseract", "phototest.tif"), in.resolve("phototest.tif"));
		Files.copy(SharedData.path("tesseract", "eurotext.tif"), in.resolve("eurotext.tif"));
		Files.copy(SharedData.path("tesseract", "phototest-rotated-R.png"), in.resolve("turned.png"));
		Files.writeString(in.resolve("broken.png"), "not a PNG");
		return in;
	}

	@Test
	void writesEachFormatPerFileAndGoesOnPastBadFiles() throws Exception {
		final Path in = inputs();
		final byte[] before = Files.readAllBytes(in.resolve("phototest.tif"));
		final Path o = tmp.resolve("out");
		final int status = run("ocr", "--format", "txt,tsv,hocr,alto,pdf", "--out", o.toString(), in.toString());
		assertEquals(1, status, err());
		for (final String name : new String[] { "phototest", "eurotext", "turned" })
			for (final String ext : new String[] { "txt", "tsv", "hocr", "xml", "pdf" })
				assertTrue(Files.size(o.resolve(name + "." + ext)) > 100, name + "." + ext + "\n" + err());
		assertFalse(Files.exists(o.resolve("broken.txt")));
		final String truth = Files.readString(SharedData.path("tesseract", "phototest.txt"));
		assertEquals(0, TextMetrics.cer(truth, Files.readString(o.resolve("phototest.txt"))));
		assertEquals(0, TextMetrics.cer(truth, Files.readString(o.resolve("turned.txt"))), "turned upright (Auto)");
		assertArrayEquals(before, Files.readAllBytes(in.resolve("phototest.tif")), "input unchanged");
		final String e = err();
		assertTrue(e.contains("broken.png: FAILED") && e.contains("broken.png: not an image ImageJ can open"), e);
		assertTrue(e.contains("done: 3 file(s) read") && e.contains("1 failed"), e);
		assertTrue(e.contains("phototest.tif: ok") && e.contains("words"), e);
	}

	@Test
	void twoThreadsWriteWhatOneThreadWrites() throws Exception {
		final Path in = inputs();
		Files.delete(in.resolve("broken.png"));
		assertEquals(0, run("ocr", "--level", "Line", "--format", "txt,tsv", "--out", tmp.resolve("one").toString(),
			in.toString()), err());
		assertEquals(0, run("ocr", "--level=Line", "--format=txt,tsv", "--threads", "2", "--out", tmp.resolve("two")
			.toString(), in.toString()), err());
		for (final String f : new String[] { "phototest.txt", "phototest.tsv", "eurotext.txt", "eurotext.tsv",
			"turned.txt" })
			assertEquals(Files.readString(tmp.resolve("one").resolve(f)), Files.readString(tmp.resolve("two").resolve(
				f)), f);
	}

	@Test
	void prepareAutoWritesThePreparedPageThePictureAndTheTables() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("pin"));
		Files.copy(Path.of("samples/02-salt-and-pepper.png"), in.resolve("noisy.png"));
		final Path outDir = tmp.resolve("pout");
		assertEquals(0, run("ocr", "--prepare", "auto", "--out", outDir.toString(), in.toString()), err());
		for (final String f : new String[] { "noisy.txt", "noisy.prepared.png", "noisy.annotated.png", "noisy.words.csv",
			"noisy.defects.csv", "noisy.prepare.csv" })
			assertTrue(Files.size(outDir.resolve(f)) > 0, f);
		final List<String> defects = Files.readAllLines(outDir.resolve("noisy.defects.csv"));
		assertTrue(defects.size() > 1 && defects.get(1).startsWith("SALT_PEPPER_NOISE,"), defects.toString());
		final List<String> words = Files.readAllLines(outDir.resolve("noisy.words.csv"));
		assertEquals("Text,Confidence,X,Y,Width,Height,Level,Block,Paragraph,Line,Slice", words.get(0));
		assertTrue(words.size() > 300, "words read: " + words.size());
		assertTrue(Files.readString(outDir.resolve("noisy.prepare.csv")).contains("Remove noise"));
		final ImagePlus pic = IJ.openImage(outDir.resolve("noisy.annotated.png").toString());
		assertEquals(24, pic.getBitDepth(), "a colour picture");
		final String e = err();
		assertTrue(e.contains("summary (prepare=auto):") && e.contains("noisy.png: 1 defect area(s) (SALT_PEPPER_NOISE)"),
			e);
		assertEquals(2, run("ocr", "--prepare", "magic", "--out", outDir.toString(), in.toString()));
	}

	@Test
	void usageErrors() throws Exception {
		final Path img = SharedData.path("tesseract", "phototest.tif");
		assertEquals(2, run("ocr", img.toString()), "no --out");
		assertTrue(err().contains("ocr needs --out DIR"), err());
		assertEquals(2, run("ocr", "--lang", "xyz", "--out", tmp.toString(), img.toString()));
		assertTrue(err().contains("no model for language 'xyz'") && err().contains("models there: eng, osd"), err());
		assertEquals(2, run("ocr", "--format", "docx", "--out", tmp.toString(), img.toString()));
		assertTrue(err().contains("unknown format 'docx'"), err());
		assertEquals(2, run("ocr", "--threads", "0", "--out", tmp.toString(), img.toString()));
		assertEquals(2, run("ocr", "--psm", "Diagonal", "--out", tmp.toString(), img.toString()));
		assertTrue(err().contains("unknown psm 'Diagonal'"), err());
		assertEquals(2, run("ocr", "--bogus", "1", "--out", tmp.toString(), img.toString()));
	}
}
