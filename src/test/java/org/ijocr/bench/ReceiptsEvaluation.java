package org.ijocr.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;

import org.ijocr.core.metrics.TextMetrics;
import org.ijocr.ij1.OcrImages;
import org.ijocr.ocr.OcrPage;
import org.ijocr.ocr.OcrParams;
import org.ijocr.ocr.PageSegMode;
import org.ijocr.testutil.SharedData;

/**
 * The ten shared SROIE receipts (ICDAR 2019, scanned thermal prints) read with the suite's defaults (English model,
 * {@code psm} as given, default {@code Auto}; dpi from the file, else 300): character error rate (CER, against the
 * transcripts of {@code box/NNN.csv} in file order, one line each) and order-free word error (WER = 1 − F1 of the
 * word multisets), per receipt and the mean ({@link TextMetrics}); as the transcripts are all upper case, both also
 * case-folded. Run:
 * {@code mvn -B -o -q -Pbench test-compile exec:exec -Dbench.main=org.ijocr.bench.ReceiptsEvaluation
 * -Dbench.args="Auto"} (or e.g. {@code "Sparse text;150"}: mode and dpi).
 */
public final class ReceiptsEvaluation {

	private ReceiptsEvaluation() {}

	public static void main(final String[] args) throws Exception {
		// one argument "<psm label>[;<dpi>]", e.g. "Auto" or "Sparse text;150"
		final String[] a = (args.length > 0 ? String.join(" ", args) : "").split(";");
		final PageSegMode psm = PageSegMode.fromLabel(a[0].isBlank() ? "Auto" : a[0].trim());
		final int dpi = a.length > 1 ? Integer.parseInt(a[1].trim()) : 0;
		final Path root = SharedData.root().resolve("sroie");
		final List<Path> images = new ArrayList<>();
		try (var s = Files.list(root.resolve("img"))) {
			s.filter(p -> p.toString().endsWith(".jpg")).sorted().forEach(images::add);
		}
		System.out.printf(Locale.ROOT, "SROIE receipts, psm %s, dpi %s%n| receipt | size | CER %% | WER %% | CER %% (case-folded) | WER %% (case-folded) |%n|---|---|---|---|---|---|%n",
			psm.label(), dpi == 0 ? "from the file, else 300" : dpi);
		double cerSum = 0, werSum = 0, cerFold = 0, werFold = 0;
		for (final Path img : images) {
			final String name = img.getFileName().toString().replace(".jpg", "");
			final StringBuilder truth = new StringBuilder();
			for (final String line : Files.readAllLines(root.resolve("box").resolve(name + ".csv"),
				StandardCharsets.UTF_8))
			{
				final String[] f = line.split(",", 9);
				if (f.length == 9) truth.append(f[8]).append('\n');
			}
			final ImagePlus imp = IJ.openImage(img.toString());
			final OcrParams p = OcrParams.defaults().withPsm(psm).withDpi(OcrImages.dpi(imp, dpi));
			final List<OcrPage> pages = OcrImages.recognize(imp, p, null);
			final String text = OcrImages.text(pages);
			final double cer = TextMetrics.cer(truth.toString(), text), wer = TextMetrics.wer(truth.toString(), text);
			// the SROIE transcripts are all upper case: the case-folded figures leave case out
			final String up = text.toUpperCase(Locale.ROOT), truthUp = truth.toString().toUpperCase(Locale.ROOT);
			final double cerF = TextMetrics.cer(truthUp, up), werF = TextMetrics.wer(truthUp, up);
			cerSum += cer;
			werSum += wer;
			cerFold += cerF;
			werFold += werF;
			System.out.printf(Locale.ROOT, "| %s | %d×%d | %.1f | %.1f | %.1f | %.1f |%n", name, imp.getWidth(), imp
				.getHeight(), 100 * cer, 100 * wer, 100 * cerF, 100 * werF);
		}
		final int n = images.size();
		System.out.printf(Locale.ROOT, "| mean | | %.1f | %.1f | %.1f | %.1f |%n", 100 * cerSum / n, 100 * werSum / n,
			100 * cerFold / n, 100 * werFold / n);
		System.exit(0);
	}
}
