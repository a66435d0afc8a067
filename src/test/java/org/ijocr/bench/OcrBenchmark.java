package org.ijocr.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ByteProcessor;

import org.ijocr.command.RecognizeCommand;
import org.ijocr.core.metrics.TextMetrics;
import org.ijocr.ij1.CommandBridge;
import org.ijocr.ocr.BareTesseract;
import org.ijocr.testutil.Pages;

/**
 * OCR speed on the benchmark page ({@link Pages#a4()}: A4 at 300 dpi, 2480×3508, two columns of rendered text):
 * <ol>
 * <li>the overhead of the suite's whole {@code OCR Recognize} path (ImagePlus in; engine; table; overlay; text
 * property) over a bare Tesseract call (set image, recognise in mode 3, get the text) on the same image, both in
 * mode 3 ({@code psm=[Auto upright]}); {@code psm=Auto} adds the orientation step, timed separately;</li>
 * <li>pages per minute with 1 and 2 threads (each thread its own Tesseract handle), same pages.</li>
 * </ol>
 * Runs interleave the two paths and report min and median. Run: {@code mvn -B -o -q -Pbench test-compile exec:exec
 * -Dbench.main=org.ijocr.bench.OcrBenchmark [-Dbench.args=RUNS]}.
 */
public final class OcrBenchmark {

	private OcrBenchmark() {}

	public static void main(final String[] args) throws Exception {
		final int runs = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].trim()) : 5;
		System.out.println("load average at start: " + load());
		final byte[] page = Pages.pixels(Pages.a4());
		final int w = 2480, h = 3508;
		System.out.printf(Locale.ROOT, "OCR benchmark: A4 300 dpi page %d×%d (Pages.a4), %d runs, %d cores, "
			+ "OMP_THREAD_LIMIT=%s%n", w, h, runs, Runtime.getRuntime().availableProcessors(), System.getenv(
				"OMP_THREAD_LIMIT") == null ? "unset (the suite sets 1)" : System.getenv("OMP_THREAD_LIMIT"));
		final ImagePlus imp = image(page, w, h);
		final double[] bare = new double[runs], upright = new double[runs], auto = new double[runs];
		final double[] bareCpu = new double[runs], uprightCpu = new double[runs], autoCpu = new double[runs];
		try (BareTesseract bt = new BareTesseract(w, h)) {
			final String bareText = bt.recognize(page, w, h, 300); // warm-up: model load, first page
			run(imp, "psm=[Auto upright]");
			run(imp, "psm=Auto");
			final String suiteText = imp.getProp(RecognizeCommand.TEXT_PROPERTY);
			System.out.printf(Locale.ROOT, "same text: CER between bare and suite %.4f; %d words%n", TextMetrics.cer(
				bareText, suiteText), TextMetrics.normalize(suiteText).split(" ").length);
			for (int i = 0; i < runs; i++) {
				bare[i] = time(() -> bt.recognize(page, w, h, 300), bareCpu, i);
				upright[i] = time(() -> run(imp, "psm=[Auto upright]"), uprightCpu, i);
				auto[i] = time(() -> run(imp, "psm=Auto"), autoCpu, i);
			}
		}
		row("bare Tesseract call (mode 3)", bare, bareCpu);
		row("OCR Recognize psm=[Auto upright]", upright, uprightCpu);
		row("OCR Recognize psm=Auto (+ orientation)", auto, autoCpu);
		System.out.printf(Locale.ROOT, "overhead of OCR Recognize over the bare call: wall %+.1f %% (min), %+.1f %% "
			+ "(median); CPU %+.1f %% (min), %+.1f %% (median); orientation step: CPU %+.1f %% (median)%n", 100 * (min(
				upright) / min(bare) - 1), 100 * (median(upright) / median(bare) - 1), 100 * (min(uprightCpu) / min(
					bareCpu) - 1), 100 * (median(uprightCpu) / median(bareCpu) - 1), 100 * (median(autoCpu) / median(
						uprightCpu) - 1));

		// pages per minute: the same 4 pages with 1 and with 2 threads, interleaved
		final int pages = 4;
		final double[] one = new double[runs], two = new double[runs], cpuOne = new double[runs],
			cpuTwo = new double[runs];
		for (int i = 0; i < runs; i++) {
			one[i] = pagesPerMinute(page, w, h, pages, 1, cpuOne, i);
			two[i] = pagesPerMinute(page, w, h, pages, 2, cpuTwo, i);
		}
		System.out.printf(Locale.ROOT, "thread CPU per page, 1 thread: median %.0f ms; 2 threads: median %.0f ms "
			+ "(equal = the threads do not slow each other; the wall-clock speed-up then depends on free cores)%n",
			median(cpuOne), median(cpuTwo));
		System.out.printf(Locale.ROOT, "pages/minute, 1 thread: best %.1f, median %.1f%n", max(one), median(one));
		System.out.printf(Locale.ROOT, "pages/minute, 2 threads: best %.1f, median %.1f%n", max(two), median(two));
		System.out.printf(Locale.ROOT, "speed-up with 2 threads: %.2f× (best), %.2f× (median)%n", max(two) / max(one),
			median(two) / median(one));
		final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		System.out.printf(Locale.ROOT, "process CPU time %.0f s; load average at the end: %s%n", os.getProcessCpuTime()
			/ 1e9, load());
		System.exit(0);
	}

	private static ImagePlus image(final byte[] page, final int w, final int h) {
		final ImagePlus imp = new ImagePlus("a4", new ByteProcessor(w, h, page.clone()));
		final Calibration c = imp.getCalibration();
		c.setUnit("inch");
		c.pixelWidth = c.pixelHeight = 1 / 300.0;
		return imp;
	}

	private static void run(final ImagePlus imp, final String options) {
		CommandBridge.execute(RecognizeCommand.class, imp, options);
	}

	/** {@code pages} pages through the whole command path, on {@code threads} threads; pages per minute. */
	private static double pagesPerMinute(final byte[] page, final int w, final int h, final int pages,
		final int threads, final double[] cpuPerPage, final int run) throws Exception
	{
		final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		final java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
		final List<ImagePlus> images = new ArrayList<>();
		for (int i = 0; i < pages; i++)
			images.add(image(page, w, h));
		final ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			// warm each thread's engine (model load) before timing
			final List<Future<?>> warm = new ArrayList<>();
			for (int t = 0; t < threads; t++)
				warm.add(pool.submit(() -> run(image(new byte[64 * 64], 64, 64), "psm=[Auto upright]")));
			for (final Future<?> f : warm)
				f.get();
			final long t0 = System.nanoTime();
			final List<Future<?>> fs = new ArrayList<>();
			for (final ImagePlus imp : images)
				fs.add(pool.submit(() -> {
					final long c0 = mx.getCurrentThreadCpuTime();
					run(imp, "psm=[Auto upright]");
					cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
				}));
			for (final Future<?> f : fs)
				f.get();
			final double perMinute = pages / ((System.nanoTime() - t0) / 60e9);
			cpuPerPage[run] = cpu.get() / 1e6 / pages;
			return perMinute;
		}
		finally {
			pool.shutdown();
		}
	}

	/** Wall time in ms; the calling thread's CPU time goes to {@code cpu[i]} (Tesseract runs on it: no OpenMP). */
	private static double time(final Runnable r, final double[] cpu, final int i) {
		final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		final long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
		r.run();
		final long t1 = System.nanoTime();
		cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
		return (t1 - t0) / 1e6;
	}

	private static void row(final String name, final double[] ms, final double[] cpu) {
		System.out.printf(Locale.ROOT, "%-42s wall min %6.0f ms, median %6.0f ms; thread CPU min %6.0f ms, median %6.0f"
			+ " ms%n", name, min(ms), median(ms), min(cpu), median(cpu));
	}

	private static String load() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
		}
		catch (final java.io.IOException e) {
			return "n/a";
		}
	}

	private static double min(final double[] a) {
		return Arrays.stream(a).min().orElse(Double.NaN);
	}

	private static double max(final double[] a) {
		return Arrays.stream(a).max().orElse(Double.NaN);
	}

	private static double median(final double[] a) {
		final double[] s = a.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
	}
}
