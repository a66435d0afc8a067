package org.ijocr.core.threshold;

import org.ijocr.core.Storage;

import java.util.List;
import java.util.ArrayList;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * 256-bin grey-level histograms, and the conversion of any real-valued image to 8-bit grey levels that all
 * thresholds of this package work on.
 * <p>
 * Levels: an {@code ArrayImg<UnsignedByteType, ByteArray>} is used as it is (fast path, no copy). Any other image
 * whose values are all integers in 0..255 keeps its values as levels; otherwise the data's range [min, max] is mapped
 * linearly onto 0..255 (level = round(255 · (v − min) / (max − min)); a constant image gives level 0 everywhere),
 * like ImageJ's conversion of 16- and 32-bit images. Pixels are ordered as {@link Views#flatIterable}.
 */
public final class Histogram {

	/** Number of grey levels. */
	public static final int LEVELS = 256;

	private Histogram() {}

	/**
	 * Histogram of 8-bit levels (unsigned bytes). Large arrays are split into chunks on ImgLib2's current task
	 * executor; each chunk counts into eight interleaved sub-histograms (consecutive pixels of equal level, as on
	 * paper, then increment different counters instead of waiting on one), summed at the end.
	 */
	public static int[] of(final byte[] px) {
		final int chunks = Math.max(1, Math.min(Parallelization.getTaskExecutor().suggestNumberOfTasks(), px.length
			>> 20));
		if (chunks == 1) return of(px, 0, px.length);
		final List<int[]> ranges = new ArrayList<>();
		for (int c = 0; c < chunks; c++)
			ranges.add(new int[] { (int) ((long) px.length * c / chunks), (int) ((long) px.length * (c + 1)
				/ chunks) });
		final List<int[]> parts = Parallelization.getTaskExecutor().forEachApply(ranges, r -> of(px, r[0], r[1]));
		final int[] h = new int[LEVELS];
		for (final int[] p : parts)
			for (int k = 0; k < LEVELS; k++)
				h[k] += p[k];
		return h;
	}

	/** Histogram of the levels {@code px[from..to)}, single-threaded. */
	static int[] of(final byte[] px, final int from, final int to) {
		final int[] s = new int[8 * LEVELS];
		int i = from;
		for (; i + 7 < to; i += 8) {
			s[px[i] & 0xff]++;
			s[LEVELS + (px[i + 1] & 0xff)]++;
			s[2 * LEVELS + (px[i + 2] & 0xff)]++;
			s[3 * LEVELS + (px[i + 3] & 0xff)]++;
			s[4 * LEVELS + (px[i + 4] & 0xff)]++;
			s[5 * LEVELS + (px[i + 5] & 0xff)]++;
			s[6 * LEVELS + (px[i + 6] & 0xff)]++;
			s[7 * LEVELS + (px[i + 7] & 0xff)]++;
		}
		for (; i < to; i++)
			s[px[i] & 0xff]++;
		final int[] h = new int[LEVELS];
		for (int k = 0; k < 8; k++)
			for (int v = 0; v < LEVELS; v++)
				h[v] += s[k * LEVELS + v];
		return h;
	}

	/** Histogram of the levels where {@code mask} is {@code true} (same length as {@code px}). */
	public static int[] of(final byte[] px, final boolean[] mask) {
		if (mask.length != px.length) throw new IllegalArgumentException("mask has " + mask.length
			+ " pixels, image " + px.length);
		final int[] h = new int[LEVELS];
		for (int i = 0; i < px.length; i++)
			if (mask[i]) h[px[i] & 0xff]++;
		return h;
	}

	/** Histogram of the 8-bit levels of any real-valued image (see the class comment for the level mapping). */
	public static <T extends RealType<T>> int[] of(final RandomAccessibleInterval<T> src) {
		return of(levels(src));
	}

	/** Histogram of the 8-bit levels of {@code src} inside {@code mask} ({@code true} pixels; same size). */
	public static <T extends RealType<T>> int[] of(final RandomAccessibleInterval<T> src,
		final RandomAccessibleInterval<BitType> mask)
	{
		return of(levels(src), maskArray(src, mask));
	}

	/** The mask as a flat array in the order of {@link Views#flatIterable}. */
	static boolean[] maskArray(final RandomAccessibleInterval<?> src, final RandomAccessibleInterval<BitType> mask) {
		if (!Intervals.equalDimensions(src, mask)) throw new IllegalArgumentException("mask size "
			+ java.util.Arrays.toString(mask.dimensionsAsLongArray()) + " differs from image size "
			+ java.util.Arrays.toString(src.dimensionsAsLongArray()));
		final boolean[] m = new boolean[checkedSize(mask)];
		final Cursor<BitType> c = Views.flatIterable(mask).cursor();
		for (int i = 0; i < m.length; i++)
			m[i] = c.next().get();
		return m;
	}

	/**
	 * The 8-bit grey levels of {@code src} as a flat array in {@link Views#flatIterable} order; the image's own
	 * storage array (not a copy) for an {@code ArrayImg<UnsignedByteType, ByteArray>}.
	 */
	public static <T extends RealType<T>> byte[] levels(final RandomAccessibleInterval<T> src) {
		final byte[] direct = Storage.bytes(src);
		if (direct != null) return direct;
		final int n = checkedSize(src);
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		boolean integral8 = true;
		for (final T t : Views.flatIterable(src)) {
			final double v = t.getRealDouble();
			if (v < min) min = v;
			if (v > max) max = v;
			if (integral8 && (v < 0 || v > 255 || v != Math.rint(v))) integral8 = false;
		}
		final byte[] px = new byte[n];
		final Cursor<T> c = Views.flatIterable(src).cursor();
		if (integral8) {
			for (int i = 0; i < n; i++)
				px[i] = (byte) (int) c.next().getRealDouble();
		}
		else if (max > min) {
			final double s = 255 / (max - min);
			for (int i = 0; i < n; i++)
				px[i] = (byte) (int) Math.round((c.next().getRealDouble() - min) * s);
		}
		return px;
	}


	static int checkedSize(final RandomAccessibleInterval<?> img) {
		final long n = Intervals.numElements(img);
		if (n > Storage.MAX_PIXELS) throw new IllegalArgumentException("image too large: " + n + " pixels");
		return (int) n;
	}
}
