package org.ijocr.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.ijocr.core.metrics.DibcoMetrics;
import org.ijocr.core.metrics.DibcoMetrics.Scores;
import org.ijocr.core.threshold.Binarize;
import org.ijocr.core.threshold.BinarizeMethod;
import org.ijocr.core.threshold.BinarizeParams;
import org.ijocr.core.threshold.DocumentBinarizer;
import org.ijocr.core.threshold.DocumentBinarizer.Constants;
import org.ijocr.testutil.DibcoPages;
import org.ijocr.testutil.DibcoPages.Page;
import org.ijocr.testutil.Pages;
import org.ijocr.testutil.SharedData;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Checks of {@link DocumentBinarizer} (the Auto method) on the 44 shared DIBCO pages. Run from the project root:
 * <pre>
 * mvn -B -o -q -Pbench test-compile exec:exec -Dbench.main=org.ijocr.bench.AutoTuning -Dbench.args="MODE"
 * </pre>
 * Modes:
 * <ul>
 * <li>{@code table} (default; {@code -v} adds each page): per-year mean FM, PSNR and DRD of Auto with its default
 * constants, Otsu's FM, and per page recall and precision.</li>
 * <li>{@code perturb}: each constant of {@link Constants} times 0.8 and 1.2, the others at their defaults; per-year
 * FM and the mean.</li>
 * <li>{@code diff DIR NAME...}: for the named pages, PNG images in DIR of Auto against the ground truth (black =
 * text found, red = false ink, blue = missed text) beside the grey original.</li>
 * <li>{@code loyo}: leave one year out — on a grid of the four constants that are not fixed by a paper's value
 * (light-side weight, N<sub>min</sub> factor, background cell factor, fill fraction), the combination with the best
 * mean FM on three years is scored on the fourth.</li>
 * </ul>
 * The DIBCO folders have no pseudo-FM weight files, so pFM cannot be computed here.
 */
public final class AutoTuning {

	private AutoTuning() {}

	/** A page held in memory, with Otsu's FM. */
	public record Loaded(String year, String name, byte[] gray, int w, int h, boolean[] gt, double otsuFm) {}

	public static void main(final String[] args) throws Exception {
		final List<String> a = List.of(String.join(" ", args).trim().split("\\s+"));
		final List<Loaded> pages = load();
		if (a.get(0).equals("diff")) diffImages(pages, Path.of(a.get(1)), a.subList(2, a.size()));
		else if (a.contains("perturb")) perturb(pages);
		else if (a.contains("loyo")) leaveOneYearOut(pages);
		else table(pages, Constants.DEFAULTS, a.contains("-v"));
	}

	/** All shared DIBCO pages, grey, with ground truth and Otsu's FM. */
	public static List<Loaded> load() throws Exception {
		final Path root = SharedData.root();
		final List<Loaded> all = new ArrayList<>();
		for (final String year : DibcoPages.YEARS)
			for (final Page p : DibcoPages.load(root, year)) {
				final int w = p.gt().width(), h = p.gt().height();
				final ArrayImg<UnsignedByteType, ByteArray> out = ArrayImgs.unsignedBytes(w, h);
				Binarize.binarize(BinarizeParams.of(BinarizeMethod.OTSU), p.gray(), out);
				final double otsu = DibcoMetrics.evaluate(DibcoMetrics.textMask(out), p.gt().text(), w, h, null, null)
					.fm();
				all.add(new Loaded(year, p.name(), Pages.pixels(p.gray()), w, h, p.gt().text(), otsu));
			}
		return all;
	}

	/** Auto's result on a page, ink 0 / paper 255. */
	public static byte[] auto(final Loaded p, final Constants k) {
		final byte[] out = new byte[p.gray().length];
		DocumentBinarizer.binarize(p.gray(), p.w(), p.h(), out, k);
		return out;
	}

	private static Scores score(final Loaded p, final byte[] out) {
		final boolean[] text = new boolean[out.length];
		for (int i = 0; i < out.length; i++)
			text[i] = out[i] == 0;
		return DibcoMetrics.evaluate(text, p.gt(), p.w(), p.h(), null, null);
	}

	private static void diffImages(final List<Loaded> pages, final Path dir, final List<String> names)
		throws IOException
	{
		Files.createDirectories(dir);
		for (final Loaded p : pages) {
			if (!names.contains(p.name())) continue;
			final byte[] out = auto(p, Constants.DEFAULTS);
			final BufferedImage bi = new BufferedImage(2 * p.w(), p.h(), BufferedImage.TYPE_INT_RGB);
			for (int y = 0; y < p.h(); y++)
				for (int x = 0; x < p.w(); x++) {
					final int i = y * p.w() + x, v = p.gray()[i] & 0xff;
					final boolean r = out[i] == 0, g = p.gt()[i];
					bi.setRGB(x, y, r && g ? 0 : r ? 0xff0000 : g ? 0x0000ff : 0xffffff);
					bi.setRGB(p.w() + x, y, v << 16 | v << 8 | v);
				}
			ImageIO.write(bi, "png", dir.resolve(p.name() + ".png").toFile());
		}
	}

	private static void table(final List<Loaded> pages, final Constants k, final boolean verbose) {
		System.out.println("| year | Auto FM | PSNR | DRD | Otsu FM | Auto − Otsu |");
		System.out.println("|---|---:|---:|---:|---:|---:|");
		double sumFm = 0;
		for (final String year : DibcoPages.YEARS) {
			double fm = 0, psnr = 0, drd = 0, otsu = 0;
			int n = 0;
			final StringBuilder detail = new StringBuilder();
			for (final Loaded p : pages) {
				if (!p.year().equals(year)) continue;
				final byte[] out = auto(p, k);
				final Scores s = score(p, out);
				fm += s.fm();
				psnr += s.psnr();
				drd += s.drd();
				otsu += p.otsuFm();
				n++;
				if (verbose) detail.append(String.format(Locale.ROOT, "  %-9s Auto FM %6.2f PSNR %6.2f DRD %6.2f | Otsu "
					+ "FM %6.2f | %s%n", p.name(), s.fm(), s.psnr(), s.drd(), p.otsuFm(), recallPrecision(p, out)));
			}
			System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %+.2f |%n", year, fm / n, psnr / n,
				drd / n, otsu / n, (fm - otsu) / n);
			System.out.print(detail);
			sumFm += fm / n;
		}
		System.out.printf(Locale.ROOT, "mean FM over the years %.2f%n", sumFm / DibcoPages.YEARS.length);
	}

	private static String recallPrecision(final Loaded p, final byte[] out) {
		long tp = 0, fp = 0, fn = 0;
		for (int i = 0; i < out.length; i++) {
			final boolean r = out[i] == 0, g = p.gt()[i];
			if (r && g) tp++;
			else if (r) fp++;
			else if (g) fn++;
		}
		return String.format(Locale.ROOT, "R %5.1f P %5.1f", 100.0 * tp / (tp + fn), 100.0 * tp / (tp + fp));
	}

	/** Per-year mean FM of Auto with constants {@code k}, then the mean over the years (index 4). */
	private static double[] yearFm(final List<Loaded> pages, final Constants k) {
		final double[] sum = new double[DibcoPages.YEARS.length + 1];
		final int[] n = new int[DibcoPages.YEARS.length];
		for (final Loaded p : pages) {
			final int y = List.of(DibcoPages.YEARS).indexOf(p.year());
			sum[y] += score(p, auto(p, k)).fm();
			n[y]++;
		}
		for (int y = 0; y < n.length; y++) {
			sum[y] /= n[y];
			sum[n.length] += sum[y] / n.length;
		}
		return sum;
	}

	private static String row(final String label, final double[] fm) {
		final StringBuilder sb = new StringBuilder("| " + label);
		for (final double v : fm)
			sb.append(String.format(Locale.ROOT, " | %.2f", v));
		return sb.append(" |").toString();
	}

	private static void perturb(final List<Loaded> pages) {
		final Constants d = Constants.DEFAULTS;
		System.out.println("| constants | 2009 | 2010 | 2012 | 2014 | mean |");
		System.out.println("|---|---:|---:|---:|---:|---:|");
		System.out.println(row("defaults " + d, yearFm(pages, d)));
		final List<String> names = List.of("smoothNoise", "minEdgeRange", "noiseFactor", "firstRadius", "nminFactor",
			"lightWeight", "cellFactor", "fillFraction");
		for (int c = 0; c < names.size(); c++)
			for (final double f : new double[] { 0.8, 1.2 }) {
				final Constants k = scaled(d, c, f);
				System.out.println(row(String.format(Locale.ROOT, "%s ×%.1f", names.get(c), f), yearFm(pages, k)));
			}
	}

	/** {@code d} with constant number {@code c} (record order) times {@code f}; integers rounded. */
	private static Constants scaled(final Constants d, final int c, final double f) {
		return new Constants(c == 0 ? d.smoothNoise() * f : d.smoothNoise(), c == 1 ? (int) Math.round(d
			.minEdgeRange() * f) : d.minEdgeRange(), c == 2 ? d.noiseFactor() * f : d.noiseFactor(), c == 3
				? (int) Math.round(d.firstRadius() * f) : d.firstRadius(), c == 4 ? d.nminFactor() * f : d.nminFactor(),
			c == 5 ? Math.min(1, d.lightWeight() * f) : d.lightWeight(), c == 6 ? d.cellFactor() * f : d.cellFactor(),
			c == 7 ? d.fillFraction() * f : d.fillFraction());
	}

	private static void leaveOneYearOut(final List<Loaded> pages) {
		final Constants d = Constants.DEFAULTS;
		final List<Constants> grid = new ArrayList<>();
		for (final double lw : new double[] { 0.7, 0.75, 0.8 })
			for (final double nmin : new double[] { 1.5, 2 })
				for (final double cell : new double[] { 1.5, 2, 3 })
					for (final double fill : new double[] { 0.25, 1.0 / 3, 0.5 })
						grid.add(new Constants(d.smoothNoise(), d.minEdgeRange(), d.noiseFactor(), d.firstRadius(), nmin,
							lw, cell, fill));
		final double[][] fm = new double[grid.size()][];
		for (int i = 0; i < grid.size(); i++) {
			fm[i] = yearFm(pages, grid.get(i));
			System.err.printf(Locale.ROOT, "%d/%d %s%n", i + 1, grid.size(), row(label(grid.get(i)), fm[i]));
		}
		System.out.println("| held-out year | constants chosen on the other three | their FM there | held-out FM | "
			+ "defaults' FM |");
		System.out.println("|---|---|---:|---:|---:|");
		final double[] defaults = yearFm(pages, d);
		for (int y = 0; y < DibcoPages.YEARS.length; y++) {
			int best = 0;
			double bestFm = -1;
			for (int i = 0; i < grid.size(); i++) {
				double others = 0;
				for (int o = 0; o < DibcoPages.YEARS.length; o++)
					if (o != y) others += fm[i][o] / (DibcoPages.YEARS.length - 1);
				if (others > bestFm) {
					bestFm = others;
					best = i;
				}
			}
			System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f |%n", DibcoPages.YEARS[y], label(grid.get(
				best)), bestFm, fm[best][y], defaults[y]);
		}
	}

	private static String label(final Constants k) {
		return String.format(Locale.ROOT, "light %.2f, Nmin %.1f·W, cell %.1f·W, fill %.2f", k.lightWeight(), k
			.nminFactor(), k.cellFactor(), k.fillFraction());
	}
}
