package org.ijocr.core.defect;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.ijocr.core.Storage;
import org.ijocr.core.convert.Grayscale;

/**
 * A 2-D grey page as row-major 8-bit pixels for the detectors: the array behind an {@code ArrayImg} of bytes
 * itself (no copy), else a copy (8-bit values as they are; any other type scaled from its minimum..maximum to
 * 0..255, by {@link Grayscale#scaleToBytes}).
 *
 * @param pixels row-major pixels, {@code width * height}
 * @param width width
 * @param height height
 */
public record Page(byte[] pixels, int width, int height) {

	/** Checks the size. */
	public Page {
		if (width < 1 || height < 1 || pixels.length < (long) width * height)
			throw new IllegalArgumentException("a page needs width*height pixels, got " + pixels.length + " for " + width
				+ "x" + height);
	}

	/** The page's pixels (see the class description); coordinates are relative to the interval's minimum. */
	@SuppressWarnings("unchecked")
	public static <T extends RealType<T>> Page of(final RandomAccessibleInterval<T> img) {
		if (img.numDimensions() != 2) throw new IllegalArgumentException("defect detection works on 2-D images, not "
			+ img.numDimensions() + "-D");
		final long w = img.dimension(0), h = img.dimension(1);
		if (w * h > Storage.MAX_PIXELS) throw new IllegalArgumentException("image too large: " + w + "x" + h);
		final byte[] b = Storage.bytes(img);
		if (b != null) return new Page(b, (int) w, (int) h);
		final byte[] p = new byte[(int) (w * h)];
		if (img.getType() instanceof UnsignedByteType) {
			final Cursor<UnsignedByteType> c = Views.flatIterable((RandomAccessibleInterval<UnsignedByteType>) img)
				.cursor();
			for (int i = 0; i < p.length; i++)
				p[i] = c.next().getByte();
		}
		else {
			final double[] mm = Grayscale.minMax(img);
			Grayscale.scaleToBytes(img, mm[0], mm[1], ArrayImgs.unsignedBytes(p, w, h));
		}
		return new Page(p, (int) w, (int) h);
	}
}
