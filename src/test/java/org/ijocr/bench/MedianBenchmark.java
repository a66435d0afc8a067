package org.ijocr.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ijocr.core.filter.ImpulseNoise;
import org.ijocr.core.filter.Median;
import org.ijocr.core.morph.ConnectedComponents;
import org.ijocr.core.morph.Despeckle;
import org.ijocr.testutil.Pages;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

import ij.Prefs;
import ij.plugin.filter.RankFilters;
import ij.process.ByteProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Median (and OCR-denoise pieces) on the deterministic A4 300-dpi page ({@link Pages#a4()}) with scanner-like grey
 * noise (sigma 6): IJ-OCR against ImageJ 1's RankFilters and OpenCV's {@code medianBlur}, with 1 and 2 threads;
 * prints Markdown tables of minimum times. The denoise rows use the clean render with 5 % salt-and-pepper.
 * <p>
 * Run: {@code mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.ijocr.bench.MedianBenchmark}. Optional argument: time budget per measurement in ms.
 */
public final class MedianBenchmark {

	private MedianBenchmark() {}

	/** One table row: our operation and, where one exists, ImageJ's and OpenCV's equivalent. */
	private record Row(String name, Runnable ours, Runnable imagej, Runnable opencv) {}

	public static void main(final String[] args) {
		final double budget = args.length > 0 ? Double.parseDouble(args[0]) : 2000;
		nu.pattern.OpenCV.loadLocally();
		final boolean oursOnly = args.length > 1 && args[1].equals("ours");
		// the rendered A4 page with scanner-like grey noise (sigma 6): on perfectly flat paper every median is trivial
		final ArrayImg<UnsignedByteType, ByteArray> page = Pages.scanned(Pages.a4(), 6, 1);
		final int w = (int) page.dimension(0), h = (int) page.dimension(1);
		final byte[] px = Pages.pixels(page);
		final ArrayImg<UnsignedByteType, ByteArray> dst = ArrayImgs.unsignedBytes(w, h);
		final ByteProcessor ip = new ByteProcessor(w, h, px.clone());
		final byte[] ipPixels = (byte[]) ip.getPixels();
		final Mat mat = new Mat(h, w, CvType.CV_8UC1), out = new Mat();
		mat.put(0, 0, px);

		// denoise inputs: the clean render with 5 % salt-and-pepper; its restored, thresholded (128) binary page
		final ArrayImg<UnsignedByteType, ByteArray> clean = Pages.a4();
		final byte[] cleanPx = Pages.pixels(clean);
		final Mat cleanMat = new Mat(h, w, CvType.CV_8UC1);
		cleanMat.put(0, 0, cleanPx);
		final ArrayImg<UnsignedByteType, ByteArray> noisy = Pages.withImpulseNoise(clean, 0.05, 42);
		final byte[] noisyPx = Pages.pixels(noisy);
		final Mat noisyMat = new Mat(h, w, CvType.CV_8UC1);
		noisyMat.put(0, 0, noisyPx);
		ImpulseNoise.remove(noisy, dst);
		final byte[] binPx = Pages.pixels(Pages.threshold(dst, 128));
		final byte[] dstPx = Pages.pixels(dst), mask = new byte[w * h];
		final byte[] work = new byte[binPx.length];
		final int[] labels = new int[binPx.length];
		final Mat inkMat = new Mat(h, w, CvType.CV_8UC1), ccLabels = new Mat(), ccStats = new Mat(),
			ccCentroids = new Mat();
		final byte[] ink = new byte[binPx.length];
		for (int i = 0; i < ink.length; i++)
			ink[i] = binPx[i] == 0 ? (byte) 255 : 0; // OpenCV labels non-zero pixels
		inkMat.put(0, 0, ink);

		System.out.printf(Locale.ROOT, "Page %dx%d (%.1f MP), %d cores, Java %s, OpenCV %s%n%n", w, h, w * h / 1e6,
			Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Core.VERSION);
		for (final int threads : new int[] { 1, 2 }) {
			final List<Row> rows = new ArrayList<>();
			for (final int r : new int[] { 1, 2, 3 }) {
				final int k = 2 * r + 1;
				rows.add(new Row("median r=" + r + " (OpenCV " + k + "x" + k + ")", //
					() -> Median.median(r, page, dst), //
					oursOnly ? null : () -> {
						System.arraycopy(px, 0, ipPixels, 0, px.length);
						new RankFilters().rank(ip, r, RankFilters.MEDIAN);
					}, //
					oursOnly ? null : () -> Imgproc.medianBlur(mat, out, k)));
			}
			// the clean render (flat white paper): every median method is much faster there
			for (final int r : new int[] { 1, 3 }) {
				final int k = 2 * r + 1;
				rows.add(new Row("median r=" + r + ", clean render (OpenCV " + k + "x" + k + ")", //
					() -> Median.median(r, clean, dst), //
					oursOnly ? null : () -> {
						System.arraycopy(cleanPx, 0, ipPixels, 0, cleanPx.length);
						new RankFilters().rank(ip, r, RankFilters.MEDIAN);
					}, //
					oursOnly ? null : () -> Imgproc.medianBlur(cleanMat, out, k)));
			}
			// salt-and-pepper page: ImageJ and OpenCV users would take a 3x3 median (ImageJ's Process>Noise>Despeckle)
			rows.add(new Row("impulse noise 5 % (others: 3x3 median)", //
				() -> ImpulseNoise.remove(noisyPx, dstPx, w, h, ImpulseNoise.DEFAULT_TOLERANCE, mask), //
				oursOnly ? null : () -> {
					System.arraycopy(noisyPx, 0, ipPixels, 0, noisyPx.length);
					new RankFilters().rank(ip, 1, RankFilters.MEDIAN);
				}, //
				oursOnly ? null : () -> Imgproc.medianBlur(noisyMat, out, 3)));
			rows.add(new Row("connected components, 8-conn (OpenCV: connectedComponentsWithStats)", //
				() -> ConnectedComponents.label(binPx, w, h, 0, true, labels), null, //
				oursOnly ? null : () -> Imgproc.connectedComponentsWithStats(inkMat, ccLabels, ccStats, ccCentroids, 8,
					CvType.CV_32S)));
			rows.add(new Row("despeckle binary page after impulse removal", //
				() -> {
					System.arraycopy(binPx, 0, work, 0, binPx.length);
					Despeckle.despeckle(work, w, h);
				}, null, null));
			table(threads, budget, rows);
		}
		// ImageJ's ThreadUtil pool threads are not daemons: without this, exec:java waits for them forever
		System.exit(0);
	}

	private static void table(final int threads, final double budget, final List<Row> rows) {
		Prefs.setThreads(threads);
		Core.setNumThreads(threads);
		System.out.printf(Locale.ROOT, "### %d thread%s (minimum of timed runs, ms)%n%n", threads,
			threads == 1 ? "" : "s");
		System.out.println("| operation | IJ-OCR | ImageJ | OpenCV | ImageJ/ours | OpenCV/ours |");
		System.out.println("|---|---:|---:|---:|---:|---:|");
		for (final Row row : rows) {
			final Runnable ours = threads == 1 ? () -> Parallelization.runSingleThreaded(row.ours())
				: () -> Parallelization.runWithNumThreads(threads, row.ours());
			final double o = Bench.measureBudget(row.name(), budget, ours).minMs();
			final double ij = row.imagej() == null ? Double.NaN
				: Bench.measureBudget(row.name(), budget, row.imagej()).minMs();
			final double cv = row.opencv() == null ? Double.NaN
				: Bench.measureBudget(row.name(), budget, row.opencv()).minMs();
			System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", row.name(), fmt(o), fmt(ij), fmt(cv),
				ratio(ij, o), ratio(cv, o));
		}
		System.out.println();
	}

	private static String fmt(final double ms) {
		return Double.isNaN(ms) ? "—" : String.format(Locale.ROOT, "%.1f ms", ms);
	}

	private static String ratio(final double theirs, final double ours) {
		return Double.isNaN(theirs) ? "—" : String.format(Locale.ROOT, "%.1f×", theirs / ours);
	}
}
