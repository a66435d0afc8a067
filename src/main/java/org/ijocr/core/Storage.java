package org.ijocr.core;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * The fast paths' door into ImgLib2 images: the primitive array behind an {@code ArrayImg} when it holds exactly
 * the image's pixels, so an algorithm can loop over {@code byte[]} or {@code int[]} without copies; {@code null}
 * for any other image (a view, a cell image, another type), which then takes the general path.
 */
public final class Storage {

	private Storage() {}

	/**
	 * Most pixels one Java array holds (the JVM's limit, a little under 2<sup>31</sup>): so the most of an
	 * {@code ArrayImg} or of one plane of an ImageJ image.
	 */
	public static final long MAX_PIXELS = Integer.MAX_VALUE - 8;

	/** The {@code byte[]} behind an {@code ArrayImg<UnsignedByteType, ByteArray>} (whole image), else {@code null}. */
	public static byte[] bytes(final RandomAccessibleInterval<?> img) {
		if (img instanceof ArrayImg<?, ?> a && a.firstElement() instanceof UnsignedByteType && a.update(
			null) instanceof ByteArray b && b.getCurrentStorageArray().length == a.size())
			return b.getCurrentStorageArray();
		return null;
	}

	/** The packed ARGB {@code int[]} behind an {@code ArrayImg<ARGBType, IntArray>} (whole image), else {@code null}. */
	public static int[] argb(final RandomAccessibleInterval<?> img) {
		if (img instanceof ArrayImg<?, ?> a && a.firstElement() instanceof ARGBType && a.update(
			null) instanceof IntArray b && b.getCurrentStorageArray().length == a.size())
			return b.getCurrentStorageArray();
		return null;
	}
}
