package org.ijocr.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ij.ImagePlus;

import org.ijocr.command.AutoPrepareCommand;
import org.ijocr.ij1.CommandBridge;
import org.ijocr.ij1.Csv;
import org.ijocr.ij1.Prepare;

/**
 * {@code ij-ocr prepare [--skip fixes,deskew,upscale,binarize] --out DIR FILES-OR-FOLDERS…}: runs {@code OCR Auto Prepare} on
 * every input and writes {@code DIR/<name>.prepared.png} (multi-page inputs: {@code <name>.prepared-0001.png}, …) and
 * the {@code Prepare Log} as {@code DIR/<name>.prepare.csv}. The batch behaviour of every job: a bad file is reported
 * and the others go on, exit status 1 if any failed.
 */
final class PrepareJob {

	/** What {@code --skip} accepts, and the command's key for each. */
	private static final Map<String, String> SKIPS = Map.of("fixes", "skip_fixes", "deskew", "skip_deskew",
		"upscale", "skip_upscale", "binarize", "skip_binarize");

	private PrepareJob() {}

	static int run(final String[] args, final PrintStream err) {
		final List<String> rest = new ArrayList<>();
		final StringBuilder options = new StringBuilder();
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
				final String key = SKIPS.get(s.trim());
				if (key == null) throw new Main.UsageException("--skip: unknown step '" + s.trim() + "' (choose from "
					+ String.join(", ", SKIPS.keySet()) + ")");
				options.append(options.length() > 0 ? " " : "").append(key);
			}
		}
		final Main.Options o = Main.Options.parse(rest.toArray(new String[0]), 1);
		if (o.out == null) throw new Main.UsageException("prepare needs --out DIR");
		if (o.positional.isEmpty()) throw new Main.UsageException("prepare needs at least one input file or folder");
		return Batch.eachInput(o.positional, o.out, o.verbose, 1, err, ".prepared.png", "prepared, results in ", (file,
			base, outDir) -> {
			final ImagePlus imp = Batch.open(file);
			final CommandBridge.Outcome out = CommandBridge.execute(AutoPrepareCommand.class, imp, options.toString());
			Main.save(out.images().get(0), outDir, base + ".prepared", file);
			Batch.writeText(file, outDir.resolve(base + ".prepare.csv"), Csv.of(out.tables().get(0).table(),
				Prepare.COLUMNS, Set.of()));
			return out.tables().get(0).table().size() + " step(s)";
		}, null);
	}
}
