package org.ijocr.core.filter;

import org.ijocr.core.Storage;

import org.ijocr.core.Tasks;

import java.util.Arrays;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Median filter over ImageJ's circular kernel, pixel-identical to ImageJ 1's {@code Process>Filters>Median}
 * ({@code RankFilters.rank(ip, radius, MEDIAN)}) on 8-bit images, and much faster.
 * <p>
 * The kernel is ImageJ's: for a radius {@code r} (1.5&ndash;1.75 and 2.5&ndash;2.85 widened as ImageJ does), with
 * {@code r2 = (int)(r*r) + 1}, row {@code dy} spans {@code |dx| <= (int) sqrt(r2 - dy*dy)}; radius 1 gives the 3&times;3
 * square, 2 gives 21 pixels, 3 gives 37 pixels. Pixels outside the image take the value of the nearest edge pixel.
 * Filtering is per 2-D plane (dimensions 0 and 1); higher dimensions are independent planes, as in an ImageJ stack.
 * <p>
 * Algorithms on {@code ArrayImg<UnsignedByteType, ByteArray>}:
 * <ul>
 * <li>3&times;3 (radius 1 up to 1.5): the column-sort network: each column triple is sorted once and shared by three
 * neighbouring outputs; the median of nine is then {@code med3(max of the minima, med3 of the middles, min of the
 * maxima)} (A. W. Paeth, "Median finding on a 3&times;3 grid", Graphics Gems, 1990; J. L. Smith, "Implementing median
 * filters in XC4000E FPGAs", Xcell 23, 1996). Two output rows share the sort of their two common input rows;
 * branch-free, about 17 min/max per pixel.</li>
 * <li>kernels of up to 511 pixels (radius 12.5): the median decided bit by bit from
 * the most significant bit by counting the kernel values at or above a threshold (E. Ataman, V. K. Aatre, K. M.
 * Wong, "A fast method for real-time median filtering", IEEE Trans. ASSP 28(4), 1980), seven pixels per
 * {@code long} in vectorized row loops; at most {@code 8n/7} lane comparisons per pixel for an {@code n}-pixel
 * kernel, whatever the content, fewer where the first passes are box-counted (package-private
 * {@code BitSlicedMedian}).</li>
 * <li>larger kernels: Huang's sliding histogram (T. S. Huang, G. J. Yang, G. Y. Tang, "A fast two-dimensional median
 * filtering algorithm", IEEE Trans. ASSP 27(1), 1979) adapted to the circular kernel: moving one pixel right removes
 * the left end of each kernel row and adds the new right end (2 updates per kernel row), and the median is tracked
 * with the count of values below it. Cost O(r) per pixel. On flat rows (clean paper) equal removed/added pairs are
 * skipped; on noisy rows the updates are branch-free.</li>
 * </ul>
 * Any other {@code RealType} (16-bit, float, views) takes a generic path that gathers the kernel values and selects
 * the middle one (Hoare's selection), which is exact for every type; NaN orders above every number
 * ({@link Double#compare}). The kernel always has an odd number of pixels, so the median is one of the input values.
 * <p>
 * Threading: rows are split into chunks run on {@link Parallelization#getTaskExecutor()}; callers choose single- or
 * multi-threaded execution with {@link Parallelization#runSingleThreaded(Runnable)} and friends.
 */
public final class Median {

	private Median() {}

	/** Minimum rows per task when splitting a plane into chunks. */
	static final int MIN_ROWS_PER_TASK = 16;

	/**
	 * Median filter with ImageJ's circular kernel of the given radius and nearest-edge border.
	 *
	 * @param radius kernel radius in pixels as in ImageJ's {@code Process>Filters>Median} (0.5 = 5-pixel cross, 1 =
	 *          3&times;3, 2 = 21 pixels, 3 = 37 pixels); must be finite and &ge; 0
	 * @param src input image
	 * @param dst output, same dimensions as {@code src}; must not share pixels with {@code src}
	 */
	public static <T extends RealType<T>> void median(final double radius, final RandomAccessibleInterval<T> src,
		final RandomAccessibleInterval<T> dst)
	{
		final int[] dx = lineRadii(radius);
		checkSameSize(src, dst);
		final byte[] s = Storage.bytes(src), d = Storage.bytes(dst);
		if (s != null && d != null) {
			if (s == d) throw new IllegalArgumentException("dst must not alias src");
			final int w = (int) src.dimension(0), h = src.numDimensions() > 1 ? (int) src.dimension(1) : 1;
			medianBytes(dx, s, d, w, h, s.length / Math.max(1, w * h));
		}
		else {
			medianGeneric(dx, src, dst);
		}
	}

	/**
	 * Median filter of an 8-bit image into a new image (see {@link #median(double, RandomAccessibleInterval,
	 * RandomAccessibleInterval)} for kernel and border).
	 *
	 * @param radius ImageJ kernel radius (1 = 3&times;3)
	 * @param src 8-bit input
	 * @return a new filtered image
	 */
	public static ArrayImg<UnsignedByteType, ByteArray> median(final double radius,
		final ArrayImg<UnsignedByteType, ByteArray> src)
	{
		final long[] dims = src.dimensionsAsLongArray();
		final ArrayImg<UnsignedByteType, ByteArray> dst = ArrayImgs.unsignedBytes(dims);
		median(radius, src, dst);
		return dst;
	}

	/**
	 * Median filter on raw 8-bit row-major pixel arrays ({@code width*height*planes} bytes, unsigned), for callers that
	 * already hold the arrays. Same kernel and border as {@link #median(double, RandomAccessibleInterval,
	 * RandomAccessibleInterval)}.
	 *
	 * @param radius ImageJ kernel radius (1 = 3&times;3)
	 * @param src input pixels
	 * @param dst output pixels, same length, not the same array
	 * @param width image width
	 * @param height image height
	 */
	public static void median(final double radius, final byte[] src, final byte[] dst, final int width,
		final int height)
	{
		if (src == dst) throw new IllegalArgumentException("dst must not alias src");
		if (src.length != dst.length || width <= 0 || height <= 0 || src.length % (width * height) != 0)
			throw new IllegalArgumentException("arrays must hold width*height*planes pixels");
		medianBytes(lineRadii(radius), src, dst, width, height, src.length / (width * height));
	}

	/**
	 * ImageJ's circular kernel (Process>Filters>Show Circular Masks): half-widths of the kernel rows from
	 * {@code dy = -k} to {@code +k}, as in {@code RankFilters.makeLineRadii}: radii in [1.5, 1.75) become 1.75 and in
	 * [2.5, 2.85) become 2.85; {@code r2 = (int)(r*r)+1}, {@code k = (int) sqrt(r2)}, half-width
	 * {@code (int) sqrt(r2 - dy*dy)}.
	 *
	 * @param radius kernel radius, finite and &ge; 0
	 * @return half-widths, length {@code 2k+1}
	 */
	public static int[] lineRadii(double radius) {
		if (!(radius >= 0) || Double.isInfinite(radius) || radius > 1000)
			throw new IllegalArgumentException("radius must be in [0, 1000]: " + radius);
		if (radius >= 1.5 && radius < 1.75) radius = 1.75;
		else if (radius >= 2.5 && radius < 2.85) radius = 2.85;
		final int r2 = (int) (radius * radius) + 1;
		final int k = (int) Math.sqrt(r2 + 1e-10);
		final int[] dx = new int[2 * k + 1];
		for (int y = 0; y <= k; y++) {
			final int d = y == 0 ? k : (int) Math.sqrt(r2 - y * y + 1e-10);
			dx[k - y] = d;
			dx[k + y] = d;
		}
		return dx;
	}

	/** Number of pixels in ImageJ's circular kernel of this radius (9 for radius 1, 21 for 2, 37 for 3). */
	public static int kernelSize(final double radius) {
		return pixels(lineRadii(radius));
	}

	/** Number of pixels of a kernel given by its row half-widths. */
	static int pixels(final int[] dx) {
		int n = 0;
		for (final int d : dx)
			n += 2 * d + 1;
		return n;
	}

	// ---------------------------------------------------------------- 8-bit

	private static void medianBytes(final int[] dx, final byte[] src, final byte[] dst, final int w, final int h,
		final int planes)
	{
		final boolean square3 = dx.length == 3 && dx[0] == 1 && dx[1] == 1 && dx[2] == 1;
		final boolean bitSliced = pixels(dx) <= BitSlicedMedian.MAX_KERNEL;
		Tasks.rows(h, planes, MIN_ROWS_PER_TASK, (plane, y0, y1) -> {
			final int off = plane * w * h;
			if (square3) median3x3(src, dst, off, w, h, y0, y1);
			else if (bitSliced) BitSlicedMedian.rows(dx, src, dst, off, w, h, y0, y1);
			else huang(dx, src, dst, off, w, h, y0, y1);
		});
	}

	/**
	 * Rows {@code y0..y1-1} of the plane at {@code off}: 3x3 median by sorted column triples, two output rows per
	 * sweep (their shared middle pair of input rows is sorted once), column triples kept in registers.
	 */
	private static void median3x3(final byte[] src, final byte[] dst, final int off, final int w, final int h,
		final int y0, final int y1)
	{
		for (int y = y0; y < y1; y += 2) {
			final boolean two = y + 1 < y1;
			final int pt = off + Math.max(y - 1, 0) * w, pa = off + y * w, pb = off + Math.min(y + 1, h - 1) * w,
				pc = off + Math.min(y + 2, h - 1) * w;
			// sorted triples of column x-1 (p..) and x (c..) for output rows y (A) and y+1 (B); column -1 = column 0
			int t = src[pt] & 0xff, a = src[pa] & 0xff, b = src[pb] & 0xff, c = src[pc] & 0xff;
			int mn = Math.min(a, b), mx = Math.max(a, b);
			int cAl = Math.min(mn, t), cAh = Math.max(mx, t), cAm = Math.max(mn, Math.min(mx, t));
			int cBl = Math.min(mn, c), cBh = Math.max(mx, c), cBm = Math.max(mn, Math.min(mx, c));
			int pAl = cAl, pAh = cAh, pAm = cAm, pBl = cBl, pBh = cBh, pBm = cBm;
			final int oa = off + y * w, ob = oa + w;
			for (int x = 0; x < w; x++) {
				final int xn = x + 1 < w ? x + 1 : w - 1;
				t = src[pt + xn] & 0xff;
				a = src[pa + xn] & 0xff;
				b = src[pb + xn] & 0xff;
				c = src[pc + xn] & 0xff;
				mn = Math.min(a, b);
				mx = Math.max(a, b);
				final int nAl = Math.min(mn, t), nAh = Math.max(mx, t), nAm = Math.max(mn, Math.min(mx, t));
				final int nBl = Math.min(mn, c), nBh = Math.max(mx, c), nBm = Math.max(mn, Math.min(mx, c));
				dst[oa + x] = (byte) med9(pAl, cAl, nAl, pAm, cAm, nAm, pAh, cAh, nAh);
				if (two) dst[ob + x] = (byte) med9(pBl, cBl, nBl, pBm, cBm, nBm, pBh, cBh, nBh);
				pAl = cAl;
				pAh = cAh;
				pAm = cAm;
				pBl = cBl;
				pBh = cBh;
				pBm = cBm;
				cAl = nAl;
				cAh = nAh;
				cAm = nAm;
				cBl = nBl;
				cBh = nBh;
				cBm = nBm;
			}
		}
	}

	/** Median of nine from three sorted columns (minima l, middles m, maxima u): med3(max l, med3 m, min u). */
	private static int med9(final int l0, final int l1, final int l2, final int m0, final int m1, final int m2,
		final int u0, final int u1, final int u2)
	{
		final int l = Math.max(Math.max(l0, l1), l2), u = Math.min(Math.min(u0, u1), u2);
		final int m = Math.max(Math.min(m0, m1), Math.min(Math.max(m0, m1), m2));
		return Math.max(Math.min(l, u), Math.min(Math.max(l, u), m));
	}

	/** Rows {@code y0..y1-1} of the plane at {@code off}: Huang's sliding histogram on the circular kernel. */
	private static void huang(final int[] dx, final byte[] src, final byte[] dst, final int off, final int w,
		final int h, final int y0, final int y1)
	{
		final int kh = dx.length, kr = kh / 2;
		final int half = pixels(dx) / 2; // 0-based rank of the median
		final int pw = w + 2 * kr + 1; // padded row: kr+1 left (removal at x-d-1 for x>=1 stays >=0), kr right
		final byte[] ring = new byte[kh * pw];
		final int[] hist = new int[256];
		final int[] rem = new int[kh], add = new int[kh];
		// load rows y0-kr .. y0+kr-1 into the ring; row yy goes to slot (yy - y0 + kr) % kh
		for (int yy = y0 - kr; yy < y0 + kr; yy++)
			padRow(src, off, w, h, yy, ring, ((yy - y0 + kr) % kh) * pw, kr + 1, kr);
		for (int y = y0; y < y1; y++) {
			final int yy = y + kr;
			padRow(src, off, w, h, yy, ring, ((yy - y0 + kr) % kh) * pw, kr + 1, kr);
			Arrays.fill(hist, 0);
			// kernel rows in the order centre, then the symmetric pairs dy = -1, +1, -2, +2, ...
			for (int i = 0; i < kh; i++) {
				final int j = kr + (i == 0 ? 0 : (i & 1) == 1 ? -(i + 1) / 2 : i / 2);
				final int base = ((y + j - y0) % kh) * pw + kr + 1; // x = 0 of kernel row j
				final int d = dx[j];
				rem[i] = base - d - 1;
				add[i] = base + d;
				for (int q = base - d; q <= base + d; q++)
					hist[ring[q] & 0xff]++;
			}
			huangRow(ring, rem, add, hist, half, isFlat(ring, ((y - y0 + kr) % kh) * pw + kr + 1, w), dst, off + y * w,
				w);
		}
	}

	/**
	 * One output row of {@link #huang}: the histogram holds the kernel at x = 0; slides it to the right end. A method of
	 * its own so that the JIT compiles it as a normal (not on-stack-replaced) method with a profile of its own.
	 */
	private static void huangRow(final byte[] ring, final int[] rem, final int[] add, final int[] hist,
		final int half, final boolean flat, final byte[] dst, final int po, final int w)
	{
		final int kh = rem.length;
		// median from scratch for x = 0
		int m = 0, lt = 0;
		while (lt + hist[m] <= half)
			lt += hist[m++];
		dst[po] = (byte) m;
		// flat rows (clean paper): skip equal removed/added pairs; noisy rows: branch-free, two rows per step
		final int rc = rem[0], ac = add[0];
		for (int x = 1; x < w; x++) {
			if (flat) {
				for (int i = 0; i < kh; i++) {
					final int v = ring[rem[i] + x] & 0xff, a = ring[add[i] + x] & 0xff;
					if (v != a) {
						hist[v]--;
						hist[a]++;
						lt += ((a - m) >>> 31) - ((v - m) >>> 31);
					}
				}
			}
			else {
				final int v = ring[rc + x] & 0xff, a = ring[ac + x] & 0xff;
				hist[v]--;
				hist[a]++;
				lt += ((a - m) >>> 31) - ((v - m) >>> 31);
				for (int i = 1; i < kh; i += 2) {
					final int v1 = ring[rem[i] + x] & 0xff, a1 = ring[add[i] + x] & 0xff;
					final int v2 = ring[rem[i + 1] + x] & 0xff, a2 = ring[add[i + 1] + x] & 0xff;
					hist[v1]--;
					hist[a1]++;
					hist[v2]--;
					hist[a2]++;
					lt += ((a1 - m) >>> 31) - ((v1 - m) >>> 31) + ((a2 - m) >>> 31) - ((v2 - m) >>> 31);
				}
			}
			// one branch-free step each way (the usual move), then loops for longer moves
			int c = (half - lt) >>> 31;
			m -= c;
			lt -= hist[m] & -c;
			c = (lt + hist[m] - half - 1) >>> 31;
			lt += hist[m] & -c;
			m += c;
			if (lt > half) {
				do
					lt -= hist[--m];
				while (lt > half);
			}
			else {
				while (lt + hist[m] <= half)
					lt += hist[m++];
			}
			dst[po + x] = (byte) m;
		}
	}

	/** True when at least 3/4 of the pixels of the row at {@code ring[at..at+w-1]} equal their left neighbour. */
	private static boolean isFlat(final byte[] ring, final int at, final int w) {
		int same = 0;
		for (int i = at + 1; i < at + w; i++)
			if (ring[i] == ring[i - 1]) same++;
		return 4 * same >= 3 * (w - 1);
	}

	/** Copies image row {@code yy} (clamped into the plane) to {@code ring[at..]} with edge replicates. */
	private static void padRow(final byte[] src, final int off, final int w, final int h, final int yy,
		final byte[] ring, final int at, final int padL, final int padR)
	{
		final int p = off + Math.min(Math.max(yy, 0), h - 1) * w;
		System.arraycopy(src, p, ring, at + padL, w);
		Arrays.fill(ring, at, at + padL, src[p]);
		Arrays.fill(ring, at + padL + w, at + padL + w + padR, src[p + w - 1]);
	}

	// ---------------------------------------------------------------- generic

	private static <T extends RealType<T>> void medianGeneric(final int[] dx, final RandomAccessibleInterval<T> src,
		final RandomAccessibleInterval<T> dst)
	{
		final int nd = src.numDimensions();
		final int w = (int) src.dimension(0), h = nd > 1 ? (int) src.dimension(1) : 1;
		final long planes = src.size() / ((long) w * h);
		final int kh = dx.length, kr = kh / 2;
		final int n = pixels(dx);
		if (planes > Integer.MAX_VALUE) throw new IllegalArgumentException("too many planes");
		Tasks.rows(h, (int) planes, MIN_ROWS_PER_TASK, (plane, y0, y1) -> {
			final RandomAccess<T> in = src.randomAccess(), out = dst.randomAccess();
			final long[] pos = planePosition(src, plane), opos = planePosition(dst, plane);
			final int pw = w + 2 * kr;
			final double[][] ring = new double[kh][pw];
			final double[] buf = new double[n];
			for (int yy = y0 - kr; yy < y0 + kr; yy++)
				readRow(in, pos, src.min(0), nd > 1 ? src.min(1) : 0, w, h, yy, ring[Math.floorMod(yy, kh)], kr);
			for (int y = y0; y < y1; y++) {
				readRow(in, pos, src.min(0), nd > 1 ? src.min(1) : 0, w, h, y + kr, ring[Math.floorMod(y + kr, kh)],
					kr);
				opos[0] = dst.min(0);
				if (nd > 1) opos[1] = dst.min(1) + y;
				out.setPosition(opos);
				for (int x = 0; x < w; x++) {
					int c = 0;
					for (int j = 0; j < kh; j++) {
						final double[] row = ring[Math.floorMod(y + j - kr, kh)];
						for (int i = x + kr - dx[j]; i <= x + kr + dx[j]; i++)
							buf[c++] = row[i];
					}
					out.get().setReal(select(buf, n, n / 2));
					out.fwd(0);
				}
			}
		});
	}

	private static <T extends RealType<T>> void readRow(final RandomAccess<T> ra, final long[] pos, final long minX,
		final long minY, final int w, final int h, final int yy, final double[] row, final int kr)
	{
		pos[0] = minX;
		if (pos.length > 1) pos[1] = minY + Math.min(Math.max(yy, 0), h - 1);
		ra.setPosition(pos);
		for (int x = 0; x < w; x++) {
			row[x + kr] = ra.get().getRealDouble();
			ra.fwd(0);
		}
		Arrays.fill(row, 0, kr, row[kr]);
		Arrays.fill(row, kr + w, w + 2 * kr, row[kr + w - 1]);
	}

	/** Position of the first pixel of a plane (index over dimensions 2..n-1 in flat order). */
	private static long[] planePosition(final RandomAccessibleInterval<?> img, long plane) {
		final int nd = img.numDimensions();
		final long[] pos = new long[nd];
		for (int d = 0; d < nd; d++)
			pos[d] = img.min(d);
		for (int d = 2; d < nd; d++) {
			pos[d] += plane % img.dimension(d);
			plane /= img.dimension(d);
		}
		return pos;
	}

	/** The k-th smallest (0-based) of {@code a[0..n-1]} in {@link Double#compare} order; reorders {@code a}. */
	static double select(final double[] a, final int n, final int k) {
		int lo = 0, hi = n - 1;
		while (hi > lo) {
			final double pivot = a[(lo + hi) >>> 1];
			int i = lo, j = hi;
			while (i <= j) {
				while (Double.compare(a[i], pivot) < 0)
					i++;
				while (Double.compare(a[j], pivot) > 0)
					j--;
				if (i <= j) {
					final double t = a[i];
					a[i++] = a[j];
					a[j--] = t;
				}
			}
			if (k <= j) hi = j;
			else if (k >= i) lo = i;
			else return a[k];
		}
		return a[k];
	}

	// ---------------------------------------------------------------- helpers



	static void checkSameSize(final RandomAccessibleInterval<?> a, final RandomAccessibleInterval<?> b) {
		if (a.numDimensions() != b.numDimensions()) throw new IllegalArgumentException("dimensionality differs");
		for (int d = 0; d < a.numDimensions(); d++)
			if (a.dimension(d) != b.dimension(d)) throw new IllegalArgumentException("dimensions differ");
		if (a.size() == 0) throw new IllegalArgumentException("empty image");
	}

}
