package org.ijocr.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * A small benchmark harness: warm-up calls (the JIT needs ~20 before steady state), then timed runs, reporting the
 * minimum and the median in milliseconds. Benchmarks are run as programs ({@code mvn -Pbench ...}), never as unit
 * tests: figures on a shared 2-core machine are facts to report, not assertions.
 */
public final class Bench {

	/** Timing of one benchmarked operation. */
	public record Timing(String name, double minMs, double medianMs, int runs) {
		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%-40s min %9.2f ms   median %9.2f ms   (%d runs)", name, minMs,
				medianMs, runs);
		}
	}

	private Bench() {}

	/** Runs {@code op} {@code warmup} times untimed, then {@code runs} times timed. */
	public static Timing measure(final String name, final int warmup, final int runs, final Runnable op) {
		for (int i = 0; i < warmup; i++)
			op.run();
		final double[] ms = new double[runs];
		for (int i = 0; i < runs; i++) {
			final long t0 = System.nanoTime();
			op.run();
			ms[i] = (System.nanoTime() - t0) / 1e6;
		}
		Arrays.sort(ms);
		final double median = runs % 2 == 1 ? ms[runs / 2] : 0.5 * (ms[runs / 2 - 1] + ms[runs / 2]);
		return new Timing(name, ms[0], median, runs);
	}

	/**
	 * Runs until about {@code budgetMs} of timed work is done (at least 3 and at most 50 runs) after a warm-up of
	 * about a third of that budget (at least 3 calls). Good for operations whose cost spans milliseconds to seconds.
	 */
	public static Timing measureBudget(final String name, final double budgetMs, final Runnable op) {
		final long t0 = System.nanoTime();
		op.run();
		final double first = Math.max(0.01, (System.nanoTime() - t0) / 1e6);
		final int warmup = (int) Math.max(3, Math.min(25, budgetMs / 3 / first));
		final int runs = (int) Math.max(3, Math.min(50, budgetMs / first));
		return measure(name, warmup, runs, op);
	}
}
