package org.ijocr.core.geometry;

import org.ijocr.core.Storage;

import org.ijocr.core.Tasks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Rotation of an image about its centre by any angle, static facade in the style of ImgLib2's {@code Gauss3}.
 * <p>
 * Geometry: pixel centres at integer coordinates; the centre of an image of width {@code w} is {@code (w - 1) / 2}
 * (as ImageJ's Image&gt;Transform&gt;Rotate). The centre of the source maps onto the centre of the destination,
 * whose size the caller chooses: the same size (corners cut off, as ImageJ without "enlarge") or
 * {@link #enlargedSize} (the whole rotated image fits). Positive angles turn the picture clockwise on screen (image y
 * points down), as in ImageJ. Every destination pixel is mapped back into the source (inverse mapping) and
 * interpolated there ({@link Interpolation}); source pixels outside the image count as the fill value, so edges blend
 * into the fill colour. Rotations by multiples of 90&deg; with a centre on the pixel grid move pixels exactly.
 * <p>
 * Fast path for {@code ArrayImg<UnsignedByteType, ByteArray>} source and destination: source positions are stepped
 * along each output row in 32.32 fixed point (G. Wolberg, <i>Digital Image Warping</i>, IEEE CS Press, 1990, ch. 7),
 * rounded to 1/256 pixel, with tabulated integer kernel weights (11 bits per axis for bicubic, 8 for bilinear,
 * as OpenCV's {@code warpAffine} tabulates 1/32 pixel); pixels whose kernel lies fully inside the source take a
 * branch-free loop, the others a checked one. Other types are computed in floating point (integer types rounded and
 * clamped). Dimensions past the second are independent planes. Output rows run in chunks on ImgLib2's
 * {@code Parallelization} task executor.
 */
public final class Rotate {

	private Rotate() {}

	/** Bits of the tabulated sub-pixel position: 256 positions per pixel. */
	static final int TABLE_BITS = 8;

	private static final int TAB = 1 << TABLE_BITS;

	/** Fixed-point fraction bits of the stepped source coordinates. */
	private static final int FRAC = 32;

	private static final double ONE = 1L << FRAC;

	/** Little-endian views of a byte[] as shorts and ints: neighbouring pixels in one bounds-checked load. */
	private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class,
		ByteOrder.LITTLE_ENDIAN), INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

	/** Bits of the integer bicubic weights per axis (sum 2048). */
	private static final int CUBIC_BITS = 11;

	/**
	 * The size {@code {width, height}} that holds the whole of a {@code w}&times;{@code h} image rotated by
	 * {@code angle} degrees: {@code ceil(w |cos| + h |sin|)} by {@code ceil(w |sin| + h |cos|)} (less a 1e-6 tolerance,
	 * so 90&deg; swaps width and height exactly).
	 */
	public static long[] enlargedSize(final long w, final long h, final double angle) {
		final double[] cs = cosSin(angle);
		final double c = Math.abs(cs[0]), s = Math.abs(cs[1]);
		return new long[] { (long) Math.ceil(w * c + h * s - 1e-6), (long) Math.ceil(w * s + h * c - 1e-6) };
	}

	/**
	 * Rotates {@code src} into {@code dst} about their centres.
	 *
	 * @param p angle (degrees, clockwise), interpolation and fill value
	 * @param src source image, 2-D (further dimensions are planes)
	 * @param dst destination of any width and height (e.g. the source's or {@link #enlargedSize}) and the same
	 *          further dimensions; must not share pixels with {@code src}
	 */
	public static <T extends RealType<T>, U extends RealType<U>> void rotate(final RotateParams p,
		final RandomAccessibleInterval<T> src, final RandomAccessibleInterval<U> dst)
	{
		if (p == null) throw new IllegalArgumentException("params must not be null");
		final int[] ss = Rows.shape(src), ds = Rows.shape(dst);
		Rows.checkPlanes(src, dst);
		final Mapping m = new Mapping(p, ss[0], ss[1], ds[0], ds[1]);
		final byte[] s = Storage.bytes(src), d = Storage.bytes(dst);
		if (s != null && d != null) {
			if (s == d) throw new IllegalArgumentException("dst must not share pixels with src");
			final int fill = (int) Math.max(0, Math.min(255, Math.rint(p.fill())));
			Tasks.split(ds[1], Rows.MIN_ROWS_PER_TASK, (y0, y1) -> rotateBytes(m, s, d, ss[2], fill, y0, y1));
		}
		else {
			final float[] fs = Rows.floats(src), fd = new float[ds[0] * ds[1] * ds[2]];
			Tasks.split(ds[1], Rows.MIN_ROWS_PER_TASK, (y0, y1) -> rotateFloats(m, fs, fd, ss[2], (float) p.fill(), y0, y1));
			Rows.write(fd, dst);
		}
	}

	/** Cosine and sine of {@code degrees}, exact (0, &plusmn;1) at multiples of 90&deg;. */
	static double[] cosSin(final double degrees) {
		final double r = degrees % 360;
		if (r % 90 == 0) {
			final int q = (int) Math.floorMod((long) (r / 90), 4L);
			return new double[] { q == 0 ? 1 : q == 2 ? -1 : 0, q == 1 ? 1 : q == 3 ? -1 : 0 };
		}
		final double a = Math.toRadians(r);
		return new double[] { Math.cos(a), Math.sin(a) };
	}

	/** The inverse mapping from destination pixels to source positions, and the kernel tables. */
	static final class Mapping {

		final Interpolation ip;
		final int ws, hs, wd, hd, taps, before;
		final double c, s, cxs, cys, cxd, cyd, bias;
		/** Kernel weights per tabulated fraction: {@code taps} doubles, and the same as integers (bicubic, bilinear). */
		final double[] wTab;
		final int[] iTab;

		Mapping(final RotateParams p, final int ws, final int hs, final int wd, final int hd) {
			this.ip = p.interpolation();
			this.ws = ws;
			this.hs = hs;
			this.wd = wd;
			this.hd = hd;
			this.taps = ip.taps();
			this.before = ip.before();
			final double[] cs = cosSin(p.angle());
			c = cs[0];
			s = cs[1];
			cxs = (ws - 1) / 2.0;
			cys = (hs - 1) / 2.0;
			cxd = (wd - 1) / 2.0;
			cyd = (hd - 1) / 2.0;
			// nearest: round the position; others: round it to the nearest tabulated fraction
			bias = ip == Interpolation.NONE ? 0.5 : 0.5 / TAB;
			wTab = new double[TAB * taps];
			iTab = new int[TAB * taps];
			final double[] w = new double[taps];
			final int scale = ip == Interpolation.BICUBIC ? 1 << CUBIC_BITS : TAB;
			for (int f = 0; f < TAB; f++) {
				ip.weights((double) f / TAB, w);
				int sum = 0;
				for (int t = 0; t < taps; t++) {
					wTab[f * taps + t] = w[t];
					if (t < taps - 1) sum += iTab[f * taps + t] = (int) Math.round(w[t] * scale);
				}
				iTab[f * taps + taps - 1] = scale - sum; // integer weights sum exactly to the scale
			}
		}

		/** Fixed-point source x of destination pixel (0, y), with the rounding bias. */
		long x0(final int y) {
			return Math.round((cxs - cxd * c + (y - cyd) * s + bias) * ONE);
		}

		long y0(final int y) {
			return Math.round((cys + cxd * s + (y - cyd) * c + bias) * ONE);
		}

		long dx() {
			return Math.round(c * ONE);
		}

		long dy() {
			return Math.round(-s * ONE);
		}

		/**
		 * The destination pixels {@code [lo, hi)} of row {@code y} whose whole kernel lies inside the source, with a
		 * margin of one pixel for rounding; the others need the checked path.
		 */
		int[] inside(final int y) {
			final double ax = x0(y) / ONE, bx = dx() / ONE, ay = y0(y) / ONE, by = dy() / ONE;
			final double[] rx = span(ax, bx, before, ws - taps + before + 1);
			final double[] ry = span(ay, by, before, hs - taps + before + 1);
			final double lo = Math.max(Math.max(rx[0], ry[0]), -1), hi = Math.min(Math.min(rx[1], ry[1]), wd + 1);
			if (!(hi > lo)) return new int[] { 0, 0 };
			final int l = (int) Math.max(0, Math.ceil(lo) + 1), h = (int) Math.min(wd, Math.floor(hi) - 1);
			return h > l ? new int[] { l, h } : new int[] { 0, 0 };
		}

		/** Whether every kernel tap of the fixed-point source position lies outside the source. */
		boolean outside(final long x, final long y) {
			final int xi = (int) (x >> FRAC) - before, yi = (int) (y >> FRAC) - before;
			return xi + taps <= 0 || xi >= ws || yi + taps <= 0 || yi >= hs;
		}

		/** The range of i with {@code lo <= a + i b < hi} (open interval, unbounded when {@code b} is 0). */
		private static double[] span(final double a, final double b, final double lo, final double hi) {
			if (Math.abs(b) < 1e-12) return a >= lo && a < hi ? new double[] { -1e9, 1e9 } : new double[] { 0, 0 };
			final double p = (lo - a) / b, q = (hi - a) / b;
			return new double[] { Math.min(p, q), Math.max(p, q) };
		}
	}

	// ---------------------------------------------------------------- 8-bit

	private static void rotateBytes(final Mapping m, final byte[] s, final byte[] d, final int planes, final int fill,
		final int y0, final int y1)
	{
		final long dx = m.dx(), dy = m.dy();
		final int planeS = m.ws * m.hs, planeD = m.wd * m.hd;
		for (int y = y0; y < y1; y++) {
			final long x0 = m.x0(y), yy0 = m.y0(y);
			final int[] in = m.inside(y);
			for (int p = 0; p < planes; p++) {
				final int so = p * planeS, o = p * planeD + y * m.wd;
				checkedBytes(m, s, so, d, o, 0, in[0], x0, yy0, dx, dy, fill);
				switch (m.ip) {
					case NONE -> nearestBytes(m.ws, s, so, d, o, in[0], in[1], x0, yy0, dx, dy);
					case BILINEAR -> bilinearBytes(m.ws, m.iTab, s, so, d, o, in[0], in[1], x0, yy0, dx, dy);
					case BICUBIC -> bicubicBytes(m.ws, m.iTab, s, so, d, o, in[0], in[1], x0, yy0, dx, dy);
				}
				checkedBytes(m, s, so, d, o, Math.max(in[1], in[0]), m.wd, x0, yy0, dx, dy, fill);
			}
		}
	}

	private static void nearestBytes(final int w, final byte[] s, final int so, final byte[] d, final int o,
		final int i0, final int i1, final long x0, final long y0, final long dx, final long dy)
	{
		long x = x0 + i0 * dx, y = y0 + i0 * dy;
		for (int i = i0; i < i1; i++, x += dx, y += dy)
			d[o + i] = s[so + (int) (y >> FRAC) * w + (int) (x >> FRAC)];
	}

	private static void bilinearBytes(final int w, final int[] tab, final byte[] s, final int so, final byte[] d,
		final int o, final int i0, final int i1, final long x0, final long y0, final long dx, final long dy)
	{
		long x = x0 + i0 * dx, y = y0 + i0 * dy;
		final int round = 1 << (2 * TABLE_BITS - 1);
		for (int i = i0; i < i1; i++, x += dx, y += dy) {
			final int p = so + (int) (y >> FRAC) * w + (int) (x >> FRAC);
			final int fx = (int) (x >>> (FRAC - TABLE_BITS)) & (TAB - 1), fy = (int) (y >>> (FRAC - TABLE_BITS))
				& (TAB - 1);
			// two neighbouring pixels per load (little-endian: the left one in the low byte); the top and bottom
			// rows interpolated together in the two 16-bit halves of one int (each sum fits: 255 * 256 < 2^16)
			final int top = (short) SHORT.get(s, p), bottom = (short) SHORT.get(s, p + w);
			final int left = (top & 0xff) | (bottom & 0xff) << 16, right = (top >> 8) & 0xff | (bottom & 0xff00) << 8;
			final int both = left * (TAB - fx) + right * fx;
			final int r0 = both & 0xffff, r1 = both >>> 16;
			d[o + i] = (byte) ((r0 * (TAB - fy) + r1 * fy + round) >> (2 * TABLE_BITS));
		}
	}

	private static void bicubicBytes(final int w, final int[] tab, final byte[] s, final int so, final byte[] d,
		final int o, final int i0, final int i1, final long x0, final long y0, final long dx, final long dy)
	{
		long x = x0 + i0 * dx, y = y0 + i0 * dy;
		final int round = 1 << (2 * CUBIC_BITS - 1);
		for (int i = i0; i < i1; i++, x += dx, y += dy) {
			final int p = so + ((int) (y >> FRAC) - 1) * w + (int) (x >> FRAC) - 1;
			final int fx = ((int) (x >>> (FRAC - TABLE_BITS)) & (TAB - 1)) << 2;
			final int fy = ((int) (y >>> (FRAC - TABLE_BITS)) & (TAB - 1)) << 2;
			final int a0 = tab[fx], a1 = tab[fx + 1], a2 = tab[fx + 2], a3 = tab[fx + 3];
			// four neighbouring pixels per load (little-endian: the leftmost in the low byte)
			final int r0 = row4((int) INT.get(s, p), a0, a1, a2, a3);
			final int r1 = row4((int) INT.get(s, p + w), a0, a1, a2, a3);
			final int r2 = row4((int) INT.get(s, p + 2 * w), a0, a1, a2, a3);
			final int r3 = row4((int) INT.get(s, p + 3 * w), a0, a1, a2, a3);
			final int v = (r0 * tab[fy] + r1 * tab[fy + 1] + r2 * tab[fy + 2] + r3 * tab[fy + 3] + round) >> (2
				* CUBIC_BITS);
			d[o + i] = (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
		}
	}

	/** The weighted sum of the four bytes packed in {@code q} (lowest byte first). */
	private static int row4(final int q, final int a0, final int a1, final int a2, final int a3) {
		return (q & 0xff) * a0 + ((q >>> 8) & 0xff) * a1 + ((q >>> 16) & 0xff) * a2 + (q >>> 24) * a3;
	}

	/** Pixels {@code [i0, i1)} of a row with bounds checks: taps outside the source count as {@code fill}. */
	private static void checkedBytes(final Mapping m, final byte[] s, final int so, final byte[] d, final int o,
		final int i0, final int i1, final long x0, final long y0, final long dx, final long dy, final int fill)
	{
		for (int i = i0; i < i1; i++) {
			final long x = x0 + i * dx, y = y0 + i * dy;
			if (m.outside(x, y)) d[o + i] = (byte) fill;
			else d[o + i] = (byte) Math.max(0, Math.min(255, (int) Math.round(sample(m, x, y, fill, (xx, yy) -> s[so
				+ yy * m.ws + xx] & 0xff))));
		}
	}

	// ---------------------------------------------------------------- other types

	private static void rotateFloats(final Mapping m, final float[] s, final float[] d, final int planes,
		final float fill, final int y0, final int y1)
	{
		final long dx = m.dx(), dy = m.dy();
		final int planeS = m.ws * m.hs, planeD = m.wd * m.hd;
		for (int y = y0; y < y1; y++) {
			final long x0 = m.x0(y), yy0 = m.y0(y);
			for (int p = 0; p < planes; p++) {
				final int so = p * planeS, o = p * planeD + y * m.wd;
				for (int i = 0; i < m.wd; i++) {
					final long x = x0 + i * dx, yy = yy0 + i * dy;
					d[o + i] = m.outside(x, yy) ? fill : (float) sample(m, x, yy, fill, (sx, sy) -> s[so + sy * m.ws + sx]);
				}
			}
		}
	}

	/** A source pixel inside the image. */
	@FunctionalInterface
	private interface Pixel {

		double get(int x, int y);
	}

	/** The interpolated value at a fixed-point source position; taps outside the source are {@code fill}. */
	private static double sample(final Mapping m, final long x, final long y, final double fill, final Pixel px) {
		final int xi = (int) (x >> FRAC) - m.before, yi = (int) (y >> FRAC) - m.before;
		final int fx = ((int) (x >>> (FRAC - TABLE_BITS)) & (TAB - 1)) * m.taps;
		final int fy = ((int) (y >>> (FRAC - TABLE_BITS)) & (TAB - 1)) * m.taps;
		double v = 0;
		for (int ty = 0; ty < m.taps; ty++) {
			final int sy = yi + ty;
			double r = 0;
			for (int tx = 0; tx < m.taps; tx++) {
				final int sx = xi + tx;
				r += m.wTab[fx + tx] * (sx >= 0 && sx < m.ws && sy >= 0 && sy < m.hs ? px.get(sx, sy) : fill);
			}
			v += m.wTab[fy + ty] * r;
		}
		return v;
	}
}
