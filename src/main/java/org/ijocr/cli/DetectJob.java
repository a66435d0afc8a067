package org.ijocr.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;

import org.ijocr.command.DetectDefectsCommand;
import org.ijocr.defect.DefectDetector;
import org.ijocr.defect.DefectDetectorService;
import org.ijocr.ij1.CommandBridge;
import org.ijocr.ij1.CommandFailure;
import org.ijocr.ij1.Defects;
import org.ijocr.ij1.DefectsOverlay;
import org.ijocr.ij1.DefectsTable;
import org.ijocr.ij1.SciJava;

/**
 * {@code ij-ocr detect [--type T] --out DIR FILES-OR-FOLDERS…}: runs {@code OCR Detect Defects} on every input and
 * writes {@code DIR/<name>.defects.csv} (the {@code Defects} table's columns, one row per area, the {@code Slice}
 * column telling the pages of a multi-page file apart) and {@code DIR/<name>.defects.png} (the page as RGB with the
 * areas and the legend drawn in; multi-page inputs get one PNG per page, {@code DIR/<name>-0001.defects.png}, …).
 * The batch behaviour of every job: a bad file is reported and the others go on, exit status 1 if any failed.
 */
final class DetectJob {

	private DetectJob() {}

	static int run(final String[] args, final PrintStream err) {
		String type = "All";
		final List<String> rest = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			final String a = args[i];
			if (i > 0 && a.equals("--type")) {
				if (i + 1 >= args.length) throw new Main.UsageException("--type needs a defect type");
				type = args[++i];
			}
			else if (i > 0 && a.startsWith("--type=")) type = a.substring(7);
			else rest.add(a);
		}
		final Main.Options o = Main.Options.parse(rest.toArray(new String[0]), 1);
		if (o.out == null) throw new Main.UsageException("detect needs --out DIR");
		if (o.positional.isEmpty()) throw new Main.UsageException("detect needs at least one input file or folder");
		final String options = "type=[" + type + "]";
		try {
			CommandBridge.validate(DetectDefectsCommand.class, options);
		}
		catch (final CommandFailure e) {
			throw new Main.UsageException("--type: " + e.getMessage());
		}
		final DefectDetectorService service = SciJava.context().getService(DefectDetectorService.class);
		final List<DefectDetector> chosen = service.select(type);
		return Batch.eachInput(o.positional, o.out, o.verbose, 1, err, ".defects.csv", "checked, results in ", (file,
			base, outDir, written) -> {
			if (chosen.isEmpty()) throw new IllegalStateException("no defect detectors are registered (no DefectDetector "
				+ "plugin found)");
			final List<TiffPages.Run> runs = Batch.open(file, true);
			final int n = Batch.pages(runs);
			final List<Defects.Found> all = new ArrayList<>();
			// as OCR Detect Defects does; a file whose pages differ in size run by run of pages of one size
			for (final TiffPages.Run run : runs) {
				final ImagePlus imp = run.image();
				final int before = run.first() - 1;
				final List<Defects.Found> found = Defects.find(imp, service, chosen);
				DefectsOverlay.show(imp, found);
				for (final Defects.Found f : found)
					all.add(f.moved(before));
				for (int s = 1; s <= imp.getStackSize(); s++) {
					final Path png = Main.pagePath(outDir, base, ".defects.png", before + s, n);
					written.add(png);
					Main.savePage(DefectsOverlay.flatten(imp, s), png, file);
				}
			}
			final Path csv = outDir.resolve(base + ".defects.csv");
			written.add(csv);
			Batch.writeText(file, csv, DefectsTable.csv(DefectsTable.of(all)));
			return all.isEmpty() ? "no defects" : all.size() + " defect area(s)";
		}, null);
	}
}
