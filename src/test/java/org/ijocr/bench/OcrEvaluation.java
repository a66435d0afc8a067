package org.ijocr.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ij.IJ;
import ij.ImagePlus;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.metrics.TextMetrics;
import org.ijocr.core.prepare.AutoPrepare;
import org.ijocr.core.prepare.PrepareParams;
import org.ijocr.defect.DefectDetectorService;
import org.ijocr.ij1.AutoRead;
import org.ijocr.ij1.OcrImages;
import org.ijocr.ij1.SciJava;
import org.ijocr.ocr.OcrEngine;
import org.ijocr.ocr.OcrParams;
import org.ijocr.ocr.Thresholding;
import org.ijocr.testutil.DegradedPages;
import org.ijocr.testutil.DegradedPages.Defect;
import org.ijocr.testutil.Pages;
import org.ijocr.testutil.SharedData;

/**
 * End-to-end OCR evaluation on the project's own degraded pages: word error (order-free, 1 − F1 of the word
 * multisets) and character error ({@link TextMetrics}) of three configurations:
 * <ul>
 * <li><b>A</b>: Tesseract alone ({@link OcrEngine} on the grey page, psm Auto, the page's dpi; Tesseract binarizes with
 * its global Otsu);</li>
 * <li><b>B</b>: Tesseract with its own Sauvola thresholding ({@link Thresholding#SAUVOLA},
 * {@code thresholding_method=2});</li>
 * <li><b>C</b>: {@link AutoRead#read} ({@code prepare=Auto}: detect defects, Auto Prepare, OCR, re-read of weak
 * lines).</li>
 * </ul>
 * Pages: the shared Tesseract pages {@code phototest.tif} and {@code eurotext.tif} (with their transcripts), the SROIE
 * receipts (transcript = the {@code box/NNN.csv} lines joined; all ten clean, some of them degraded) and one-column
 * pages rendered with known text ({@link Pages#textPage}, Serif/SansSerif/Monospaced 10–12 pt, A5 at 300 dpi). Each
 * page is read clean and with each defect of {@link DegradedPages#degrade} at 2–3 strengths. Also timed per page: the
 * defect detection plus preparation that {@code prepare=Auto} ran ({@link AutoRead.Result#prepareMillis}) against
 * configuration A's OCR time (the issue's ≤ 10 % line), the part of it the reading waited for
 * ({@link AutoRead.Result#waitedMillis}: a binarization the defects call for runs beside the first recognition, on a
 * second core), and the whole {@code OCR Auto Prepare} (detection and every
 * step of {@link AutoPrepare#prepare}, binarization included). The receipts' transcripts are all capitals whatever
 * the print, so their texts are compared in upper case (for A, B and C alike).
 * <p>
 * Run: {@code mvn -B -o -q -Pbench test-compile exec:exec -Dbench.main=org.ijocr.bench.OcrEvaluation
 * -Dbench.args="..."} with words among {@code quick} (a subset: phototest, one rendered page, one receipt, one strength
 * per defect), {@code threads=N} (pages read in parallel, default 1: timings are cleanest with 1),
 * {@code prepthreads=N} (threads of ImgLib2's {@code Parallelization} for detection and preparation, default 1: their
 * CPU time; ImageJ gives them its Memory &amp; Threads setting, all cores by default, while Tesseract reads on one),
 * {@code csv=FILE} (one row per page, defect and configuration) and {@code pages=REGEX} (only the source pages whose name
 * matches, e.g. {@code pages=receipt-00[48]}).
 */
public final class OcrEvaluation {

	private OcrEvaluation() {}

	/** A source page: grey pixels (0 = black), its resolution and transcript; {@code degrade} says if defects are added. */
	record Source(String name, String kind, byte[] grey, int width, int height, int dpi, String truth,
		boolean degrade) {}

	/** One defect at one strength ({@link Defect#NONE} = clean). */
	record Variant(Defect defect, double strength) {

		String label() {
			return defect == Defect.NONE ? "clean" : defect.name().toLowerCase(Locale.ROOT);
		}

		String strengthLabel() {
			return switch (defect) {
				case NONE -> "";
				case NOISE -> String.format(Locale.ROOT, "%.0f %%", 100 * strength);
				case LOW_CONTRAST -> String.format(Locale.ROOT, "%.0f levels", strength);
				case SHADOW -> String.format(Locale.ROOT, "light %.0f %% at the edge", 100 * (1 - strength));
				case GAUSSIAN_BLUR -> String.format(Locale.ROOT, "σ %.2g px", strength);
				case GLARE -> String.format(Locale.ROOT, "α %.2g", strength);
				default -> String.format(Locale.ROOT, "%.3g", strength);
			};
		}
	}

	/**
	 * The scores of one page variant: WER and CER of A, B, C; seconds of detection + preparation, of A's OCR and of
	 * the whole of C.
	 */
	record Result(Source page, Variant variant, double[] wer, double[] cer, double prepareSeconds,
		double waitedSeconds, double ocrSeconds, double autoSeconds, double commandSeconds) {}

	private static final String[] CONFIGS = { "A", "B", "C" };

	public static void main(final String[] args) throws Exception {
		final List<String> words = new ArrayList<>();
		for (final String a : args)
			for (final String w : a.trim().split("\\s+"))
				if (!w.isEmpty()) words.add(w);
		final boolean quick = words.contains("quick");
		int threads = 1;
		Path csv = null;
		int prepThreads = 1;
		String only = ".*";
		for (final String w : words) {
			if (w.startsWith("threads=")) threads = Integer.parseInt(w.substring(8));
			else if (w.startsWith("prepthreads=")) prepThreads = Integer.parseInt(w.substring(12));
			else if (w.startsWith("csv=")) csv = Path.of(w.substring(4));
			else if (w.startsWith("pages=")) only = w.substring(6);
			else if (!w.equals("quick")) throw new IllegalArgumentException("unknown argument " + w
				+ " (quick, threads=N, prepthreads=N, csv=FILE, pages=REGEX)");
		}
		final String pattern = only;
		final List<Source> pages = new ArrayList<>(pages(quick));
		pages.removeIf(s -> !s.name().matches(pattern));
		if (pages.isEmpty()) throw new IllegalArgumentException("no page's name matches " + pattern);
		final List<Variant> variants = variants(quick);
		final DefectDetectorService service = SciJava.context().service(DefectDetectorService.class);
		warmUp(pages.get(0), service);
		final long t0 = System.nanoTime();
		if (prepThreads < 1) throw new IllegalArgumentException("prepthreads must be at least 1");
		final int pt = prepThreads;
		final ExecutorService pool = Executors.newFixedThreadPool(threads);
		final List<Future<Result>> futures = new ArrayList<>();
		for (final Source s : pages)
			for (final Variant v : variants)
				if (v.defect() == Defect.NONE || s.degrade()) futures.add(pool.submit(() -> pt == 1 ? Parallelization
					.runSingleThreaded(() -> evaluate(s, v, service)) : Parallelization.runWithNumThreads(pt, () -> evaluate(s,
						v, service))));
		final List<Result> results = new ArrayList<>();
		for (final Future<Result> f : futures) {
			final Result r = f.get();
			results.add(r);
			System.err.printf(Locale.ROOT, "%-22s %-14s %-22s WER %5.1f %5.1f %5.1f  CER %5.1f %5.1f %5.1f  prep %.2f s, ocr %.2f s%n",
				r.page().name(), r.variant().label(), r.variant().strengthLabel(), 100 * r.wer()[0], 100 * r.wer()[1], 100
					* r.wer()[2], 100 * r.cer()[0], 100 * r.cer()[1], 100 * r.cer()[2], r.prepareSeconds(), r
						.ocrSeconds());
		}
		pool.shutdown();
		report(results, pages, threads, pt, (System.nanoTime() - t0) / 1e9);
		if (csv != null) writeCsv(csv, results);
		System.exit(0);
	}

	// ---------------------------------------------------------------- pages

	/** The receipts degraded in the full run (all are read clean). */
	private static final List<String> DEGRADED_RECEIPTS = List.of("000", "004", "008");

	static List<Source> pages(final boolean quick) throws Exception {
		final List<Source> pages = new ArrayList<>();
		pages.add(tesseract("phototest"));
		if (!quick) pages.add(tesseract("eurotext"));
		final int rendered = quick ? 1 : 3;
		for (int i = 0; i < rendered; i++) {
			// A5 at 300 dpi: a page of ~300 words, quicker than A4
			final Pages.TextPage t = Pages.textPage(1748, 2480, 300, 7001 + i);
			pages.add(new Source("rendered-" + (i + 1), "rendered", Pages.pixels(t.image()), 1748, 2480, 300, t.text(),
				true));
		}
		final Path root = SharedData.root().resolve("sroie");
		final List<Path> images = new ArrayList<>();
		try (var s = Files.list(root.resolve("img"))) {
			s.filter(p -> p.toString().endsWith(".jpg")).sorted().forEach(images::add);
		}
		for (final Path img : images) {
			final String name = img.getFileName().toString().replace(".jpg", "");
			final boolean degrade = quick ? name.equals(DEGRADED_RECEIPTS.get(0)) : DEGRADED_RECEIPTS.contains(name);
			if (quick && !degrade) continue;
			final StringBuilder truth = new StringBuilder();
			for (final String line : Files.readAllLines(root.resolve("box").resolve(name + ".csv"),
				StandardCharsets.UTF_8))
			{
				final String[] f = line.split(",", 9);
				if (f.length == 9) truth.append(f[8]).append('\n');
			}
			pages.add(open(img, "receipt-" + name, "receipt", truth.toString(), degrade));
		}
		return pages;
	}

	private static Source tesseract(final String name) throws Exception {
		final String truth = Files.readString(SharedData.path("tesseract", name + ".txt"), StandardCharsets.UTF_8);
		return open(SharedData.path("tesseract", name + ".tif"), name, "tesseract", truth, true);
	}

	/** Opens an image as 8-bit grey, ink dark (1-bit TIFFs with inverting LUTs included: {@link OcrImages#grey}). */
	private static Source open(final Path file, final String name, final String kind, final String truth,
		final boolean degrade)
	{
		final ImagePlus imp = IJ.openImage(file.toString());
		if (imp == null) throw new IllegalStateException("cannot open " + file);
		return new Source(name, kind, OcrImages.grey(imp, 1), imp.getWidth(), imp.getHeight(), OcrImages.dpi(imp, 0),
			truth, degrade);
	}

	static List<Variant> variants(final boolean quick) {
		final Map<Defect, double[]> strengths = new LinkedHashMap<>();
		strengths.put(Defect.NONE, new double[] { 0 });
		strengths.put(Defect.NOISE, quick ? new double[] { 0.05 } : new double[] { 0.02, 0.05, 0.10 });
		strengths.put(Defect.LOW_CONTRAST, quick ? new double[] { 40 } : new double[] { 60, 40 });
		strengths.put(Defect.SHADOW, quick ? new double[] { 0.7 } : new double[] { 0.6, 0.8 });
		strengths.put(Defect.GAUSSIAN_BLUR, quick ? new double[] { 2.25 } : new double[] { 1.5, 2.25, 3 });
		strengths.put(Defect.GLARE, quick ? new double[] { 0.9 } : new double[] { 0.8, 0.95 });
		final List<Variant> list = new ArrayList<>();
		strengths.forEach((d, s) -> {
			for (final double v : s)
				list.add(new Variant(d, v));
		});
		return list;
	}

	// ---------------------------------------------------------------- reading

	private static void warmUp(final Source s, final DefectDetectorService service) {
		for (int i = 0; i < 3; i++)
			prepare(s.grey(), s.width(), s.height(), service);
		OcrEngine.recognize(params(s), s.grey(), s.width(), s.height(), null, null);
	}

	private static OcrParams params(final Source s) {
		return OcrParams.defaults().withDpi(s.dpi());
	}

	/** Detection and Auto Prepare as {@code prepare=Auto} runs them; the prepared page (for the caller to drop). */
	private static AutoPrepare.Result prepare(final byte[] grey, final int w, final int h,
		final DefectDetectorService service)
	{
		final ArrayImg<UnsignedByteType, ByteArray> page = ArrayImgs.unsignedBytes(grey, w, h);
		final List<DefectArea> areas = service.detect(page, service.detectors());
		return AutoPrepare.prepare(page, areas, PrepareParams.DEFAULT);
	}

	static Result evaluate(final Source s, final Variant v, final DefectDetectorService service) {
		final byte[] grey = DegradedPages.degrade(s.grey(), s.width(), s.height(), s.dpi(), v.defect(), v.strength(), s
			.name().hashCode());
		final OcrParams p = params(s);
		final long t0 = System.nanoTime();
		final String a = OcrEngine.recognize(p, grey, s.width(), s.height(), null, null).text();
		final long t1 = System.nanoTime();
		final String b = OcrEngine.recognize(p.withThresholding(Thresholding.SAUVOLA), grey, s.width(), s.height(), null,
			null).text();
		final long t1b = System.nanoTime();
		final AutoRead.Result auto = AutoRead.run(ArrayImgs.unsignedBytes(grey, s.width(), s.height()), p, service, null,
			null);
		final String c = auto.page().text();
		final long t2 = System.nanoTime();
		prepare(grey, s.width(), s.height(), service);
		final long t3 = System.nanoTime();
		final String[] texts = { a, b, c };
		final double[] wer = new double[3], cer = new double[3];
		// the receipts' transcripts are in capitals whatever the print: case is not scored there
		final boolean fold = s.kind().equals("receipt");
		final String truth = fold ? s.truth().toUpperCase(Locale.ROOT) : s.truth();
		for (int i = 0; i < 3; i++) {
			final String t = fold ? texts[i].toUpperCase(Locale.ROOT) : texts[i];
			wer[i] = TextMetrics.wer(truth, t);
			cer[i] = TextMetrics.cer(truth, t);
		}
		return new Result(s, v, wer, cer, auto.prepareMillis() / 1e3, auto.waitedMillis() / 1e3, (t1 - t0) / 1e9,
			(t2 - t1b) / 1e9, (t3 - t2) / 1e9);
	}

	// ---------------------------------------------------------------- report

	/** Means of WER and CER per configuration over some results. */
	private record Means(int n, double[] wer, double[] cer) {

		static Means of(final List<Result> rs) {
			final double[] w = new double[3], c = new double[3];
			for (final Result r : rs)
				for (int i = 0; i < 3; i++) {
					w[i] += r.wer()[i] / rs.size();
					c[i] += r.cer()[i] / rs.size();
				}
			return new Means(rs.size(), w, c);
		}

		/** C ≤ ½·min(A, B) for both measures. */
		boolean halves() {
			return wer[2] <= 0.5 * Math.min(wer[0], wer[1]) && cer[2] <= 0.5 * Math.min(cer[0], cer[1]);
		}

		/** C ≤ A for both measures. */
		boolean noWorse() {
			return wer[2] <= wer[0] && cer[2] <= cer[0];
		}

		/** C / min(A, B) of the WER and the CER. */
		String ratios() {
			return String.format(Locale.ROOT, "%.2f / %.2f", ratio(wer), ratio(cer));
		}

		private static double ratio(final double[] m) {
			final double best = Math.min(m[0], m[1]);
			return best == 0 ? (m[2] == 0 ? 0 : Double.POSITIVE_INFINITY) : m[2] / best;
		}

		String cells() {
			return String.format(Locale.ROOT, "%d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f", n, 100 * wer[0], 100 * wer[1],
				100 * wer[2], 100 * cer[0], 100 * cer[1], 100 * cer[2]);
		}
	}

	private static final List<String> KINDS = List.of("all", "tesseract", "rendered", "receipt");

	/** One row per defect and strength: the means over the results and the target. */
	private static void defectTable(final PrintWriter out, final List<Result> results) {
		final Map<String, List<Result>> byVariant = new LinkedHashMap<>();
		for (final Result r : results)
			byVariant.computeIfAbsent(r.variant().label() + "|" + r.variant().strengthLabel(), k -> new ArrayList<>())
				.add(r);
		byVariant.forEach((k, rs) -> {
			final Means m = Means.of(rs);
			final boolean clean = rs.get(0).variant().defect() == Defect.NONE;
			out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", k.replace("|", " | "), m.cells(), m.ratios(), clean
				? (m.noWorse() ? "C ≤ A: met" : "C ≤ A: MISSED") : (m.halves() ? "C ≤ ½ min: met" : "C ≤ ½ min: MISSED"));
		});
	}

	private static final String HEADER =
		" | pages | WER A | WER B | WER C | CER A | CER B | CER C | C/min(A,B) WER / CER | target |";

	static void report(final List<Result> results, final List<Source> pages, final int threads, final int prepThreads,
		final double seconds)
	{
		final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
		out.printf(Locale.ROOT,
			"%n## OCR evaluation: A = Tesseract alone (Otsu), B = Tesseract's Sauvola, C = prepare=Auto (AutoRead)%n"
				+ "%d source pages, %d page readings, %.0f s with %d thread(s), %d thread(s) for the suite's own steps of C (prepthreads; Tesseract reads on one); WER = 1 − F1 of the word multisets, CER = edit distance / reference length, %% (means)%n%n",
			pages.size(), results.size(), seconds, threads, prepThreads);
		for (final String kind : KINDS) {
			final List<Result> some = new ArrayList<>();
			for (final Result r : results)
				if (kind.equals("all") || r.page().kind().equals(kind)) some.add(r);
			if (some.isEmpty()) continue;
			out.printf(Locale.ROOT, "%n### %s pages%n%n| defect | strength" + HEADER
				+ "%n|---|---|---|---|---|---|---|---|---|---|---|%n", kind);
			defectTable(out, some);
		}
		// summary: clean and degraded, all pages and per kind
		out.printf(Locale.ROOT, "%n### Summary%n%n| pages | set" + HEADER + "%n|---|---|---|---|---|---|---|---|---|---|---|%n");
		for (final String kind : KINDS) {
			final List<Result> clean = new ArrayList<>(), degraded = new ArrayList<>();
			for (final Result r : results)
				if (kind.equals("all") || r.page().kind().equals(kind)) (r.variant().defect() == Defect.NONE ? clean
					: degraded).add(r);
			if (!clean.isEmpty()) {
				final Means m = Means.of(clean);
				out.printf(Locale.ROOT, "| %s | clean | %s | %s | %s |%n", kind, m.cells(), m.ratios(), m.noWorse()
					? "C ≤ A: met" : "C ≤ A: MISSED");
			}
			if (!degraded.isEmpty()) {
				final Means m = Means.of(degraded);
				out.printf(Locale.ROOT, "| %s | degraded | %s | %s | %s |%n", kind, m.cells(), m.ratios(), m.halves()
					? "C ≤ ½ min: met" : "C ≤ ½ min: MISSED");
			}
		}
		// timing: detection + Auto Prepare against A's OCR, per page kind
		out.printf(Locale.ROOT,
			"%n### Time: detection + preparation vs OCR (A)%n%n| pages | readings | prepare=Auto's detect + prepare, mean s | OCR (A), mean s | ratio (sums) | worst page ratio | ≤ 10 %% | waited for (binarization beside the first reading), ratio | OCR Auto Prepare (every step), ratio | all of C, mean s |%n|---|---|---|---|---|---|---|---|---|---|%n");
		for (final String kind : KINDS) {
			double prep = 0, waited = 0, ocr = 0, worst = 0, auto = 0, command = 0;
			int n = 0;
			for (final Result r : results)
				if (kind.equals("all") || r.page().kind().equals(kind)) {
					prep += r.prepareSeconds();
					waited += r.waitedSeconds();
					ocr += r.ocrSeconds();
					auto += r.autoSeconds();
					command += r.commandSeconds();
					worst = Math.max(worst, r.prepareSeconds() / r.ocrSeconds());
					n++;
				}
			if (n == 0) continue;
			out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.1f %% | %.1f %% | %s | %.1f %% | %.1f %% | %.3f |%n", kind, n,
				prep / n, ocr / n, 100 * prep / ocr, 100 * worst, prep <= 0.1 * ocr ? "met" : "MISSED", 100 * waited / ocr,
				100 * command / ocr, auto / n);
		}
	}

	private static void writeCsv(final Path csv, final List<Result> results) throws Exception {
		final StringBuilder sb = new StringBuilder(
			"page,kind,defect,strength,config,wer,cer,prepare_s,waited_s,ocr_s,auto_s,command_s\n");
		for (final Result r : results)
			for (int i = 0; i < 3; i++)
				sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%.4f,%.4f,%.3f,%.3f,%.3f,%.3f,%.3f%n", r.page().name(), r
					.page().kind(), r.variant().label(), r.variant().strength(), CONFIGS[i], r.wer()[i], r.cer()[i], r
						.prepareSeconds(), r.waitedSeconds(), r.ocrSeconds(), r.autoSeconds(), r.commandSeconds()));
		Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
	}
}
