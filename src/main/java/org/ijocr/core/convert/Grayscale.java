package org.ijocr.core.convert;

import org.ijocr.core.Storage;

import org.ijocr.core.Tasks;


import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.Intervals;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * Conversions of colour and high-bit-depth pages to the 8-bit grey that the suite's document filters work on.
 * <ul>
 * <li>Colour: luminance {@code Y = 0.299 R + 0.587 G + 0.114 B} (ITU-R BT.601 luma weights), rounded, or another
 * {@link Channel} (average, one of R/G/B, the maximum) to keep or drop coloured ink.</li>
 * <li>16-bit and float: linear mapping of a value range {@code [min, max]} onto 0–255, clamped and rounded (the
 * ImageJ edge passes the image's display range, as ImageJ's own 8-bit conversion does).</li>
 * </ul>
 */
public final class Grayscale {

	/** BT.601 luma weights. */
	public static final double WEIGHT_R = 0.299, WEIGHT_G = 0.587, WEIGHT_B = 0.114;

	private Grayscale() {}

	/** Luminance of one packed RGB value, 0–255. */
	public static int luminance(final int rgb) {
		final int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
		// integer form of 0.299/0.587/0.114 in 1/65536 units, rounded
		return (19595 * r + 38470 * g + 7471 * b + 32768) >> 16;
	}

	/**
	 * Writes the luminance of {@code src} into {@code dst} (same interval). Fast path when both are array images.
	 */
	public static void luminance(final RandomAccessibleInterval<ARGBType> src,
		final RandomAccessibleInterval<UnsignedByteType> dst)
	{
		convert(Channel.LUMINANCE, src, dst);
	}

	/**
	 * Writes the grey version of colour pixels into {@code dst} (same interval), by the chosen {@link Channel}.
	 * Fast path when both are array images, split into ranges on ImgLib2's current
	 * {@link Parallelization#getTaskExecutor() task executor}.
	 */
	public static void convert(final Channel channel, final RandomAccessibleInterval<ARGBType> src,
		final RandomAccessibleInterval<UnsignedByteType> dst)
	{
		if (channel == null) throw new IllegalArgumentException("channel must not be null; choose one of " + String
			.join(", ", Channel.labels()));
		checkSameSize(src, dst);
		final int[] s = Storage.argb(src);
		final byte[] d = Storage.bytes(dst);
		if (s != null && d != null && s.length == d.length) {
			Tasks.split(s.length, 1 << 18, (from, to) -> convert(channel, s, d, from, to));
			return;
		}
		LoopBuilder.setImages(src, dst).forEachPixel((a, b) -> b.set(channel.grey(a.get())));
	}

	/** One loop per channel, so that each stays free of per-pixel dispatch. */
	private static void convert(final Channel channel, final int[] s, final byte[] d, final int from, final int to) {
		switch (channel) {
			case LUMINANCE:
				for (int i = from; i < to; i++)
					d[i] = (byte) luminance(s[i]);
				break;
			case AVERAGE:
				for (int i = from; i < to; i++) {
					final int v = s[i];
					d[i] = (byte) ((((v >> 16) & 0xff) + ((v >> 8) & 0xff) + (v & 0xff) + 1) / 3);
				}
				break;
			case RED:
				for (int i = from; i < to; i++)
					d[i] = (byte) (s[i] >> 16);
				break;
			case GREEN:
				for (int i = from; i < to; i++)
					d[i] = (byte) (s[i] >> 8);
				break;
			case BLUE:
				for (int i = from; i < to; i++)
					d[i] = (byte) s[i];
				break;
			default:
				for (int i = from; i < to; i++) {
					final int v = s[i];
					d[i] = (byte) Math.max((v >> 16) & 0xff, Math.max((v >> 8) & 0xff, v & 0xff));
				}
		}
	}

	/**
	 * Maps {@code [min, max]} of {@code src} linearly onto 0–255 in {@code dst}, clamping values outside and rounding
	 * to nearest. With {@code max <= min}, values above {@code min} become 255 and the others 0.
	 */
	public static <T extends RealType<T>> void scaleToBytes(final RandomAccessibleInterval<T> src, final double min,
		final double max, final RandomAccessibleInterval<UnsignedByteType> dst)
	{
		checkSameSize(src, dst);
		final double scale = max > min ? 256.0 / (max - min) : Double.POSITIVE_INFINITY;
		LoopBuilder.setImages(src, dst).forEachPixel((a, b) -> {
			final double v = (a.getRealDouble() - min) * scale;
			b.set(v < 0 || Double.isNaN(v) ? 0 : v >= 255 ? 255 : (int) v);
		});
	}

	/** The minimum and maximum value of an image, as {@code double[]{min, max}} (NaNs ignored). */
	public static <T extends RealType<T>> double[] minMax(final RandomAccessibleInterval<T> src) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		final Cursor<T> c = Views.flatIterable(src).cursor();
		while (c.hasNext()) {
			final double v = c.next().getRealDouble();
			if (v < min) min = v;
			if (v > max) max = v;
		}
		return new double[] { min, max };
	}

	private static void checkSameSize(final RandomAccessibleInterval<?> a, final RandomAccessibleInterval<?> b) {
		if (!Intervals.equalDimensions(a, b)) throw new IllegalArgumentException("source and destination differ in size: "
			+ Util.printInterval(a) + " vs " + Util.printInterval(b));
	}


}
