package org.ijocr.cli;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.Opener;

import org.ijocr.ocr.OcrEngine;

/**
 * The batch behaviour shared by every command-line job: folders expanded to the image files in them, one
 * clear line per failure naming the file and the reason (a stack trace only with {@code --verbose}), progress
 * on stderr, the inputs never written, and a non-zero exit status if any file failed.
 */
final class Batch {

	/** File name endings the command line picks up from folders. */
	static final Set<String> IMAGE_EXTENSIONS = Set.of("tif", "tiff", "png", "jpg", "jpeg", "bmp", "gif", "pgm",
		"pbm", "pnm", "ppm");

	/** One file's job: throws with a user-facing message when the file fails. */
	@FunctionalInterface
	interface Job {

		/** Does one file; returns a note for its "ok" line (e.g. values the commands measured), or {@code null}. */
		String run(Path file) throws Exception;
	}

	private final PrintStream err;
	private final boolean verbose;
	private final List<String> failures = new ArrayList<>();

	Batch(final PrintStream err, final boolean verbose) {
		this.err = err;
		this.verbose = verbose;
	}

	/** Expands files and folders (sorted, not recursive) into the list of inputs; missing paths are failures. */
	List<Path> expand(final List<String> args) {
		final List<Path> files = new ArrayList<>();
		for (final String a : args) {
			final Path p = Path.of(a);
			if (Files.isDirectory(p)) {
				final int before = files.size();
				try (Stream<Path> s = Files.list(p)) {
					s.filter(Files::isRegularFile).filter(Batch::isImageName).sorted().forEach(files::add);
				}
				catch (final IOException e) {
					fail(p, "cannot list the folder: " + reason(e), e);
					continue;
				}
				if (files.size() == before) err.println("warning: " + p + ": no image files in this folder");
			}
			else if (Files.isRegularFile(p)) files.add(p);
			else fail(p, Files.exists(p) ? "not a regular file" : "no such file or folder", null);
		}
		return files;
	}

	/** One input of a job that writes its results into an output folder. */
	@FunctionalInterface
	interface Output {

		/**
		 * Reads {@code file} and writes its results as {@code outDir/<base>…}, adding each output file to
		 * {@code written} before writing it; returns a note for its "ok" line, or {@code null}. When the file fails,
		 * or the run is stopped (Ctrl-C, SIGTERM) while it is being done, the files in {@code written} are deleted:
		 * nothing half-written is left to be taken for a result.
		 */
		String write(Path file, String base, Path outDir, List<Path> written) throws Exception;
	}

	/**
	 * The outputs of a file being done, and its input (never deleted). Compared by identity: the list grows while the
	 * file is done (a record's hash would change with it, and the entry could no longer be removed). Once the run is
	 * stopping, no further output can be named: the job fails there, before writing it, and removes its outputs.
	 */
	private static final class Pending {

		private final Path input;
		private final List<Path> written = Collections.synchronizedList(new ArrayList<>() {

			@Override
			public boolean add(final Path p) {
				if (stopped) throw new IllegalStateException("stopped before " + p + " was written");
				return super.add(p);
			}
		});
		private volatile boolean finished;

		Pending(final Path input) {
			this.input = input;
		}

		Path input() {
			return input;
		}

		List<Path> written() {
			return written;
		}
	}

	/** Set when the run is stopped (Ctrl-C, SIGTERM): the failures of the files in work are not reported. */
	private static volatile boolean stopped;

	/** Whether the run is being stopped (Ctrl-C, SIGTERM). */
	static boolean stopping() {
		return stopped;
	}

	/** The files being done now, whose outputs a stopped run deletes. */
	private static final Set<Pending> PENDING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (PENDING.isEmpty()) return;
			stopped = true;
			final List<Pending> stopping = new ArrayList<>(PENDING);
			final long end = System.nanoTime() + OcrEngine.STOP_WAIT_MILLIS * 1_000_000;
			// the pages Tesseract is reading are let finish, and no new one starts: a process that exits under a
			// reading, or frees its model, is aborted by Tesseract's native code (status 134, a JVM crash report)
			OcrEngine.shutdown(OcrEngine.STOP_WAIT_MILLIS);
			// each file's job then fails at its next page or output, removing its outputs itself; one that finishes
			// meanwhile keeps them
			while (!PENDING.isEmpty() && System.nanoTime() < end)
				try {
					Thread.sleep(20);
				}
				catch (final InterruptedException e) {
					break;
				}
			for (final Pending p : stopping) {
				if (p.finished) continue;
				deleteAll(p.input(), p.written());
				System.err.println("stopped: " + p.input() + " was not finished; its outputs are removed");
			}
			Runtime.getRuntime().halt(130);
		}, "ij-ocr: remove unfinished outputs"));
	}

	/** Deletes the files (never {@code input}); what cannot be deleted is left. */
	private static void deleteAll(final Path input, final List<Path> files) {
		final List<Path> copy;
		synchronized (files) {
			copy = new ArrayList<>(files);
		}
		for (final Path f : copy)
			try {
				if (!sameFile(input, f.toFile())) Files.deleteIfExists(f);
			}
			catch (final IOException e) {
				// left behind: nothing more to do while failing or stopping
			}
	}

	/**
	 * The frame every job over FILES-OR-FOLDERS shares: creates the {@code --out} folder, expands the inputs, refuses
	 * an input whose output name another input already took, runs {@code job} on each ({@code threads} at a time),
	 * going on past failures, and prints the closing summary.
	 *
	 * @param firstOutput the suffix of the job's first output file, for the message about a taken name
	 * @param done what the summary says was done, before the folder, e.g. {@code "checked, results in "}
	 * @param beforeSummary given the files, in order, after the last one is done and before the summary, or
	 *          {@code null}
	 * @return the exit status (0 all good, 1 some failed or nothing to do)
	 */
	static int eachInput(final List<String> inputs, final String out, final boolean verbose, final int threads,
		final PrintStream err, final String firstOutput, final String done, final Output job,
		final java.util.function.Consumer<List<Path>> beforeSummary)
	{
		final Path outDir = Main.outputFolder(out, err);
		if (outDir == null) return 1;
		final Batch batch = new Batch(err, verbose);
		final List<Path> files = batch.expand(inputs);
		if (files.isEmpty() && batch.failures().isEmpty()) {
			err.println("error: no image files among the inputs");
			return 1;
		}
		final Map<String, Path> taken = new ConcurrentHashMap<>();
		final int ok = batch.run(files, threads, file -> {
			final String base = baseName(file);
			final Path earlier = taken.putIfAbsent(base, file);
			if (earlier != null) throw new IOException("its output name " + base + firstOutput + " is already taken by "
				+ earlier + " (rename one of them)");
			final Pending pending = new Pending(file);
			PENDING.add(pending);
			try {
				final String note = job.write(file, base, outDir, pending.written());
				pending.finished = true;
				return note;
			}
			catch (final Exception | Error e) { // out of memory included: no half-written results
				throw discard(file, pending.written(), e);
			}
			finally {
				PENDING.remove(pending);
			}
		});
		if (beforeSummary != null && !stopped) beforeSummary.accept(files);
		return batch.summary(ok, done + outDir);
	}

	/**
	 * After a failure while {@code input}'s outputs were written: deletes those written so far (never the input) and
	 * returns what to rethrow (an {@link UncheckedIOException} as its {@link IOException}; an {@link Error} is thrown
	 * from here). A file that fails leaves none of its outputs behind.
	 */
	private static Exception discard(final Path input, final List<Path> written, final Throwable e) {
		deleteAll(input, written);
		if (e instanceof UncheckedIOException u) return u.getCause();
		if (e instanceof Error err) throw err;
		return (Exception) e;
	}

	/** Writes a text file (UTF-8) among a job's outputs, refusing to overwrite the job's input. */
	static void writeText(final Path input, final Path file, final String text) throws IOException {
		if (sameFile(input, file.toFile())) throw new IOException("refusing to overwrite the input with " + file);
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	/** Runs the job on every file, going on past failures. Returns the number of files done. */
	int run(final List<Path> files, final Job job) {
		return run(files, 1, job);
	}

	/**
	 * Runs the job on every file with {@code threads} files at a time (each line printed as its file finishes), going
	 * on past failures. Returns the number of files done.
	 */
	int run(final List<Path> files, final int threads, final Job job) {
		final int n = files.size();
		final AtomicInteger ok = new AtomicInteger();
		final Runnable[] tasks = new Runnable[n];
		for (int i = 0; i < n; i++) {
			final int index = i;
			tasks[i] = () -> {
				if (stopped) return; // the run is stopping: no further file is begun
				final Path f = files.get(index);
				final long t0 = System.nanoTime();
				try {
					final String note = job.run(f);
					ok.incrementAndGet();
					synchronized (this) {
						err.printf(Locale.ROOT, "[%d/%d] %s: ok (%.2f s)%s%n", index + 1, n, f, (System.nanoTime() - t0)
							/ 1e9, note == null || note.isEmpty() ? "" : "; " + note);
					}
				}
				catch (final Exception | OutOfMemoryError | StackOverflowError e) {
					if (stopped) return; // refused as the run stops: the stop was said
					synchronized (this) {
						err.printf(Locale.ROOT, "[%d/%d] %s: FAILED%n", index + 1, n, f);
						fail(f, message(e), e);
					}
				}
			};
		}
		if (threads <= 1 || n <= 1) for (final Runnable t : tasks)
			t.run();
		else {
			final ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n));
			try {
				for (final Future<?> f : pool.invokeAll(Arrays.stream(tasks).map(Executors::callable).toList()))
					f.get();
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			catch (final ExecutionException e) {
				throw new IllegalStateException(e.getCause());
			}
			finally {
				pool.shutdown();
			}
		}
		return ok.get();
	}

	/** Records and prints one failure line. */
	synchronized void fail(final Path file, final String reason, final Throwable cause) {
		final String line = file + ": " + reason;
		failures.add(line);
		err.println("error: " + line);
		if (verbose && cause != null) cause.printStackTrace(err);
	}

	List<String> failures() {
		return failures;
	}

	/** Prints the closing summary; returns the exit status (0 all good, 1 some failed). */
	int summary(final int ok, final String what) {
		if (stopped) return 130; // the stop was said, file by file
		if (failures.isEmpty()) {
			err.printf(Locale.ROOT, "done: %d file(s) %s%n", ok, what);
			return 0;
		}
		err.printf(Locale.ROOT, "done: %d file(s) %s, %d failed:%n", ok, what, failures.size());
		for (final String f : failures)
			err.println("  " + f);
		return 1;
	}

	/**
	 * Opens an image file, turning ImageJ's messages (which it prints to stdout when headless) into the reason of a
	 * failure: as runs of consecutive pages of one size ({@link TiffPages.Run}), one run for a file of one page or of
	 * pages of one size. With {@code paged}, an 8-bit or RGB TIFF of several pages (a scanned book) is read from the
	 * file a page at a time ({@link TiffPages}): for jobs that only read the pages (a change to a page would not be
	 * kept); without, the pages are read into memory. A TIFF whose pages differ in size comes as several runs (ImageJ's
	 * own opener reads only its first page).
	 *
	 * @throws IOException if the file cannot be read, or some of its pages cannot ({@link TiffPages.BadPages})
	 */
	// synchronized, one at a time: it swaps System.out
	static synchronized List<TiffPages.Run> open(final Path file, final boolean paged) throws IOException {
		if (!Files.isReadable(file)) throw new IOException("cannot read the file (permission denied?)");
		if (Files.size(file) == 0) throw new IOException("the file is empty");
		final PrintStream stdout = System.out;
		final ByteArrayOutputStream captured = new ByteArrayOutputStream();
		ImagePlus imp;
		try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
			System.setOut(capture);
			final List<TiffPages.Run> runs = runs(file);
			if (runs != null) return paged ? runs : inMemory(runs);
			imp = new Opener().openImage(file.toAbsolutePath().toString());
		}
		catch (final RuntimeException e) {
			imp = null;
			captured.writeBytes(String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(stdout);
		}
		if (imp == null || imp.getWidth() == 0) {
			final String said = captured.toString(StandardCharsets.UTF_8).trim().replaceAll("\\s+", " ");
			throw new IOException("not an image ImageJ can open (unsupported or damaged file)" + (said.isEmpty() ? ""
				: ": " + said));
		}
		return List.of(new TiffPages.Run(imp, 1));
	}

	/**
	 * The pages of a TIFF as runs read page by page ({@link TiffPages#runs}), or {@code null} to let ImageJ open the
	 * file.
	 *
	 * @throws IOException if some of its pages cannot be read ({@link TiffPages.BadPages})
	 */
	private static List<TiffPages.Run> runs(final Path file) throws IOException {
		try {
			return TiffPages.runs(file);
		}
		catch (final TiffPages.BadPages e) {
			throw e;
		}
		catch (final IOException | RuntimeException e) {
			return null; // not a TIFF read page by page: ImageJ's opener says why, or opens it another way
		}
	}

	/** The runs with their pages read into memory (for a job that changes them). */
	private static List<TiffPages.Run> inMemory(final List<TiffPages.Run> runs) {
		final List<TiffPages.Run> out = new ArrayList<>();
		for (final TiffPages.Run r : runs) {
			final ImagePlus paged = r.image();
			final ImageStack st = new ImageStack(paged.getWidth(), paged.getHeight(), paged.getProcessor()
				.getColorModel()); // the file's lookup table (e.g. white is zero)
			for (int s = 1; s <= paged.getStackSize(); s++)
				st.addSlice(paged.getStack().getSliceLabel(s), paged.getStack().getProcessor(s));
			final ImagePlus imp = new ImagePlus(paged.getTitle(), st);
			imp.setCalibration(paged.getCalibration());
			imp.setDisplayRange(paged.getDisplayRangeMin(), paged.getDisplayRangeMax());
			out.add(new TiffPages.Run(imp, r.first()));
		}
		return out;
	}

	/** The number of pages of the runs. */
	static int pages(final List<TiffPages.Run> runs) {
		final TiffPages.Run last = runs.get(runs.size() - 1);
		return last.first() + last.image().getStackSize() - 1;
	}

	static boolean isImageName(final Path p) {
		final String n = p.getFileName().toString();
		final int dot = n.lastIndexOf('.');
		return dot > 0 && IMAGE_EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	/** The file name without its extension. */
	static String baseName(final Path p) {
		final String n = p.getFileName().toString();
		final int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}

	/** Why an I/O call failed; Java's file-system exceptions carry only the path as their message. */
	static String reason(final IOException e) {
		if (e instanceof java.nio.file.NoSuchFileException) return "no such file or folder";
		if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
		if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file of that name is in the way";
		if (e instanceof java.nio.file.FileSystemException && ((java.nio.file.FileSystemException) e).getReason() != null)
			return ((java.nio.file.FileSystemException) e).getReason();
		return message(e);
	}

	static String message(final Throwable e) {
		if (e instanceof UncheckedIOException u) return reason(u.getCause()); // e.g. a page of a TIFF read late
		if (e instanceof OutOfMemoryError) return "out of memory (give Java more with JAVA_OPTS=-Xmx…)";
		final String m = e.getMessage();
		return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
	}

	static boolean sameFile(final Path a, final File b) {
		try {
			return Files.exists(b.toPath()) && Files.isSameFile(a, b.toPath());
		}
		catch (final IOException e) {
			return false;
		}
	}

}
