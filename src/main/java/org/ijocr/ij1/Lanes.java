package org.ijocr.ij1;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;

import ij.Prefs;

import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;

import org.ijocr.core.Tasks;
import org.ijocr.ocr.OcrDocument;

/**
 * How many slices (pages) are read with Tesseract at once, over every image being read in this JVM: ImageJ's thread
 * setting (Edit&gt;Options&gt;Memory &amp; Threads), or what the command line's {@code --threads} set
 * ({@link #limit(int)}). Tesseract reads a page on one core (the bundled build has no OpenMP), so a stack read one
 * slice at a time leaves the other cores idle; {@link #inOrder} reads several slices of one image at once and hands
 * them on in slice order. The lanes are shared: two images read at once (two files of a batch) take turns for them,
 * so the number of pages in work, and the memory they take, stays at the limit.
 */
public final class Lanes {

	/** The set limit, or 0 for ImageJ's thread setting. */
	private static int limit;
	private static int inUse;

	/** The threads the slices are read on. */
	private static final ExecutorService READERS = daemons("ij-ocr page reader");

	/** A pool of threads named {@code name} made as needed (daemons: an idle one ends after a minute). */
	static ExecutorService daemons(final String name) {
		return Executors.newCachedThreadPool(r -> {
			final Thread t = new Thread(r, name);
			t.setDaemon(true);
			return t;
		});
	}

	private Lanes() {}

	/**
	 * Sets how many slices are read at once (0: ImageJ's thread setting again); returns the setting it replaces, for
	 * putting it back.
	 */
	public static synchronized int limit(final int lanes) {
		if (lanes < 0) throw new IllegalArgumentException("lanes " + lanes);
		final int before = limit;
		limit = lanes;
		Lanes.class.notifyAll();
		return before;
	}

	/** How many slices are read at once. */
	public static synchronized int limit() {
		return limit > 0 ? limit : Math.max(1, Prefs.getThreads());
	}

	private static synchronized void acquire() throws InterruptedException {
		while (inUse >= limit())
			Lanes.class.wait();
		inUse++;
	}

	private static synchronized void release() {
		inUse--;
		Lanes.class.notifyAll();
	}

	/**
	 * Reads slices {@code 1..n} with {@code read}, each in a lane (several at once on threads of their own, with the
	 * caller's ImgLib2 executor, when there are lanes to spare and memory for them), and hands each result to
	 * {@code done} on the calling thread, in slice order. At most twice as many slices as are read at once wait to be
	 * handed on. When a slice fails (its reading, or {@code done}), no further slice is started, {@code failing} is
	 * told (e.g. to abort an export whose later pages wait for that one's turn), the slices in work are waited for, and
	 * the first failure in slice order is thrown: nothing is left running.
	 *
	 * @param firstAlone whether slice 1 is handed on before any other is started (later slices depend on it)
	 * @param bytesPerSlice about what one slice in work takes in memory: fewer slices are read at once when the free
	 *          heap would not hold them
	 */
	public static <R> void inOrder(final int n, final boolean firstAlone, final long bytesPerSlice,
		final IntFunction<R> read, final ObjIntConsumer<R> done, final Consumer<Throwable> failing)
	{
		final int lanes = Math.min(n, Math.min(limit(), memoryFor(bytesPerSlice)));
		if (lanes <= 1) {
			for (int s = 1; s <= n; s++) {
				final R r;
				lane();
				try {
					r = read.apply(s);
				}
				finally {
					release();
				}
				done.accept(r, s);
			}
			return;
		}
		final TaskExecutor ex = Parallelization.getTaskExecutor();
		final List<Future<R>> work = new ArrayList<>(n);
		int handed = 0;
		try {
			for (int s = 1; s <= n; s++) {
				while (s - handed > 2 * lanes || firstAlone && s == 2 && handed == 0)
					handOn(work, ++handed, done);
				lane();
				final int slice = s;
				try {
					work.add(READERS.submit(() -> {
						try {
							return Tasks.withExecutor(ex, () -> read.apply(slice));
						}
						finally {
							release();
						}
					}));
				}
				catch (final RuntimeException e) {
					release();
					throw e;
				}
				while (handed < s && work.get(handed).isDone())
					handOn(work, ++handed, done);
			}
			while (handed < n)
				handOn(work, ++handed, done);
		}
		catch (final RuntimeException | Error e) {
			failing.accept(e);
			for (final Future<R> f : work)
				awaitQuietly(f);
			throw e;
		}
	}

	/** Reads one slice, adding its page to an export through {@code page}. */
	@FunctionalInterface
	public interface SliceRead<R> {

		/**
		 * @param slice the slice (1-based)
		 * @param page the view of the export that slice's page is added through ({@link OcrDocument#page}), or
		 *          {@code null} when there is no export
		 */
		R read(int slice, OcrDocument page);
	}

	/**
	 * {@link #inOrder(int, boolean, long, IntFunction, ObjIntConsumer, Consumer)} for slices whose pages go to
	 * {@code document} (or {@code null}) after those it already has: each slice gets the view its page is added
	 * through, in slice order whatever the order the readings end, and a failure aborts the pages waiting for their
	 * turn.
	 */
	public static <R> void inOrder(final int n, final boolean firstAlone, final long bytesPerSlice,
		final OcrDocument document, final SliceRead<R> read, final ObjIntConsumer<R> done)
	{
		final int before = document == null ? 0 : document.added();
		inOrder(n, firstAlone, bytesPerSlice, s -> read.read(s, document == null ? null : document.page(before + s - 1)),
			done, e -> {
				if (document != null) document.abort("an earlier page failed");
			});
	}

	/** Waits for a lane; an interrupt ends in an {@link IllegalStateException}. */
	private static void lane() {
		try {
			acquire();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("stopped while waiting to read the next page");
		}
	}

	private static <R> void handOn(final List<Future<R>> work, final int slice, final ObjIntConsumer<R> done) {
		done.accept(Tasks.result(work.get(slice - 1), "page " + slice), slice);
	}

	/** Waits for a slice in work to end, whatever its outcome, also through interrupts. */
	private static void awaitQuietly(final Future<?> f) {
		boolean interrupted = false;
		while (true)
			try {
				f.get();
				break;
			}
			catch (final InterruptedException e) {
				interrupted = true;
			}
			catch (final Exception e) {
				break; // its failure came after the first one, or is that one
			}
		if (interrupted) Thread.currentThread().interrupt();
	}

	/** How many slices of that size the free heap holds (at least 1). */
	private static int memoryFor(final long bytesPerSlice) {
		if (bytesPerSlice <= 0) return Integer.MAX_VALUE;
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Heap.free() / bytesPerSlice));
	}
}
