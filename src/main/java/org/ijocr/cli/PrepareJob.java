package org.ijocr.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ij.ImagePlus;

import org.ijocr.core.prepare.PrepareParams;
import org.ijocr.defect.DefectDetectorService;
import org.ijocr.ij1.Csv;
import org.ijocr.ij1.Prepare;
import org.ijocr.ij1.SciJava;

/**
 * {@code ij-ocr prepare [--skip fixes,deskew,upscale,binarize] --out DIR FILES-OR-FOLDERS…}: runs what {@code OCR Auto
 * Prepare} runs on every input, page by page, and writes each prepared page as soon as it is made,
 * {@code DIR/<name>.prepared.png} (multi-page inputs: {@code <name>.prepared-0001.png}, …), then the {@code Prepare Log}
 * as {@code DIR/<name>.prepare.csv}. The batch behaviour of every job: a bad file is reported and the others go on,
 * exit status 1 if any failed.
 */
final class PrepareJob {

	/** What {@code --skip} accepts: the steps of {@code OCR Auto Prepare}'s {@code skip_…} keys. */
	private static final List<String> SKIPS = List.of("fixes", "deskew", "upscale", "binarize");

	private PrepareJob() {}

	static int run(final String[] args, final PrintStream err) {
		final List<String> rest = new ArrayList<>();
		final Set<String> skips = new HashSet<>();
		for (int i = 0; i < args.length; i++) {
			final String a = args[i];
			final String skip = a.equals("--skip") ? (i + 1 < args.length ? args[++i] : null) : a.startsWith("--skip=")
				? a.substring(7) : "";
			if (skip == null) throw new Main.UsageException("--skip needs a list, e.g. --skip deskew,binarize");
			if (skip.isEmpty()) {
				rest.add(a);
				continue;
			}
			for (final String s : skip.split(",")) {
				if (!SKIPS.contains(s.trim())) throw new Main.UsageException("--skip: unknown step '" + s.trim()
					+ "' (choose from " + String.join(", ", SKIPS) + ")");
				skips.add(s.trim());
			}
		}
		final Main.Options o = Main.Options.parse(rest.toArray(new String[0]), 1);
		if (o.out == null) throw new Main.UsageException("prepare needs --out DIR");
		if (o.positional.isEmpty()) throw new Main.UsageException("prepare needs at least one input file or folder");
		// the steps of OCR Auto Prepare, as its skip_… keys set them
		final PrepareParams params = new PrepareParams(!skips.contains("fixes"), !skips.contains("deskew"), !skips
			.contains("upscale"), !skips.contains("binarize"));
		final DefectDetectorService detectors = SciJava.context().getService(DefectDetectorService.class);
		return Batch.eachInput(o.positional, o.out, o.verbose, 1, err, ".prepared.png", "prepared, results in ", (file,
			base, outDir, written) -> {
			final List<TiffPages.Run> runs = Batch.open(file, true);
			final int n = Batch.pages(runs);
			final Progress progress = new Progress(err, file, n);
			final List<Prepare.Row> log = new ArrayList<>();
			// a file whose pages differ in size is prepared run by run of pages of one size, numbered in the file
			for (final TiffPages.Run run : runs) {
				final ImagePlus imp = run.image();
				final int before = run.first() - 1;
				// each page is written as soon as it is made: a long stack is not held in memory
				final Prepare.Outcome out = Prepare.run(imp, detectors, params, (r, s) -> {
					final Path page = Main.pagePath(outDir, base + ".prepared", ".png", before + s, n);
					written.add(page);
					try {
						Main.savePage(Prepare.page(imp, r), page, file);
					}
					catch (final IOException e) {
						throw new UncheckedIOException(e);
					}
					progress.page(before + s);
				});
				for (final Prepare.Row row : out.log())
					log.add(row.moved(before));
			}
			final Path csv = outDir.resolve(base + ".prepare.csv");
			written.add(csv);
			Batch.writeText(file, csv, Csv.of(Prepare.table(log), Prepare.COLUMNS, Set.of()));
			return log.size() + " step(s)";
		}, null);
	}
}
