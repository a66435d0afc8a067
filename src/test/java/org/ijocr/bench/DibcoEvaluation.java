package org.ijocr.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.ijocr.core.metrics.DibcoMetrics;
import org.ijocr.core.metrics.DibcoMetrics.Scores;
import org.ijocr.core.threshold.Binarize;
import org.ijocr.core.threshold.BinarizeMethod;
import org.ijocr.core.threshold.BinarizeParams;
import org.ijocr.testutil.DibcoPages;
import org.ijocr.testutil.DibcoPages.Page;
import org.ijocr.testutil.SharedData;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Evaluates every {@link BinarizeMethod} on the shared DIBCO pages (2009, 2010, 2012, 2014) with {@link DibcoMetrics}
 * and prints one Markdown table per year: mean FM, pFM, PSNR and DRD over the year's pages, beside the published
 * contest winner. The DIBCO folders have no pseudo-FM weight files, so pFM is "—". Run from the project root:
 * <pre>
 * mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.ijocr.bench.DibcoEvaluation
 * </pre>
 * With the argument {@code -v} it also prints each page's FM for Auto and Otsu.
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
		final BinarizeMethod[] methods = BinarizeMethod.values();
		final double[][] grand = new double[methods.length][2];
		for (int yi = 0; yi < DibcoPages.YEARS.length; yi++) {
			final String year = DibcoPages.YEARS[yi];
			final List<Page> pages = DibcoPages.load(root, year);
			final double[][] sums = new double[methods.length][3];
			final StringBuilder detail = new StringBuilder();
			for (final Page p : pages) {
				final int w = p.gt().width(), h = p.gt().height();
				final ArrayImg<UnsignedByteType, ByteArray> out = ArrayImgs.unsignedBytes(w, h);
				for (int m = 0; m < methods.length; m++) {
					Binarize.binarize(BinarizeParams.of(methods[m]), p.gray(), out);
					final Scores s = DibcoMetrics.evaluate(DibcoMetrics.textMask(out), p.gt().text(), w, h, null,
						null);
					sums[m][0] += s.fm();
					sums[m][1] += s.psnr();
					sums[m][2] += s.drd();
					if (verbose && m < 2) detail.append(String.format(Locale.ROOT, "  %s %-6s FM %6.2f PSNR %6.2f "
						+ "DRD %6.2f%n", p.name(), methods[m].label(), s.fm(), s.psnr(), s.drd()));
				}
			}
			final int n = pages.size();
			System.out.printf(Locale.ROOT, "%n### DIBCO %s (%d pages, mean per page)%n%n", year, n);
			System.out.println("| method | FM | pFM | PSNR | DRD |");
			System.out.println("|---|---|---|---|---|");
			final String[] win = WINNERS[yi];
			System.out.printf(Locale.ROOT, "| published winner | %s | — | %s | %s |%n", win[1], win[2], win[3]);
			for (int m = 0; m < methods.length; m++) {
				System.out.printf(Locale.ROOT, "| %s | %.2f | — | %.2f | %.2f |%n", methods[m].label(), sums[m][0] / n,
					sums[m][1] / n, sums[m][2] / n);
				grand[m][0] += sums[m][0] / n;
			}
			if (verbose) System.out.print(detail);
		}
		System.out.printf(Locale.ROOT, "%n### Mean FM over the four years%n%n| method | mean FM |%n|---|---|%n");
		for (int m = 0; m < methods.length; m++)
			System.out.printf(Locale.ROOT, "| %s | %.2f |%n", methods[m].label(), grand[m][0] / DibcoPages.YEARS.length);
	}
}
