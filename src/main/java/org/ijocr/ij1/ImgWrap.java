package org.ijocr.ij1;

import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Zero-copy views of ImageJ 1 pixel arrays as ImgLib2 array images: the ImgLib2 image and the
 * {@link ImageProcessor} share one pixel array, so the core algorithms read and write ImageJ's pixels directly.
 */
public final class ImgWrap {

	private ImgWrap() {}

	/** An 8-bit processor's pixels as {@link UnsignedByteType}. */
	public static ArrayImg<UnsignedByteType, ByteArray> bytes(final ByteProcessor ip) {
		return ArrayImgs.unsignedBytes((byte[]) ip.getPixels(), ip.getWidth(), ip.getHeight());
	}

	/** A byte array of a {@code w×h} plane as {@link UnsignedByteType}. */
	public static ArrayImg<UnsignedByteType, ByteArray> bytes(final byte[] pixels, final int w, final int h) {
		return ArrayImgs.unsignedBytes(pixels, w, h);
	}

	/** A 16-bit processor's pixels as {@link UnsignedShortType}. */
	public static ArrayImg<UnsignedShortType, ShortArray> shorts(final ShortProcessor ip) {
		return ArrayImgs.unsignedShorts((short[]) ip.getPixels(), ip.getWidth(), ip.getHeight());
	}

	/** A 32-bit processor's pixels as {@link FloatType}. */
	public static ArrayImg<FloatType, FloatArray> floats(final FloatProcessor ip) {
		return ArrayImgs.floats((float[]) ip.getPixels(), ip.getWidth(), ip.getHeight());
	}

	/** An RGB processor's pixels as {@link ARGBType}. */
	public static ArrayImg<ARGBType, IntArray> argbs(final ColorProcessor ip) {
		return ArrayImgs.argbs((int[]) ip.getPixels(), ip.getWidth(), ip.getHeight());
	}

	/**
	 * Any grey (8-, 16- or 32-bit) processor as a real-typed array image sharing its pixels.
	 *
	 * @throws IllegalArgumentException for RGB processors (use {@link #argbs(ColorProcessor)})
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static <T extends RealType<T> & NativeType<T>> ArrayImg<T, ?> real(final ImageProcessor ip) {
		if (ip instanceof ByteProcessor) return (ArrayImg) bytes((ByteProcessor) ip);
		if (ip instanceof ShortProcessor) return (ArrayImg) shorts((ShortProcessor) ip);
		if (ip instanceof FloatProcessor) return (ArrayImg) floats((FloatProcessor) ip);
		throw new IllegalArgumentException("not a grey image: " + ip.getClass().getSimpleName());
	}

	/** The pixel array behind an array image made by this class (or any ImgLib2 array image). */
	public static Object storage(final ArrayImg<?, ?> img) {
		final Object access = img.update(null);
		if (access instanceof ByteArray) return ((ByteArray) access).getCurrentStorageArray();
		if (access instanceof ShortArray) return ((ShortArray) access).getCurrentStorageArray();
		if (access instanceof FloatArray) return ((FloatArray) access).getCurrentStorageArray();
		if (access instanceof IntArray) return ((IntArray) access).getCurrentStorageArray();
		throw new IllegalArgumentException("unsupported storage: " + access.getClass().getSimpleName());
	}
}
