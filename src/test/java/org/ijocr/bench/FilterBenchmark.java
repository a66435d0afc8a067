package org.ijocr.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import ij.Prefs;
import ij.plugin.filter.RankFilters;
import ij.process.AutoThresholder;
import ij.process.ByteProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.filter.Median;
import org.ijocr.core.threshold.Binarize;
import org.ijocr.core.threshold.BinarizeMethod;
import org.ijocr.core.threshold.BinarizeParams;
import org.ijocr.testutil.Pages;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * The README's speed table: IJ-OCR's filters against ImageJ 1.54's built-ins and OpenCV 4.9 (org.openpnp) in one
 * run, on a rendered A4 page at 300 dpi (2480&times;3508, 8.7 MP) with scanner-like grey noise (sigma 6), with one
 * thread and with all cores. Each figure
 * is the median of timed runs after warm-up (min in brackets). Every operation writes into a buffer made once,
 * and ImageJ's in-place filters get a fresh copy of the page first (a copy costs ~1 ms; it is timed for all
 * three libraries alike).
 *
 * <pre>mvn -B -Pbench test-compile exec:exec -Dbench.main=org.ijocr.bench.FilterBenchmark</pre>
 */
public final class FilterBenchmark {

	private FilterBenchmark() {}

	record Row(String op, Bench.Timing ours, Bench.Timing imagej, Bench.Timing opencv) {}

	public static void main(final String[] args) {
		nu.pattern.OpenCV.loadLocally();
		final double budget = args.length > 0 ? Double.parseDouble(args[0]) : 1500;
		// the rendered page with scanner-like grey noise (sigma 6): on perfectly flat paper every median is trivial
		final ArrayImg<UnsignedByteType, ByteArray> page = Pages.scanned(Pages.a4(), 6, 1);
		final int w = (int) page.dimension(0), h = (int) page.dimension(1);
		final byte[] src = Pages.pixels(page);
		final byte[] work = new byte[src.length], dst = new byte[src.length];
		final ArrayImg<UnsignedByteType, ByteArray> srcImg = ArrayImgs.unsignedBytes(src, w, h);
		final ArrayImg<UnsignedByteType, ByteArray> dstImg = ArrayImgs.unsignedBytes(dst, w, h);
		final ByteProcessor ijWork = new ByteProcessor(w, h, work);
		final Mat cvSrc = new Mat(h, w, CvType.CV_8UC1), cvDst = new Mat(h, w, CvType.CV_8UC1);
		cvSrc.put(0, 0, src);
		final int cores = Runtime.getRuntime().availableProcessors();

		System.out.printf(Locale.ROOT, "A4 page %d×%d, %s, %d cores, Java %s%n", w, h, "8-bit", cores, System
			.getProperty("java.version"));
		for (final int threads : new int[] { 1, cores }) {
			Prefs.setThreads(threads);
			Core.setNumThreads(threads);
			final List<Row> rows = new ArrayList<>();
			for (final int r : new int[] { 1, 2, 3 }) {
				final int ksize = 2 * r + 1;
				rows.add(new Row("Median radius " + r + (r == 1 ? " (3×3)" : r == 2 ? " (ImageJ 21 px; OpenCV 5×5)"
					: " (ImageJ 37 px; OpenCV 7×7)"), //
					ours(threads, "median r" + r, budget, () -> () -> {
						System.arraycopy(src, 0, work, 0, src.length);
						Median.median(r, work, dst, w, h);
					}), //
					Bench.measureBudget("ImageJ median r" + r, budget, () -> {
						System.arraycopy(src, 0, work, 0, src.length);
						new RankFilters().rank(ijWork, r, RankFilters.MEDIAN);
					}), //
					Bench.measureBudget("OpenCV medianBlur " + ksize, budget, () -> Imgproc.medianBlur(cvSrc, cvDst,
						ksize))));
			}
			final BinarizeParams otsu = BinarizeParams.of(BinarizeMethod.OTSU);
			rows.add(new Row("Binarize Otsu (histogram + apply)", //
				ours(threads, "otsu", budget, () -> () -> Binarize.binarize(otsu, srcImg, dstImg)), //
				Bench.measureBudget("ImageJ Otsu", budget, () -> {
					System.arraycopy(src, 0, work, 0, src.length);
					final int t = new AutoThresholder().getThreshold(AutoThresholder.Method.Otsu, ijWork.getHistogram());
					ijWork.threshold(t);
				}), //
				Bench.measureBudget("OpenCV Otsu", budget, () -> Imgproc.threshold(cvSrc, cvDst, 0, 255,
					Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU))));
			rows.add(new Row("Binarize Auto (local, document-grade) vs OpenCV adaptive mean 31×31", //
				ours(threads, "auto", budget, () -> () -> Binarize.binarize(BinarizeParams.DEFAULT, srcImg, dstImg)), //
				null, //
				Bench.measureBudget("OpenCV adaptiveThreshold", budget, () -> Imgproc.adaptiveThreshold(cvSrc, cvDst,
					255, Imgproc.ADAPTIVE_THRESH_MEAN_C, Imgproc.THRESH_BINARY, 31, 10))));
			print(threads, rows);
		}
	}

	private static Bench.Timing ours(final int threads, final String name, final double budget,
		final Supplier<Runnable> op)
	{
		final Bench.Timing[] t = new Bench.Timing[1];
		final Runnable run = () -> t[0] = Bench.measureBudget("IJ-OCR " + name, budget, op.get());
		if (threads == 1) Parallelization.runSingleThreaded(run);
		else Parallelization.runWithNumThreads(threads, run); // ImgLib2's default pool may hold fewer
		return t[0];
	}

	private static void print(final int threads, final List<Row> rows) {
		System.out.printf(Locale.ROOT, "%n**%d thread%s** (ms, median of runs [min])%n%n", threads, threads == 1 ? ""
			: "s");
		System.out.println("| operation | IJ-OCR | ImageJ 1.54p | OpenCV 4.9 | ImageJ ÷ IJ-OCR | OpenCV ÷ IJ-OCR |");
		System.out.println("|---|---:|---:|---:|---:|---:|");
		for (final Row r : rows)
			System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", r.op(), cell(r.ours()), cell(r
				.imagej()), cell(r.opencv()), ratio(r.imagej(), r.ours()), ratio(r.opencv(), r.ours()));
	}

	private static String cell(final Bench.Timing t) {
		return t == null ? "—" : String.format(Locale.ROOT, "%.1f [%.1f]", t.medianMs(), t.minMs());
	}

	private static String ratio(final Bench.Timing a, final Bench.Timing b) {
		final double q = a == null ? 0 : a.medianMs() / b.medianMs();
		return a == null ? "—" : String.format(Locale.ROOT, q < 1 ? "%.2f×" : "%.1f×", q);
	}
}
