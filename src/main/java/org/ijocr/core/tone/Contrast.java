package org.ijocr.core.tone;

import org.ijocr.core.Storage;

import org.ijocr.core.Tasks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.ijocr.core.convert.Grayscale;
import org.ijocr.core.threshold.Histogram;

/**
 * Contrast correction of grey pages, static facade in the style of ImgLib2's {@code Gauss3}:
 * <ul>
 * <li>{@link #stretch Stretch}: a global linear stretch. The darkest and the lightest {@code saturated}/2 % of the
 * pixels saturate, the levels between are spread over the full range. This is ImageJ 1's Process&gt;Enhance Contrast
 * with "normalize" ({@code ij.plugin.ContrastEnhancer.stretchHistogram}, default saturation
 * {@value #DEFAULT_SATURATED} %): on 8-bit images the result is pixel-identical to ImageJ's.</li>
 * <li>{@link #clahe CLAHE}: contrast-limited adaptive histogram equalization after K. Zuiderveld, "Contrast limited
 * adaptive histogram equalization", Graphics Gems IV, Academic Press 1994, pp. 474&ndash;485. The image is cut into
 * contextual regions (tiles) of about {@code blocksize} pixels; each tile's histogram is clipped at
 * {@code clipLimit} times its mean bin height, the excess redistributed over all bins until no bin exceeds the limit
 * (the fixed point of Zuiderveld's redistribution), and its cumulative histogram becomes the tile's grey-level
 * mapping; every pixel is mapped by the bilinear interpolation of the mappings of the four nearest tile centres
 * (two at the borders, one in the corners), as in Zuiderveld's paper (per row, the two tile rows' mappings are
 * blended first). The clip limit bounds the slope of the mapping: 1 leaves the image unchanged, large values
 * approach plain adaptive histogram equalization (which may turn a gentle ramp back between tile centres by a few
 * levels, as OpenCV's does; up to clip 2 the order is kept within one level). Defaults are those of Fiji's
 * Process&gt;Enhance Local Contrast (CLAHE) by S. Saalfeld (blocksize {@value #DEFAULT_BLOCKSIZE},
 * {@value #DEFAULT_BINS} bins, maximum slope {@value #DEFAULT_CLIP_LIMIT}); this implementation is the tiled
 * ("fast") variant, like OpenCV's {@code CLAHE}, whose {@code clipLimit} has the same meaning.</li>
 * </ul>
 * Both keep the image type: integer types are normalized to their full range, floating-point images to 0..1 (as
 * ImageJ does). 8-bit {@code ArrayImg}s take a fast path on the {@code byte[]} (histograms, look-up tables and the
 * interpolation split over ImgLib2's {@link net.imglib2.parallel.Parallelization} executor). Other types: Stretch
 * uses exact percentiles of the values; CLAHE maps the data range [min, max] onto 256 levels and writes its result
 * over the type's range in 256 steps. {@link #apply(ContrastParams, ArrayImg, ArrayImg)} handles RGB pages by
 * their luminance. {@code src} and {@code dst} may be the same image.
 */
public final class Contrast {

	/** ImageJ's default saturation of Process&gt;Enhance Contrast, in percent (half at each end). */
	public static final double DEFAULT_SATURATED = 0.35;

	/** Fiji's default CLAHE block size (pixels). */
	public static final int DEFAULT_BLOCKSIZE = 127;

	/** Fiji's default CLAHE histogram bins. */
	public static final int DEFAULT_BINS = 256;

	/** Fiji's default CLAHE maximum slope (clip limit). */
	public static final double DEFAULT_CLIP_LIMIT = 3;

	private static final int LEVELS = 256;

	private Contrast() {}

	/** Applies the method of {@code p} to a grey image (any {@link RealType}); CLAHE needs a 2D image. */
	public static <T extends RealType<T>> void apply(final ContrastParams p, final RandomAccessibleInterval<T> src,
		final RandomAccessibleInterval<T> dst)
	{
		if (p.method() == ContrastMethod.CLAHE) clahe(p.blocksize(), p.bins(), p.clipLimit(), src, dst);
		else stretch(p.saturated(), src, dst);
	}

	// ---------------------------------------------------------------- stretch

	/**
	 * Global linear stretch: the levels {@code lo} and {@code hi} below and above which {@code saturated}/2 % of the
	 * pixels lie each become the ends of the type's range (8-bit 0 and 255), with a linear (truncated) map between;
	 * an image with {@code hi <= lo} is copied unchanged. On 8-bit images identical to ImageJ's Enhance Contrast with
	 * normalize; on other types the percentiles are exact (ImageJ uses a 256-bin histogram there).
	 *
	 * @param saturated percentage of saturated pixels, [0, 100) (ImageJ's default {@value #DEFAULT_SATURATED})
	 * @return {@code {lo, hi}} in the image's units
	 */
	public static <T extends RealType<T>> double[] stretch(final double saturated,
		final RandomAccessibleInterval<T> src, final RandomAccessibleInterval<T> dst)
	{
		if (!(saturated >= 0 && saturated < 100)) throw new IllegalArgumentException(
			"saturated must be a percentage in [0, 100), got " + saturated);
		Pixels.checkSameSize(src, dst);
		final byte[] s = Storage.bytes(src), d = Storage.bytes(dst);
		if (s != null && d != null) {
			final int[] lim = stretchLimits(Histogram.of(src), saturated);
			applyLut(s, d, stretchLut(lim[0], lim[1]));
			return new double[] { lim[0], lim[1] };
		}
		return stretchGeneric(saturated, src, dst);
	}

	/**
	 * ImageJ's saturation rule on a histogram: with {@code t = (int)(pixels · saturated / 200)}, {@code lo} is the
	 * first level at which the count from the dark end exceeds {@code t}, {@code hi} the same from the light end.
	 *
	 * @return {@code {lo, hi}}
	 */
	public static int[] stretchLimits(final int[] hist, final double saturated) {
		long total = 0;
		for (final int c : hist)
			total += c;
		final long t = (long) (total * saturated / 200);
		int lo = 0;
		for (long count = hist[0]; count <= t && lo < hist.length - 1;)
			count += hist[++lo];
		int hi = hist.length - 1;
		for (long count = hist[hi]; count <= t && hi > 0;)
			count += hist[--hi];
		return new int[] { lo, hi };
	}

	/**
	 * The 8-bit stretch table: levels {@code <= lo} become 0, {@code >= hi} 255, those between
	 * {@code (int)(255 (v - lo) / (hi - lo))}; the identity when {@code hi <= lo}.
	 */
	public static byte[] stretchLut(final int lo, final int hi) {
		final byte[] lut = new byte[LEVELS];
		for (int v = 0; v < LEVELS; v++)
			lut[v] = (byte) (hi <= lo ? v : v <= lo ? 0 : v >= hi ? 255 : (int) ((double) (v - lo) / (hi - lo) * 255));
		return lut;
	}

	/**
	 * {@code dst[i] = lut[src[i]]} on all cores. Large arrays go eight bytes at a time through a table of byte
	 * pairs (65536 entries, made once per call): half the look-ups.
	 */
	static void applyLut(final byte[] src, final byte[] dst, final byte[] lut) {
		final short[] pairs = src.length < 1 << 18 ? null : new short[1 << 16];
		if (pairs != null) for (int v = 0; v < pairs.length; v++)
			pairs[v] = (short) (lut[v & 0xff] & 0xff | (lut[v >>> 8] & 0xff) << 8);
		Tasks.split(src.length, 1 << 18, (a, b) -> {
			int i = a;
			if (pairs != null) for (; i + 8 <= b; i += 8) {
				final long v = (long) LONG.get(src, i);
				LONG.set(dst, i, pairs[(int) v & 0xffff] & 0xffffL | (pairs[(int) (v >>> 16) & 0xffff] & 0xffffL) << 16
					| (pairs[(int) (v >>> 32) & 0xffff] & 0xffffL) << 32 | (pairs[(int) (v >>> 48)] & 0xffffL) << 48);
			}
			for (; i < b; i++)
				dst[i] = lut[src[i] & 0xff];
		});
	}

	/** Eight pixels of a {@code byte[]} as one {@code long} (little-endian: pixel {@code i} in the low byte). */
	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static <T extends RealType<T>> double[] stretchGeneric(final double saturated,
		final RandomAccessibleInterval<T> src, final RandomAccessibleInterval<T> dst)
	{
		final double[] v = new double[(int) src.size()];
		int n = 0;
		for (final T t : Views.flatIterable(src)) {
			final double x = t.getRealDouble();
			if (!Double.isNaN(x)) v[n++] = x;
		}
		if (n == 0) throw new IllegalArgumentException("the image has no numeric values");
		Arrays.sort(v, 0, n);
		final int t = (int) Math.min(n - 1L, (long) (n * saturated / 200));
		final double lo = v[t], hi = v[n - 1 - t];
		final T type = dst.getType();
		final double[] out = Pixels.outputRange(type);
		final boolean integer = type instanceof IntegerType;
		final Cursor<T> in = Views.flatIterable(src).cursor(), o = Views.flatIterable(dst).cursor();
		while (in.hasNext()) {
			final double x = in.next().getRealDouble();
			final double y;
			if (hi <= lo || Double.isNaN(x)) y = x;
			else if (x <= lo) y = out[0];
			else if (x >= hi) y = out[1];
			else {
				final double f = (x - lo) / (hi - lo) * (out[1] - out[0]);
				y = out[0] + (integer ? Math.floor(f) : f);
			}
			o.next().setReal(y);
		}
		return new double[] { lo, hi };
	}

	// ---------------------------------------------------------------- CLAHE

	/**
	 * CLAHE (see the class description) of a 2D grey image of any {@link RealType}.
	 *
	 * @param blocksize tile side in pixels, &ge; 2 (Fiji's default {@value #DEFAULT_BLOCKSIZE}); the image is cut
	 *          into {@code max(1, round(width / blocksize))} &times; {@code max(1, round(height / blocksize))} tiles
	 * @param bins histogram bins 2..256 (Fiji's default {@value #DEFAULT_BINS}); fewer bins give fewer output levels
	 * @param clipLimit maximum slope of the mapping in [1, 1000] (Fiji's default {@value #DEFAULT_CLIP_LIMIT})
	 */
	public static <T extends RealType<T>> void clahe(final int blocksize, final int bins, final double clipLimit,
		final RandomAccessibleInterval<T> src, final RandomAccessibleInterval<T> dst)
	{
		Pixels.checkSameSize(src, dst);
		Pixels.check2D(src, "CLAHE");
		final int w = (int) src.dimension(0), h = (int) src.dimension(1);
		final byte[] s = Storage.bytes(src), d = Storage.bytes(dst);
		if (s != null && d != null) {
			clahe(blocksize, bins, clipLimit, s, d, w, h);
			return;
		}
		// other types: the data range onto 256 levels, CLAHE, the 256 result levels onto the type's range
		final double[] mm = Grayscale.minMax(src);
		final byte[] levels = new byte[w * h];
		Grayscale.scaleToBytes(src, mm[0], mm[1], ArrayImgs.unsignedBytes(levels, w, h));
		clahe(blocksize, bins, clipLimit, levels, levels, w, h);
		final T type = dst.getType();
		final double[] out = Pixels.outputRange(type);
		final Cursor<T> o = Views.flatIterable(dst).cursor();
		for (final byte b : levels)
			o.next().setReal(Pixels.fit(type, out[0] + (b & 0xff) / 255.0 * (out[1] - out[0])));
	}

	/**
	 * CLAHE on a raw 8-bit {@code width×height} plane (row-major, unsigned); {@code dst} may be {@code src}.
	 * Parameters as {@link #clahe(int, int, double, RandomAccessibleInterval, RandomAccessibleInterval)}.
	 */
	public static void clahe(final int blocksize, final int bins, final double clipLimit, final byte[] src,
		final byte[] dst, final int width, final int height)
	{
		new ContrastParams(ContrastMethod.CLAHE, 0, blocksize, bins, clipLimit); // validates
		if (width <= 0 || height <= 0 || src.length != (long) width * height || dst.length != src.length)
			throw new IllegalArgumentException("arrays must hold width*height pixels");
		final int nx = Math.max(1, (int) Math.round(width / (double) blocksize));
		final int ny = Math.max(1, (int) Math.round(height / (double) blocksize));
		final int[] xs = bounds(width, nx), ys = bounds(height, ny);
		final float[] maps = tileMaps(src, width, xs, ys, bins, clipLimit);
		final int[] xi = new int[width], yi = new int[height];
		final float[] xf = new float[width], yf = new float[height];
		weights(xs, xi, xf);
		weights(ys, yi, yf);
		final int sx = nx > 1 ? LEVELS : 0, sy = ny > 1 ? nx * LEVELS : 0;
		Tasks.split(height, 16, (y0, y1) -> {
			final float[] rowMaps = new float[nx * LEVELS];
			for (int y = y0; y < y1; y++) {
				// the mappings of this row's two tile rows blended once per row, then one blend per pixel
				final int top = yi[y] * nx, bot = top + sy;
				final float fy = yf[y];
				for (int k = 0; k < rowMaps.length; k++)
					rowMaps[k] = maps[top + k] + (maps[bot + k] - maps[top + k]) * fy;
				interpolateRow(src, dst, y * width, width, rowMaps, xi, xf, sx);
			}
		});
	}

	/** One output row: linear interpolation between the row's mappings of the two tiles around each pixel. */
	private static void interpolateRow(final byte[] src, final byte[] dst, final int row, final int w,
		final float[] rowMaps, final int[] xi, final float[] xf, final int sx)
	{
		for (int x = 0; x < w; x++) {
			final int k = xi[x] + (src[row + x] & 0xff);
			final float l = rowMaps[k];
			dst[row + x] = (byte) (int) (l + (rowMaps[k + sx] - l) * xf[x] + 0.5f);
		}
	}

	/** Tile boundaries: tile {@code i} spans {@code [b[i], b[i+1])}, {@code b[i] = floor(size · i / n)}. */
	private static int[] bounds(final int size, final int n) {
		final int[] b = new int[n + 1];
		for (int i = 0; i <= n; i++)
			b[i] = (int) ((long) size * i / n);
		return b;
	}

	/**
	 * Interpolation weights along one axis: pixel {@code x} (centre {@code x + 0.5}) lies between the centres of
	 * tiles {@code i} and {@code i + 1} at fraction {@code f}; {@code idx[x] = i · 256}. Before the first and after
	 * the last centre the nearest tile alone counts (f = 0 or 1).
	 */
	private static void weights(final int[] b, final int[] idx, final float[] f) {
		final int n = b.length - 1;
		int i = 0;
		for (int x = 0; x < idx.length; x++) {
			if (n == 1) {
				idx[x] = 0;
				f[x] = 0;
				continue;
			}
			final double p = x + 0.5;
			while (i < n - 2 && p >= 0.5 * (b[i + 1] + b[i + 2]))
				i++;
			final double c0 = 0.5 * (b[i] + b[i + 1]), c1 = 0.5 * (b[i + 1] + b[i + 2]);
			idx[x] = i * LEVELS;
			f[x] = (float) Math.max(0, Math.min(1, (p - c0) / (c1 - c0)));
		}
	}

	/** The mapping of every tile for every level, {@code maps[(ty · nx + tx) · 256 + level]}, 0..255. */
	private static float[] tileMaps(final byte[] src, final int w, final int[] xs, final int[] ys, final int bins,
		final double clip)
	{
		final int nx = xs.length - 1, ny = ys.length - 1;
		final float[] maps = new float[nx * ny * LEVELS];
		Tasks.split(ny, 1, (a, b) -> {
			// four interleaved level histograms per tile: runs of one level (clean paper) do not wait on each other
			final int[] hist = new int[nx * 4 * LEVELS];
			final int[] binned = new int[bins];
			final double[] work = new double[bins + 1];
			final float[] m = new float[bins];
			for (int ty = a; ty < b; ty++) {
				Arrays.fill(hist, 0);
				for (int y = ys[ty]; y < ys[ty + 1]; y++)
					tileRowHistograms(src, y * w, xs, hist);
				for (int tx = 0; tx < nx; tx++) {
					Arrays.fill(binned, 0);
					final int h0 = tx * 4 * LEVELS;
					for (int v = 0; v < LEVELS; v++)
						binned[v * bins / LEVELS] += hist[h0 + v] + hist[h0 + LEVELS + v] + hist[h0 + 2 * LEVELS + v]
							+ hist[h0 + 3 * LEVELS + v];
					final int n = (xs[tx + 1] - xs[tx]) * (ys[ty + 1] - ys[ty]);
					tileMap(binned, 0, n, bins, clip, work, m);
					final int base = (ty * nx + tx) * LEVELS;
					for (int v = 0; v < LEVELS; v++)
						maps[base + v] = m[v * bins / LEVELS];
				}
			}
		});
		return maps;
	}

	/** Adds one image row to the four interleaved histograms of the tiles it crosses. */
	private static void tileRowHistograms(final byte[] src, final int row, final int[] xs, final int[] hist) {
		for (int tx = 0; tx < xs.length - 1; tx++) {
			final int h0 = tx * 4 * LEVELS, h1 = h0 + LEVELS, h2 = h1 + LEVELS, h3 = h2 + LEVELS;
			final int end = row + xs[tx + 1];
			int i = row + xs[tx];
			for (; i + 3 < end; i += 4) {
				hist[h0 + (src[i] & 0xff)]++;
				hist[h1 + (src[i + 1] & 0xff)]++;
				hist[h2 + (src[i + 2] & 0xff)]++;
				hist[h3 + (src[i + 3] & 0xff)]++;
			}
			for (; i < end; i++)
				hist[h0 + (src[i] & 0xff)]++;
		}
	}

	/**
	 * One tile's mapping from its histogram {@code hist[off .. off + bins)} of {@code n} pixels: the histogram is
	 * clipped at {@code limit = clip · n / bins} with the excess spread evenly over the bins until none exceeds the
	 * limit (clipped height {@code min(limit, h + d)} with the one {@code d} that keeps the total at {@code n}), and
	 * bin {@code b} maps to {@code 255 (C(b) - C(0)) / (n - C(0))} with {@code C} the cumulative clipped histogram, so
	 * that the lowest bin maps to 0, the highest to 255, and clip 1 (a flat histogram) gives the identity.
	 *
	 * @param work scratch, at least {@code bins + 1} long
	 * @param map output, {@code bins} values in 0..255
	 */
	static void tileMap(final int[] hist, final int off, final int n, final int bins, final double clip,
		final double[] work, final float[] map)
	{
		final double limit = clip * n / bins;
		final double d = redistribution(hist, off, bins, n, limit, work);
		final double c0 = Math.min(limit, hist[off] + d);
		final double span = n - c0;
		double c = 0;
		for (int b = 0; b < bins; b++) {
			c += Math.min(limit, hist[off + b] + d);
			map[b] = span <= 0 ? 0 : (float) Math.min(255, 255 * Math.max(0, c - c0) / span);
		}
	}

	/**
	 * The even share {@code d} each bin receives after clipping: the solution of
	 * {@code Σ min(limit, h_b + d) = n} (0 when no bin exceeds the limit). With the heights sorted ascending, the
	 * {@code k} lowest bins stay below the limit and {@code d = (n - (bins - k) limit - Σ_{b<k} h_b) / k} for the
	 * {@code k} with {@code h_{k-1} + d <= limit <= h_k + d} (that {@code d} solves the equation, which has one
	 * solution).
	 */
	private static double redistribution(final int[] hist, final int off, final int bins, final int n,
		final double limit, final double[] work)
	{
		boolean over = false;
		for (int b = 0; b < bins && !over; b++)
			over = hist[off + b] > limit;
		if (!over) return 0;
		for (int b = 0; b < bins; b++)
			work[b] = hist[off + b];
		Arrays.sort(work, 0, bins);
		double below = 0; // Σ of the k lowest heights
		for (int b = 0; b < bins - 1; b++)
			below += work[b];
		for (int k = bins - 1; k >= 1; k--) { // the highest bin exceeds the limit: k < bins
			final double d = (n - (bins - k) * limit - below) / k;
			if (work[k - 1] + d <= limit && work[k] + d >= limit) return Math.max(0, d);
			below -= work[k - 1];
		}
		return limit; // every bin ends at the limit (clip 1): any d >= limit gives min(limit, h + d) = limit
	}

	// ---------------------------------------------------------------- RGB

	/**
	 * Contrast correction of an RGB page by its luminance (BT.601): Stretch takes its limits from the luminance
	 * histogram and applies the same table to R, G and B (ImageJ's Enhance Contrast on RGB with "weighted RGB
	 * conversions" gives the same pixels; unweighted, ImageJ takes (R+G+B)/3); CLAHE equalizes the luminance and
	 * shifts R, G and B by the change of their pixel's luminance, which keeps the chroma (YCbCr) as it is. Alpha is
	 * kept. {@code dst} may be {@code src}.
	 */
	public static void apply(final ContrastParams p, final ArrayImg<ARGBType, IntArray> src,
		final ArrayImg<ARGBType, IntArray> dst)
	{
		Pixels.checkSameSize(src, dst);
		final int[] s = Pixels.argb(src), d = Pixels.argb(dst);
		final byte[] y = new byte[s.length];
		Tasks.split(s.length, 1 << 18, (a, b) -> {
			for (int i = a; i < b; i++)
				y[i] = (byte) Grayscale.luminance(s[i]);
		});
		if (p.method() == ContrastMethod.STRETCH) {
			final int[] lim = stretchLimits(Histogram.of(ArrayImgs.unsignedBytes(y, y.length)), p.saturated());
			final byte[] lut = stretchLut(lim[0], lim[1]);
			Tasks.split(s.length, 1 << 18, (a, b) -> {
				for (int i = a; i < b; i++) {
					final int c = s[i];
					d[i] = c & 0xff000000 | (lut[c >> 16 & 0xff] & 0xff) << 16 | (lut[c >> 8 & 0xff] & 0xff) << 8 | lut[c
						& 0xff] & 0xff;
				}
			});
			return;
		}
		Pixels.check2D(src, "CLAHE");
		final byte[] y2 = new byte[y.length];
		clahe(p.blocksize(), p.bins(), p.clipLimit(), y, y2, (int) src.dimension(0), (int) src.dimension(1));
		Tasks.split(s.length, 1 << 18, (a, b) -> {
			for (int i = a; i < b; i++) {
				final int c = s[i], dy = (y2[i] & 0xff) - (y[i] & 0xff);
				d[i] = c & 0xff000000 | clamp((c >> 16 & 0xff) + dy) << 16 | clamp((c >> 8 & 0xff) + dy) << 8 | clamp((c
					& 0xff) + dy);
			}
		});
	}

	private static int clamp(final int v) {
		return v < 0 ? 0 : v > 255 ? 255 : v;
	}
}
