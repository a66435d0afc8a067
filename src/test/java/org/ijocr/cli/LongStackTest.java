package org.ijocr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.process.ByteProcessor;

import org.ijocr.ij1.OcrImages;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long stack (a book scanned to one TIFF) on the command line: its pages are read from the file one at a time and
 * each prepared page is written as soon as it is made, so a job's memory does not grow with the number of pages.
 */
class LongStackTest {

	@TempDir
	Path tmp;

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(final String... args) {
		err.reset();
		return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
			new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	/** An ImageJ TIFF stack of rendered text pages at 150 dpi (small text: the pages are enlarged when prepared). */
	private static Path book(final Path file, final int pages, final int w, final int h) {
		final ImageStack st = new ImageStack(w, h);
		for (int i = 0; i < pages; i++)
			st.addSlice("page " + (i + 1), new ByteProcessor(w, h, Pages.pixels(Pages.textPage(w, h, 150, 500 + i % 4)
				.image())));
		final ImagePlus imp = new ImagePlus("book", st);
		imp.getCalibration().setUnit("inch");
		imp.getCalibration().pixelWidth = imp.getCalibration().pixelHeight = 1.0 / 150;
		assertTrue(new FileSaver(imp).saveAsTiffStack(file.toString()));
		return file;
	}

	/** A multi-page TIFF written by Java's ImageIO (one directory per page), LZW-compressed. */
	private static Path imageIoTiff(final Path file, final List<BufferedImage> pages) throws Exception {
		return imageIoTiff(file, pages, Set.of());
	}

	/** As {@link #imageIoTiff(Path, List)}, the images of the given indices marked as thumbnails (NewSubfileType 1). */
	private static Path imageIoTiff(final Path file, final List<BufferedImage> pages, final Set<Integer> thumbnails)
		throws Exception
	{
		final javax.imageio.ImageWriter w = ImageIO.getImageWritersByFormatName("tiff").next();
		try (ImageOutputStream os = ImageIO.createImageOutputStream(file.toFile())) {
			w.setOutput(os);
			w.prepareWriteSequence(null);
			for (int i = 0; i < pages.size(); i++) {
				final BufferedImage b = pages.get(i);
				final ImageWriteParam p = w.getDefaultWriteParam();
				p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				p.setCompressionType("LZW");
				IIOMetadata md = null;
				if (thumbnails.contains(i)) {
					final TIFFDirectory dir = TIFFDirectory.createFromMetadata(w.getDefaultImageMetadata(
						new ImageTypeSpecifier(b), p));
					dir.addTIFFField(new TIFFField(BaselineTIFFTagSet.getInstance().getTag(
						BaselineTIFFTagSet.TAG_NEW_SUBFILE_TYPE), TIFFTag.TIFF_LONG, 1, new long[] {
							BaselineTIFFTagSet.NEW_SUBFILE_TYPE_REDUCED_RESOLUTION }));
					md = dir.getAsMetadata();
				}
				w.writeToSequence(new IIOImage(b, null, md), p);
			}
			w.endWriteSequence();
		}
		return file;
	}

	/** A page of w×h of the given type, white, with lines of text drawn in the colour given. */
	private static BufferedImage page(final int w, final int h, final int type, final Color ink, final String... lines) {
		final BufferedImage b = new BufferedImage(w, h, type);
		final Graphics2D g = b.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.setColor(ink);
		g.setFont(new Font(Font.SERIF, Font.PLAIN, lines.length > 1 ? 40 : 30));
		for (int i = 0; i < lines.length; i++)
			g.drawString(lines[i], 20, 100 + 20 * (lines.length - 1) + 80 * i);
		g.dispose();
		return b;
	}

	/** Three pages of 320×200 of the given type, in three colours. */
	private static Path imageIoTiff(final Path file, final int type) throws Exception {
		final List<BufferedImage> pages = new ArrayList<>();
		for (int i = 0; i < 3; i++)
			pages.add(page(320, 200, type, new Color(60 * i, 40, 200 - 60 * i), "Page " + (i + 1)));
		return imageIoTiff(file, pages);
	}

	@Test
	void theBooksPagesAreReadOneAtATimeAsImageJReadsThem() throws Exception {
		final List<Path> files = List.of(book(tmp.resolve("book.tif"), 5, 400, 300), imageIoTiff(tmp.resolve(
			"grey.tif"), BufferedImage.TYPE_BYTE_GRAY), imageIoTiff(tmp.resolve("rgb.tiff"), BufferedImage.TYPE_INT_RGB));
		for (final Path f : files) {
			final List<TiffPages.Run> runs = Batch.open(f, true);
			assertEquals(1, runs.size(), f + ": pages of one size");
			final ImagePlus paged = runs.get(0).image(), whole = new Opener().openImage(f.toString());
			assertTrue(paged.getStack().isVirtual(), f + " read page by page");
			assertFalse(whole.getStack().isVirtual());
			assertEquals(whole.getStackSize(), paged.getStackSize(), f.toString());
			assertEquals(whole.getBitDepth(), paged.getBitDepth(), f.toString());
			assertEquals(OcrImages.dpi(whole, 0), OcrImages.dpi(paged, 0), f + ": dpi");
			for (int s = 1; s <= whole.getStackSize(); s++)
				assertArrayEquals(OcrImages.grey(whole, s), OcrImages.grey(paged, s), f + ", page " + s);
		}
		assertEquals(150, OcrImages.dpi(Batch.open(files.get(0), true).get(0).image(), 0));
		// the detect job reads them page by page too
		final Path out = tmp.resolve("detected");
		assertEquals(0, run("detect", "--out", out.toString(), files.get(0).toString()), err());
		for (int s = 1; s <= 5; s++)
			assertEquals(24, IJ.openImage(out.resolve(String.format("book-%04d.defects.png", s)).toString())
				.getBitDepth());
		// the filter job, which changes the pages, opens them whole
		assertFalse(Batch.open(files.get(0), false).get(0).image().getStack().isVirtual());
		// a single page is opened whole, as before
		final Path one = tmp.resolve("one.tif");
		assertTrue(new FileSaver(new ImagePlus("one", new ByteProcessor(50, 40))).saveAsTiff(one.toString()));
		assertNull(TiffPages.runs(one));
		assertFalse(Batch.open(one, true).get(0).image().getStack().isVirtual());
	}

	/** A TIFF of three pages of different sizes, each with its number written on it, of the given type. */
	private static Path bundle(final Path file, final int type) throws Exception {
		final List<BufferedImage> pages = new ArrayList<>();
		for (int i = 0; i < 3; i++)
			pages.add(page(900 + 150 * i, 300 + 50 * i, type, Color.BLACK, "This is page number " + new String[] { "one",
				"two", "three" }[i] + " of the bundle", "forms and letters of mixed sizes"));
		return imageIoTiff(file, pages);
	}

	@Test
	void aBundleOfPagesOfDifferentSizesIsReadWholePageByPage() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		final Path mixed = bundle(in.resolve("mixed.tif"), BufferedImage.TYPE_BYTE_GRAY);
		assertEquals(1, new Opener().openImage(mixed.toString()).getStackSize(), "ImageJ reads the first page alone");
		final List<TiffPages.Run> runs = Batch.open(mixed, true);
		assertEquals(List.of(1, 2, 3), runs.stream().map(TiffPages.Run::first).toList());
		assertEquals(List.of(900, 1050, 1200), runs.stream().map(r -> r.image().getWidth()).toList());
		final Path out = tmp.resolve("out");
		assertEquals(0, run("ocr", "--out", out.toString(), mixed.toString()), err());
		final String text = Files.readString(out.resolve("mixed.txt"));
		for (final String n : new String[] { "one", "two", "three" })
			assertTrue(text.contains("page number " + n), text);
		assertEquals(0, run("ocr", "--prepare", "auto", "--out", tmp.resolve("auto").toString(), mixed.toString()),
			err());
		final List<String> words = Files.readAllLines(tmp.resolve("auto").resolve("mixed.words.csv"));
		for (final String n : new String[] { "one,", "two,", "three," })
			assertTrue(words.stream().anyMatch(l -> l.startsWith(n)), n + " " + words);
		assertTrue(words.stream().anyMatch(l -> l.startsWith("three,") && l.endsWith(",3")), "numbered in the file");
		for (int s = 1; s <= 3; s++) {
			final ImagePlus pic = IJ.openImage(tmp.resolve("auto").resolve(String.format("mixed-%04d.annotated.png", s))
				.toString());
			assertEquals(900 + 150 * (s - 1), pic.getWidth(), "each page its own size");
		}
		assertEquals(0, run("prepare", "--skip", "upscale", "--out", tmp.resolve("prep").toString(), mixed
			.toString()), err());
		assertEquals(1200, IJ.openImage(tmp.resolve("prep").resolve("mixed.prepared-0003.png").toString()).getWidth());
		assertTrue(Files.readString(tmp.resolve("prep").resolve("mixed.prepare.csv")).contains("\n3,Detect defects,0,0,"
			+ "1200,400,"));
		assertEquals(0, run("filter", "Invert", "--out", tmp.resolve("f").toString(), mixed.toString()), err());
		assertEquals(1050, IJ.openImage(tmp.resolve("f").resolve("mixed-0002.png").toString()).getWidth());
		assertEquals(0, run("detect", "--out", tmp.resolve("d").toString(), mixed.toString()), err());
		assertEquals(1200, IJ.openImage(tmp.resolve("d").resolve("mixed-0003.defects.png").toString()).getWidth());
		// thumbnails stored beside the pages are not pages
		final Path thumbs = imageIoTiff(in.resolve("thumbs.tif"), List.of(page(900, 300, BufferedImage.TYPE_BYTE_GRAY,
			Color.BLACK, "This is page number one", "of a scan with thumbnails"), page(180, 60,
				BufferedImage.TYPE_BYTE_GRAY, Color.BLACK, "small"), page(900, 300, BufferedImage.TYPE_BYTE_GRAY,
					Color.BLACK, "This is page number two", "of a scan with thumbnails"), page(180, 60,
						BufferedImage.TYPE_BYTE_GRAY, Color.BLACK, "small")), Set.of(1, 3));
		assertArrayEquals(new boolean[] { false, true, false, true }, TiffPages.notPages(thumbs, 4));
		final List<TiffPages.Run> pages = Batch.open(thumbs, true);
		assertEquals(1, pages.size());
		assertEquals(2, pages.get(0).image().getStackSize(), "two pages of 900×300");
		assertEquals(0, run("ocr", "--out", tmp.resolve("thumbs").toString(), thumbs.toString()), err());
		final String read = Files.readString(tmp.resolve("thumbs").resolve("thumbs.txt"));
		assertTrue(read.contains("page number one") && read.contains("page number two") && !read.contains("small"), read);
		assertEquals(2, Batch.open(thumbs, false).get(0).image().getStackSize(), "the filter job too");
		// 16-bit pages of different sizes are not read page by page: a clear failure, not the first page alone
		final Path deep = bundle(in.resolve("deep.tif"), BufferedImage.TYPE_USHORT_GRAY);
		assertEquals(1, run("ocr", "--out", tmp.resolve("deep").toString(), deep.toString()));
		assertTrue(err().contains("deep.tif: its 3 pages differ in size or type"), err());
	}

	@Test
	void aTruncatedBookIsRefusedNamingItsFirstMissingPageAndLeavesNoPagesBehind() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		final Path bad = book(in.resolve("cut.tif"), 6, 600, 400);
		book(in.resolve("whole.tif"), 2, 600, 400);
		// cut inside page 4: ImageJ's own opener reads 3 pages and says nothing
		final long page = 600L * 400;
		try (RandomAccessFile f = new RandomAccessFile(bad.toFile(), "rw")) {
			f.setLength(f.length() - 2 * page - page / 2);
		}
		assertEquals(3, new Opener().openImage(bad.toString()).getStackSize(), "ImageJ drops the missing pages silently");
		final Path out = tmp.resolve("out");
		assertEquals(1, run("prepare", "--out", out.toString(), in.toString()), err());
		final String e = err();
		assertTrue(e.contains("cut.tif: page 4 of 6 of ") && e.contains("cannot be read (damaged or truncated file?)"),
			e);
		assertTrue(e.contains("whole.tif: ok"), e);
		assertFalse(e.contains("cut.tif: page 1 of 6 ("), "refused before any page is read: " + e);
		try (var s = Files.list(out)) {
			assertEquals(List.of("whole.prepare.csv", "whole.prepared-0001.png", "whole.prepared-0002.png"), s.map(p -> p
				.getFileName().toString()).sorted().toList(), "no pages of the failed book left behind");
		}
	}

	@Test
	void ocrPrepareAutoWritesEachPageOfABookAsItIsRead() throws Exception {
		final Path in = book(tmp.resolve("three.tif"), 3, 620, 500);
		final byte[] before = Files.readAllBytes(in);
		final Path out = tmp.resolve("out");
		assertEquals(0, run("ocr", "--prepare", "auto", "--out", out.toString(), in.toString()), err());
		for (int s = 1; s <= 3; s++) {
			final ImagePlus prepared = IJ.openImage(out.resolve(String.format("three.prepared-%04d.png", s)).toString());
			assertTrue(prepared.getWidth() > 620 * 1.3, "enlarged: " + prepared.getWidth());
			assertEquals(24, IJ.openImage(out.resolve(String.format("three-%04d.annotated.png", s)).toString())
				.getBitDepth());
		}
		final List<String> words = Files.readAllLines(out.resolve("three.words.csv"));
		for (int s = 1; s <= 3; s++) {
			final String slice = "," + s;
			assertTrue(words.stream().filter(l -> l.endsWith(slice)).count() > 20, "words on page " + s);
		}
		assertTrue(Files.readString(out.resolve("three.txt")).length() > 300);
		for (int s = 1; s <= 3; s++)
			assertTrue(err().contains("three.tif: page " + s + " of 3 ("), "progress of page " + s + ": " + err());
		// read as it is, the book shows its progress too
		assertEquals(0, run("ocr", "--out", tmp.resolve("plain").toString(), in.toString()), err());
		assertTrue(err().contains("three.tif: page 3 of 3 (") && Files.readString(tmp.resolve("plain").resolve(
			"three.txt")).length() > 300, err());
		assertArrayEquals(before, Files.readAllBytes(in), "input unchanged");
	}

	/**
	 * {@code --threads N} reads N pages of one book at once (Tesseract reads a page on one core): the exports, tables
	 * and pictures are those of reading the pages one after another, and the progress lines come in page order.
	 */
	@Test
	void aBookReadSeveralPagesAtOnceGivesTheFilesOfReadingItPageByPage() throws Exception {
		final Path in = book(tmp.resolve("six.tif"), 6, 620, 500);
		final Path one = tmp.resolve("one"), three = tmp.resolve("three");
		assertEquals(0, run("ocr", "--format", "txt,tsv,hocr", "--out", one.toString(), in.toString()), err());
		assertEquals(0, run("ocr", "--threads", "3", "--format", "txt,tsv,hocr", "--out", three.toString(), in
			.toString()), err());
		int at = -1;
		for (int s = 1; s <= 6; s++) {
			final int next = err().indexOf("six.tif: page " + s + " of 6 (");
			assertTrue(next > at, "page " + s + " in order: " + err());
			at = next;
		}
		for (final String ext : new String[] { "txt", "tsv", "hocr" })
			assertEquals(Files.readString(one.resolve("six." + ext)), Files.readString(three.resolve("six." + ext)), ext);
		assertEquals(6, Files.readString(three.resolve("six.txt")).split("\f").length);
		// with preparation: two pages at once, each with the binarized reading beside it when its defects call for it
		final Path autoOne = tmp.resolve("auto1"), autoTwo = tmp.resolve("auto2");
		final Path four = book(tmp.resolve("four.tif"), 4, 620, 500);
		assertEquals(0, run("ocr", "--prepare", "auto", "--format", "txt,hocr", "--out", autoOne.toString(), four
			.toString()), err());
		assertEquals(0, run("ocr", "--prepare", "auto", "--threads", "2", "--format", "txt,hocr", "--out", autoTwo
			.toString(), four.toString()), err());
		for (final String f : new String[] { "four.txt", "four.hocr", "four.words.csv", "four.defects.csv",
			"four.prepared-0001.png", "four.prepared-0004.png", "four-0003.annotated.png" })
			assertArrayEquals(Files.readAllBytes(autoOne.resolve(f)), Files.readAllBytes(autoTwo.resolve(f)), f);
	}

	/** The command that runs the command line with {@code args} in a JVM of its own (with {@code heap}, if given). */
	private static List<String> commandLine(final String heap, final String... args) {
		final List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString()));
		if (heap != null) cmd.add("-Xmx" + heap);
		cmd.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class
			.getName()));
		cmd.addAll(List.of(args));
		return cmd;
	}

	/**
	 * Runs the command line in a JVM of its own, working in {@code work}, and sends it SIGTERM (as Ctrl-C or a
	 * scheduler's time limit) once it says {@code stopAt}; returns what it said. It must end with status 130 and
	 * leave no crash report in {@code work}.
	 */
	private static String stopped(final Path work, final String stopAt, final String... args) throws Exception {
		final Process p = new ProcessBuilder(commandLine(null, args)).directory(Files.createDirectories(work).toFile()).redirectErrorStream(
			true).start();
		final StringBuilder said = new StringBuilder();
		try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
			StandardCharsets.UTF_8)))
		{
			for (String line; (line = r.readLine()) != null;) {
				said.append(line).append('\n');
				if (line.contains(stopAt)) p.toHandle().destroy(); // SIGTERM; what it says is still read
			}
		}
		assertTrue(p.waitFor(1, TimeUnit.MINUTES), "stopped");
		final String log = said.toString();
		assertTrue(log.contains(stopAt), log);
		// the pages being read were let finish: Tesseract's native code did not abort the process
		assertEquals(130, p.exitValue(), log);
		try (var list = Files.list(work)) {
			assertEquals(List.of(), list.toList(), "no crash report");
		}
		assertFalse(log.contains("FAILED") || log.contains("done:") || log.contains("summary"),
			"nothing else said of the stop: " + log);
		return log;
	}

	/**
	 * A run stopped while it reads a book (SIGTERM, as Ctrl-C or a scheduler's time limit sends): the file finished
	 * before keeps its outputs, the book leaves none of the pages and exports it had begun.
	 */
	@Test
	void aStoppedRunKeepsTheFinishedFilesAndNothingOfTheUnfinishedOne() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		assertTrue(new FileSaver(new ImagePlus("a", new ByteProcessor(620, 500, Pages.pixels(Pages.textPage(620, 500,
			150, 77).image())))).saveAsPng(in.resolve("a.png").toString()));
		book(in.resolve("book.tif"), 8, 620, 500);
		Files.copy(in.resolve("a.png"), in.resolve("c.png"));
		final String bookStopped = "stopped: " + in.resolve("book.tif") + " was not finished; its outputs are removed";
		// one page at a time, and two pages of the book at once
		for (final String threads : new String[] { "1", "2" }) {
			final Path out = tmp.resolve("out" + threads);
			final String log = stopped(tmp.resolve("work" + threads), "book.tif: page 2 of 8", "ocr", "--prepare", "auto",
				"--threads", threads, "--format", "txt,hocr", "--out", out.toString(), in.toString());
			assertTrue(log.contains(bookStopped), log);
			try (var list = Files.list(out)) {
				final List<String> left = list.map(f -> f.getFileName().toString()).sorted().toList();
				assertTrue(left.containsAll(List.of("a.txt", "a.hocr", "a.prepared.png", "a.words.csv")), left.toString());
				assertTrue(left.stream().noneMatch(f -> f.startsWith("book")), "nothing of the unfinished book: " + left);
				// the file after the book: finished before the stop (two files at a time), or without outputs (not begun,
				// or stopped)
				if (left.stream().anyMatch(f -> f.startsWith("c."))) assertTrue(log.contains("c.png: ok") && left
					.containsAll(List.of("c.txt", "c.hocr", "c.words.csv")), left + "\n" + log);
			}
		}
		// a job that reads no text (the OCR engine is first loaded as the program stops)
		final Path out = tmp.resolve("prepared");
		assertTrue(stopped(tmp.resolve("work-prepare"), "book.tif: page 2 of 8", "prepare", "--out", out.toString(), in
			.resolve("book.tif").toString()).contains(bookStopped));
		try (var list = Files.list(out)) {
			assertEquals(List.of(), list.toList());
		}
	}

	/**
	 * {@code OCR Auto Prepare} keeps the prepared stack in memory: on a book whose prepared slices do not fit in the heap
	 * (a separate JVM with {@code -Xmx128m}, 24 pages at 150 dpi enlarged to about 1.4×), it fails after the first
	 * slice saying how much is needed and what to do, instead of running out of memory after preparing most of them.
	 */
	@Test
	void aStackWhosePreparedSlicesDoNotFitFailsAtOnceSayingWhatToDo() throws Exception {
		final Path in = book(tmp.resolve("book.tif"), 24, 1240, 1754);
		final Path macro = Files.writeString(tmp.resolve("prepare.ijm"), "setBatchMode(true);\nopen(getArgument());\n"
			+ "run(\"OCR Auto Prepare\");\nprint(\"prepared \" + nSlices);\n");
		final Process p = new ProcessBuilder(commandLine("128m", "macro", macro.toString(), in.toString()))
			.redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
		assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished");
		final String log = Files.readString(tmp.resolve("log.txt"));
		assertEquals(1, p.exitValue(), log);
		assertTrue(log.contains("OCR Auto Prepare: the prepared stack (24 slices of ") && log.contains(
			"does not fit in the memory left to ImageJ") && log.contains("ij-ocr prepare"), log);
		assertFalse(log.contains("OutOfMemoryError") || log.contains("prepared 24"), log);
	}

	/**
	 * {@code ij-ocr prepare} on a book whose prepared pages together take more than twice the heap it is given
	 * (a separate JVM with {@code -Xmx128m}): it prepares every page.
	 */
	@Test
	void aBookLargerThanTheHeapIsPreparedPageByPage() throws Exception {
		final int pages = 48;
		final Path in = book(tmp.resolve("book.tif"), pages, 1240, 1754);
		final Path out = tmp.resolve("out");
		final Process p = new ProcessBuilder(commandLine("128m", "prepare", "--skip", "deskew", "--out", out.toString(), in
			.toString())).redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt")
			.toFile()).start();
		assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished");
		final String log = Files.readString(tmp.resolve("log.txt"));
		assertEquals(0, p.exitValue(), log);
		long pixels = 0;
		for (int s = 1; s <= pages; s++) {
			final File f = out.resolve(String.format("book.prepared-%04d.png", s)).toFile();
			assertTrue(f.isFile(), f + "\n" + log);
			final ImagePlus png = IJ.openImage(f.toString());
			pixels += (long) png.getWidth() * png.getHeight();
		}
		assertTrue(pixels > 2 * (128L << 20), "the prepared pages take " + (pixels >> 20) + " MB: more than twice the heap");
	}
}
