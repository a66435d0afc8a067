package org.ijocr.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.ijocr.core.metrics.DibcoMetrics;
import org.ijocr.core.metrics.DibcoMetrics.Scores;
import org.ijocr.core.threshold.Binarize;
import org.ijocr.core.threshold.BinarizeMethod;
import org.ijocr.core.threshold.BinarizeParams;
import org.ijocr.core.threshold.LocalParam;
import org.ijocr.testutil.DibcoPages;
import org.ijocr.testutil.DibcoPages.Page;
import org.ijocr.testutil.SharedData;
import org.ijocr.testutil.TestImages;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Evaluates every {@link BinarizeMethod} — Auto, the global thresholds and the local thresholds with their published
 * defaults, plus a few common non-default settings of the local methods — on the shared DIBCO pages (2009, 2010, 2012, 2014) with {@link DibcoMetrics}, and prints Markdown tables
 * ready for the README: a summary (FM per year, mean FM, PSNR and DRD over the four years, beside the published
 * contest winners), one table per year (mean FM, pFM, PSNR and DRD over the year's pages) and, since the DIBCO
 * folders have no pseudo-FM weight files (pFM "—" there), every method on the {@code metric-vectors} page
 * {@code 2JohnC1V3}, whose weights give pFM. Run from the project root:
 * <pre>
 * mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.ijocr.bench.DibcoEvaluation
 * </pre>
 * With the argument {@code -v} it also prints each page's FM for every method.
 */
public final class DibcoEvaluation {

	/** Rank-1 results as tabulated by Xiong et al., KSII TIIS 15(5), 2021 (see shared/data/README.md). */
	private static final String[][] WINNERS = { //
		{ "2009", "91.24", "18.66", "—" }, { "2010", "91.50", "19.78", "—" }, //
		{ "2012", "89.47", "21.80", "3.44" }, { "2014", "96.88", "22.66", "0.90" } };

	private DibcoEvaluation() {}

	public static void main(final String[] args) throws Exception {
		final boolean verbose = args.length > 0 && args[0].equals("-v");
		final Path root = SharedData.root();
		final List<Config> methods = configs();
		final int years = DibcoPages.YEARS.length;
		// [method][year][FM, PSNR, DRD] means over the year's pages
		final double[][][] mean = new double[methods.size()][years][3];
		final StringBuilder perYear = new StringBuilder();
		for (int yi = 0; yi < years; yi++) {
			final String year = DibcoPages.YEARS[yi];
			final List<Page> pages = DibcoPages.load(root, year);
			final StringBuilder detail = new StringBuilder();
			for (final Page p : pages) {
				final int w = p.gt().width(), h = p.gt().height();
				final ArrayImg<UnsignedByteType, ByteArray> out = ArrayImgs.unsignedBytes(w, h);
				if (verbose) detail.append("  ").append(p.name());
				for (int m = 0; m < methods.size(); m++) {
					Binarize.binarize(methods.get(m).params(), p.gray(), out);
					final Scores s = DibcoMetrics.evaluate(DibcoMetrics.textMask(out), p.gt().text(), w, h, null,
						null);
					mean[m][yi][0] += s.fm() / pages.size();
					mean[m][yi][1] += s.psnr() / pages.size();
					mean[m][yi][2] += s.drd() / pages.size();
					if (verbose) detail.append(String.format(Locale.ROOT, " %s %.2f", methods.get(m).name(), s.fm()));
				}
				if (verbose) detail.append('\n');
				System.err.println(year + " " + p.name() + " done");
			}
			perYear.append(String.format(Locale.ROOT, "%n### DIBCO %s (%d pages, mean per page)%n%n", year, pages
				.size()));
			perYear.append("| method | FM | pFM | PSNR | DRD |\n|---|---:|---:|---:|---:|\n");
			final String[] win = WINNERS[yi];
			perYear.append(String.format(Locale.ROOT, "| published winner | %s | — | %s | %s |%n", win[1], win[2],
				win[3]));
			for (int m = 0; m < methods.size(); m++)
				perYear.append(String.format(Locale.ROOT, "| %s | %.2f | — | %.2f | %.2f |%n", methods.get(m).name(),
					mean[m][yi][0], mean[m][yi][1], mean[m][yi][2]));
			if (verbose) perYear.append(detail);
		}
		printSummary(methods, mean);
		System.out.print(perYear);
		printWeightedPage(root, methods);
	}

	/** One row per method: FM per year, then FM, PSNR and DRD averaged over the four years. */
	private static void printSummary(final List<Config> methods, final double[][][] mean) {
		final int years = DibcoPages.YEARS.length;
		System.out.printf(Locale.ROOT, "### Every method on DIBCO %s (mean per page; defaults)%n%n", String.join(", ",
			DibcoPages.YEARS));
		final StringBuilder head = new StringBuilder("| method |");
		final StringBuilder rule = new StringBuilder("|---|");
		for (final String y : DibcoPages.YEARS) {
			head.append(" FM ").append(y).append(" |");
			rule.append("---:|");
		}
		System.out.println(head + " mean FM | mean PSNR | mean DRD |");
		System.out.println(rule + "---:|---:|---:|");
		final StringBuilder win = new StringBuilder("| published winners |");
		double fm = 0, psnr = 0;
		for (final String[] wv : WINNERS) {
			win.append(' ').append(wv[1]).append(" |");
			fm += Double.parseDouble(wv[1]) / years;
			psnr += Double.parseDouble(wv[2]) / years;
		}
		System.out.printf(Locale.ROOT, "%s %.2f | %.2f | — |%n", win, fm, psnr);
		for (int m = 0; m < methods.size(); m++) {
			final StringBuilder row = new StringBuilder("| " + methods.get(m).name() + " |");
			final double[] avg = new double[3];
			for (int yi = 0; yi < years; yi++) {
				row.append(String.format(Locale.ROOT, " %.2f |", mean[m][yi][0]));
				for (int c = 0; c < 3; c++)
					avg[c] += mean[m][yi][c] / years;
			}
			System.out.printf(Locale.ROOT, "%s %.2f | %.2f | %.2f |%n", row, avg[0], avg[1], avg[2]);
		}
	}

	/** Every method on the metric-vectors page 2JohnC1V3, whose ground truth has pseudo-FM weights. */
	private static void printWeightedPage(final Path root, final List<Config> methods) throws Exception {
		final Path dir = root.resolve("metric-vectors");
		final ArrayImg<UnsignedByteType, ByteArray> page = TestImages.readGray(dir.resolve("2JohnC1V3.png"));
		final TestImages.Binary gt = TestImages.readPbm(dir.resolve("2JohnC1V3-GroundTruth.pbm"));
		final int w = gt.width(), h = gt.height(), n = w * h;
		final float[] rw = TestImages.readWeights(dir.resolve("2JohnC1V3-GroundTruth_RWeights.dat.gz"), n);
		final float[] pw = TestImages.readWeights(dir.resolve("2JohnC1V3-GroundTruth_PWeights.dat.gz"), n);
		System.out.printf(Locale.ROOT, "%n### Every method on 2JohnC1V3 (metric-vectors, %d×%d, with pFM weights)%n%n",
			w, h);
		System.out.println("| method | FM | pFM | PSNR | DRD |\n|---|---:|---:|---:|---:|");
		final ArrayImg<UnsignedByteType, ByteArray> out = ArrayImgs.unsignedBytes(w, h);
		for (final Config m : methods) {
			Binarize.binarize(m.params(), page, out);
			final Scores s = DibcoMetrics.evaluate(DibcoMetrics.textMask(out), gt.text(), w, h, rw, pw);
			System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", m.name(), s.fm(), s.pseudoFm(), s
				.psnr(), s.drd());
		}
	}

	/** A row of the tables: a method with its parameters. */
	private record Config(String name, BinarizeParams params) {}

	/**
	 * Every method with its defaults, then a few common non-default settings of the local methods (marked so): k 0.2
	 * (the value most libraries default Sauvola to) and an offset of 10 levels for the mean-based methods.
	 */
	private static List<Config> configs() {
		final List<Config> list = new java.util.ArrayList<>();
		for (final BinarizeMethod m : BinarizeMethod.values())
			list.add(new Config(name(BinarizeParams.of(m), false), BinarizeParams.of(m)));
		for (final BinarizeParams p : List.of( //
			BinarizeParams.of(BinarizeMethod.SAUVOLA).with(LocalParam.RADIUS, 15).with(LocalParam.K, 0.2), //
			BinarizeParams.of(BinarizeMethod.GAUSSIAN_ADAPTIVE).with(LocalParam.OFFSET, 10), //
			BinarizeParams.of(BinarizeMethod.MEAN).with(LocalParam.OFFSET, 10)))
			list.add(new Config(name(p, true), p));
		return list;
	}

	/** The method's label with its parameters, e.g. {@code Sauvola (radius 7, k 0.5, r 128)}. */
	private static String name(final BinarizeParams p, final boolean notDefault) {
		final BinarizeMethod m = p.method();
		if (!m.isLocal()) return m.label();
		final StringBuilder s = new StringBuilder(m.label()).append(" (");
		for (final LocalParam lp : m.params()) {
			if (lp != m.params().get(0)) s.append(", ");
			final double v = p.resolved(lp);
			s.append(lp.key()).append(' ').append(v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v));
		}
		return s.append(notDefault ? "; not the default)" : ")").toString();
	}
}
