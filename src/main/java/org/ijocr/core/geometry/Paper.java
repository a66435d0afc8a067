package org.ijocr.core.geometry;

import org.ijocr.core.Storage;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.ijocr.core.threshold.GlobalThresholds;
import org.ijocr.core.threshold.Histogram;

/**
 * The paper colour of a page, to fill what a rotation uncovers: the median of the pixels lighter than Otsu's
 * threshold (N. Otsu, IEEE Trans. SMC 9(1), 1979), i.e. the typical background level, robust to noise and to the
 * amount of ink. A page of one level gives that level.
 */
public final class Paper {

	private Paper() {}

	/** The paper level of 8-bit pixels (0..255). */
	public static int level(final byte[] px) {
		return level(Histogram.of(px));
	}

	/** The paper level of a 256-bin histogram: the median bin above Otsu's threshold. */
	static int level(final int[] hist) {
		final int t = GlobalThresholds.otsu(hist);
		long n = 0;
		for (int i = t + 1; i < hist.length; i++)
			n += hist[i];
		if (n == 0) return 255;
		long c = 0;
		for (int i = t + 1; i < hist.length; i++)
			if ((c += hist[i]) * 2 >= n) return i;
		return 255;
	}

	/**
	 * The paper value of any real image: exact levels for an 8-bit {@code ArrayImg}; otherwise from a 256-bin
	 * histogram over the data's [min, max], returned as the centre value of the median bin.
	 */
	public static <T extends RealType<T>> double level(final RandomAccessibleInterval<T> img) {
		final byte[] b = Storage.bytes(img);
		if (b != null) return level(b);
		final float[] v = Rows.floats(img);
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (final float f : v)
			if (!Float.isNaN(f)) {
				min = Math.min(min, f);
				max = Math.max(max, f);
			}
		if (!(max > min)) return min <= max ? min : 0;
		final int[] hist = new int[256];
		final double s = 256 / ((double) max - min);
		for (final float f : v)
			if (!Float.isNaN(f)) hist[(int) Math.min(255, (f - min) * s)]++;
		return min + (level(hist) + 0.5) / s;
	}
}
