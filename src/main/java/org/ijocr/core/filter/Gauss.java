package org.ijocr.core.filter;

import org.ijocr.core.Storage;

import org.ijocr.core.Tasks;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Gaussian blur of 2-D planes, separable (a vertical then a horizontal 1-D pass), with mirrored borders.
 * <p>
 * Kernel: the sampled Gaussian {@code exp(−x²/2σ²)} for {@code |x| ≤ radius}, normalised to sum 1; the default
 * radius is {@link #kernelRadius(double) ⌈3σ⌉}, the size OpenCV's {@code GaussianBlur} picks for 8-bit images
 * ({@code ksize = round(6σ + 1) | 1}). Border: mirrored without repeating the edge pixel ({@code …, 2, 1 | 0, 1, 2,
 * …}; ImgLib2's {@code Views.extendMirrorSingle}, OpenCV's default {@code BORDER_REFLECT_101}). Filtering is per
 * 2-D plane (dimensions 0 and 1); higher dimensions are independent planes, as in an ImageJ stack.
 * <p>
 * On {@code ArrayImg<UnsignedByteType, ByteArray>} the passes run in integer fixed point: kernel weights with 14
 * fractional bits (their sum exactly 2<sup>14</sup>), the vertical result kept with 8 fractional bits, the output
 * rounded to the nearest level; it differs from the exact (double) convolution, rounded, by at most one level and
 * only where that is within about 1/100 of a level from a half. Any other {@code RealType} takes a double-precision
 * path with the same kernel; integer types receive the rounded result.
 * <p>
 * Threading: rows are split into chunks run on ImgLib2's current {@code Parallelization} task executor.
 */
public final class Gauss {

	/** Fractional bits of the fixed-point kernel weights. */
	private static final int KERNEL_BITS = 14;

	/** The vertical pass's accumulator is shifted right by this many bits, leaving 8 fractional bits. */
	private static final int MID_SHIFT = 6;

	/** The horizontal pass's accumulator has this many fractional bits. */
	private static final int OUT_SHIFT = 2 * KERNEL_BITS - MID_SHIFT;

	/** Largest supported sigma. */
	public static final double MAX_SIGMA = 1000;

	private Gauss() {}

	/** The default kernel radius for {@code sigma}: ⌈3σ⌉ (0 for σ = 0). */
	public static int kernelRadius(final double sigma) {
		checkSigma(sigma);
		return (int) Math.ceil(3 * sigma);
	}

	/**
	 * Gaussian blur of {@code src} into {@code dst} (same size; they may be the same image only on the generic
	 * path, never on the byte fast path), kernel radius {@link #kernelRadius(double)}.
	 *
	 * @param sigma standard deviation in pixels, 0 (copy) to {@link #MAX_SIGMA}
	 */
	public static <T extends RealType<T>> void gauss(final double sigma, final RandomAccessibleInterval<T> src,
		final RandomAccessibleInterval<T> dst)
	{
		gauss(sigma, kernelRadius(sigma), src, dst);
	}

	/** As {@link #gauss(double, RandomAccessibleInterval, RandomAccessibleInterval)} with an explicit kernel radius. */
	public static <T extends RealType<T>> void gauss(final double sigma, final int radius,
		final RandomAccessibleInterval<T> src, final RandomAccessibleInterval<T> dst)
	{
		checkSigma(sigma);
		Median.checkSameSize(src, dst);
		final int w = (int) src.dimension(0), h = src.numDimensions() > 1 ? (int) src.dimension(1) : 1;
		final byte[] s = Storage.bytes(src), d = Storage.bytes(dst);
		if (s != null && d != null) gauss(sigma, radius, s, d, w, h);
		else gaussGeneric(sigma, radius, src, dst, w, h);
	}

	/** 8-bit fast path: {@code src} and {@code dst} hold whole planes of {@code w × h} levels, row by row. */
	public static void gauss(final double sigma, final byte[] src, final byte[] dst, final int w, final int h) {
		gauss(sigma, kernelRadius(sigma), src, dst, w, h);
	}

	/** 8-bit fast path with an explicit kernel radius (≥ 0). */
	public static void gauss(final double sigma, final int radius, final byte[] src, final byte[] dst, final int w,
		final int h)
	{
		checkSigma(sigma);
		if (radius < 0) throw new IllegalArgumentException("kernel radius must be ≥ 0, got " + radius);
		if (w <= 0 || h <= 0 || src.length % ((long) w * h) != 0 || src.length == 0)
			throw new IllegalArgumentException(src.length + " pixels are not whole " + w + "×" + h + " planes");
		if (dst.length != src.length) throw new IllegalArgumentException("dst has " + dst.length + " pixels, src "
			+ src.length);
		if (src == dst) throw new IllegalArgumentException("dst must not alias src");
		if (sigma == 0 || radius == 0) {
			System.arraycopy(src, 0, dst, 0, src.length);
			return;
		}
		final int[] k = fixedKernel(sigma, radius);
		final int[] my = mirrorTable(h, radius), mx = mirrorTable(w, radius);
		final int kh = 2 * radius + 1;
		Tasks.rows(h, src.length / (w * h), Median.MIN_ROWS_PER_TASK, (plane, y0, y1) -> {
			// ring[(j + kh) % kh] holds source row mirror(j) as ints, for the logical rows j = y − radius … y + radius
			final int[][] ring = new int[kh][w];
			final int[] acc = new int[w], mid = new int[w + 2 * radius], a = new int[w], b = new int[w];
			final int base = plane * w * h;
			for (int j = y0 - radius; j < y0 + radius; j++)
				load(src, base + my[radius + j] * w, ring[Math.floorMod(j, kh)], w);
			for (int y = y0; y < y1; y++) {
				load(src, base + my[2 * radius + y] * w, ring[Math.floorMod(y + radius, kh)], w);
				final int[] c = ring[Math.floorMod(y, kh)];
				final int k0 = k[0];
				for (int x = 0; x < w; x++)
					acc[x] = k0 * c[x];
				for (int j = 1; j <= radius; j++) {
					final int[] up = ring[Math.floorMod(y - j, kh)], down = ring[Math.floorMod(y + j, kh)];
					final int kj = k[j];
					for (int x = 0; x < w; x++)
						acc[x] += kj * (up[x] + down[x]);
				}
				for (int x = 0; x < w; x++)
					acc[x] = (acc[x] + (1 << (MID_SHIFT - 1))) >> MID_SHIFT;
				System.arraycopy(acc, 0, mid, radius, w);
				for (int i = 1; i <= radius; i++) {
					mid[radius - i] = mid[radius + mx[radius - i]];
					mid[radius + w - 1 + i] = mid[radius + mx[radius + w - 1 + i]];
				}
				for (int x = 0; x < w; x++)
					acc[x] = k0 * acc[x];
				for (int j = 1; j <= radius; j++) {
					// shifted copies keep the multiply-add on equal indices, which the JIT vectorizes
					System.arraycopy(mid, radius - j, a, 0, w);
					System.arraycopy(mid, radius + j, b, 0, w);
					final int kj = k[j];
					for (int x = 0; x < w; x++)
						acc[x] += kj * (a[x] + b[x]);
				}
				final int o = base + y * w;
				for (int x = 0; x < w; x++)
					dst[o + x] = (byte) ((acc[x] + (1 << (OUT_SHIFT - 1))) >> OUT_SHIFT);
			}
		});
	}

	/** Row {@code o} of {@code src} as ints into {@code row}. */
	private static void load(final byte[] src, final int o, final int[] row, final int w) {
		for (int x = 0; x < w; x++)
			row[x] = src[o + x] & 0xff;
	}

	/**
	 * The normalised half kernel {@code k[0..radius]} (full kernel {@code k[|j|]}, {@code −radius ≤ j ≤ radius}, sum
	 * 1) of the sampled Gaussian.
	 */
	public static double[] kernel(final double sigma, final int radius) {
		checkSigma(sigma);
		if (radius < 0) throw new IllegalArgumentException("kernel radius must be ≥ 0, got " + radius);
		final double[] k = new double[radius + 1];
		if (sigma == 0) {
			k[0] = 1;
			return k;
		}
		double sum = 0;
		for (int j = 0; j <= radius; j++) {
			k[j] = Math.exp(-0.5 * j * j / (sigma * sigma));
			sum += j == 0 ? k[j] : 2 * k[j];
		}
		for (int j = 0; j <= radius; j++)
			k[j] /= sum;
		return k;
	}

	/** The half kernel in fixed point with {@link #KERNEL_BITS} fractional bits; the full kernel sums exactly to 1. */
	private static int[] fixedKernel(final double sigma, final int radius) {
		final double[] d = kernel(sigma, radius);
		final int[] k = new int[radius + 1];
		int sum = 0;
		for (int j = radius; j >= 1; j--) {
			k[j] = (int) Math.round(d[j] * (1 << KERNEL_BITS));
			sum += 2 * k[j];
		}
		k[0] = (1 << KERNEL_BITS) - sum;
		return k;
	}

	/** {@code t[radius + i]} = the mirrored index of {@code i} for {@code −radius ≤ i < n + radius}. */
	private static int[] mirrorTable(final int n, final int radius) {
		final int[] t = new int[n + 2 * radius];
		for (int i = -radius; i < n + radius; i++)
			t[radius + i] = mirror(i, n);
		return t;
	}

	/** Index {@code i} mirrored into {@code [0, n)} without repeating the edge: −1 → 1, n → n − 2. */
	static int mirror(final int i, final int n) {
		if (n == 1) return 0;
		final int period = 2 * (n - 1);
		final int m = Math.floorMod(i, period);
		return m < n ? m : period - m;
	}

	private static <T extends RealType<T>> void gaussGeneric(final double sigma, final int radius,
		final RandomAccessibleInterval<T> src, final RandomAccessibleInterval<T> dst, final int w, final int h)
	{
		if (radius < 0) throw new IllegalArgumentException("kernel radius must be ≥ 0, got " + radius);
		final long total = src.size();
		if (total > Storage.MAX_PIXELS) throw new IllegalArgumentException("image too large: " + total + " pixels");
		final double[] v = new double[(int) total];
		int i = 0;
		for (final T t : Views.flatIterable(src))
			v[i++] = t.getRealDouble();
		final double[] k = kernel(sigma, radius);
		final int[] my = mirrorTable(h, radius), mx = mirrorTable(w, radius);
		final double[] out = new double[v.length];
		Tasks.rows(h, v.length / (w * h), Median.MIN_ROWS_PER_TASK, (plane, y0, y1) -> {
			final double[] row = new double[w];
			final int base = plane * w * h;
			for (int y = y0; y < y1; y++) {
				for (int x = 0; x < w; x++) {
					double s = k[0] * v[base + y * w + x];
					for (int j = 1; j <= radius; j++)
						s += k[j] * (v[base + my[radius + y - j] * w + x] + v[base + my[radius + y + j] * w + x]);
					row[x] = s;
				}
				for (int x = 0; x < w; x++) {
					double s = k[0] * row[x];
					for (int j = 1; j <= radius; j++)
						s += k[j] * (row[mx[radius + x - j]] + row[mx[radius + x + j]]);
					out[base + y * w + x] = s;
				}
			}
		});
		final Cursor<T> c = Views.flatIterable(dst).cursor();
		for (int j = 0; j < out.length; j++)
			c.next().setReal(out[j]);
	}

	private static void checkSigma(final double sigma) {
		if (!(sigma >= 0 && sigma <= MAX_SIGMA)) throw new IllegalArgumentException("sigma must be 0 to " + MAX_SIGMA
			+ ", got " + sigma);
	}
}
