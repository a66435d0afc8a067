package org.ijocr.core.threshold;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;

/** Row bands of an image processed through ImgLib2's current {@link TaskExecutor}. */
final class Bands {

	/** Work on rows {@code [y0, y1)}. */
	interface RowRange {
		void run(int y0, int y1);
	}

	private Bands() {}

	/** Splits rows 0..height into bands (at least ~64 rows each) and runs them on the current task executor. */
	static void forRows(final int height, final RowRange op) {
		final TaskExecutor ex = Parallelization.getTaskExecutor();
		final int bands = Math.max(1, Math.min(ex.suggestNumberOfTasks(), height / 64));
		if (bands == 1) {
			op.run(0, height);
			return;
		}
		final List<int[]> list = new ArrayList<>(bands);
		for (int b = 0; b < bands; b++)
			list.add(new int[] { (int) ((long) height * b / bands), (int) ((long) height * (b + 1) / bands) });
		ex.forEach(list, r -> op.run(r[0], r[1]));
	}
}
