package org.ijocr.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.measure.ResultsTable;

import org.ijocr.command.DetectDefectsCommand;
import org.ijocr.ij1.CommandBridge;
import org.ijocr.ij1.CommandFailure;
import org.ijocr.ij1.DefectsOverlay;
import org.ijocr.ij1.DefectsTable;

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
		return Batch.eachInput(o.positional, o.out, o.verbose, 1, err, ".defects.csv", "checked, results in ", (file,
			base, outDir) -> {
			final ImagePlus imp = Batch.openPages(file);
			final ResultsTable rt = CommandBridge.execute(DetectDefectsCommand.class, imp, options).tables().get(0)
				.table();
			Batch.writeText(file, outDir.resolve(base + ".defects.csv"), DefectsTable.csv(rt));
			final int n = imp.getStackSize();
			for (int s = 1; s <= n; s++) {
				final String name = n == 1 ? base + ".defects.png" : String.format("%s-%04d.defects.png", base, s);
				final Path png = outDir.resolve(name);
				if (Batch.sameFile(file, png.toFile())) throw new IOException("refusing to overwrite the input with " + png);
				if (!new FileSaver(DefectsOverlay.flatten(imp, s)).saveAsPng(png.toString())) throw new IOException(
					"cannot write " + png);
			}
			return rt.size() == 0 ? "no defects" : rt.size() + " defect area(s)";
		}, null);
	}
}
