package org.ijocr.core.morph;

import org.ijocr.core.Storage;

import org.ijocr.core.Tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * Morphology of document pages with ink 0 on paper 255: dilate, erode, open and close with a square, disk,
 * horizontal or vertical structuring element ({@link Shape}, {@link MorphParams}); static facade in the style of
 * ImgLib2's {@code Gauss3}.
 * <p>
 * <b>The ink is the foreground.</b> Dilating grows the dark ink (text becomes bolder), eroding shrinks it, as users
 * of OCR tools expect, whatever ImageJ's "Black background" setting says (that setting only tells ImageJ's own
 * binary commands which colour to treat as the foreground; this class never reads it). In grey-level terms, dilate
 * is the minimum and erode the maximum over the element, so on a binary image the result is binary, and on a grey
 * image the operations are the grey-level morphology of the dark content (J. Serra, <i>Image Analysis and
 * Mathematical Morphology</i>, Academic Press, 1982; P. Soille, <i>Morphological Image Analysis</i>, 2nd ed.,
 * Springer, 2003, ch. 3): dilation of the ink set {@code X} by the element {@code B} is {@code X ⊕ B}, erosion is
 * {@code X ⊖ B = {p : p + B ⊆ X}}, opening is erosion then dilation, closing is dilation then erosion. With an even
 * size the element is not symmetric and dilation uses its reflection, so opening and closing stay idempotent.
 * <p>
 * <b>Border:</b> pixels outside the image are ignored (the element is clipped to the image): dilating never pulls
 * ink in from outside, and eroding never eats ink at the image edge. This is OpenCV's default for
 * {@code dilate}/{@code erode}, and for a 3&times;3 square it equals ImageJ's {@code ByteProcessor.dilate()} /
 * {@code erode()} (whose edge pixels repeat).
 * <p>
 * <b>Iterations:</b> {@code n} iterations of a square or line of size {@code s} equal one pass with the element
 * {@code n(s-1)+1} long (exact, borders included), and are computed that way; disks are applied {@code n} times.
 * Opening with {@code n} iterations erodes {@code n} times, then dilates {@code n} times.
 * <p>
 * <b>Algorithm</b> (8-bit, {@code ArrayImg<UnsignedByteType, ByteArray>} or {@code byte[]}): a binary image (only
 * 0 and 255) is packed into bits, 64 pixels a word, and every pass runs on the packed rows with {@code AND}/{@code OR}
 * (package-private {@code BitMorphology}: on one core about 5 ms for a 3&times;3 dilation of an A4 page at 300 dpi,
 * 7&ndash;10 ms for 51&times;51); a grey image runs on the bytes as below, with the same windows and results. A rectangle is
 * separable, so the vertical extreme over the window's rows is taken first and then the horizontal one. Each
 * one-dimensional extreme over a segment of {@code k} pixels uses the logarithmic decomposition of a line segment
 * into segments of lengths 2, 3, 5, 9, ... (R. van den Boomgaard, R. van Balen, "Methods for fast morphological image
 * transforms using bitmapped binary images", CVGIP: Graphical Models and Image Processing 54(3), 1992; M. Pecht,
 * "Speeding up successive Minkowski operations", Pattern Recognition Letters 3(2), 1985): after a step with shift
 * {@code d} every value is the extreme of a segment {@code d} longer, so {@code ceil(log2 k)} vectorisable passes
 * give any length ({@code 2} for 3 pixels, {@code 7} for 101). The vertical passes combine whole rows of a block of
 * {@value #BLOCK_ROWS} output rows held in two small buffers (no page-sized temporary), the horizontal ones a padded
 * row. A disk is the union of the rectangles spanned by its rows' runs (one rectangle per distinct run length: 1 for
 * size 3, 2 for size 5, 3 for size 7); its extreme is the extreme over those rectangles. Other {@code RealType}s
 * (16-bit, float, views) take a direct path that visits every pixel of the element (correct, slower; NaN spreads).
 * <p>
 * Images of more than two dimensions are processed plane by plane (dimensions 0 and 1). Threading: each plane is
 * cut into bands of rows run on {@link Parallelization#getTaskExecutor()}.
 */
public final class Morphology {

	private Morphology() {}

	/** Output rows per block of the 8-bit path. */
	static final int BLOCK_ROWS = 32;

	/** Minimum rows per task when a plane is split into bands. */
	static final int MIN_ROWS_PER_TASK = 32;

	/** Ink grows by the element (minimum over the reflected element). {@code src} and {@code dst} may be the same. */
	public static <T extends RealType<T>> void dilate(final MorphParams p, final RandomAccessibleInterval<T> src,
		final RandomAccessibleInterval<T> dst)
	{
		apply(MorphOp.DILATE, p, src, dst);
	}

	/** Ink shrinks by the element (maximum over the element). {@code src} and {@code dst} may be the same. */
	public static <T extends RealType<T>> void erode(final MorphParams p, final RandomAccessibleInterval<T> src,
		final RandomAccessibleInterval<T> dst)
	{
		apply(MorphOp.ERODE, p, src, dst);
	}

	/** Erosion, then dilation: removes ink smaller than the element. */
	public static <T extends RealType<T>> void open(final MorphParams p, final RandomAccessibleInterval<T> src,
		final RandomAccessibleInterval<T> dst)
	{
		apply(MorphOp.OPEN, p, src, dst);
	}

	/** Dilation, then erosion: fills paper gaps smaller than the element. */
	public static <T extends RealType<T>> void close(final MorphParams p, final RandomAccessibleInterval<T> src,
		final RandomAccessibleInterval<T> dst)
	{
		apply(MorphOp.CLOSE, p, src, dst);
	}

	/**
	 * Applies {@code op} with the element of {@code p}.
	 *
	 * @param src input, ink dark (0) on light paper (255)
	 * @param dst output, same dimensions; may be {@code src} itself
	 */
	public static <T extends RealType<T>> void apply(final MorphOp op, final MorphParams p,
		final RandomAccessibleInterval<T> src, final RandomAccessibleInterval<T> dst)
	{
		final List<Step> steps = steps(op, p);
		if (!Intervals.equalDimensions(src, dst)) throw new IllegalArgumentException("destination size "
			+ Arrays.toString(dst.dimensionsAsLongArray()) + " differs from source size " + Arrays.toString(src
				.dimensionsAsLongArray()));
		if (Intervals.numElements(src) == 0) throw new IllegalArgumentException("empty image");
		final int w = (int) src.dimension(0), h = src.numDimensions() > 1 ? (int) src.dimension(1) : 1;
		final byte[] s = Storage.bytes(src), d = Storage.bytes(dst);
		if (s != null && d != null) run(steps, s, d, w, h);
		else generic(steps, src, dst, w, h);
	}

	/**
	 * Applies {@code op} to raw row-major 8-bit pixels ({@code width*height*planes} bytes), for callers that hold the
	 * arrays.
	 *
	 * @param dst output, same length; may be {@code src} itself
	 */
	public static void apply(final MorphOp op, final MorphParams p, final byte[] src, final byte[] dst,
		final int width, final int height)
	{
		final List<Step> steps = steps(op, p);
		if (width <= 0 || height <= 0 || src.length != dst.length || src.length == 0 || src.length % ((long) width
			* height) != 0) throw new IllegalArgumentException("arrays must hold width*height*planes pixels");
		run(steps, src, dst, width, height);
	}

	// ---------------------------------------------------------------- plan

	/**
	 * One pass: the minimum (dilation) or maximum (erosion) over a window that is a union of rectangles
	 * {@code {xFrom, xTo, yFrom, yTo}} (offsets from the output pixel, each containing the origin).
	 */
	record Step(int[][] rects, boolean max) {}

	private static List<Step> steps(final MorphOp op, final MorphParams p) {
		if (op == null) throw new IllegalArgumentException("operation must not be null; choose one of " + String.join(
			", ", MorphOp.labels()));
		if (p == null) throw new IllegalArgumentException("params must not be null");
		final int[][] element;
		final int times;
		if (p.shape() == Shape.DISK) {
			element = rects(p.shape().rows(p.size()));
			times = p.iterations();
		}
		else { // one rectangle: n iterations = one pass with the n-fold element
			final int[][] rows = p.shape().rows(p.size());
			final int n = p.iterations();
			element = new int[][] { { n * rows[0][1], n * rows[0][2], n * rows[0][0], n * rows[rows.length - 1][0] } };
			times = 1;
		}
		final int[][] reflected = new int[element.length][];
		for (int i = 0; i < element.length; i++)
			reflected[i] = new int[] { -element[i][1], -element[i][0], -element[i][3], -element[i][2] };
		final Step erode = new Step(element, true), dilate = new Step(reflected, false);
		final List<Step> list = new ArrayList<>();
		final boolean erodeFirst = op == MorphOp.ERODE || op == MorphOp.OPEN;
		for (int i = 0; i < times; i++)
			list.add(erodeFirst ? erode : dilate);
		if (op == MorphOp.OPEN || op == MorphOp.CLOSE) for (int i = 0; i < times; i++)
			list.add(erodeFirst ? dilate : erode);
		return list;
	}

	/**
	 * The element given by its rows ({@code {dy, xFrom, xTo}}, see {@link Shape#rows(int)}) as a union of rectangles:
	 * for each distinct run, the rows whose runs contain it (contiguous for the convex shapes here).
	 */
	static int[][] rects(final int[][] rows) {
		final List<int[]> out = new ArrayList<>();
		for (int i = 0; i < rows.length; i++) {
			final int x0 = rows[i][1], x1 = rows[i][2];
			boolean seen = false;
			for (final int[] r : out)
				seen |= r[0] == x0 && r[1] == x1;
			if (seen) continue;
			int a = i, b = i;
			while (a > 0 && rows[a - 1][1] <= x0 && rows[a - 1][2] >= x1)
				a--;
			while (b < rows.length - 1 && rows[b + 1][1] <= x0 && rows[b + 1][2] >= x1)
				b++;
			out.add(new int[] { x0, x1, rows[a][0], rows[b][0] });
		}
		return out.toArray(new int[0][]);
	}

	// ---------------------------------------------------------------- 8-bit

	private static void run(final List<Step> steps, final byte[] src, final byte[] dst, final int w, final int h) {
		if (BitMorphology.run(steps, src, dst, w, h)) return;
		final byte[] in = src == dst ? src.clone() : src;
		final byte[] tmp = steps.size() > 1 ? new byte[src.length] : null;
		byte[] cur = in;
		for (int i = 0; i < steps.size(); i++) {
			// alternate between dst and tmp so that the last step lands in dst
			final byte[] target = (steps.size() - 1 - i) % 2 == 0 ? dst : tmp;
			pass(steps.get(i), cur, target, w, h);
			cur = target;
		}
	}

	private static void pass(final Step step, final byte[] src, final byte[] dst, final int w, final int h) {
		final int[][] rects = clip(step.rects(), w, h);
		int kh = 1, kw = 1;
		for (final int[] r : rects) {
			kw = Math.max(kw, r[1] - r[0] + 1);
			kh = Math.max(kh, r[3] - r[2] + 1);
		}
		final int rowBuf = (BLOCK_ROWS + kh - 1) * w, padBuf = w + kw - 1;
		final boolean max = step.max();
		Tasks.rows(h, src.length / (w * h), MIN_ROWS_PER_TASK, (plane, y0, y1) -> {
			final byte[] a = new byte[rowBuf], b = new byte[rowBuf], t = new byte[padBuf], u = new byte[padBuf];
			final int off = plane * w * h;
			for (int b0 = y0; b0 < y1; b0 += BLOCK_ROWS) {
				final int b1 = Math.min(y1, b0 + BLOCK_ROWS);
				for (int r = 0; r < rects.length; r++)
					block(src, dst, off, w, h, rects[r], max, r > 0, b0, b1, a, b, t, u);
			}
		});
	}

	/** Window offsets beyond the image never reach a pixel: clip them so that buffers stay image-sized. */
	static int[][] clip(final int[][] rects, final int w, final int h) {
		final int[][] c = new int[rects.length][];
		for (int i = 0; i < rects.length; i++)
			c[i] = new int[] { Math.max(rects[i][0], 1 - w), Math.min(rects[i][1], w - 1), Math.max(rects[i][2], 1 - h),
				Math.min(rects[i][3], h - 1) };
		return c;
	}

	/**
	 * Output rows {@code [b0, b1)} of the plane at {@code off} for one rectangle: vertical extreme over the window's
	 * rows into a row buffer, then the horizontal extreme into {@code dst} (or combined with what {@code dst} holds).
	 */
	private static void block(final byte[] src, final byte[] dst, final int off, final int w, final int h,
		final int[] rect, final boolean max, final boolean combine, final int b0, final int b1, final byte[] a,
		final byte[] b, final byte[] t, final byte[] u)
	{
		final int kh = rect[3] - rect[2] + 1, n = b1 - b0, r0 = b0 + rect[2], m = n + kh - 1;
		byte[] v = src;
		int vo = off + r0 * w;
		if (r0 < 0 || r0 + m > h) { // rows outside the image are neutral
			final byte neutral = max ? 0 : (byte) 255;
			for (int i = 0; i < m; i++) {
				final int r = r0 + i;
				if (r >= 0 && r < h) System.arraycopy(src, off + r * w, b, i * w, w);
				else Arrays.fill(b, i * w, (i + 1) * w, neutral);
			}
			v = b;
			vo = 0;
		}
		// logarithmic decomposition over rows: after a step with shift sh, row i holds the extreme of span+sh rows
		int len = m, span = 1;
		while (span < kh) {
			final int sh = Math.min(span, kh - span);
			final byte[] out = v == a ? b : a;
			extreme(v, vo, v, vo + sh * w, out, 0, (len - sh) * w, max);
			len -= sh;
			span += sh;
			v = out;
			vo = 0;
		}
		for (int i = 0; i < n; i++)
			horizontal(v, vo + i * w, dst, off + (b0 + i) * w, w, rect[0], rect[1], max, combine, t, u);
	}

	/** One row: {@code dst[x] = extreme(row[x+xFrom .. x+xTo])}, outside neutral; or combined into {@code dst}. */
	private static void horizontal(final byte[] row, final int ro, final byte[] dst, final int d0, final int w,
		final int xFrom, final int xTo, final boolean max, final boolean combine, final byte[] t, final byte[] u)
	{
		final int kw = xTo - xFrom + 1;
		if (kw == 1 && xFrom == 0) {
			if (combine) extreme(dst, d0, row, ro, dst, d0, w, max);
			else System.arraycopy(row, ro, dst, d0, w);
			return;
		}
		// padded row: t[j] = row[j + xFrom] inside the image, neutral outside
		final byte neutral = max ? 0 : (byte) 255;
		final int len0 = w + kw - 1, j0 = Math.max(0, -xFrom), j1 = Math.min(len0, w - xFrom);
		Arrays.fill(t, 0, j0, neutral);
		System.arraycopy(row, ro + j0 + xFrom, t, j0, j1 - j0);
		Arrays.fill(t, j1, len0, neutral);
		if (kw == 1) {
			if (combine) extreme(dst, d0, t, 0, dst, d0, w, max);
			else System.arraycopy(t, 0, dst, d0, w);
			return;
		}
		byte[] cur = t;
		int len = len0, span = 1;
		while (true) {
			final int sh = Math.min(span, kw - span);
			if (span + sh == kw) { // the last step writes the w outputs
				if (combine) extremeInto(cur, 0, cur, sh, dst, d0, w, max);
				else extreme(cur, 0, cur, sh, dst, d0, w, max);
				return;
			}
			final byte[] out = cur == t ? u : t;
			extreme(cur, 0, cur, sh, out, 0, len - sh, max);
			len -= sh;
			span += sh;
			cur = out;
		}
	}

	/** {@code d[i] = max or min (a[i], b[i])} for n values. */
	private static void extreme(final byte[] a, final int ai, final byte[] b, final int bi, final byte[] d,
		final int di, final int n, final boolean max)
	{
		if (max) for (int i = 0; i < n; i++)
			d[di + i] = (byte) Math.max(a[ai + i] & 0xff, b[bi + i] & 0xff);
		else for (int i = 0; i < n; i++)
			d[di + i] = (byte) Math.min(a[ai + i] & 0xff, b[bi + i] & 0xff);
	}

	/** {@code d[i] = max or min (d[i], a[i], b[i])} for n values. */
	private static void extremeInto(final byte[] a, final int ai, final byte[] b, final int bi, final byte[] d,
		final int di, final int n, final boolean max)
	{
		if (max) for (int i = 0; i < n; i++)
			d[di + i] = (byte) Math.max(d[di + i] & 0xff, Math.max(a[ai + i] & 0xff, b[bi + i] & 0xff));
		else for (int i = 0; i < n; i++)
			d[di + i] = (byte) Math.min(d[di + i] & 0xff, Math.min(a[ai + i] & 0xff, b[bi + i] & 0xff));
	}

	// ---------------------------------------------------------------- other types

	private static <T extends RealType<T>> void generic(final List<Step> steps, final RandomAccessibleInterval<T> src,
		final RandomAccessibleInterval<T> dst, final int w, final int h)
	{
		final long size = Intervals.numElements(src);
		if (size > Integer.MAX_VALUE) throw new IllegalArgumentException("image too large: " + size + " pixels");
		double[] cur = new double[(int) size], next = new double[(int) size];
		final Cursor<T> in = Views.flatIterable(src).cursor();
		for (int i = 0; i < cur.length; i++)
			cur[i] = in.next().getRealDouble();
		for (final Step step : steps) {
			final double[] s = cur, d = next;
			final int[][] rects = clip(step.rects(), w, h);
			final boolean max = step.max();
			Tasks.rows(h, (int) (size / ((long) w * h)), MIN_ROWS_PER_TASK, (plane, y0, y1) -> {
				final int off = plane * w * h;
				for (int y = y0; y < y1; y++)
					for (int x = 0; x < w; x++) {
						double v = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
						for (final int[] r : rects)
							for (int yy = Math.max(0, y + r[2]); yy <= Math.min(h - 1, y + r[3]); yy++)
								for (int xx = Math.max(0, x + r[0]); xx <= Math.min(w - 1, x + r[1]); xx++)
									v = max ? Math.max(v, s[off + yy * w + xx]) : Math.min(v, s[off + yy * w + xx]);
						d[off + y * w + x] = v;
					}
			});
			next = cur;
			cur = d;
		}
		final Cursor<T> out = Views.flatIterable(dst).cursor();
		for (final double v : cur)
			out.next().setReal(v);
	}

	// ---------------------------------------------------------------- helpers



}
