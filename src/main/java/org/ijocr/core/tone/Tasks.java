package org.ijocr.core.tone;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;

/** Splits index ranges into parts run on ImgLib2's current {@link Parallelization} executor. */
final class Tasks {

	/** Work on the index range {@code [from, to)}. */
	@FunctionalInterface
	interface Range {

		void run(int from, int to);
	}

	private Tasks() {}

	/**
	 * Runs {@code body} over {@code [0, n)} in consecutive parts of at least {@code minPart} indices (one part when
	 * the executor is single-threaded), as many as the executor suggests.
	 */
	static void split(final int n, final int minPart, final Range body) {
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
}
