package org.ijocr.core.tone;

import org.ijocr.core.Storage;

import java.util.Arrays;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;

/** Storage access and checks shared by this package's filters. */
final class Pixels {

	private Pixels() {}


	/** The packed ARGB pixels of an RGB array image. */
	static int[] argb(final ArrayImg<ARGBType, IntArray> img) {
		return img.update(null).getCurrentStorageArray();
	}

	/** {@link IllegalArgumentException} unless both images have the same size and are not empty. */
	static void checkSameSize(final RandomAccessibleInterval<?> src, final RandomAccessibleInterval<?> dst) {
		if (!Intervals.equalDimensions(src, dst)) throw new IllegalArgumentException("destination size " + Arrays
			.toString(dst.dimensionsAsLongArray()) + " differs from source size " + Arrays.toString(src
				.dimensionsAsLongArray()));
		if (Intervals.numElements(src) == 0) throw new IllegalArgumentException("empty image");
		if (Intervals.numElements(src) > Storage.MAX_PIXELS) throw new IllegalArgumentException("image too large: "
			+ Intervals.numElements(src) + " pixels");
	}

	/** {@link IllegalArgumentException} unless the image is 2D ({@code what} names the operation). */
	static void check2D(final RandomAccessibleInterval<?> img, final String what) {
		if (img.numDimensions() != 2) throw new IllegalArgumentException(what + " needs a 2D image, got "
			+ img.numDimensions() + "D");
	}

	/**
	 * The value range a normalizing filter writes into an image of this type: the type's own range for integer
	 * types (0..255, 0..65535, ...), 0..1 for floating-point types (as ImageJ's Enhance Contrast normalizes).
	 */
	static double[] outputRange(final RealType<?> t) {
		return t instanceof IntegerType ? new double[] { t.getMinValue(), t.getMaxValue() } : new double[] { 0, 1 };
	}

	/** {@code v} clamped into the range of the type, rounded for integer types. */
	static double fit(final RealType<?> t, final double v) {
		if (!(t instanceof IntegerType)) return v;
		return Math.max(t.getMinValue(), Math.min(t.getMaxValue(), Math.rint(v)));
	}
}
