package org.ijocr.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.Menus;
import ij.WindowManager;
import ij.io.FileSaver;
import ij.macro.Interpreter;

import org.ijocr.ij1.CommandBridge;
import org.ijocr.ij1.CommandFailure;
import org.ijocr.ij1.HeadlessImageJ;
import org.ijocr.ij1.PluginsConfig;
import org.scijava.command.Command;

/**
 * The {@code ij-ocr} command line: the suite's ImageJ commands headless, over files and folders.
 *
 * <pre>
 * ij-ocr filter "OCR Median radius=1; OCR Binarize method=Otsu" --out DIR FILES-OR-FOLDERS…
 * ij-ocr detect [--type TYPE] --out DIR FILES-OR-FOLDERS…
 * ij-ocr macro FILE.ijm [ARG]
 * ij-ocr commands
 * </pre>
 */
public final class Main {

	static final String USAGE = String.join("\n", //
		"usage: ij-ocr filter \"<pipeline>\" --out DIR [--verbose] FILES-OR-FOLDERS...", //
		"       ij-ocr detect [--type TYPE] --out DIR [--verbose] FILES-OR-FOLDERS...", //
		"                                (DIR/<name>.defects.csv and .defects.png; TYPE: All or one defect type)", //
		"       ij-ocr prepare [--skip fixes,deskew,upscale,binarize] --out DIR [--verbose] FILES-OR-FOLDERS...", //
		"                                (DIR/<name>.prepared.png and the log DIR/<name>.prepare.csv)", //
		OcrJob.USAGE, //
		"       ij-ocr macro FILE.ijm [ARG]", //
		"       ij-ocr commands          (the commands and their macro keys)", //
		"       ij-ocr --version | --help", //
		"", //
		"A pipeline is ';'-separated steps written like macro calls, e.g.", //
		"  \"OCR Median radius=1; OCR Binarize method=Otsu\"", //
		"Each input is written to DIR/<name>.png (multi-page inputs: DIR/<name>-0001.png, ...).", //
		"Folders are read for image files (tif, png, jpg, bmp, gif, pgm/pbm/ppm); inputs are never modified.", //
		"Exit status: 0 all files done, 1 some file failed, 2 bad usage.");

	private Main() {}

	public static void main(final String[] args) {
		System.setProperty("java.awt.headless", "true");
		final int status = run(args, System.out, System.err);
		System.exit(status);
	}

	/** Runs the command line; returns the exit status. */
	public static int run(final String[] args, final PrintStream out, final PrintStream err) {
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
			(args.length == 0 ? err : out).println(USAGE);
			return args.length == 0 ? 2 : 0;
		}
		try {
			switch (args[0]) {
				case "--version":
					out.println("ij-ocr " + version() + " (ImageJ " + IJ.getFullVersion() + ")");
					return 0;
				case "filter":
					return filter(args, err);
				case "detect":
					return DetectJob.run(args, err);
				case "prepare":
					return PrepareJob.run(args, err);
				case "macro":
					return macro(args, out, err);
				case "ocr":
					return OcrJob.run(args, err);
				case "commands":
					return commands(out);
				default:
					err.println("error: unknown job '" + args[0] + "'");
					err.println(USAGE);
					return 2;
			}
		}
		catch (final UsageException e) {
			err.println("error: " + e.getMessage());
			err.println(USAGE);
			return 2;
		}
	}

	// -- filter --

	private static int filter(final String[] args, final PrintStream err) {
		final Options o = Options.parse(args, 1);
		if (o.positional.isEmpty()) throw new UsageException("filter needs a pipeline");
		if (o.out == null) throw new UsageException("filter needs --out DIR");
		final List<Step> pipeline = Step.parsePipeline(o.positional.get(0));
		final List<String> inputs = o.positional.subList(1, o.positional.size());
		if (inputs.isEmpty()) throw new UsageException("filter needs at least one input file or folder");
		return Batch.eachInput(inputs, o.out, o.verbose, 1, err, ".png", "written to ", (file, base, outDir, written) -> {
			final List<TiffPages.Run> runs = Batch.open(file, false);
			final int n = Batch.pages(runs);
			final List<String> notes = new ArrayList<>();
			// a file whose pages differ in size goes through the pipeline run by run of pages of one size
			for (final TiffPages.Run run : runs) {
				final ImagePlus imp = run.image();
				for (final Step step : pipeline)
					for (final CommandBridge.Value v : step.apply(imp))
						notes.add(step.command() + ": " + v.label() + " = " + v.text());
				save(imp, outDir, base, file, run.first(), n, written);
			}
			return String.join("; ", notes);
		}, null);
	}

	/** Creates the {@code --out} folder if needed; {@code null} (after an error line) if it cannot be. */
	static Path outputFolder(final String out, final PrintStream err) {
		final Path outDir = Path.of(out);
		try {
			Files.createDirectories(outDir);
		}
		catch (final IOException e) {
			err.println("error: cannot create the output folder " + outDir + ": " + Batch.reason(e));
			return null;
		}
		return outDir;
	}

	/**
	 * Writes every slice of {@code imp} as a PNG: {@code outDir/<base>.png} for a file of one page, else
	 * {@code <base>-0001.png}, … numbered in the file, from page {@code first} of {@code pages}; each added to
	 * {@code written} before it is written.
	 */
	static void save(final ImagePlus imp, final Path outDir, final String base, final Path input, final int first,
		final int pages, final List<Path> written) throws IOException
	{
		final ImageStack stack = imp.getStack();
		for (int i = 1; i <= imp.getStackSize(); i++) {
			final ImagePlus page = new ImagePlus(imp.getTitle(), stack.getProcessor(i));
			page.setCalibration(imp.getCalibration());
			final Path f = pagePath(outDir, base, ".png", first + i - 1, pages);
			written.add(f);
			savePage(page, f, input);
		}
	}

	/**
	 * Where page {@code page} of {@code pages} is written: {@code <base><suffix>}, or {@code <base>-0001<suffix>}, …
	 * (e.g. suffix {@code .png} or {@code .annotated.png}).
	 */
	static Path pagePath(final Path outDir, final String base, final String suffix, final int page, final int pages) {
		return outDir.resolve(pages == 1 ? base + suffix : String.format(Locale.ROOT, "%s-%04d%s", base, page, suffix));
	}

	/** Writes a one-slice image as a PNG, refusing to overwrite the job's input. */
	static void savePage(final ImagePlus page, final Path file, final Path input) throws IOException {
		final File f = file.toFile();
		if (Batch.sameFile(input, f)) throw new IOException("refusing to overwrite the input with " + f);
		if (!new FileSaver(page).saveAsPng(f.getPath())) throw new IOException("cannot write " + f);
	}

	/** One pipeline step: a command name and its macro options. */
	record Step(String command, String options, Class<? extends Command> suiteCommand) {

		static List<Step> parsePipeline(final String pipeline) {
			final List<Step> steps = new ArrayList<>();
			int i = 0;
			for (final String raw : splitSteps(pipeline)) {
				i++;
				final String s = raw.trim();
				if (s.isEmpty()) continue;
				steps.add(parse(s, i));
			}
			if (steps.isEmpty()) throw new UsageException("the pipeline is empty");
			return steps;
		}

		static Step parse(final String s, final int index) {
			// the longest known command name that prefixes the step
			PluginsConfig.Entry best = null;
			for (final PluginsConfig.Entry e : PluginsConfig.entries())
				if ((s.equals(e.command()) || s.startsWith(e.command() + " ")) && (best == null || e.command()
					.length() > best.command().length())) best = e;
			if (best != null) {
				final String options = s.substring(best.command().length()).trim();
				final Class<? extends Command> cls = CommandBridge.commandClass(best.arg());
				try {
					CommandBridge.validate(cls, options);
				}
				catch (final CommandFailure e) {
					throw new UsageException("step " + index + " (" + best.command() + "): " + e.getMessage());
				}
				return new Step(best.command(), options, cls);
			}
			HeadlessImageJ.install();
			@SuppressWarnings("unchecked")
			final Hashtable<String, String> table = Menus.getCommands();
			String builtIn = null;
			if (table != null) for (final String name : table.keySet())
				if ((s.equals(name) || s.startsWith(name + " ")) && (builtIn == null || name.length() > builtIn
					.length())) builtIn = name;
			if (builtIn == null) throw new UsageException("step " + index + ": unknown command in '" + s
				+ "' (the suite's commands: " + String.join(", ", PluginsConfig.entries().stream().map(
					PluginsConfig.Entry::command).toList()) + ")");
			final String options = s.substring(builtIn.length()).trim();
			if (!options.isEmpty() || builtIn.endsWith("...")) throw new UsageException("step " + index + " ('"
				+ builtIn + "'): ImageJ's own commands that take options or open a dialog cannot run here: a plain "
				+ "ImageJ 1 without a display cannot build their dialog and would silently use its defaults. Use the "
				+ "suite's commands (ij-ocr commands), ImageJ commands without a dialog (e.g. 8-bit, Invert), or run a "
				+ "macro in ImageJ under a display (e.g. xvfb-run)");
			return new Step(builtIn, options, null);
		}

		/** Runs the step on {@code imp}; returns the scalar values the command reported (e.g. a skew angle). */
		List<CommandBridge.Value> apply(final ImagePlus imp) {
			if (suiteCommand != null) {
				try {
					final CommandBridge.Outcome outcome = CommandBridge.execute(suiteCommand, imp, options);
					if (!outcome.images().isEmpty()) replace(imp, outcome.images().get(0));
					return outcome.values();
				}
				catch (final CommandFailure e) {
					throw new CommandFailure(command + ": " + e.getMessage(), e);
				}
			}
			// an ImageJ built-in (e.g. "8-bit", "Gaussian Blur... sigma=2"): its dialogs read the options headless,
			// and its errors go through IJ.error, which only prints; turn them into this file's failure
			IJ.getErrorMessage(); // clears an earlier message
			IJ.run(imp, command, options.isEmpty() ? null : options);
			final String error = IJ.getErrorMessage();
			if (error != null) throw new CommandFailure(command + ": " + error.trim().replaceAll("\\s+", " "));
			return List.of();
		}

		private static void replace(final ImagePlus imp, final ImagePlus result) {
			imp.setStack(result.getStack());
			imp.setCalibration(result.getCalibration());
		}

		/** Splits on ';' outside square brackets. */
		static List<String> splitSteps(final String pipeline) {
			final List<String> parts = new ArrayList<>();
			int depth = 0, start = 0;
			for (int i = 0; i < pipeline.length(); i++) {
				final char c = pipeline.charAt(i);
				if (c == '[') depth++;
				else if (c == ']') depth = Math.max(0, depth - 1);
				else if (c == ';' && depth == 0) {
					parts.add(pipeline.substring(start, i));
					start = i + 1;
				}
			}
			parts.add(pipeline.substring(start));
			return parts;
		}
	}

	// -- macro --

	private static int macro(final String[] args, final PrintStream out, final PrintStream err) {
		if (args.length < 2) throw new UsageException("macro needs a macro file");
		if (args.length > 3) throw new UsageException("macro takes one macro file and at most one argument");
		final Path file = Path.of(args[1]);
		final String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			err.println("error: " + file + ": cannot read the macro (" + Batch.reason(e) + ")");
			return 1;
		}
		return runMacro(text, args.length == 3 ? args[2] : "", file.toString(), err);
	}

	/** Runs macro text headless in batch mode; returns 0, or 1 when the macro or a command in it failed. */
	public static int runMacro(final String text, final String arg, final String name, final PrintStream err) {
		HeadlessImageJ.install();
		CommandBridge.clearLastFailure();
		final Interpreter interp = new Interpreter();
		Interpreter.batchMode = true;
		try {
			interp.run(text, arg);
		}
		catch (final RuntimeException e) {
			if (CommandBridge.lastFailure() == null) {
				// ImageJ reports macro errors in a dialog, which fails headless: report its message instead
				final String m = interp.getErrorMessage() != null ? interp.getErrorMessage() : Batch.message(e);
				err.println("error: " + name + ": line " + interp.getLineNumber() + ": " + m);
				return 1;
			}
		}
		finally {
			Interpreter.batchMode = false;
			closeAll();
		}
		if (CommandBridge.lastFailure() != null) {
			err.println("error: " + name + ": " + CommandBridge.lastFailure());
			return 1;
		}
		if (interp.wasError()) {
			err.println("error: " + name + ": the macro stopped with an error (see above)");
			return 1;
		}
		return 0;
	}

	private static void closeAll() {
		final int[] ids = WindowManager.getIDList();
		if (ids != null) for (final int id : ids) {
			final ImagePlus imp = WindowManager.getImage(id);
			if (imp != null) {
				imp.changes = false;
				imp.close();
			}
		}
	}

	// -- commands --

	private static int commands(final PrintStream out) {
		for (final PluginsConfig.Entry e : PluginsConfig.entries()) {
			final Class<? extends Command> cls = CommandBridge.commandClass(e.arg());
			out.println(e.command() + "   (" + e.menu() + ")");
			for (final CommandBridge.Param p : CommandBridge.params(cls)) {
				final StringBuilder sb = new StringBuilder("    ").append(p.key()).append('=');
				if (!p.choices().isEmpty()) sb.append(String.join("|", p.choices()));
				else sb.append('<').append(p.type().getSimpleName().toLowerCase()).append('>');
				// an optional number (declared default NaN) is "not set": the command picks its own default
				sb.append("  default ").append(p.defaultValue() instanceof Double d && d.isNaN() ? "not set"
					: p.defaultValue());
				if (p.description() != null && !p.description().isEmpty()) sb.append("  — ").append(p.description());
				out.println(sb);
			}
		}
		return 0;
	}

	private static String version() {
		final String v = Main.class.getPackage().getImplementationVersion();
		return v != null ? v : "(development build)";
	}

	/** Parsed {@code --out}, {@code --verbose} and positional arguments. */
	static final class Options {

		String out;
		boolean verbose;
		final List<String> positional = new ArrayList<>();

		static Options parse(final String[] args, final int from) {
			final Options o = new Options();
			for (int i = from; i < args.length; i++) {
				final String a = args[i];
				if (a.equals("--out") || a.equals("-o")) {
					if (i + 1 >= args.length) throw new UsageException("--out needs a folder");
					o.out = args[++i];
				}
				else if (a.startsWith("--out=")) o.out = a.substring(6);
				else if (a.equals("--verbose") || a.equals("-v")) o.verbose = true;
				else if (a.startsWith("--")) throw new UsageException("unknown option " + a);
				else o.positional.add(a);
			}
			return o;
		}
	}

	/** Bad command-line usage: exit status 2. */
	static final class UsageException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UsageException(final String message) {
			super(message);
		}
	}
}
