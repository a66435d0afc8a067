package org.ijocr.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

import ij.Prefs;
import ij.plugin.filter.RankFilters;
import ij.process.ByteProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.filter.Median;
import org.ijocr.testutil.Pages;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Median by radius on a shared, busy machine: IJ-OCR, OpenCV's {@code medianBlur} ({@code (2r+1)²} square) and
 * ImageJ's {@code RankFilters} on the A4 300-dpi page with scanner-like grain, timed in interleaved rounds (each round
 * runs every library once per radius), so that load from other processes hits all three alike; prints min and median
 * per cell. ImageJ takes seconds per call from radius 4 up, so it runs in the first rounds only and not beyond
 * radius 5. With one thread, every library runs on the calling thread, so its CPU time is printed too: unlike the
 * wall time it does not grow when other processes take the core.
 * <p>
 * {@code mvn -B -o -q -Pbench test-compile exec:exec -Dbench.main=org.ijocr.bench.MedianRadiusBenchmark
 * -Dbench.args="ROUNDS RADII THREADS"}, e.g. {@code "7 1,2,3,4,5,7,10 1,2"} (the default).
 */
public final class MedianRadiusBenchmark {

	private MedianRadiusBenchmark() {}

	/** Rounds in which ImageJ is timed too. */
	private static final int IMAGEJ_ROUNDS = 3;

	public static void main(final String[] args) {
		nu.pattern.OpenCV.loadLocally();
		final String[] a = String.join(" ", args).trim().isEmpty() ? new String[0] : String.join(" ", args).trim()
			.split("\\s+");
		final int rounds = a.length > 0 ? Integer.parseInt(a[0]) : 7;
		final int[] radii = Arrays.stream((a.length > 1 ? a[1] : "1,2,3,4,5,7,10").split(",")).mapToInt(
			Integer::parseInt).toArray();
		final int[] threadCounts = Arrays.stream((a.length > 2 ? a[2] : "1,2").split(",")).mapToInt(
			Integer::parseInt).toArray();
		final ArrayImg<UnsignedByteType, ByteArray> page = Pages.scanned(Pages.a4(), 6, 1);
		final int w = (int) page.dimension(0), h = (int) page.dimension(1);
		final byte[] src = Pages.pixels(page), dst = new byte[src.length], work = new byte[src.length];
		final ByteProcessor ip = new ByteProcessor(w, h, work);
		final Mat cvSrc = new Mat(h, w, CvType.CV_8UC1), cvDst = new Mat(h, w, CvType.CV_8UC1);
		cvSrc.put(0, 0, src);
		System.out.printf(Locale.ROOT, "A4 page %d×%d with grain, %d rounds, Java %s, OpenCV %s%n", w, h, rounds, System
			.getProperty("java.version"), Core.VERSION);
		for (final int threads : threadCounts) {
			Prefs.setThreads(threads);
			Core.setNumThreads(threads);
			// [radius][IJ-OCR, OpenCV, ImageJ, and their CPU times][round]
			final double[][][] ms = new double[radii.length][6][rounds];
			for (final double[][] m : ms)
				for (final double[] v : m)
					Arrays.fill(v, Double.NaN);
			for (int round = -1; round < rounds; round++) { // round -1: warm-up
				for (int i = 0; i < radii.length; i++) {
					final int r = radii[i];
					final Runnable ours = () -> Median.median(r, src, dst, w, h);
					final double[] o = time(() -> {
						if (threads == 1) Parallelization.runSingleThreaded(ours);
						else Parallelization.runWithNumThreads(threads, ours);
					}, round < 0 ? 5 : 1);
					final double[] cv = time(() -> Imgproc.medianBlur(cvSrc, cvDst, 2 * r + 1), round < 0 ? 5 : 1);
					final double[] ij = r > 5 || round >= IMAGEJ_ROUNDS ? null : time(() -> {
						System.arraycopy(src, 0, work, 0, src.length);
						new RankFilters().rank(ip, r, RankFilters.MEDIAN);
					}, 1);
					if (round >= 0) {
						for (int c = 0; c < 2; c++) {
							ms[i][3 * c][round] = o[c];
							ms[i][3 * c + 1][round] = cv[c];
							if (ij != null) ms[i][3 * c + 2][round] = ij[c];
						}
					}
				}
			}
			print(threads + (threads == 1 ? " thread" : " threads") + ", wall time", radii, ms, 0);
			if (threads == 1) print("1 thread, CPU time of the calling thread", radii, ms, 3);
		}
		// ImageJ's ThreadUtil pool threads are not daemons
		System.exit(0);
	}

	private static void print(final String title, final int[] radii, final double[][][] ms, final int at) {
		System.out.printf(Locale.ROOT, "%n**%s** (ms: min / median of rounds)%n%n", title);
		System.out.println("| radius | IJ-OCR | OpenCV medianBlur | ImageJ | OpenCV ÷ IJ-OCR (min, median) | "
			+ "ImageJ ÷ IJ-OCR (min) |");
		System.out.println("|---|---:|---:|---:|---:|---:|");
		for (int i = 0; i < radii.length; i++) {
			final int r = radii[i], k = 2 * r + 1;
			final double[] o = stats(ms[i][at]), cv = stats(ms[i][at + 1]), ij = stats(ms[i][at + 2]);
			System.out.printf(Locale.ROOT, "| %d (%d px; OpenCV %d×%d) | %.1f / %.1f | %.1f / %.1f | %s | %.2f×, "
				+ "%.2f× | %s |%n", r, Median.kernelSize(r), k, k, o[0], o[1], cv[0], cv[1], Double.isNaN(ij[0]) ? "—"
					: String.format(Locale.ROOT, "%.0f / %.0f", ij[0], ij[1]), cv[0] / o[0], cv[1] / o[1], Double
						.isNaN(ij[0]) ? "—" : String.format(Locale.ROOT, "%.1f×", ij[0] / o[0]));
		}
	}

	/** Wall and calling-thread CPU milliseconds of one call of {@code op} after {@code calls - 1} untimed ones. */
	private static double[] time(final Runnable op, final int calls) {
		for (int i = 1; i < calls; i++)
			op.run();
		final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		final long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
		op.run();
		return new double[] { (System.nanoTime() - t0) / 1e6, (mx.getCurrentThreadCpuTime() - c0) / 1e6 };
	}

	/** Min and median of the values that are not NaN. */
	private static double[] stats(final double[] v) {
		final double[] s = Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
		if (s.length == 0) return new double[] { Double.NaN, Double.NaN };
		final double median = s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
		return new double[] { s[0], median };
	}
}
