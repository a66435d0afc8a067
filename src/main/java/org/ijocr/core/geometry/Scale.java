package org.ijocr.core.geometry;

import org.ijocr.core.Storage;

import org.ijocr.core.Tasks;

import java.util.Arrays;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;


/**
 * Resizing of images, static facade in the style of ImgLib2's {@code Gauss3}, and the text-size estimate behind
 * automatic upscaling for OCR.
 * <p>
 * Resampling is separable (rows, then columns), with pixel areas aligned: destination pixel {@code i} of an axis
 * scaled by {@code f = dstLength / srcLength} covers the source interval {@code [i/f, (i+1)/f)}.
 * <ul>
 * <li>Enlarging (or keeping the length) an axis: the {@link Interpolation} kernel at source position
 * {@code (i + 0.5)/f - 0.5}; pixels past the edge repeat the edge pixel. A factor of 1 copies exactly.</li>
 * <li>Shrinking an axis with {@link Interpolation#BILINEAR} or {@link Interpolation#BICUBIC}: area averaging, each
 * source pixel weighted by how much of it the destination pixel covers (the box filter of OpenCV's
 * {@code INTER_AREA} and of ImageJ's "average when downsizing"); it does not alias. Halving averages 2&times;2 blocks
 * exactly (rounded half up for 8-bit).</li>
 * <li>{@link Interpolation#NONE}: the nearest source pixel on both kinds of axes (a binary image stays binary).</li>
 * </ul>
 * 8-bit {@code ArrayImg}s run in integer arithmetic (11-bit weights per axis; sums rounded and clamped), other types
 * in floating point (integer types rounded and clamped). Output rows run in chunks on ImgLib2's
 * {@code Parallelization} task executor; each chunk resamples the source rows it needs once, in a ring of rows.
 * <p>
 * Text size: {@link #capHeight(byte[], int, int)} estimates the height of capital letters from the connected
 * components of the ink, and {@link #autoFactor(double, double)} turns it into the factor that makes capitals
 * about {@link #TARGET_CAP_HEIGHT} pixels tall, the size at which Tesseract reads best (Tesseract's "Improving the
 * quality of the output" guide: x-height of at least 20 px, best accuracy for capitals of about 30&ndash;33 px).
 */
public final class Scale {

	private Scale() {}

	/** Default height of capital letters, in pixels, that automatic upscaling aims at. */
	public static final double TARGET_CAP_HEIGHT = 30;

	/** Largest automatic factor (a page of tiny specks must not grow without bound). */
	public static final double MAX_AUTO_FACTOR = 4;

	/**
	 * Longest side, in pixels, of a page Tesseract can read: its page coordinates are 16-bit (a page 32768 pixels wide
	 * or high is refused). Automatic upscaling stops there.
	 */
	public static final int MAX_OCR_SIDE = 32767;

	/**
	 * Most pixels of an automatically enlarged page: 2<sup>28</sup>, about 268 million (256 MiB for its grey pixels,
	 * as much again for a binarized copy, and several times that in Tesseract).
	 */
	public static final long MAX_AUTO_PIXELS = 1L << 28;

	/** Capital height over x-height used when only lowercase letters are measurable (Helvetica/Times: 1.33&ndash;1.4). */
	static final double CAP_OVER_X = 1.4;

	/** Smallest x-height, in pixels, {@link #capHeight} looks for (shorter components are specks). */
	static final int MIN_X_HEIGHT = 5;

	/** Bits of the integer weights per axis (sum 2048). */
	private static final int BITS = 11;

	/** The length of an axis of {@code length} pixels scaled by {@code factor}: {@code round(length * factor)}, &ge; 1. */
	public static long scaledLength(final long length, final double factor) {
		if (!(factor > 0) || Double.isInfinite(factor)) throw new IllegalArgumentException("scale factor must be > 0, got "
			+ factor);
		return Math.max(1, Math.round(length * factor));
	}

	/**
	 * The pixel box {@code {x, y, width, height}} that covers the box {@code (x, y, w, h)} of an image scaled by
	 * {@code f}: from {@code floor(x·f)} to {@code ceil((x + w)·f)} on each axis (at least one pixel for a non-empty
	 * box). {@code f < 1} maps a box of the scaled image back.
	 */
	public static int[] enclosing(final int x, final int y, final int w, final int h, final double f) {
		final int x0 = (int) Math.floor(x * f), y0 = (int) Math.floor(y * f);
		return new int[] { x0, y0, (int) Math.ceil((x + w) * f) - x0, (int) Math.ceil((y + h) * f) - y0 };
	}

	/**
	 * Resizes {@code src} into {@code dst}; the factors per axis are the ratios of their widths and heights.
	 *
	 * @param ip kernel for enlarged axes (and nearest neighbour everywhere for {@link Interpolation#NONE})
	 * @param src source, 2-D (further dimensions are planes)
	 * @param dst destination of any width and height and the same further dimensions; not sharing pixels with
	 *          {@code src}
	 */
	public static <T extends RealType<T>, U extends RealType<U>> void resize(final Interpolation ip,
		final RandomAccessibleInterval<T> src, final RandomAccessibleInterval<U> dst)
	{
		if (ip == null) throw new IllegalArgumentException("interpolation must not be null");
		final int[] ss = Rows.shape(src), ds = Rows.shape(dst);
		Rows.checkPlanes(src, dst);
		final Taps tx = taps(ss[0], ds[0], ip), ty = taps(ss[1], ds[1], ip);
		final byte[] s = Storage.bytes(src), d = Storage.bytes(dst);
		if (s != null && d != null) {
			if (s == d) throw new IllegalArgumentException("dst must not share pixels with src");
			Tasks.split(ds[1], Rows.MIN_ROWS_PER_TASK, (y0, y1) -> resizeBytes(tx, ty, s, d, ss[0], ss[1], ds[0], ds[1], ss[2], y0, y1));
		}
		else {
			final float[] fs = Rows.floats(src), fd = new float[ds[0] * ds[1] * ds[2]];
			Tasks.split(ds[1], Rows.MIN_ROWS_PER_TASK, (y0, y1) -> resizeFloats(tx, ty, fs, fd, ss[0], ss[1], ds[0], ds[1], ss[2], y0,
				y1));
			Rows.write(fd, dst);
		}
	}

	/**
	 * The resampling of one axis: destination pixel {@code i} is {@code sum_t w[i*n + t] * src[start[i] + t]}, with
	 * {@code n} taps all inside the source (taps past an edge folded onto the edge pixel).
	 */
	record Taps(int n, int[] start, double[] w, int[] iw) {}

	static Taps taps(final int srcLen, final int dstLen, final Interpolation ip) {
		final double inv = (double) srcLen / dstLen;
		final boolean area = dstLen < srcLen && ip != Interpolation.NONE;
		int n = 1;
		if (area) for (int i = 0; i < dstLen; i++) {
			final double a = i * inv, b = (i + 1) * inv;
			n = Math.max(n, (int) Math.ceil(b - 1e-9) - (int) Math.floor(a));
		}
		else n = ip.taps();
		n = Math.min(n, srcLen);
		final int[] start = new int[dstLen];
		final double[] w = new double[dstLen * n];
		final double[] kw = new double[Math.max(n, ip.taps())];
		for (int i = 0; i < dstLen; i++) {
			final int k0, count;
			if (area) {
				final double a = i * inv, b = (i + 1) * inv;
				k0 = (int) Math.floor(a);
				count = (int) Math.ceil(b - 1e-9) - k0;
				for (int t = 0; t < count; t++)
					kw[t] = (Math.min(b, k0 + t + 1) - Math.max(a, k0 + t)) / inv;
			}
			else {
				final double x = (i + 0.5) * inv - 0.5;
				if (ip == Interpolation.NONE) {
					k0 = (int) Math.floor(x + 0.5);
					kw[0] = 1;
				}
				else {
					final double f = Math.floor(x);
					k0 = (int) f - ip.before();
					ip.weights(x - f, kw);
				}
				count = ip.taps();
			}
			// fold taps past the edges onto the edge pixels; keep n contiguous taps inside the source
			final int s0 = Math.max(0, Math.min(srcLen - n, k0));
			start[i] = s0;
			for (int t = 0; t < count; t++) {
				final int k = Math.max(0, Math.min(srcLen - 1, k0 + t));
				w[i * n + k - s0] += kw[t];
			}
		}
		final int[] iw = new int[w.length];
		for (int i = 0; i < dstLen; i++) {
			int sum = 0, big = 0;
			for (int t = 0; t < n; t++) {
				sum += iw[i * n + t] = (int) Math.round(w[i * n + t] * (1 << BITS));
				if (Math.abs(w[i * n + t]) > Math.abs(w[i * n + big])) big = t;
			}
			iw[i * n + big] += (1 << BITS) - sum; // weights sum exactly to 2048
		}
		return new Taps(n, start, w, iw);
	}

	private static void resizeBytes(final Taps tx, final Taps ty, final byte[] s, final byte[] d, final int ws,
		final int hs, final int wd, final int hd, final int planes, final int y0, final int y1)
	{
		final int ny = ty.n(), nx = tx.n();
		final int[][] ring = new int[ny][wd];
		final int[] rowOf = new int[ny];
		final int[][] rows = new int[ny][];
		final int[] xs = tx.start(), xw = tx.iw(), yw = ty.iw();
		for (int p = 0; p < planes; p++) {
			Arrays.fill(rowOf, -1);
			final int so = p * ws * hs, dOff = p * wd * hd;
			for (int y = y0; y < y1; y++) {
				final int r0 = ty.start()[y];
				for (int t = 0; t < ny; t++) {
					final int r = r0 + t, slot = r % ny;
					if (rowOf[slot] == r) continue;
					rowOf[slot] = r;
					final int[] out = ring[slot];
					final int ro = so + r * ws;
					if (nx == 1) for (int i = 0; i < wd; i++)
						out[i] = (s[ro + xs[i]] & 0xff) << BITS;
					else if (nx == 2) for (int i = 0; i < wd; i++) {
						final int q = ro + xs[i];
						out[i] = (s[q] & 0xff) * xw[2 * i] + (s[q + 1] & 0xff) * xw[2 * i + 1];
					}
					else if (nx == 4) for (int i = 0; i < wd; i++) {
						final int q = ro + xs[i], k = 4 * i;
						out[i] = (s[q] & 0xff) * xw[k] + (s[q + 1] & 0xff) * xw[k + 1] + (s[q + 2] & 0xff) * xw[k + 2] + (s[q
							+ 3] & 0xff) * xw[k + 3];
					}
					else for (int i = 0; i < wd; i++) {
						final int q = ro + xs[i], k = nx * i;
						int v = 0;
						for (int u = 0; u < nx; u++)
							v += (s[q + u] & 0xff) * xw[k + u];
						out[i] = v;
					}
				}
				final int o = dOff + y * wd, k = ny * y;
				for (int t = 0; t < ny; t++)
					rows[t] = ring[(r0 + t) % ny];
				vertical(rows, yw, k, d, o, wd);
			}
		}
	}

	/** One destination row from the {@code ny} horizontally resampled source rows of its taps. */
	private static void vertical(final int[][] rows, final int[] yw, final int k, final byte[] d, final int o,
		final int wd)
	{
		final int ny = rows.length, round = 1 << (2 * BITS - 1), shift = 2 * BITS;
		final int[] a = rows[0];
		if (ny == 1) {
			for (int i = 0; i < wd; i++)
				d[o + i] = clamp((a[i] + (1 << (BITS - 1))) >> BITS);
			return;
		}
		final int[] b = rows[1];
		final int w0 = yw[k], w1 = yw[k + 1];
		if (ny == 2) {
			for (int i = 0; i < wd; i++)
				d[o + i] = clamp((a[i] * w0 + b[i] * w1 + round) >> shift);
			return;
		}
		if (ny == 4) {
			final int[] c = rows[2], e = rows[3];
			final int w2 = yw[k + 2], w3 = yw[k + 3];
			for (int i = 0; i < wd; i++)
				d[o + i] = clamp((a[i] * w0 + b[i] * w1 + c[i] * w2 + e[i] * w3 + round) >> shift);
			return;
		}
		for (int i = 0; i < wd; i++) {
			int v = round;
			for (int t = 0; t < ny; t++)
				v += rows[t][i] * yw[k + t];
			d[o + i] = clamp(v >> shift);
		}
	}

	private static byte clamp(final int v) {
		return (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
	}

	private static void resizeFloats(final Taps tx, final Taps ty, final float[] s, final float[] d, final int ws,
		final int hs, final int wd, final int hd, final int planes, final int y0, final int y1)
	{
		final int ny = ty.n(), nx = tx.n();
		final double[] row = new double[wd];
		for (int p = 0; p < planes; p++) {
			final int so = p * ws * hs, dOff = p * wd * hd;
			for (int y = y0; y < y1; y++) {
				Arrays.fill(row, 0);
				for (int t = 0; t < ny; t++) {
					final double wy = ty.w()[ny * y + t];
					if (wy == 0) continue;
					final int ro = so + (ty.start()[y] + t) * ws;
					for (int i = 0; i < wd; i++) {
						double v = 0;
						for (int u = 0; u < nx; u++)
							v += s[ro + tx.start()[i] + u] * tx.w()[nx * i + u];
						row[i] += wy * v;
					}
				}
				for (int i = 0; i < wd; i++)
					d[dOff + y * wd + i] = (float) row[i];
			}
		}
	}

	/**
	 * Estimated height of capital letters, in pixels, of the text on a grey page (dark ink on light paper); 0 when no
	 * text is found. Letter-sized ink components ({@code [0.4, 3]} times the median component height, at most 3 times
	 * as wide; {@link Glyphs#find}) are measured by {@link #capHeight(Glyphs)}.
	 */
	public static double capHeight(final byte[] grey, final int w, final int h) {
		return capHeight(Glyphs.find(grey, w, h, 0.4, 3, 3));
	}

	/**
	 * The cap height of letter-sized components: the height of at least {@link #MIN_X_HEIGHT} pixels that the most
	 * width of components has (each component counts by its width, the length of line it covers; smoothed histogram)
	 * and that is a peak of that histogram (at least its neighbours) is the x-height of the lowercase letters, so that
	 * the many narrow fragments of broken thin print, leftover noise specks and punctuation do not outvote the letters;
	 * the median height of the components 1.2 to 1.8 times as tall (capitals, ascenders and descenders, which differ
	 * little) is the cap height; with fewer than 5 % of them (e.g. all-lowercase specks) it is {@link #CAP_OVER_X}
	 * times the x-height. 0 (not measured) with fewer than {@link Skew#MIN_GLYPHS} components, with no peak (the width
	 * only grows toward the specks: a faint page where mostly grain passes Otsu's threshold), or fewer than {@link
	 * Skew#MIN_GLYPHS} components within a pixel of the x-height (too few letters to measure). The peak matters on a
	 * receipt with 10 % impulse noise: after the denoise its fragments, 3 to 12 pixels tall, outweigh the letters at
	 * every height up to 12 but form no peak; taken for the x-height, they had the page enlarged 4 times instead of
	 * 1.6.
	 */
	static double capHeight(final Glyphs g) {
		if (g.count < Skew.MIN_GLYPHS) return 0;
		int maxH = 0;
		for (int i = 0; i < g.count; i++)
			maxH = Math.max(maxH, g.maxY[i] - g.minY[i] + 1);
		final long[] width = new long[maxH + 3];
		final int[] count = new int[maxH + 2];
		for (int i = 0; i < g.count; i++) {
			final int ch = g.maxY[i] - g.minY[i] + 1;
			width[ch] += g.maxX[i] - g.minX[i] + 1;
			count[ch]++;
		}
		final long[] sm = new long[maxH + 2];
		for (int v = 1; v <= maxH + 1; v++)
			sm[v] = width[v - 1] + 2 * width[v] + width[v + 1];
		int mode = 0;
		long best = -1;
		// specks (noise, dots, commas) are shorter than any legible x-height; letters share a height, a peak: where the
		// width only grows toward the specks, what is measured is specks and fragments
		for (int v = MIN_X_HEIGHT; v <= maxH; v++) {
			if (sm[v] < sm[v - 1] || sm[v] < sm[v + 1]) continue;
			if (sm[v] > best) {
				best = sm[v];
				mode = v;
			}
		}
		if (mode == 0 || count[mode - 1] + count[mode] + count[mode + 1] < Skew.MIN_GLYPHS) return 0;
		final int[] tall = new int[g.count];
		int m = 0;
		for (int i = 0; i < g.count; i++) {
			final int ch = g.maxY[i] - g.minY[i] + 1;
			if (ch >= 1.2 * mode && ch <= 1.8 * mode) tall[m++] = ch;
		}
		if (m < 0.05 * g.count) return CAP_OVER_X * mode;
		Arrays.sort(tall, 0, m);
		return m % 2 == 1 ? tall[m / 2] : 0.5 * (tall[m / 2 - 1] + tall[m / 2]);
	}

	/**
	 * The automatic upscaling factor for text whose capitals are {@code capHeight} pixels tall: {@code target /
	 * capHeight} when that enlarges (at most {@link #MAX_AUTO_FACTOR}), else 1 (never shrinks); 1 when no text was
	 * found ({@code capHeight} 0).
	 */
	public static double autoFactor(final double capHeight, final double target) {
		if (!(target > 0)) throw new IllegalArgumentException("target cap height must be > 0, got " + target);
		if (!(capHeight > 0) || capHeight >= target) return 1;
		return Math.min(MAX_AUTO_FACTOR, target / capHeight);
	}

	/**
	 * {@link #autoFactor(double, double)} for a {@code w}&times;{@code h} page, reduced so that the enlarged page stays
	 * readable and within memory: at most {@link #MAX_OCR_SIDE} pixels a side and {@link #MAX_AUTO_PIXELS} pixels in
	 * all; 1 when even a slight enlargement would pass them.
	 */
	public static double autoFactor(final double capHeight, final double target, final long w, final long h) {
		if (w < 1 || h < 1) throw new IllegalArgumentException("page size must be positive, got " + w + "x" + h);
		double f = Math.min(autoFactor(capHeight, target), largestFactor(w, h));
		while (f > 1 && !fits(w, h, f))
			f -= 1.0 / Math.max(w, h); // rounding up may pass a limit by a pixel
		return Math.max(1, f);
	}

	/** The largest factor (before rounding) that keeps a {@code w}&times;{@code h} page within the limits above. */
	private static double largestFactor(final long w, final long h) {
		return Math.min((double) MAX_OCR_SIDE / Math.max(w, h), Math.sqrt((double) MAX_AUTO_PIXELS / w / h));
	}

	private static boolean fits(final long w, final long h, final double f) {
		final long sw = scaledLength(w, f), sh = scaledLength(h, f);
		return sw <= MAX_OCR_SIDE && sh <= MAX_OCR_SIDE && sw * sh <= MAX_AUTO_PIXELS;
	}
}
