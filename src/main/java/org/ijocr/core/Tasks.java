package org.ijocr.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;

/**
 * How the core splits work across threads: index ranges (pixels or rows) in consecutive parts, run on ImgLib2's
 * current {@link Parallelization} executor — one part when it is single-threaded. The caller's choice of a thread
 * count (ImageJ's setting, a benchmark's) reaches every algorithm through {@code Parallelization}, never through
 * parameters.
 */
public final class Tasks {

	/** Work on the index range {@code [from, to)}. */
	@FunctionalInterface
	public interface Range {

		void run(int from, int to);
	}

	/** Work on rows {@code [y0, y1)} of one plane. */
	@FunctionalInterface
	public interface PlaneRows {

		void run(int plane, int y0, int y1);
	}

	private Tasks() {}

	/**
	 * Runs {@code body} over {@code [0, n)} in consecutive parts of at least {@code minPart} indices, as many as the
	 * executor suggests.
	 */
	public static void split(final int n, final int minPart, final Range body) {
		final TaskExecutor ex = Parallelization.getTaskExecutor();
		final int parts = ex.getParallelism() <= 1 ? 1 : Math.max(1, Math.min(ex.suggestNumberOfTasks(), n / Math.max(1,
			minPart)));
		if (parts <= 1) {
			if (n > 0) body.run(0, n);
			return;
		}
		final List<int[]> ranges = new ArrayList<>(parts);
		for (int k = 0; k < parts; k++)
			ranges.add(new int[] { (int) ((long) n * k / parts), (int) ((long) n * (k + 1) / parts) });
		ex.forEach(ranges, r -> body.run(r[0], r[1]));
	}

	/**
	 * Runs {@code body} over {@code planes} planes of {@code h} rows, each plane cut into bands of at least
	 * {@code minRows} rows so that all planes together give about as many tasks as the executor suggests.
	 */
	public static void rows(final int h, final int planes, final int minRows, final PlaneRows body) {
		final TaskExecutor ex = Parallelization.getTaskExecutor();
		final int tasks = ex.getParallelism() <= 1 ? 1 : ex.suggestNumberOfTasks();
		final int perPlane = Math.max(1, Math.min(h / minRows, (tasks + planes - 1) / planes));
		final List<int[]> bands = new ArrayList<>();
		for (int p = 0; p < planes; p++)
			for (int c = 0; c < perPlane; c++)
				bands.add(new int[] { p, (int) ((long) h * c / perPlane), (int) ((long) h * (c + 1) / perPlane) });
		if (bands.size() == 1) body.run(0, 0, h);
		else ex.forEach(bands, b -> body.run(b[0], b[1], b[2]));
	}

	/**
	 * {@code body}'s result, computed with {@code ex} as ImgLib2's executor (for work moved to another thread); its
	 * failure is thrown as it is (the {@code Callable} form of {@link Parallelization#runWithExecutor} wraps it in a
	 * {@code RuntimeException}, whose message is the original's class and message).
	 */
	public static <T> T withExecutor(final TaskExecutor ex, final java.util.function.Supplier<T> body) {
		final List<T> out = new ArrayList<>(1);
		Parallelization.runWithExecutor(ex, () -> {
			out.add(body.get());
		});
		return out.get(0);
	}

	/**
	 * The result of work another thread does, waited for: its failure rethrown as it was (a checked exception
	 * wrapped); an interrupt while waiting restores the thread's flag and ends in an {@link IllegalStateException}
	 * saying what was waited for.
	 */
	public static <T> T result(final Future<T> f, final String waitingFor) {
		try {
			return f.get();
		}
		catch (final ExecutionException e) {
			if (e.getCause() instanceof RuntimeException r) throw r;
			if (e.getCause() instanceof Error r) throw r;
			throw new IllegalStateException(e.getCause());
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for " + waitingFor, e);
		}
	}
}
