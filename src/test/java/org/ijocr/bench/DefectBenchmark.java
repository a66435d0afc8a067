package org.ijocr.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import net.imglib2.parallel.Parallelization;

import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.Page;
import org.ijocr.testutil.DefectSets;
import org.ijocr.testutil.DegradedPages;
import org.ijocr.testutil.Pages;

/**
 * Times the four defect detectors (defaults) on a generated A4 300-dpi page (two columns, photo, grain), on one
 * thread ({@code Parallelization.runSingleThreaded}) and on all cores: min and median of 15 runs after 20 warm-up
 * runs. Target: all four together at most 300 ms on one core.
 *
 * <pre>mvn -B -o -q -Pbench test-compile exec:exec -Dbench.main=org.ijocr.bench.DefectBenchmark</pre>
 */
public final class DefectBenchmark {

	private DefectBenchmark() {}

	public static void main(final String[] args) {
		final DegradedPages.Page g = DegradedPages.make(DegradedPages.Layout.a4(300, 2, DegradedPages.Figure.PHOTO, 1),
			DegradedPages.Defect.NOISE, 0.02, false);
		final Page page = new Page(Pages.pixels(g.image()), g.layout().width(), g.layout().height());
		final String[] names = { "salt-and-pepper", "low contrast", "blur", "glare" };
		for (final boolean single : new boolean[] { true, false }) {
			double totalMed = 0, totalMin = 0;
			for (int d = 0; d < names.length; d++) {
				final Function<Page, List<DefectArea>> det = DefectSets.DETECTORS.get(d);
				final double[] t = new double[15];
				for (int i = 0; i < 20 + t.length; i++) {
					final long t0 = System.nanoTime();
					if (single) Parallelization.runSingleThreaded(() -> det.apply(page));
					else Parallelization.runMultiThreaded(() -> det.apply(page));
					if (i >= 20) t[i - 20] = (System.nanoTime() - t0) / 1e6;
				}
				Arrays.sort(t);
				totalMed += t[t.length / 2];
				totalMin += t[0];
				System.out.printf(Locale.ROOT, "%-8s %-16s median %7.1f ms  min %7.1f ms%n", single ? "1 thread" : "all",
					names[d], t[t.length / 2], t[0]);
			}
			System.out.printf(Locale.ROOT, "%-8s %-16s median %7.1f ms  min %7.1f ms%n", single ? "1 thread" : "all",
				"all four", totalMed, totalMin);
		}
	}
}
