package org.ijocr.core.morph;

import org.ijocr.core.Tasks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The binary fast path of {@link Morphology}: a page whose pixels are all 0 or 255 is packed into bits (64 pixels a
 * word, paper = 1), all passes run on the packed rows, where the minimum is {@code AND} and the maximum {@code OR},
 * and the result is unpacked once (R. van den Boomgaard, R. van Balen, "Methods for fast morphological image
 * transforms using bitmapped binary images", CVGIP: Graphical Models and Image Processing 54(3), 1992). The windows,
 * the logarithmic decomposition and the border rule are those of the 8-bit path, so both give the same pixels.
 */
final class BitMorphology {

	private BitMorphology() {}

	/** Output rows per block. */
	private static final int BLOCK_ROWS = 64;

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
		ByteOrder.LITTLE_ENDIAN);

	/** Byte i of {@code UNPACK[b]} is 0xFF when bit i of b is set. */
	private static final long[] UNPACK = new long[256];
	static {
		for (int b = 0; b < 256; b++) {
			long v = 0;
			for (int i = 0; i < 8; i++)
				if ((b >> i & 1) != 0) v |= 0xFFL << (8 * i);
			UNPACK[b] = v;
		}
	}

	/**
	 * Runs the steps on a binary image, or returns false (having written nothing) when {@code src} holds a value
	 * other than 0 and 255. {@code src} and {@code dst} may be the same array.
	 */
	static boolean run(final java.util.List<Morphology.Step> steps, final byte[] src, final byte[] dst, final int w, final int h) {
		final int planes = src.length / (w * h), nw = (w + 63) >>> 6;
		long[] cur = new long[planes * h * nw];
		final boolean[] binary = { true };
		final long[] packed = cur;
		Tasks.rows(h, planes, Morphology.MIN_ROWS_PER_TASK, (plane, y0, y1) -> {
			if (!pack(src, plane * w * h, w, y0, y1, packed, plane * h * nw, nw)) binary[0] = false;
		});
		if (!binary[0]) return false;
		long[] next = new long[cur.length];
		for (final Morphology.Step step : steps) {
			pass(step, cur, next, w, h, planes, nw);
			final long[] t = cur;
			cur = next;
			next = t;
		}
		final long[] result = cur;
		Tasks.rows(h, planes, Morphology.MIN_ROWS_PER_TASK, (plane, y0, y1) -> unpack(result, plane * h * nw, nw, dst, plane * w * h, w, y0,
			y1));
		return true;
	}

	/** Packs rows {@code [y0, y1)}; false if a pixel is neither 0 nor 255. */
	private static boolean pack(final byte[] src, final int off, final int w, final int y0, final int y1,
		final long[] bits, final int boff, final int nw)
	{
		long odd = 0;
		for (int y = y0; y < y1; y++) {
			final int p = off + y * w, b = boff + y * nw;
			int x = 0;
			for (; x + 8 <= w; x += 8) {
				final long v = (long) LONGS.get(src, p + x);
				odd |= (v ^ (v >>> 1)) & 0x7F7F7F7F7F7F7F7FL; // a byte is 0x00 or 0xFF iff its bits are all equal
				// keep bit i of byte i; the multiply gathers the eight bits in the top byte
				bits[b + (x >>> 6)] |= (((v & 0x8040201008040201L) * 0x0101010101010101L) >>> 56) << (x & 63);
			}
			for (; x < w; x++) {
				final int v = src[p + x];
				if (v != 0 && v != -1) odd = 1;
				if (v != 0) bits[b + (x >>> 6)] |= 1L << (x & 63);
			}
			if (odd != 0) return false; // a grey image: stop at its first row
		}
		return true;
	}

	private static void unpack(final long[] bits, final int boff, final int nw, final byte[] dst, final int off,
		final int w, final int y0, final int y1)
	{
		for (int y = y0; y < y1; y++) {
			final int p = off + y * w, b = boff + y * nw;
			int x = 0;
			for (; x + 8 <= w; x += 8)
				LONGS.set(dst, p + x, UNPACK[(int) (bits[b + (x >>> 6)] >>> (x & 63)) & 0xff]);
			for (; x < w; x++)
				dst[p + x] = (bits[b + (x >>> 6)] >>> (x & 63) & 1) != 0 ? (byte) 255 : 0;
		}
	}

	private static void pass(final Morphology.Step step, final long[] src, final long[] dst, final int w, final int h,
		final int planes, final int nw)
	{
		final int[][] rects = Morphology.clip(step.rects(), w, h);
		int kh = 1, reach = 0;
		for (final int[] r : rects) {
			kh = Math.max(kh, r[3] - r[2] + 1);
			reach = Math.max(reach, Math.max(-r[0], r[1]));
		}
		final int rowBuf = (BLOCK_ROWS + kh - 1) * nw, pad = (reach + 63) / 64 + 1, padBuf = nw + 2 * pad;
		final boolean max = step.max();
		Tasks.rows(h, planes, Morphology.MIN_ROWS_PER_TASK, (plane, y0, y1) -> {
			final long[] a = new long[rowBuf], b = new long[rowBuf], t = new long[padBuf], u = new long[padBuf];
			final int off = plane * h * nw;
			for (int b0 = y0; b0 < y1; b0 += BLOCK_ROWS) {
				final int b1 = Math.min(y1, b0 + BLOCK_ROWS);
				for (int r = 0; r < rects.length; r++)
					block(src, dst, off, w, h, nw, rects[r], max, r > 0, b0, b1, a, b, t, u, pad);
			}
		});
	}

	/** As the 8-bit path's block: vertical passes over whole rows of words, then each row horizontally. */
	private static void block(final long[] src, final long[] dst, final int off, final int w, final int h,
		final int nw, final int[] rect, final boolean max, final boolean combine, final int b0, final int b1,
		final long[] a, final long[] b, final long[] t, final long[] u, final int pad)
	{
		final int kh = rect[3] - rect[2] + 1, n = b1 - b0, r0 = b0 + rect[2], m = n + kh - 1;
		long[] v = src;
		int vo = off + r0 * nw;
		if (r0 < 0 || r0 + m > h) {
			final long neutral = max ? 0L : -1L;
			for (int i = 0; i < m; i++) {
				final int r = r0 + i;
				if (r >= 0 && r < h) System.arraycopy(src, off + r * nw, b, i * nw, nw);
				else Arrays.fill(b, i * nw, (i + 1) * nw, neutral);
			}
			v = b;
			vo = 0;
		}
		int len = m, span = 1;
		while (span < kh) {
			final int sh = Math.min(span, kh - span);
			final long[] out = v == a ? b : a;
			final int n2 = (len - sh) * nw, s2 = vo + sh * nw;
			if (max) for (int i = 0; i < n2; i++)
				out[i] = v[vo + i] | v[s2 + i];
			else for (int i = 0; i < n2; i++)
				out[i] = v[vo + i] & v[s2 + i];
			len -= sh;
			span += sh;
			v = out;
			vo = 0;
		}
		for (int i = 0; i < n; i++)
			horizontal(v, vo + i * nw, dst, off + (b0 + i) * nw, nw, w, rect[0], rect[1], max, combine, t, u, pad);
	}

	/**
	 * One row of words: bit x of the output is the extreme of bits {@code x+xFrom .. x+xTo}; bits outside the row
	 * are neutral. The row is copied between {@code pad} neutral words on each side.
	 */
	private static void horizontal(final long[] row, final int ro, final long[] dst, final int d0, final int nw,
		final int w, final int xFrom, final int xTo, final boolean max, final boolean combine, final long[] t,
		final long[] u, final int pad)
	{
		final long neutral = max ? 0L : -1L;
		final int n = nw + 2 * pad;
		Arrays.fill(t, 0, pad, neutral);
		System.arraycopy(row, ro, t, pad, nw);
		Arrays.fill(t, pad + nw, n, neutral);
		if ((w & 63) != 0) { // bits beyond the row's end
			final long keep = (1L << (w & 63)) - 1;
			t[pad + nw - 1] = max ? t[pad + nw - 1] & keep : t[pad + nw - 1] | ~keep;
		}
		// logarithmic decomposition: after a step with shift sh, bit p holds the extreme of bits p .. p+span-1
		final int kw = xTo - xFrom + 1;
		long[] cur = t;
		int span = 1;
		while (span < kw) {
			final int sh = Math.min(span, kw - span);
			final long[] out = cur == t ? u : t;
			for (int k = 0; k < n; k++) {
				final long s = bits(cur, n, 64L * k + sh, neutral);
				out[k] = max ? cur[k] | s : cur[k] & s;
			}
			span += sh;
			cur = out;
		}
		// output bit x (row word k) = bit 64 (pad + k) + x + xFrom of the buffer
		for (int k = 0; k < nw; k++) {
			final long s = bits(cur, n, 64L * (pad + k) + xFrom, neutral);
			if (!combine) dst[d0 + k] = s;
			else dst[d0 + k] = max ? dst[d0 + k] | s : dst[d0 + k] & s;
		}
	}

	/** The 64 bits starting at bit {@code pos} of {@code a[0..n)}; bits outside are {@code neutral}. */
	private static long bits(final long[] a, final int n, final long pos, final long neutral) {
		final int wi = (int) (pos >> 6), s = (int) (pos & 63);
		final long lo = wi >= 0 && wi < n ? a[wi] : neutral;
		if (s == 0) return lo;
		final long hi = wi + 1 >= 0 && wi + 1 < n ? a[wi + 1] : neutral;
		return (lo >>> s) | (hi << (64 - s));
	}
}
