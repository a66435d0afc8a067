package org.ijocr.core.metrics;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * The evaluation measures of the DIBCO / H-DIBCO document binarization contests: F-measure, pseudo F-measure, PSNR
 * and DRD. Text (ink) pixels are the positive class.
 * <p>
 * Inputs are either text masks ({@code boolean[]}, row-major, {@code true} = text) or 2D binary images with ink 0
 * and paper 255, where a pixel counts as text when its value is below 127.5. Result and ground truth must have the
 * same size. Weights for the pseudo F-measure are the per-pixel {@code float} arrays of the contest's
 * {@code *_RWeights.dat} / {@code *_PWeights.dat} files (row-major, one value per pixel); pass {@code null} when
 * there are none and {@link Scores#pseudoFm()} is {@code NaN}.
 * <ul>
 * <li><b>FM</b> = 100 · 2RP / (R + P), recall R = TP / (TP + FN), precision P = TP / (TP + FP); 0 when TP = 0.</li>
 * <li><b>pFM</b> (Ntirogiannis, Gatos &amp; Pratikakis, "Performance evaluation methodology for historical document
 * image binarization", IEEE TIP 22(2), 2013): pseudo-recall = Σ R-weight over TP / Σ R-weight over GT text,
 * pseudo-precision = Σ (1 + P-weight) over TP / Σ (1 + P-weight) over result text; harmonic mean × 100.</li>
 * <li><b>PSNR</b> = 10 · log10(1 / MSE) with MSE the fraction of pixels that differ (images in [0, 1]);
 * {@code +Infinity} for identical images.</li>
 * <li><b>DRD</b> (Lu, Kot &amp; Shi, "Distance-reciprocal distortion measure for binary document images", IEEE SPL
 * 11(2), 2004): for every flipped pixel, the sum of the 5×5 normalised reciprocal-distance weights (centre 0,
 * weights sum to 1) of the ground-truth neighbours whose value differs from the result pixel — neighbours outside the
 * image do not count; the sum over all flipped pixels divided by NUBN, the number of complete 8×8 ground-truth blocks
 * that are not all one colour (partial edge blocks ignored). If NUBN = 0, DRD is 0 without flipped pixels and
 * {@code +Infinity} with.</li>
 * </ul>
 */
public final class DibcoMetrics {

	/** Side of the DRD weight matrix (Lu et al. 2004 use m = 5). */
	public static final int DRD_WINDOW = 5;

	/** Block size for DRD's count of non-uniform blocks (Lu et al. 2004 use 8×8). */
	public static final int DRD_BLOCK = 8;

	/**
	 * The four DIBCO scores: FM and pFM in percent, PSNR in dB, DRD (lower is better).
	 * {@code pseudoFm} is {@code NaN} when no weights were given.
	 */
	public record Scores(double fm, double pseudoFm, double psnr, double drd) {}

	private static final double[] DRD_WEIGHTS = drdWeights();

	private DibcoMetrics() {}

	/**
	 * Scores a binarization result against ground truth, both given as text masks.
	 *
	 * @param result text mask of the result, row-major, {@code width*height} long
	 * @param gt text mask of the ground truth, same layout
	 * @param recallWeights per-pixel pseudo-recall weights, or {@code null}
	 * @param precisionWeights per-pixel pseudo-precision weights, or {@code null}
	 * @return FM, pFM ({@code NaN} without weights), PSNR and DRD
	 */
	public static Scores evaluate(final boolean[] result, final boolean[] gt, final int width, final int height,
		final float[] recallWeights, final float[] precisionWeights)
	{
		final int n = checkSize(width, height);
		if (result.length != n || gt.length != n)
			throw new IllegalArgumentException("mask lengths " + result.length + " and " + gt.length
				+ " do not match " + width + "x" + height);
		if ((recallWeights == null) != (precisionWeights == null))
			throw new IllegalArgumentException("give both pseudo-FM weight arrays or neither");
		if (recallWeights != null && (recallWeights.length != n || precisionWeights.length != n))
			throw new IllegalArgumentException("weight lengths " + recallWeights.length + " and "
				+ precisionWeights.length + " do not match " + n + " pixels");

		long tp = 0, fp = 0, fn = 0;
		double rwTp = 0, rwGt = 0, pwTp = 0, pwRes = 0;
		for (int i = 0; i < n; i++) {
			final boolean r = result[i], g = gt[i];
			if (r && g) tp++;
			else if (r) fp++;
			else if (g) fn++;
			if (recallWeights != null) {
				final double pw = 1.0 + precisionWeights[i];
				if (g) rwGt += recallWeights[i];
				if (r) pwRes += pw;
				if (r && g) {
					rwTp += recallWeights[i];
					pwTp += pw;
				}
			}
		}
		final double fm = tp == 0 ? 0 : fmeasure((double) tp / (tp + fn), (double) tp / (tp + fp));
		final double pfm;
		if (recallWeights == null) pfm = Double.NaN;
		else pfm = rwTp <= 0 || pwTp <= 0 ? 0 : fmeasure(rwTp / rwGt, pwTp / pwRes);
		final long flips = fp + fn;
		final double psnr = flips == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10((double) n / flips);
		return new Scores(fm, pfm, psnr, drd(result, gt, width, height, flips));
	}

	/**
	 * Scores a binarization result against ground truth, both 2D images with ink 0 and paper 255 (text where the
	 * value is below 127.5); see {@link #textMask(RandomAccessibleInterval)}.
	 */
	public static Scores evaluate(final RandomAccessibleInterval<? extends RealType<?>> result,
		final RandomAccessibleInterval<? extends RealType<?>> gt, final float[] recallWeights,
		final float[] precisionWeights)
	{
		if (result.numDimensions() != 2 || gt.numDimensions() != 2 || result.dimension(0) != gt.dimension(0)
			|| result.dimension(1) != gt.dimension(1))
			throw new IllegalArgumentException("result and ground truth must be 2D images of the same size");
		return evaluate(textMask(result), textMask(gt), (int) gt.dimension(0), (int) gt.dimension(1), recallWeights,
			precisionWeights);
	}

	/** Text mask (row-major) of a 2D ink-0 / paper-255 image: {@code true} where the value is below 127.5. */
	public static boolean[] textMask(final RandomAccessibleInterval<? extends RealType<?>> img) {
		if (img.numDimensions() != 2) throw new IllegalArgumentException("need a 2D image, got "
			+ img.numDimensions() + "D");
		final int w = (int) img.dimension(0);
		final int n = checkSize(w, (int) img.dimension(1));
		final boolean[] mask = new boolean[n];
		final long x0 = img.min(0), y0 = img.min(1);
		final Cursor<? extends RealType<?>> c = Views.flatIterable(img).localizingCursor();
		while (c.hasNext()) {
			final double v = c.next().getRealDouble();
			mask[(int) ((c.getLongPosition(1) - y0) * w + (c.getLongPosition(0) - x0))] = v < 127.5;
		}
		return mask;
	}

	private static double fmeasure(final double recall, final double precision) {
		return 100 * 2 * recall * precision / (recall + precision);
	}

	private static double drd(final boolean[] res, final boolean[] gt, final int w, final int h, final long flips) {
		if (flips == 0) return 0;
		final int r = DRD_WINDOW / 2;
		double sum = 0;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				final int i = y * w + x;
				final boolean b = res[i];
				if (b == gt[i]) continue;
				for (int dy = -r; dy <= r; dy++) {
					final int yy = y + dy;
					if (yy < 0 || yy >= h) continue;
					for (int dx = -r; dx <= r; dx++) {
						final int xx = x + dx;
						if (xx < 0 || xx >= w) continue;
						if (gt[yy * w + xx] != b) sum += DRD_WEIGHTS[(dy + r) * DRD_WINDOW + dx + r];
					}
				}
			}
		}
		final long nubn = nonUniformBlocks(gt, w, h);
		return nubn == 0 ? Double.POSITIVE_INFINITY : sum / nubn;
	}

	/** Complete {@value #DRD_BLOCK}×{@value #DRD_BLOCK} blocks of the mask that hold both values. */
	static long nonUniformBlocks(final boolean[] gt, final int w, final int h) {
		long count = 0;
		for (int by = 0; by + DRD_BLOCK <= h; by += DRD_BLOCK) {
			for (int bx = 0; bx + DRD_BLOCK <= w; bx += DRD_BLOCK) {
				final boolean first = gt[by * w + bx];
				boolean mixed = false;
				for (int y = by; y < by + DRD_BLOCK && !mixed; y++)
					for (int x = bx; x < bx + DRD_BLOCK; x++)
						if (gt[y * w + x] != first) {
							mixed = true;
							break;
						}
				if (mixed) count++;
			}
		}
		return count;
	}

	/** 5×5 reciprocal-distance weights 1/√(dx²+dy²), centre 0, normalised to sum 1 (Lu et al. 2004). */
	private static double[] drdWeights() {
		final int r = DRD_WINDOW / 2;
		final double[] wts = new double[DRD_WINDOW * DRD_WINDOW];
		double total = 0;
		for (int dy = -r; dy <= r; dy++)
			for (int dx = -r; dx <= r; dx++) {
				if (dx == 0 && dy == 0) continue;
				final double v = 1 / Math.sqrt(dx * dx + dy * dy);
				wts[(dy + r) * DRD_WINDOW + dx + r] = v;
				total += v;
			}
		for (int i = 0; i < wts.length; i++)
			wts[i] /= total;
		return wts;
	}

	private static int checkSize(final int w, final int h) {
		if (w <= 0 || h <= 0 || (long) w * h > Integer.MAX_VALUE)
			throw new IllegalArgumentException("bad image size " + w + "x" + h);
		return w * h;
	}
}
