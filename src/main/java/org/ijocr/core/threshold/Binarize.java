package org.ijocr.core.threshold;

import org.ijocr.core.ByteLanes;
import org.ijocr.core.Storage;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * Binarization of a grey page into ink 0 / paper 255, static facade in the style of ImgLib2's {@code Gauss3}.
 * <p>
 * Convention everywhere: with a global threshold {@code t} (in 8-bit grey levels, see {@link Histogram} for how
 * non-8-bit data is mapped to levels), a pixel of level {@code ≤ t} is ink (0) and a lighter one paper (255); the
 * local methods ({@link LocalThresholds}) compare each pixel with its own threshold the same way. The default method
 * {@link BinarizeMethod#AUTO} is local ({@link DocumentBinarizer}) and needs a 2D image; the local thresholds of
 * {@link LocalThresholds} treat each 2D plane (dimensions 0 and 1) on its own; the global methods work on images of
 * any dimensionality. A fast path handles {@code ArrayImg<UnsignedByteType, ByteArray>} source and destination
 * without copies.
 */
public final class Binarize {

	private Binarize() {}

	/**
	 * Binarizes {@code src} into {@code dst} (same size): ink 0, paper 255.
	 *
	 * @return the global threshold used (ink ≤ threshold, in 8-bit levels), or {@code NaN} for {@link
	 *         BinarizeMethod#AUTO} and the local methods, which threshold each pixel on its own
	 */
	public static <T extends RealType<T>> double binarize(final BinarizeParams p, final RandomAccessibleInterval<T> src,
		final RandomAccessibleInterval<UnsignedByteType> dst)
	{
		return binarize(p, src, null, dst);
	}

	/**
	 * As {@link #binarize(BinarizeParams, RandomAccessibleInterval, RandomAccessibleInterval)}, but a global
	 * method's threshold is computed from the histogram of the pixels inside {@code mask} only (e.g. an ImageJ
	 * selection); the threshold is then applied to the whole image. {@code mask} may be {@code null} (whole image).
	 * {@link BinarizeMethod#AUTO}, the local methods and manual thresholds do not use the mask.
	 */
	public static <T extends RealType<T>> double binarize(final BinarizeParams p, final RandomAccessibleInterval<T> src,
		final RandomAccessibleInterval<BitType> mask, final RandomAccessibleInterval<UnsignedByteType> dst)
	{
		if (p == null) throw new IllegalArgumentException("params must not be null");
		if (!Intervals.equalDimensions(src, dst)) throw new IllegalArgumentException("destination size "
			+ java.util.Arrays.toString(dst.dimensionsAsLongArray()) + " differs from source size "
			+ java.util.Arrays.toString(src.dimensionsAsLongArray()));
		final byte[] g = Histogram.levels(src);
		final byte[] direct = Storage.bytes(dst);
		final byte[] out = direct != null ? direct : new byte[g.length];
		final double result;
		if (!p.isManual() && p.method().isLocal()) {
			final int w = (int) src.dimension(0), h = src.numDimensions() > 1 ? (int) src.dimension(1) : 1;
			// in place (same storage): the window of a pixel reaches pixels already written, so use a buffer
			final byte[] target = out == g ? new byte[g.length] : out;
			LocalThresholds.binarize(p, g, w, h, target);
			if (target != out) System.arraycopy(target, 0, out, 0, out.length);
			result = Double.NaN;
		}
		else if (!p.isManual() && p.method() == BinarizeMethod.AUTO) {
			if (src.numDimensions() != 2) throw new IllegalArgumentException("Auto binarization needs a 2D image, got "
				+ src.numDimensions() + "D");
			// in place (same storage): the local method reads neighbours it has already written, so use a buffer
			final byte[] target = out == g ? new byte[g.length] : out;
			DocumentBinarizer.binarize(g, (int) src.dimension(0), (int) src.dimension(1), target);
			if (target != out) System.arraycopy(target, 0, out, 0, out.length);
			result = Double.NaN;
		}
		else {
			final int t;
			if (p.isManual()) t = p.threshold();
			else {
				final int[] hist = mask == null ? Histogram.of(g) : Histogram.of(g, Histogram.maskArray(src, mask));
				t = p.method().threshold(hist);
			}
			apply(g, t, out);
			result = t;
		}
		if (direct == null) {
			final Cursor<UnsignedByteType> c = Views.flatIterable(dst).cursor();
			for (int i = 0; i < out.length; i++)
				c.next().set(out[i] & 0xff);
		}
		return result;
	}

	/**
	 * Levels ≤ t become 0 (ink), the others 255 (paper); {@code t} may be −1 (all paper) up to 255 (all ink). Eight
	 * pixels at a time: an unsigned per-byte comparison in a {@code long} (SWAR), in chunks on ImgLib2's current task
	 * executor.
	 */
	public static void apply(final byte[] levels, final int t, final byte[] out) {
		if (out.length != levels.length) throw new IllegalArgumentException("output has " + out.length
			+ " pixels, input " + levels.length);
		if (t < -1 || t > 255) throw new IllegalArgumentException("threshold must be -1 to 255, got " + t);
		final int n = levels.length;
		final net.imglib2.parallel.TaskExecutor ex = net.imglib2.parallel.Parallelization.getTaskExecutor();
		final int parts = Math.max(1, Math.min(ex.suggestNumberOfTasks(), n >> 20));
		if (parts == 1) {
			apply(levels, t, out, 0, n);
			return;
		}
		final java.util.List<int[]> ranges = new java.util.ArrayList<>();
		for (int k = 0; k < parts; k++)
			ranges.add(new int[] { (int) ((long) n * k / parts) & ~7, k == parts - 1 ? n : (int) ((long) n * (k + 1)
				/ parts) & ~7 });
		ex.forEach(ranges, r -> apply(levels, t, out, r[0], r[1]));
	}

	/** {@link #apply(byte[], int, byte[])} on {@code [from, to)}. */
	private static void apply(final byte[] levels, final int t, final byte[] out, final int from, final int to) {
		if (t == 255) {
			java.util.Arrays.fill(out, from, to, (byte) 0);
			return;
		}
		// paper where level ≥ t + 1, i.e. not below it, eight pixels at once
		final long y = (t + 1) * ByteLanes.ONES;
		int i = from;
		for (; i + 7 < to; i += 8) {
			final long ge = ByteLanes.below(ByteLanes.get(levels, i), y) ^ ByteLanes.HIGH;
			ByteLanes.set(out, i, (ge >>> 7) * 0xFF);
		}
		for (; i < to; i++)
			out[i] = (levels[i] & 0xff) <= t ? 0 : (byte) 255;
	}
}
