package org.ijocr.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.ijocr.ocr.PageSegMode;

/**
 * {@code ij-ocr ocr}: reads the text of image files with Tesseract and writes {@code DIR/<name>.<ext>} for each
 * format (default txt), with the batch behaviour of every job ({@link Batch}); {@code --threads N} reads N files at a
 * time, one Tesseract handle per thread.
 */
final class OcrJob {

	static final String USAGE = "       ij-ocr ocr [--lang L] [--level Word|Line|Paragraph|Block] [--psm P] [--dpi N]"
		+ " [--format txt,tsv,hocr,alto,pdf] [--threads N] [--tessdata DIR] --out DIR [--verbose] FILES-OR-FOLDERS...";

	private OcrJob() {}

	static int run(final String[] args, final PrintStream err) {
		String lang = "eng", level = "Word", psm = "Auto", formats = "txt", tessdata = null, out = null;
		int dpi = 0, threads = 1;
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
				default -> throw new Main.UsageException("unknown option " + key);
			}
		}
		if (out == null) throw new Main.UsageException("ocr needs --out DIR");
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
		final Path outDir = Path.of(out);
		try {
			Files.createDirectories(outDir);
		}
		catch (final IOException e) {
			err.println("error: cannot create the output folder " + outDir + ": " + Batch.reason(e));
			return 1;
		}
		final Batch batch = new Batch(err, verbose);
		final List<Path> files = batch.expand(inputs);
		if (files.isEmpty() && batch.failures().isEmpty()) {
			err.println("error: no image files among the inputs");
			return 1;
		}
		final Map<String, Path> written = new ConcurrentHashMap<>();
		final int perFileDpi = dpi;
		final int done = batch.run(files, threads, file -> {
			final String name = Batch.baseName(file);
			final Path earlier = written.putIfAbsent(name, file);
			if (earlier != null) throw new IOException("its output name " + name + " is already taken by " + earlier
				+ " (rename one of them)");
			final ImagePlus imp = Batch.open(file);
			final OcrParams p = base.withDpi(OcrImages.dpi(imp, perFileDpi));
			final Path target = outDir.resolve(name);
			for (final OcrFormat f : fmts) {
				final Path o = target.resolveSibling(name + "." + f.extension());
				if (Batch.sameFile(file, o.toFile())) throw new IOException("refusing to overwrite the input with " + o);
			}
			final List<OcrPage> pages;
			try (OcrDocument doc = new OcrDocument(target, fmts, file.getFileName().toString(), p.tessdata())) {
				try {
					pages = OcrImages.recognize(imp, p, doc);
				}
				catch (final RuntimeException e) {
					doc.close();
					for (final OcrFormat f : fmts)
						Files.deleteIfExists(doc.file(f)); // no half-written results
					throw e;
				}
			}
			int words = 0;
			for (final OcrPage pg : pages)
				words += pg.items().size();
			return words + " " + p.level().label().toLowerCase(java.util.Locale.ROOT) + "s" + (pages.size() > 1 ? " on "
				+ pages.size() + " pages" : "");
		});
		return batch.summary(done, "read, results in " + outDir);
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
