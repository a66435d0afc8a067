package org.ijocr.core.geometry;



import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;
import org.ijocr.core.Storage;

/** Package helpers: output rows split into chunks on ImgLib2's task executor, and plane access. */
final class Rows {

	private Rows() {}

	/** Minimum rows per task. */
	static final int MIN_ROWS_PER_TASK = 32;




	/** Width, height and number of planes (product of dimensions past the second) of a 2-D or higher image. */
	static int[] shape(final RandomAccessibleInterval<?> img) {
		if (img.numDimensions() < 2) throw new IllegalArgumentException("need a 2-D image, got " + img
			.numDimensions() + "-D");
		final long n = Intervals.numElements(img);
		if (n == 0 || n > Storage.MAX_PIXELS) throw new IllegalArgumentException("image size " + n
			+ " is empty or too large for one array");
		final int w = (int) img.dimension(0), h = (int) img.dimension(1);
		return new int[] { w, h, (int) (n / ((long) w * h)) };
	}

	/** Checks that {@code dst} has as many planes as {@code src} (dimensions past the second equal). */
	static void checkPlanes(final RandomAccessibleInterval<?> src, final RandomAccessibleInterval<?> dst) {
		if (src.numDimensions() != dst.numDimensions()) throw new IllegalArgumentException("source is " + src
			.numDimensions() + "-D, destination " + dst.numDimensions() + "-D");
		for (int d = 2; d < src.numDimensions(); d++)
			if (src.dimension(d) != dst.dimension(d)) throw new IllegalArgumentException("dimension " + d
				+ " differs: " + src.dimension(d) + " vs " + dst.dimension(d));
	}

	/** All values of {@code img} in flat-iteration order (planes one after another) as floats. */
	static <T extends RealType<T>> float[] floats(final RandomAccessibleInterval<T> img) {
		final float[] a = new float[(int) Intervals.numElements(img)];
		int i = 0;
		for (final T t : Views.flatIterable(img))
			a[i++] = t.getRealFloat();
		return a;
	}

	/**
	 * Writes {@code values} (flat-iteration order) into {@code img}; for integer types rounded and clamped to the
	 * type's range.
	 */
	static <T extends RealType<T>> void write(final float[] values, final RandomAccessibleInterval<T> img) {
		final T type = img.getType();
		final boolean integer = type instanceof net.imglib2.type.numeric.IntegerType;
		final double lo = type.getMinValue(), hi = type.getMaxValue();
		int i = 0;
		for (final T t : Views.flatIterable(img)) {
			final double v = values[i++];
			t.setReal(integer ? Math.max(lo, Math.min(hi, Math.rint(v))) : v);
		}
	}
}
