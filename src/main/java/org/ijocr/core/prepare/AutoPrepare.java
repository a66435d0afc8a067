package org.ijocr.core.prepare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.Storage;
import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.DefectType;
import org.ijocr.core.defect.LowContrastDetector;
import org.ijocr.core.filter.Gauss;
import org.ijocr.core.filter.ImpulseNoise;
import org.ijocr.core.geometry.Interpolation;
import org.ijocr.core.geometry.Paper;
import org.ijocr.core.geometry.Rotate;
import org.ijocr.core.geometry.Scale;
import org.ijocr.core.geometry.RotateParams;
import org.ijocr.core.geometry.Skew;
import org.ijocr.core.geometry.SkewParams;
import org.ijocr.core.morph.Despeckle;
import org.ijocr.core.threshold.DocumentBinarizer;
import org.ijocr.core.tone.LocalRange;

/**
 * Prepares a grey page for OCR from the defects found on it: each defect area gets its mitigation there and only
 * there, with the change blended into the untouched page over a margin; then the page is deskewed and binarized.
 * <ol>
 * <li><b>Salt-and-pepper noise</b>: the switching median of {@link ImpulseNoise} (Eng &amp; Ma 2001), which replaces
 * only the impulses; run twice when the first pass changed more than {@value #SECOND_PASS_DENSITY} of the area
 * (dense noise leaves impulse pairs that the second pass sees alone). Where the noise is sparse (score up to
 * {@value #SPARSE_NOISE_SCORE}), an impulse that ends a stroke one pixel wide is put back
 * ({@link ImpulseNoise#keepStrokeEnds}): thin print such as receipts loses no stroke ends.</li>
 * <li><b>Glare</b> and <b>low contrast</b>: local contrast normalisation ({@link LocalRange}, after Su, Lu &amp; Tan
 * 2010): each pixel is mapped from the local range between ink and paper to 0&ndash;255, so washed-out, faded or
 * shadowed text regains full contrast while blank paper stays white; cells of two text lines
 * ({@code 2 · max(4, min(w, h) / 80)} pixels). Faint print (a low-contrast area scoring at least {@value
 * LowContrastDetector#FAINT_SCORE}: ink and paper less than 64 levels apart) is restored over the whole page: print
 * fades everywhere, and the text the detector could not judge (in tiles without flat paper, at the edge of the paper
 * or of a picture) is as faint as the text it flagged. On an SROIE receipt photographed on a table with its contrast
 * squeezed to 40 levels, the detector's area left out the column of amounts.</li>
 * <li><b>Blur</b>: an unsharp mask {@code p + a·(p − G_σ p)} with {@code σ = 1 + 2·score} pixels and {@code a =
 * 1 + score} (the classic photographic sharpening; Gonzalez &amp; Woods, <i>Digital Image Processing</i>, 3rd ed.,
 * §3.6.3), which steepens the edges the binarizer then cuts.</li>
 * <li><b>Deskew</b> ({@link Skew}, projection profiles) when the text lines turn by at least {@value #MIN_ROTATION}°,
 * rotated back bicubically with the paper colour filled in.</li>
 * <li><b>Upscale</b> when the text is small: capitals measured by {@link Scale#capHeight} and the page enlarged
 * bicubically so that they are about {@value Scale#TARGET_CAP_HEIGHT} pixels tall (Tesseract reads best there: its
 * guide "Improving the quality of the output"), when that takes a factor of at least {@value #MIN_UPSCALE} (at most
 * {@value Scale#MAX_AUTO_FACTOR}, and no further than a page Tesseract can read and memory holds: {@link
 * Scale#autoFactor(double, double, long, long)}). Receipts and screen captures typically have capitals of 14&ndash;20
 * pixels.</li>
 * <li><b>Binarize</b> with the suite's page-adaptive {@code Auto} method ({@link DocumentBinarizer}: background surface,
 * stroke edges and hysteresis; the best of all methods on DIBCO 2009–2014); inside noise areas the specks that
 * impulse clusters leave are then removed ({@link Despeckle}).</li>
 * </ol>
 * Noise is fixed first (impulses ruin the statistics of every other step), then glare and low contrast, then blur.
 * An area is processed on a crop that extends {@link #feather} pixels (plus the filter's reach) beyond it; inside
 * the area the result replaces the page, and over the {@code feather} pixels outside it the weight of the result falls
 * linearly to 0, so no seam is left. An area covering at least {@value #WHOLE_PAGE} of the page is treated as the
 * whole page.
 */
public final class AutoPrepare {

	/** Smallest skew, in degrees, that is corrected (as {@code OCR Deskew}). */
	public static final double MIN_ROTATION = 0.05;

	/** Smallest factor by which a page with small text is enlarged (closer to 1 is not worth the resampling). */
	public static final double MIN_UPSCALE = 1.3;

	/** Share of the page above which an area is the whole page. */
	public static final double WHOLE_PAGE = 0.9;

	/**
	 * Noise score up to which impulses that end a stroke are put back ({@link ImpulseNoise#keepStrokeEnds}): the
	 * detector's score 0.6 is an estimated density of 6 %, where an impulse touches two others with a chance of about
	 * 8·7·d² ≈ 20 %; denser noise forms chains that would pass for strokes.
	 */
	public static final double SPARSE_NOISE_SCORE = 0.6;

	/** Share of an area's pixels replaced by the first noise pass above which a second pass runs. */
	public static final double SECOND_PASS_DENSITY = 0.005;

	private AutoPrepare() {}

	/**
	 * The result: the prepared page and what was done.
	 *
	 * @param image the prepared page: a new image of the input's size
	 * @param grey the page before binarization (mitigated and deskewed; the same as {@code image} when it was not
	 *          binarized), e.g. for a second reading with other settings
	 * @param log the steps, in order
	 * @param skew the skew measured, in degrees (0 when not measured)
	 * @param scale the factor by which the page was enlarged (1 when it was not): a point {@code (x, y)} of the input
	 *          is at {@code (scale·x, scale·y)} in {@code image} (after the deskew's rotation about the centre)
	 */
	public record Result(ArrayImg<UnsignedByteType, ByteArray> image, ArrayImg<UnsignedByteType, ByteArray> grey,
		List<PrepareStep> log, double skew, double scale)
	{}

	/** The blend margin for a page of this size: {@code max(8, min(w, h) / 150)} pixels (16 at A4 300 dpi). */
	public static int feather(final int w, final int h) {
		return Math.max(8, Math.min(w, h) / 150);
	}

	/**
	 * Prepares a page; the input is not changed.
	 *
	 * @param page 8-bit grey page (0 = black)
	 * @param areas the defects found on it (coordinates of {@code page}); may be empty
	 * @param p which steps run
	 */
	public static Result prepare(final ArrayImg<UnsignedByteType, ByteArray> page, final List<DefectArea> areas,
		final PrepareParams p)
	{
		return prepare(page, areas, p, Double.NaN);
	}

	/**
	 * As {@link #prepare(ArrayImg, List, PrepareParams)} with the upscaling factor given (e.g. the first slice's, so
	 * that every slice of a stack has the same size).
	 *
	 * @param scale the factor to enlarge by when {@code p.upscale()} (1 = not), or {@code NaN} to choose it from the
	 *          page's text size
	 */
	public static Result prepare(final ArrayImg<UnsignedByteType, ByteArray> page, final List<DefectArea> areas,
		final PrepareParams p, final double scale)
	{
		if (!Double.isNaN(scale) && !(scale >= 1 && scale <= Scale.MAX_AUTO_FACTOR)) throw new IllegalArgumentException(
			"upscaling factor must be 1 to " + Scale.MAX_AUTO_FACTOR + ", got " + scale);
		if (page.numDimensions() != 2) throw new IllegalArgumentException("Auto Prepare works on 2-D pages");
		final int w = (int) page.dimension(0), h = (int) page.dimension(1);
		final byte[] px = Storage.bytes(page).clone();
		final List<PrepareStep> log = new ArrayList<>();
		if (p.fixDefects()) {
			// faint print: one restoration of the whole page in place of every low-contrast area
			final boolean faint = areas.stream().anyMatch(a -> a.type() == DefectType.LOW_CONTRAST && a
				.score() >= LowContrastDetector.FAINT_SCORE);
			final List<DefectArea> ordered = new ArrayList<>();
			for (final DefectArea a : areas)
				if (!faint || a.type() != DefectType.LOW_CONTRAST) ordered.add(a);
			if (faint) ordered.add(new DefectArea(DefectType.LOW_CONTRAST, 0, 0, w, h, LowContrastDetector.FAINT_SCORE));
			ordered.sort(Comparator.comparingInt(a -> order(a.type())));
			for (final DefectArea a : ordered) {
				final PrepareStep s = mitigate(px, w, h, a);
				log.add(faint && a.type() == DefectType.LOW_CONTRAST ? new PrepareStep(s.step(), s.x(), s.y(), s.width(), s
					.height(), s.parameters() + ", faint print: the whole page", s.millis()) : s);
			}
		}
		double skew = 0;
		byte[] out = px;
		if (p.deskew()) {
			final long t0 = System.nanoTime();
			final Skew.Result r = Skew.estimate(SkewParams.DEFAULT, px, w, h);
			skew = r.angle();
			final boolean rotate = Math.abs(skew) >= MIN_ROTATION;
			if (rotate) {
				out = new byte[w * h];
				Rotate.rotate(new RotateParams(-skew, Interpolation.BICUBIC, Paper.level(px)), ArrayImgs.unsignedBytes(
					px, w, h), ArrayImgs.unsignedBytes(out, w, h));
			}
			log.add(new PrepareStep(rotate ? "Deskew" : "Deskew (not needed)", 0, 0, w, h, String.format(Locale.ROOT,
				"angle=%.2f", skew), ms(t0)));
		}
		double factor = 1;
		int ow = w, oh = h;
		if (p.upscale()) {
			final long t0 = System.nanoTime();
			final boolean measure = Double.isNaN(scale);
			final double cap = measure ? Scale.capHeight(out, w, h) : Double.NaN;
			final double f = measure ? Scale.autoFactor(cap, Scale.TARGET_CAP_HEIGHT, w, h) : scale;
			// a page too large to enlarge as far as its text asks (a long strip, a huge scan) is enlarged less
			final boolean limited = measure && f < Scale.autoFactor(cap, Scale.TARGET_CAP_HEIGHT);
			final boolean enlarge = measure ? f >= MIN_UPSCALE : f > 1;
			if (enlarge) {
				factor = f;
				ow = (int) Scale.scaledLength(w, f);
				oh = (int) Scale.scaledLength(h, f);
				final byte[] big = new byte[ow * oh];
				Scale.resize(Interpolation.BICUBIC, ArrayImgs.unsignedBytes(out, w, h), ArrayImgs.unsignedBytes(big, ow,
					oh));
				out = big;
			}
			log.add(new PrepareStep(enlarge ? "Upscale" : limited ? "Upscale (page too large)" : "Upscale (not needed)", 0,
				0, w, h, (!measure ? "" : String.format(Locale.ROOT, "cap height=%.1f px, ", cap)) + String.format(
					Locale.ROOT, "factor=%.2f", factor) + (limited ? String.format(Locale.ROOT,
						" (limited by the page size: at most %d px a side and %d million pixels)", Scale.MAX_OCR_SIDE,
						Scale.MAX_AUTO_PIXELS / 1_000_000) : ""), ms(t0)));
		}
		final ArrayImg<UnsignedByteType, ByteArray> grey = ArrayImgs.unsignedBytes(out, ow, oh);
		final Result r = new Result(grey, grey, log, skew, factor);
		return p.binarize() ? binarize(r, p.fixDefects() ? areas : List.of()) : r;
	}

	/**
	 * Binarizes a prepared grey page with the suite's {@code Auto} method ({@link DocumentBinarizer}) and removes the
	 * specks that impulse clusters leave inside the noise areas ({@link Despeckle}).
	 *
	 * @param prepared a result of {@link #prepare} without binarization
	 * @param areas the defects found on the input page (its coordinates)
	 * @return the binarized page, with {@code prepared}'s grey page and log followed by the new steps
	 */
	public static Result binarize(final Result prepared, final List<DefectArea> areas) {
		final int ow = (int) prepared.grey().dimension(0), oh = (int) prepared.grey().dimension(1);
		final double f = prepared.scale();
		final List<PrepareStep> log = new ArrayList<>(prepared.log());
		final long t0 = System.nanoTime();
		final byte[] bin = new byte[ow * oh];
		DocumentBinarizer.binarize(Storage.bytes(prepared.grey()), ow, oh, bin);
		// the input's size: |round(w·f) − w·f| ≤ ½ and f ≥ 1, so round(round(w·f) / f) = w
		log.add(new PrepareStep("Binarize", 0, 0, (int) Math.round(ow / f), (int) Math.round(oh / f), "method=Auto", ms(
			t0)));
		despeckle(bin, ow, oh, areas, f, log);
		return new Result(ArrayImgs.unsignedBytes(bin, ow, oh), prepared.grey(), log, prepared.skew(), f);
	}

	/**
	 * Removes the specks that impulse clusters leave on the binary page ({@link Despeckle}, sizes from the page's own
	 * strokes and text), inside the noise areas (grown by the blend margin, which also covers a deskew's shift).
	 */
	private static void despeckle(final byte[] bin, final int w, final int h, final List<DefectArea> areas,
		final double f, final List<PrepareStep> log)
	{
		byte[] clean = null;
		final int m = feather(w, h);
		for (final DefectArea a : areas) {
			if (a.type() != DefectType.SALT_PEPPER_NOISE) continue;
			final long t0 = System.nanoTime();
			if (clean == null) {
				clean = bin.clone();
				Despeckle.despeckle(clean, w, h);
			}
			final int[] s = Scale.enclosing(a.x(), a.y(), a.width(), a.height(), f);
			final int x0 = Math.max(0, s[0] - m), y0 = Math.max(0, s[1] - m);
			final int x1 = Math.min(w, s[0] + s[2] + m), y1 = Math.min(h, s[1] + s[3] + m);
			for (int y = y0; y < y1; y++)
				System.arraycopy(clean, y * w + x0, bin, y * w + x0, x1 - x0);
			final int[] l = Scale.enclosing(x0, y0, x1 - x0, y1 - y0, 1 / f); // the log is in the input's coordinates
			log.add(new PrepareStep("Despeckle", l[0], l[1], l[2], l[3], "sizes=from the page's strokes", ms(t0)));
		}
	}

	private static int order(final DefectType t) {
		return switch (t) {
			case SALT_PEPPER_NOISE -> 0;
			case GLARE -> 1;
			case LOW_CONTRAST -> 2;
			case BLUR -> 3;
		};
	}

	/** Applies one area's mitigation to {@code px} in place and says what was done. */
	static PrepareStep mitigate(final byte[] px, final int w, final int h, final DefectArea a) {
		final long t0 = System.nanoTime();
		final int ax = Math.max(0, a.x()), ay = Math.max(0, a.y());
		final int ax1 = Math.min(w, a.x() + a.width()), ay1 = Math.min(h, a.y() + a.height());
		if (ax1 <= ax || ay1 <= ay) throw new IllegalArgumentException("defect area " + a + " lies outside the "
			+ w + "x" + h + " page");
		final boolean whole = (double) (ax1 - ax) * (ay1 - ay) >= WHOLE_PAGE * w * h;
		final int feather = whole ? 0 : feather(w, h);
		final Fix fix = fix(a, w, h);
		final int margin = whole ? 0 : feather + fix.reach;
		final int cx = whole ? 0 : Math.max(0, ax - margin), cy = whole ? 0 : Math.max(0, ay - margin);
		final int cx1 = whole ? w : Math.min(w, ax1 + margin), cy1 = whole ? h : Math.min(h, ay1 + margin);
		final int cw = cx1 - cx, ch = cy1 - cy;
		final byte[] crop = new byte[cw * ch];
		for (int y = 0; y < ch; y++)
			System.arraycopy(px, (cy + y) * w + cx, crop, y * cw, cw);
		final byte[] fixed = fix.op.apply(crop, cw, ch);
		if (whole) System.arraycopy(fixed, 0, px, 0, px.length);
		else blend(px, w, fixed, cx, cy, cw, ch, ax, ay, ax1, ay1, feather);
		return new PrepareStep(fix.step, whole ? 0 : ax, whole ? 0 : ay, whole ? w : ax1 - ax, whole ? h : ay1 - ay,
			fix.parameters + (whole ? "" : ", feather=" + feather), ms(t0));
	}

	/** A mitigation: what it is called, its settings, how far beyond the area it needs pixels, and the operation. */
	private record Fix(String step, String parameters, int reach, CropOp op) {}

	@FunctionalInterface
	private interface CropOp {

		byte[] apply(byte[] crop, int w, int h);
	}

	private static Fix fix(final DefectArea a, final int w, final int h) {
		switch (a.type()) {
			case SALT_PEPPER_NOISE:
			{
				final boolean sparse = a.score() <= SPARSE_NOISE_SCORE;
				return new Fix("Remove noise", "method=switching median" + (sparse ? ", stroke ends kept" : ""), 4, (c,
					cw, ch) -> removeNoise(c, cw, ch, sparse));
			}
			case GLARE:
			case LOW_CONTRAST: {
				final int cell = 2 * Math.max(4, Math.min(w, h) / 80);
				return new Fix(a.type() == DefectType.GLARE ? "Remove glare" : "Restore contrast", "local range cell="
					+ cell, cell, (c, cw, ch) -> {
						final byte[] out = new byte[c.length];
						LocalRange.normalize(c, out, cw, ch, cell);
						return out;
					});
			}
			case BLUR: {
				final double sigma = 1 + 2 * a.score(), amount = 1 + a.score();
				return new Fix("Sharpen", String.format(Locale.ROOT, "unsharp sigma=%.2f, amount=%.2f", sigma, amount),
					Gauss.kernelRadius(sigma), (c, cw, ch) -> unsharp(c, cw, ch, sigma, amount));
			}
			default:
				throw new IllegalArgumentException("no mitigation for " + a.type());
		}
	}

	private static byte[] removeNoise(final byte[] crop, final int w, final int h, final boolean sparse) {
		final byte[] out = new byte[crop.length];
		if (noisePass(crop, out, w, h, sparse) <= SECOND_PASS_DENSITY * crop.length) return out;
		final byte[] again = new byte[crop.length];
		noisePass(out, again, w, h, sparse);
		return again;
	}

	/** One switching-median pass from {@code src} into {@code dst}, stroke ends put back if sparse; pixels changed. */
	private static long noisePass(final byte[] src, final byte[] dst, final int w, final int h, final boolean sparse) {
		final ImpulseNoise.Result r = ImpulseNoise.remove(src, dst, w, h, ImpulseNoise.DEFAULT_TOLERANCE);
		if (sparse) ImpulseNoise.keepStrokeEnds(src, dst, w, h, ImpulseNoise.DEFAULT_TOLERANCE, r);
		return r.pixelsChanged();
	}

	/** {@code p + amount · (p − G_sigma p)}, clamped to 0–255. */
	static byte[] unsharp(final byte[] src, final int w, final int h, final double sigma, final double amount) {
		final byte[] blurred = new byte[src.length];
		Gauss.gauss(sigma, src, blurred, w, h);
		final byte[] out = new byte[src.length];
		for (int i = 0; i < src.length; i++) {
			final int p = src[i] & 0xff;
			final int v = (int) Math.round(p + amount * (p - (blurred[i] & 0xff)));
			out[i] = (byte) Math.max(0, Math.min(255, v));
		}
		return out;
	}

	/**
	 * Writes the crop's result into the page: weight 1 inside the area, falling linearly to 0 over {@code feather}
	 * pixels outside it (Chebyshev distance to the area's box).
	 */
	private static void blend(final byte[] px, final int w, final byte[] fixed, final int cx, final int cy,
		final int cw, final int ch, final int ax, final int ay, final int ax1, final int ay1, final int feather)
	{
		for (int y = 0; y < ch; y++) {
			final int py = cy + y;
			final int dy = py < ay ? ay - py : py >= ay1 ? py - ay1 + 1 : 0;
			for (int x = 0; x < cw; x++) {
				final int pxX = cx + x;
				final int dx = pxX < ax ? ax - pxX : pxX >= ax1 ? pxX - ax1 + 1 : 0;
				final int d = Math.max(dx, dy);
				if (d > feather) continue;
				final int i = py * w + pxX, f = fixed[y * cw + x] & 0xff;
				if (d == 0) px[i] = (byte) f;
				else {
					final double wt = 1 - (double) d / (feather + 1);
					px[i] = (byte) Math.round(wt * f + (1 - wt) * (px[i] & 0xff));
				}
			}
		}
	}

	private static double ms(final long t0) {
		return (System.nanoTime() - t0) / 1e6;
	}
}
