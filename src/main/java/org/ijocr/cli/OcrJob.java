package org.ijocr.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ij.ImagePlus;

import org.ijocr.ij1.OcrImages;
import org.ijocr.ocr.Models;
import org.ijocr.ocr.OcrDocument;
import org.ijocr.ocr.OcrFormat;
import org.ijocr.ocr.OcrLevel;
import org.ijocr.ocr.OcrPage;
import org.ijocr.ocr.OcrParams;
import org.ijocr.defect.DefectDetectorService;
import org.ijocr.ij1.AutoRead;
import org.ijocr.ij1.Csv;
import org.ijocr.ij1.Defects;
import org.ijocr.ij1.Lanes;
import org.ijocr.ij1.DefectsTable;
import org.ijocr.ij1.Prepare;
import org.ijocr.ij1.SciJava;
import org.ijocr.ocr.PageSegMode;

/**
 * {@code ij-ocr ocr}: reads the text of image files with Tesseract and writes {@code DIR/<name>.<ext>} for each
 * format (default txt), with the batch behaviour of every job ({@link Batch}); {@code --threads N} keeps N pages in
 * work at once ({@link Lanes}): N files at a time, and the pages of a book N at a time, one Tesseract handle per
 * thread (default: one per core, at most {@value #DEFAULT_MOST_THREADS}).
 */
final class OcrJob {

	/**
	 * The most pages read at once without {@code --threads}: each page in work has a Tesseract handle and copies of the
	 * page of its own, outside the Java heap too.
	 */
	static final int DEFAULT_MOST_THREADS = 8;

	static final String USAGE = "       ij-ocr ocr [--lang L] [--level Word|Line|Paragraph|Block] [--psm P] [--dpi N]"
		+ " [--format txt,tsv,hocr,alto,pdf] [--threads N] [--tessdata DIR] [--prepare none|auto] --out DIR [--verbose]"
		+ " FILES-OR-FOLDERS...\n"
		+ "                                (--prepare auto: fix defects, deskew, enlarge small text, also read the binarized\n"
		+ "                                 page when the reading is unsure, low contrast was found, or noise or glare\n"
		+ "                                 on a page not enlarged; also writes <name>.prepared.png, .annotated.png,\n"
		+ "                                 .words.csv, .defects.csv and .prepare.csv)\n"
		+ "                                (--threads N: N pages at a time, of one book or of several files; default one\n"
		+ "                                 per core, at most " + DEFAULT_MOST_THREADS + ")";


	private OcrJob() {}

	static int run(final String[] args, final PrintStream err) {
		String lang = "eng", level = "Word", psm = "Auto", formats = "txt", tessdata = null, out = null, prepare = "none";
		int dpi = 0, threads = Math.max(1, Math.min(DEFAULT_MOST_THREADS, Runtime.getRuntime().availableProcessors()));
		boolean verbose = false;
		final List<String> inputs = new java.util.ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			final String a = args[i];
			if (!a.startsWith("--") || a.equals("--")) {
				inputs.add(a);
				continue;
			}
			final int eq = a.indexOf('=');
			final String key = eq > 0 ? a.substring(0, eq) : a;
			if (key.equals("--verbose")) {
				verbose = true;
				continue;
			}
			final String value;
			if (eq > 0) value = a.substring(eq + 1);
			else if (i + 1 < args.length) value = args[++i];
			else throw new Main.UsageException(key + " needs a value");
			switch (key) {
				case "--lang" -> lang = value;
				case "--level" -> level = value;
				case "--psm" -> psm = value;
				case "--dpi" -> dpi = number(key, value, 0, 10000);
				case "--format", "--formats" -> formats = value;
				case "--threads" -> threads = number(key, value, 1, 256);
				case "--tessdata" -> tessdata = value;
				case "--out" -> out = value;
				case "--prepare" -> prepare = value.toLowerCase(java.util.Locale.ROOT);
				default -> throw new Main.UsageException("unknown option " + key);
			}
		}
		if (out == null) throw new Main.UsageException("ocr needs --out DIR");
		if (!prepare.equals("none") && !prepare.equals("auto")) throw new Main.UsageException(
			"--prepare must be none or auto, not '" + prepare + "'");
		final DefectDetectorService detectors = prepare.equals("auto") ? SciJava.context().getService(
			DefectDetectorService.class) : null;
		if (inputs.isEmpty()) throw new Main.UsageException("ocr needs at least one input file or folder");
		final Set<OcrFormat> fmts;
		final OcrParams base;
		try {
			fmts = OcrFormat.parse(formats);
			base = new OcrParams(lang, OcrLevel.fromLabel(level), PageSegMode.fromLabel(psm), OcrParams.DEFAULT_DPI,
				"", 0, Models.folder(tessdata));
		}
		catch (final IllegalArgumentException e) {
			throw new Main.UsageException(e.getMessage());
		}
		final int perFileDpi = dpi;
		// N pages in work at once, of one book or of several files (Tesseract reads a page on one core)
		final int lanesBefore = Lanes.limit(threads);
		try {
			return read(inputs, out, verbose, threads, err, fmts, base, perFileDpi, detectors);
		}
		finally {
			Lanes.limit(lanesBefore);
		}
	}

	private static int read(final List<String> inputs, final String out, final boolean verbose, final int threads,
		final PrintStream err, final Set<OcrFormat> fmts, final OcrParams base, final int perFileDpi,
		final DefectDetectorService detectors)
	{
		final Map<Path, String> summary = new ConcurrentHashMap<>();
		return Batch.eachInput(inputs, out, verbose, threads, err, "", "read, results in ", (file, name, outDir,
			written) -> {
			final List<TiffPages.Run> runs = Batch.open(file, true);
			final OcrParams p = base.withDpi(OcrImages.dpi(runs.get(0).image(), perFileDpi));
			final Path target = outDir.resolve(name);
			for (final OcrFormat f : fmts) {
				final Path o = target.resolveSibling(name + "." + f.extension());
				if (Batch.sameFile(file, o.toFile())) throw new IOException("refusing to overwrite the input with " + o);
				written.add(o); // named before the document creates it
			}
			final List<OcrPage> pages = new ArrayList<>();
			final List<Prepare.Row> log = new ArrayList<>();
			final List<Defects.Found> defects = new ArrayList<>();
			try (OcrDocument doc = new OcrDocument(target, fmts, file.getFileName().toString(), p.tessdata())) {
				// on failure the document is closed (try-with-resources) before Batch deletes its files
				final int n = Batch.pages(runs);
				final Progress progress = new Progress(err, file, n);
				// a file whose pages differ in size is read run by run of pages of one size, numbered in the file
				for (final TiffPages.Run run : runs) {
					final ImagePlus imp = run.image();
					final int before = run.first() - 1;
					final OcrParams q = base.withDpi(OcrImages.dpi(imp, perFileDpi));
					if (detectors == null) {
						pages.addAll(OcrImages.recognize(imp, q, doc, null, s -> progress.page(before + s)));
						continue;
					}
					// each page's pictures are written as soon as it is read: a long stack is not held in memory
					final AutoRead.Pages r = AutoRead.read(imp, q, detectors, doc, (s, page, found) -> {
						final Path prepared = Main.pagePath(outDir, name + ".prepared", ".png", before + s, n);
						final Path annotated = Main.pagePath(outDir, name, ".annotated.png", before + s, n);
						written.add(prepared);
						written.add(annotated);
						try {
							Main.savePage(Prepare.page(imp, page.prepared()), prepared, file);
							Main.savePage(AutoRead.annotated(imp, s, page.page(), found), annotated, file);
						}
						catch (final IOException e) {
							throw new UncheckedIOException(e);
						}
						progress.page(before + s);
					});
					pages.addAll(r.pages());
					for (final Prepare.Row row : r.log())
						log.add(row.moved(before));
					for (final Defects.Found f : r.defects())
						defects.add(f.moved(before));
				}
				if (detectors != null) {
					writeTables(pages, log, defects, outDir, name, file, written);
					summary.put(file, summary(pages, defects));
				}
			}
			int words = 0;
			for (final OcrPage pg : pages)
				words += pg.items().size();
			return words + " " + p.level().label().toLowerCase(java.util.Locale.ROOT) + "s" + (pages.size() > 1 ? " on "
				+ pages.size() + " pages" : "");
		}, files -> {
			if (summary.isEmpty()) return;
			err.println("summary (prepare=auto):");
			for (final Path f : files)
				if (summary.containsKey(f)) err.println("  " + f.getFileName() + ": " + summary.get(f));
		});
	}

	/**
	 * With {@code --prepare auto}: the tables (words, defects, preparation log) as CSV, each added to {@code written}
	 * before it is written.
	 */
	private static void writeTables(final List<OcrPage> pages, final List<Prepare.Row> log,
		final List<Defects.Found> defects, final Path outDir, final String name, final Path input,
		final List<Path> written) throws IOException
	{
		final Map<String, String> tables = new java.util.LinkedHashMap<>();
		tables.put(".words.csv", Csv.of(OcrImages.table(pages), OcrImages.COLUMNS, Set.of()));
		tables.put(".defects.csv", DefectsTable.csv(DefectsTable.of(defects)));
		tables.put(".prepare.csv", Csv.of(Prepare.table(log), Prepare.COLUMNS, Set.of()));
		for (final Map.Entry<String, String> t : tables.entrySet()) {
			final Path f = outDir.resolve(name + t.getKey());
			written.add(f);
			Batch.writeText(input, f, t.getValue());
		}
	}

	/** {@code 2 defect area(s) (GLARE, BLUR), 312 words, mean confidence 87, 3 line(s) read again}. */
	private static String summary(final List<OcrPage> pages, final List<Defects.Found> defects) {
		final java.util.Set<String> types = new java.util.TreeSet<>();
		for (final Defects.Found f : defects)
			types.add(f.area().type().name());
		int words = 0;
		double conf = 0;
		for (final OcrPage pg : pages)
			for (final org.ijocr.ocr.OcrItem it : pg.items()) {
				words++;
				conf += it.confidence();
			}
		return defects.size() + " defect area(s)" + (types.isEmpty() ? "" : " (" + String.join(", ", types) + ")")
			+ ", " + words + " item(s), mean confidence " + (words == 0 ? 0 : Math.round(conf / words));
	}

	private static int number(final String key, final String value, final int min, final int max) {
		try {
			final int v = Integer.parseInt(value.trim());
			if (v < min || v > max) throw new Main.UsageException(key + " must be " + min + "–" + max + ", not " + v);
			return v;
		}
		catch (final NumberFormatException e) {
			throw new Main.UsageException(key + " needs a whole number, not '" + value + "'");
		}
	}
}
