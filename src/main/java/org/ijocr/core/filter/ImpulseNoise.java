package org.ijocr.core.filter;

import org.ijocr.core.ByteLanes;
import org.ijocr.core.Storage;

import org.ijocr.core.Tasks;

import java.util.concurrent.atomic.AtomicLongArray;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * Removes salt-and-pepper (impulse) noise from an 8-bit grey page without blurring clean text: a switching median
 * that replaces only the pixels judged to be impulses.
 * <p>
 * Detection: impulses take the extreme grey values of the page (its minimum and maximum, 0 and 255 for
 * salt-and-pepper). On a text page ink and paper have those values too, so an extreme pixel is an impulse only when
 * at most one of its 8 neighbours is similar to it (within {@value #DEFAULT_TOLERANCE} grey levels): ink and paper
 * pixels belong to regions, while an impulse stands alone or in a rare pair. (The end pixels of a line exactly
 * 1 pixel wide and black fit that test too and are lost; at 300 dpi antialiased strokes are wider;
 * {@link #keepStrokeEnds} puts them back where the noise is sparse.) This is
 * the noise-adaptive switching scheme of H.-L. Eng and K.-K. Ma, "Noise adaptive soft-switching median filter",
 * IEEE Trans. Image Process. 10(2), 2001, with the detector of S. Zhang and M. A. Karim, "A new impulse detector
 * for switching median filters", IEEE Signal Process. Lett. 9(11), 2002 (an impulse differs from most of its
 * neighbours).
 * <p>
 * Replacement: the median of the noise-free pixels in a window grown from 3&times;3 to 7&times;7 until it holds at
 * least one (the adaptive window of H. Hwang and R. A. Haddad, "Adaptive median filters: new algorithms and
 * results", IEEE Trans. Image Process. 4(4), 1995); an even count takes the mean of the two middle values.
 * <p>
 * Density estimate: an impulse can only be detected at a site where at most one neighbour of the restored page is
 * near its level (pepper on paper, salt inside thick ink), so each kind's density is its detections over its sites,
 * corrected for impulses hidden by a same-level neighbour (see {@link #density}); the total adds both kinds. Impulse
 * clusters of 3 or more are not removed; they are left to speck removal on the binary page.
 * <p>
 * Implementation: each pixel's byte in a code array says whether it is near low or near high; the neighbour counts of
 * eight pixels are sums of those codes read as 64-bit words (no byte overflows), computed only where a word holds a
 * pixel at the low or high level; impulses are visited by their bits, and inside the image the median of the 3&times;3
 * window comes from a sorting network.
 */
public final class ImpulseNoise {

	private ImpulseNoise() {}

	/** Default: grey-level difference up to which a neighbour counts as similar. */
	public static final int DEFAULT_TOLERANCE = 64;

	/**
	 * Estimated density ({@link Result#estimatedDensity}) up to which {@code OCR Denoise} applies
	 * {@link #keepStrokeEnds}: an impulse then touches two others with a chance of about 8·7·d² ≈ 5 %. At 5 % noise
	 * the impulse chains it puts back leave specks (its test page: 766 components against 748 without it, 722 clean).
	 */
	public static final double SPARSE_DENSITY = 0.03;

	/** An extreme pixel with at most this many similar neighbours (of 8) is an impulse. */
	public static final int MAX_SIMILAR_NEIGHBOURS = 1;

	/**
	 * What {@link #remove} found.
	 *
	 * @param estimatedDensity estimated fraction of pixels hit by impulses (salt plus pepper), including invisible
	 *          hits (salt on white paper)
	 * @param pepperDensity estimated fraction hit by dark impulses
	 * @param saltDensity estimated fraction hit by light impulses
	 * @param pixelsChanged pixels replaced
	 * @param low the dark impulse level (page minimum)
	 * @param high the light impulse level (page maximum)
	 */
	public record Result(double estimatedDensity, double pepperDensity, double saltDensity, long pixelsChanged,
		int low, int high)
	{}

	/**
	 * Removes impulse noise with the default tolerance; see the class description.
	 *
	 * @param src 8-bit page
	 * @param dst output, same size; may not share pixels with {@code src}
	 * @return estimated density and pixels changed
	 */
	public static Result remove(final RandomAccessibleInterval<UnsignedByteType> src,
		final RandomAccessibleInterval<UnsignedByteType> dst)
	{
		return remove(src, dst, DEFAULT_TOLERANCE);
	}

	/**
	 * Removes impulse noise; see the class description.
	 *
	 * @param src 8-bit page (2-D)
	 * @param dst output, same size; may not share pixels with {@code src}
	 * @param tolerance grey-level difference up to which a neighbour counts as similar (default 64)
	 * @return estimated density and pixels changed
	 */
	public static Result remove(final RandomAccessibleInterval<UnsignedByteType> src,
		final RandomAccessibleInterval<UnsignedByteType> dst, final int tolerance)
	{
		if (src.numDimensions() != 2) throw new IllegalArgumentException("2-D images only");
		final int w = (int) src.dimension(0), h = (int) src.dimension(1);
		if (dst.numDimensions() != 2 || dst.dimension(0) != w || dst.dimension(1) != h)
			throw new IllegalArgumentException("sizes differ");
		byte[] s = Storage.bytes(src), d = Storage.bytes(dst);
		if (s != null && s == d) throw new IllegalArgumentException("dst must not alias src");
		final boolean copyOut = d == null;
		if (s == null) {
			s = new byte[w * h];
			final Cursor<UnsignedByteType> c = Views.flatIterable(src).cursor();
			for (int i = 0; i < s.length; i++)
				s[i] = c.next().getByte();
		}
		if (d == null) d = new byte[w * h];
		final Result r = remove(s, d, w, h, tolerance);
		if (copyOut) {
			final Cursor<UnsignedByteType> c = Views.flatIterable(dst).cursor();
			for (int i = 0; i < d.length; i++)
				c.next().setByte(d[i]);
		}
		return r;
	}

	/**
	 * Removes impulse noise on raw row-major 8-bit pixels; see the class description.
	 *
	 * @param src pixels, {@code width*height}
	 * @param dst output pixels, not the same array
	 * @param w width
	 * @param h height
	 * @param tolerance grey-level difference up to which a neighbour counts as similar (default 64)
	 * @return estimated density and pixels changed
	 */
	public static Result remove(final byte[] src, final byte[] dst, final int w, final int h, final int tolerance) {
		return remove(src, dst, w, h, tolerance, null);
	}

	/**
	 * Removes impulse noise on raw row-major 8-bit pixels, reusing a mask buffer (a new page-sized array costs page
	 * faults on every call); see the class description.
	 *
	 * @param src pixels, {@code width*height}
	 * @param dst output pixels, not the same array
	 * @param w width
	 * @param h height
	 * @param tolerance grey-level difference up to which a neighbour counts as similar (default 64)
	 * @param maskBuffer at least {@code w*h} bytes to reuse (overwritten), or null
	 * @return estimated density and pixels changed
	 */
	public static Result remove(final byte[] src, final byte[] dst, final int w, final int h, final int tolerance,
		final byte[] maskBuffer)
	{
		if (src == dst) throw new IllegalArgumentException("dst must not alias src");
		if (src.length < w * h || dst.length < w * h) throw new IllegalArgumentException("arrays too short");
		int lo = 255, hi = 0;
		for (int i = 0; i < w * h; i++) {
			final int v = src[i] & 0xff;
			if (v < lo) lo = v;
			if (v > hi) hi = v;
		}
		final int low = lo, high = hi;
		if (low == high) {
			System.arraycopy(src, 0, dst, 0, w * h);
			return new Result(0, 0, 0, 0, low, high);
		}
		// per pixel, one byte: its code (near low: 1, near high: 16) and, in the top bit, whether it is an impulse
		final byte[] m = maskBuffer != null && maskBuffer.length >= w * h ? maskBuffer : new byte[w * h];
		final byte[] table = new byte[256];
		for (int q = 0; q < 256; q++)
			table[q] = (byte) ((q - low <= tolerance ? 1 : 0) + (high - q <= tolerance ? 16 : 0));
		Tasks.split(w * h, Median.MIN_ROWS_PER_TASK * w, (i0, i1) -> {
			for (int i = i0; i < i1; i++)
				m[i] = table[src[i] & 0xff];
		});
		// pass 1: mark impulses; pass 2 writes the result and the codes of the restored page
		Tasks.rows(h, 1, Median.MIN_ROWS_PER_TASK, (plane, y0, y1) -> {
			for (int y = y0; y < y1; y++)
				markImpulses(src, m, w, h, y, low, high);
		});
		// counts: [changed, pepper found, salt found, pepper sites, salt sites]
		final AtomicLongArray counts = new AtomicLongArray(5);
		Tasks.rows(h, 1, Median.MIN_ROWS_PER_TASK, (plane, y0, y1) -> {
			final int[] buf = new int[49];
			long changed = 0, pepper = 0, found = 0;
			System.arraycopy(src, y0 * w, dst, y0 * w, (y1 - y0) * w);
			for (int y = y0; y < y1; y++)
				for (int x = 0, p = y * w; x < w; x += 8, p += 8) {
					// the impulses among eight pixels, one top bit each (the last word of a row byte by byte)
					long impulses = 0;
					if (x + 8 <= w) impulses = ByteLanes.get(m, p) & ByteLanes.HIGH;
					else for (int k = 0; x + k < w; k++)
						impulses |= (m[p + k] & (long) IMPULSE) << 8 * k;
					for (; impulses != 0; impulses &= impulses - 1) {
						final int k = Long.numberOfTrailingZeros(impulses) >>> 3, xx = x + k, q = p + k;
						final int v = src[q] & 0xff;
						found++;
						pepper += (v - high) >>> 31; // the low level, without a branch
						final int r = replacement(src, m, w, h, xx, y, buf);
						if (r != v) {
							changed++;
							m[q] = (byte) (IMPULSE | table[r]);
						}
						dst[q] = (byte) r;
					}
				}
			counts.addAndGet(0, changed);
			counts.addAndGet(1, pepper);
			counts.addAndGet(2, found - pepper);
		});
		// sites where an impulse of each kind would have been detected: at most 1 neighbour near its level
		Tasks.rows(h, 1, Median.MIN_ROWS_PER_TASK, (plane, y0, y1) -> {
			long pepperSites = 0, saltSites = 0;
			for (int y = y0; y < y1; y++) {
				final int p = y * w;
				int x = 0;
				for (; x < w && (x < 1 || x + 9 > w); x++) {
					final int sum = neighbours(m, w, h, x, y);
					if ((sum & 15) <= MAX_SIMILAR_NEIGHBOURS) pepperSites++;
					if (sum >>> 4 <= MAX_SIMILAR_NEIGHBOURS) saltSites++;
				}
				for (; x + 9 <= w; x += 8) {
					final long sum = neighbours8(m, w, h, p + x, y);
					pepperSites += Long.bitCount(ByteLanes.zeroBytes(sum & LOW_FEW));
					saltSites += Long.bitCount(ByteLanes.zeroBytes(sum & HIGH_FEW));
				}
				for (; x < w; x++) {
					final int sum = neighbours(m, w, h, x, y);
					if ((sum & 15) <= MAX_SIMILAR_NEIGHBOURS) pepperSites++;
					if (sum >>> 4 <= MAX_SIMILAR_NEIGHBOURS) saltSites++;
				}
			}
			counts.addAndGet(3, pepperSites);
			counts.addAndGet(4, saltSites);
		});
		final double pd = density(counts.get(1), counts.get(3));
		final double sd = density(counts.get(2), counts.get(4));
		return new Result(pd + sd, pd, sd, counts.get(0), low, high);
	}

	/** The top bit of a pixel's byte in the code array: the pixel is an impulse. */
	private static final int IMPULSE = 0x80;

	/** The code bits of eight bytes (near low: bit 0, near high: bit 4). */
	private static final long CODE_BITS = 0x1111111111111111L;

	/** Bits that are all 0 in a byte of neighbour counts when at most 1 neighbour is near low (near high). */
	private static final long LOW_FEW = 0x0E0E0E0E0E0E0E0EL, HIGH_FEW = 0xE0E0E0E0E0E0E0E0L;

	static {
		if (MAX_SIMILAR_NEIGHBOURS != 1) throw new AssertionError("LOW_FEW and HIGH_FEW test for at most 1");
	}

	/**
	 * Marks the impulses of row y in the top bits of {@code m}: pixels at the low level with at most one neighbour
	 * near low, and at the high level with at most one near high. Eight pixels at a time inside the row: words without
	 * either level (most of a grey page) are passed over, the others get their neighbour counts all at once.
	 */
	private static void markImpulses(final byte[] src, final byte[] m, final int w, final int h, final int y,
		final int low, final int high)
	{
		final long lowLevel = low * ByteLanes.ONES, highLevel = high * ByteLanes.ONES;
		final int p = y * w;
		int x = 0;
		for (; x < w && (x < 1 || x + 9 > w); x++)
			markImpulse(src, m, w, h, x, y, low, high);
		for (; x + 9 <= w; x += 8) {
			final long v = ByteLanes.get(src, p + x);
			final long isLow = ByteLanes.zeroBytes(v ^ lowLevel), isHigh = ByteLanes.zeroBytes(v ^ highLevel);
			if ((isLow | isHigh) == 0) continue;
			final long sum = neighbours8(m, w, h, p + x, y);
			final long impulses = isLow & ByteLanes.zeroBytes(sum & LOW_FEW) | isHigh & ByteLanes.zeroBytes(sum & HIGH_FEW);
			if (impulses != 0) ByteLanes.set(m, p + x, ByteLanes.get(m, p + x) | impulses);
		}
		for (; x < w; x++)
			markImpulse(src, m, w, h, x, y, low, high);
	}

	/** {@link #markImpulses} for one pixel. */
	private static void markImpulse(final byte[] src, final byte[] m, final int w, final int h, final int x,
		final int y, final int low, final int high)
	{
		final int v = src[y * w + x] & 0xff;
		if (v != low && v != high) return;
		final int sum = neighbours(m, w, h, x, y);
		if (v == low ? (sum & 15) <= MAX_SIMILAR_NEIGHBOURS : sum >>> 4 <= MAX_SIMILAR_NEIGHBOURS) m[y * w + x] |=
			(byte) IMPULSE;
	}

	/**
	 * How many of the 8 neighbours of (x, y) are near low (low 4 bits) and near high (bits 4..7), from the codes in
	 * {@code m}; outside the image counts nothing.
	 */
	private static int neighbours(final byte[] m, final int w, final int h, final int x, final int y) {
		int sum = 0;
		for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++)
			for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++)
				sum += m[yy * w + xx] & 0x11;
		return sum - (m[y * w + x] & 0x11);
	}

	/**
	 * {@link #neighbours} of the eight pixels from index p (column x ≥ 1 with x + 9 ≤ w) of row y, one per byte: the
	 * codes (0, 1, 16 or 17 per byte) of three rows and three shifts summed as words. A byte's sum is at most 9·17 =
	 * 153, so no byte carries into the next.
	 */
	private static long neighbours8(final byte[] m, final int w, final int h, final int p, final int y) {
		long sum = row3(m, p) - (ByteLanes.get(m, p) & CODE_BITS);
		if (y > 0) sum += row3(m, p - w);
		if (y + 1 < h) sum += row3(m, p + w);
		return sum;
	}

	/** Horizontal sums of three codes around each of the eight pixels from index p. */
	private static long row3(final byte[] m, final int p) {
		return (ByteLanes.get(m, p - 1) & CODE_BITS) + (ByteLanes.get(m, p) & CODE_BITS) + (ByteLanes.get(m,
			p + 1) & CODE_BITS);
	}

	/**
	 * Puts back the impulses {@link #remove} took that end a stroke: a pixel at an impulse level with exactly one
	 * neighbour within {@code tolerance} of that level, where that neighbour has at least two such neighbours itself
	 * (a stroke one pixel wide ends there; an impulse pair stands alone). Thin print (receipts, faxes, small text at
	 * low resolution) would otherwise lose a pixel at every stroke end on each pass. Meant for sparse noise: dense
	 * noise forms chains of impulses that pass for strokes.
	 *
	 * @param src the input of {@link #remove}
	 * @param dst its output, changed in place
	 * @param tolerance the tolerance {@link #remove} ran with
	 * @param r what {@link #remove} returned (its impulse levels)
	 */
	public static void keepStrokeEnds(final byte[] src, final byte[] dst, final int w, final int h,
		final int tolerance, final Result r)
	{
		final int[] last = new int[1];
		for (int p = 0; p < w * h; p++) {
			if (src[p] == dst[p]) continue;
			final boolean dark = (src[p] & 0xff) == r.low();
			if (similar(src, w, h, p, dark, tolerance, r, last) == 1 && similar(src, w, h, last[0], dark, tolerance, r,
				last) >= 2)
				dst[p] = src[p];
		}
	}

	/**
	 * How many of pixel {@code p}'s 8 neighbours lie within {@code tol} of the dark (or light) impulse level; the
	 * index of the last one found goes to {@code last[0]}.
	 */
	private static int similar(final byte[] px, final int w, final int h, final int p, final boolean dark,
		final int tol, final Result r, final int[] last)
	{
		final int x = p % w, y = p / w;
		int n = 0;
		for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++)
			for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
				final int j = yy * w + xx, v = px[j] & 0xff;
				if (j != p && (dark ? v - r.low() <= tol : r.high() - v <= tol)) {
					n++;
					last[0] = j;
				}
			}
		return n;
	}

	/**
	 * Density of one impulse kind from {@code found} detections among {@code sites} places where it is detectable,
	 * corrected for impulses missed because two or more of the same kind are among their 8 neighbours: an impulse of
	 * density q is detected with probability {@code P(q) = (1-q)^8 + 8q(1-q)^7}, so q is the smallest root of
	 * {@code q P(q) = found / sites} (found on a 0.0005 grid; the maximiser of {@code q P(q)} when no root exists).
	 */
	static double density(final long found, final long sites) {
		if (sites == 0 || found == 0) return 0;
		final double observed = found / (double) sites;
		double best = 0, bestF = 0;
		for (double q = 0.0005; q <= 0.5; q += 0.0005) {
			final double f = q * (Math.pow(1 - q, 8) + 8 * q * Math.pow(1 - q, 7));
			if (f >= observed) {
				// interpolate inside the grid step
				final double q0 = q - 0.0005, f0 = q0 * (Math.pow(1 - q0, 8) + 8 * q0 * Math.pow(1 - q0, 7));
				return q0 + 0.0005 * (observed - f0) / (f - f0);
			}
			if (f > bestF) {
				bestF = f;
				best = q;
			}
		}
		return best;
	}

	/**
	 * Median of the noise-free pixels (top bit of {@code m} clear) in the smallest window (3x3 .. 7x7) that has any;
	 * else of the 3x3 window. Inside the image the 3x3 window is read directly.
	 */
	private static int replacement(final byte[] src, final byte[] m, final int w, final int h, final int x,
		final int y, final int[] buf)
	{
		if (x > 0 && y > 0 && x + 1 < w && y + 1 < h) {
			// the 8 neighbours (the centre is an impulse), impulses raised above all levels, sorted without
			// branches: the n noise-free levels come first, in order
			final int p = y * w + x;
			final int n = 8 - (neighbour(src, m, p - w - 1, buf, 0) + neighbour(src, m, p - w, buf, 1) + neighbour(src,
				m, p - w + 1, buf, 2) + neighbour(src, m, p - 1, buf, 3) + neighbour(src, m, p + 1, buf, 4) + neighbour(
					src, m, p + w - 1, buf, 5) + neighbour(src, m, p + w, buf, 6) + neighbour(src, m, p + w + 1, buf, 7));
			if (n > 0) {
				sort8(buf);
				return n % 2 == 1 ? buf[n / 2] : (buf[n / 2 - 1] + buf[n / 2] + 1) / 2;
			}
		}
		for (int r = 1; r <= 3; r++) {
			int n = 0;
			for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++)
				for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
					final int q = yy * w + xx;
					if (m[q] >= 0) buf[n++] = src[q] & 0xff;
				}
			if (n > 0) return middle(buf, n);
		}
		int n = 0;
		for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++)
			for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++)
				buf[n++] = src[yy * w + xx] & 0xff;
		return middle(buf, n);
	}

	/** Puts the level of pixel q into {@code buf[k]}, plus {@link #ABSENT} if it is an impulse; returns 1 if it is. */
	private static int neighbour(final byte[] src, final byte[] m, final int q, final int[] buf, final int k) {
		final int impulse = (m[q] & 0xff) >>> 7;
		buf[k] = src[q] & 0xff | impulse * ABSENT;
		return impulse;
	}

	/** Added to an impulse's level among the neighbours in {@link #replacement}: puts it above every level. */
	private static final int ABSENT = 256;

	/**
	 * Sorts {@code a[0..7]} by the optimal sorting network for 8 values (19 compare-exchanges in 6 layers; D. E. Knuth,
	 * The Art of Computer Programming, vol. 3, 5.3.4), without branches.
	 */
	private static void sort8(final int[] a) {
		exchange(a, 0, 2); exchange(a, 1, 3); exchange(a, 4, 6); exchange(a, 5, 7);
		exchange(a, 0, 4); exchange(a, 1, 5); exchange(a, 2, 6); exchange(a, 3, 7);
		exchange(a, 0, 1); exchange(a, 2, 3); exchange(a, 4, 5); exchange(a, 6, 7);
		exchange(a, 2, 4); exchange(a, 3, 5);
		exchange(a, 1, 4); exchange(a, 3, 6);
		exchange(a, 1, 2); exchange(a, 3, 4); exchange(a, 5, 6);
	}

	/** Puts the smaller of {@code a[i]} and {@code a[j]} at i and the larger at j. */
	private static void exchange(final int[] a, final int i, final int j) {
		final int u = a[i], v = a[j];
		a[i] = Math.min(u, v);
		a[j] = Math.max(u, v);
	}

	/** Median of {@code a[0..n-1]} (mean of the two middle values, rounded, when n is even); sorts a (insertion). */
	private static int middle(final int[] a, final int n) {
		for (int i = 1; i < n; i++) {
			final int v = a[i];
			int j = i - 1;
			for (; j >= 0 && a[j] > v; j--)
				a[j + 1] = a[j];
			a[j + 1] = v;
		}
		return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2] + 1) / 2;
	}
}
