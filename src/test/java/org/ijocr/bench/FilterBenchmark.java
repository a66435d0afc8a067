package org.ijocr.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.Prefs;
import ij.plugin.filter.RankFilters;
import ij.process.AutoThresholder;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.filter.Median;
import org.ijocr.core.threshold.Binarize;
import org.ijocr.core.threshold.BinarizeMethod;
import org.ijocr.core.threshold.BinarizeParams;
import org.ijocr.testutil.Pages;
import org.opencv.core.Core;
import org.opencv.imgproc.Imgproc;

/**
 * The README's speed table: IJ-OCR's filters against ImageJ 1.54's built-ins and OpenCV 4.9 (org.openpnp) in one
 * run, on a rendered A4 page at 300 dpi (2480&times;3508, 8.7 MP) with scanner-like grey noise (sigma 6), with one
 * thread and with all cores. Each figure
 * is the median of timed runs after warm-up (min in brackets). Every operation writes into a buffer made once,
 * and ImageJ's in-place filters get a fresh copy of the page first (a copy costs ~1 ms; it is timed for all
 * three libraries alike).
 *
 * <pre>mvn -B -Pbench test-compile exec:exec -Dbench.main=org.ijocr.bench.FilterBenchmark [-Dbench.args="BUDGET_MS FILTER"]</pre>
 * The optional second argument names the groups to run, e.g. {@code median,binarize} (default: all).
 */
public final class FilterBenchmark {

	private FilterBenchmark() {}

	/** A group of rows (one class per area of the suite), so each area adds its own cases in one place. */
	@FunctionalInterface
	interface Cases {

		void add(BenchPage page, List<BenchRow> rows);
	}

	/** The groups by name, in the order of the README's table. */
	static final Map<String, Cases> GROUPS = new LinkedHashMap<>();
	static {
		GROUPS.put("median", FilterBenchmark::median);
		GROUPS.put("binarize", FilterBenchmark::binarize);
		GROUPS.put("threshold", ThresholdCases::add);
		GROUPS.put("geometry", GeometryCases::add);
		GROUPS.put("tone", ToneCases::add);
		GROUPS.put("morph", MorphCases::add);
	}

	public static void main(final String[] args) {
		nu.pattern.OpenCV.loadLocally();
		// Maven passes -Dbench.args as one argument: split it
		final String[] a = String.join(" ", args).trim().isEmpty() ? new String[0] : String.join(" ", args).trim()
			.split("\\s+");
		final double budget = a.length > 0 ? Double.parseDouble(a[0]) : 1500;
		// the rendered page with scanner-like grey noise (sigma 6): on perfectly flat paper every median is trivial
		final ArrayImg<UnsignedByteType, ByteArray> page = Pages.scanned(Pages.a4(), 6, 1);
		final int w = (int) page.dimension(0), h = (int) page.dimension(1);
		final byte[] src = Pages.pixels(page);
		final int cores = Runtime.getRuntime().availableProcessors();
		final String only = a.length > 1 ? a[1].toLowerCase(Locale.ROOT) : null;

		System.out.printf(Locale.ROOT, "A4 page %d×%d, %s, %d cores, Java %s%n", w, h, "8-bit", cores, System
			.getProperty("java.version"));
		for (final int threads : new int[] { 1, cores }) {
			Prefs.setThreads(threads);
			Core.setNumThreads(threads);
			final BenchPage p = new BenchPage(src, w, h, threads, budget);
			final List<BenchRow> rows = new ArrayList<>();
			GROUPS.forEach((name, g) -> {
				if (only == null || only.contains(name)) g.add(p, rows);
			});
			print(threads, rows);
		}
		// ImageJ's RankFilters leaves non-daemon pool threads (with 2 threads): without this the JVM never exits
		System.exit(0);
	}

	private static void median(final BenchPage p, final List<BenchRow> rows) {
		// ImageJ's median takes seconds from radius 5 up: radii 7 and 10 are timed against OpenCV only
		for (final int r : new int[] { 1, 2, 3, 4, 5, 7, 10 }) {
			final int ksize = 2 * r + 1;
			rows.add(new BenchRow("Median radius " + r + (r == 1 ? " (3×3)" : " (ImageJ " + Median.kernelSize(r)
				+ " px; OpenCV " + ksize + "×" + ksize + ")"), //
				p.ours("median r" + r, () -> () -> {
					p.fresh();
					Median.median(r, p.work, p.dst, p.w, p.h);
				}), //
				r > 5 ? null : p.theirs("ImageJ median r" + r, () -> {
					p.fresh();
					new RankFilters().rank(p.ijWork, r, RankFilters.MEDIAN);
				}), //
				p.theirs("OpenCV medianBlur " + ksize, () -> Imgproc.medianBlur(p.cvSrc, p.cvDst, ksize))));
		}
	}

	private static void binarize(final BenchPage p, final List<BenchRow> rows) {
		final BinarizeParams otsu = BinarizeParams.of(BinarizeMethod.OTSU);
		rows.add(new BenchRow("Binarize Otsu (histogram + apply)", //
			p.ours("otsu", () -> () -> Binarize.binarize(otsu, p.srcImg, p.dstImg)), //
			p.theirs("ImageJ Otsu", () -> {
				p.fresh();
				final int t = new AutoThresholder().getThreshold(AutoThresholder.Method.Otsu, p.ijWork.getHistogram());
				p.ijWork.threshold(t);
			}), //
			p.theirs("OpenCV Otsu", () -> Imgproc.threshold(p.cvSrc, p.cvDst, 0, 255, Imgproc.THRESH_BINARY
				| Imgproc.THRESH_OTSU))));
		rows.add(new BenchRow("Binarize Auto (local, document-grade) vs OpenCV adaptive mean 31×31", //
			p.ours("auto", () -> () -> Binarize.binarize(BinarizeParams.DEFAULT, p.srcImg, p.dstImg)), //
			null, //
			p.theirs("OpenCV adaptiveThreshold", () -> Imgproc.adaptiveThreshold(p.cvSrc, p.cvDst, 255,
				Imgproc.ADAPTIVE_THRESH_MEAN_C, Imgproc.THRESH_BINARY, 31, 10))));
	}

	private static void print(final int threads, final List<BenchRow> rows) {
		System.out.printf(Locale.ROOT, "%n**%d thread%s** (ms, median of runs [min])%n%n", threads, threads == 1 ? ""
			: "s");
		System.out.println("| operation | IJ-OCR | ImageJ 1.54p | OpenCV 4.9 | ImageJ ÷ IJ-OCR | OpenCV ÷ IJ-OCR |");
		System.out.println("|---|---:|---:|---:|---:|---:|");
		for (final BenchRow r : rows)
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
