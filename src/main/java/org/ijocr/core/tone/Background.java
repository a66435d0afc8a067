package org.ijocr.core.tone;

import org.ijocr.core.Storage;

import org.ijocr.core.Tasks;

import java.util.Arrays;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;

import org.ijocr.core.convert.Grayscale;
import org.ijocr.core.threshold.GlobalThresholds;

/**
 * Flattens the paper of a grey page: removes uneven illumination (vignetting, gradients, the dark shadow of a curved
 * page's gutter, brighter glare) and keeps the page grey, with its ink contrast, on paper of one level.
 * <p>
 * The paper background {@code B} is estimated on a grid of square cells of {@code c = max(1, round(radius / 4))}
 * pixels, robustly to dark text, and the page is divided by it: {@code out = src · paper / B} (gain limited to
 * {@value #MAX_GAIN}&times;), so paper becomes {@code paper} everywhere and ink keeps its contrast to the paper
 * around it (a division, like a flat-field correction, rather than ImageJ's subtraction: illumination multiplies). A
 * glare brighter than the paper is brought down to the paper level as a shadow is brought up. Steps:
 * <ol>
 * <li>the maximum of every cell, then a grey closing (maximum, then minimum, over {@code (2k+1)²} cells with
 * {@code k = round(radius / c)}) of that grid: dark structures narrower than about {@code 2 · radius} (strokes,
 * glyphs, lines of text) disappear, broader darkening stays. This first estimate {@code B0} is the light-side
 * envelope of the page, as ImageJ's rolling ball on a light background (S. R. Sternberg, "Biomedical image
 * processing", IEEE Computer 16(1), 1983), computed on the cell grid;</li>
 * <li>the mean of the pixels of each cell that lie less than {@value #FIRST_NOISE} noise deviations below {@code B0}
 * (but at least {@value #FIRST_MIN} and at most {@value #FIRST_MAX} of {@code B0}): the paper, not the ink, even faint
 * ink; smoothed by normalized convolution (H. Knutsson, C.-F. Westin, "Normalized and differential convolution",
 * CVPR 1993) over 3&times;3 cells: {@code B1}, which follows the paper, not the noise peaks the maxima ride on;</li>
 * <li>the same within {@value #SECOND_NOISE} deviations of {@code B1} (between {@value #SECOND_MIN} and
 * {@value #SECOND_MAX} of it: stroke edges left out), smoothed twice: {@code B}, interpolated bilinearly between the
 * cell centres.</li>
 * </ol>
 * The noise deviation is measured on the page ({@code 1.4826 · median|v(x+1) - v(x)| / √2}, the median absolute
 * deviation of neighbour differences). The automatic radius ({@link #autoRadius}) follows the page size and its
 * stroke width. The automatic paper level is the page's typical paper: the median of {@code B} over the cells (a
 * shadow or a glare over less than half the page does not move it; give a level, e.g. 255, for white paper). A large
 * dark area that is not text (a photograph, a black scan border) broader than the radius is taken for background and
 * whitened, as with any background subtraction; remove impulse noise first (a white impulse in every cell raises the
 * first estimate).
 * <p>
 * 8-bit {@code ArrayImg}s are read and written as {@code byte[]}; other types through a {@link RandomAccess}, row by
 * row, with results rounded and clamped to the type's range (float images are not clamped). Passes run in row bands
 * on ImgLib2's {@link net.imglib2.parallel.Parallelization} executor. {@code src} and {@code dst} may be the same.
 */
public final class Background {

	/**
	 * How far below the first estimate {@code B0} a pixel may lie and still count as paper in the first mean: five
	 * noise deviations, as a part of {@code B0} between {@value #FIRST_MIN} and {@value #FIRST_MAX}.
	 */
	public static final double FIRST_NOISE = 5, FIRST_MIN = 0.15, FIRST_MAX = 0.4;

	/**
	 * How far below the refined estimate {@code B1} a pixel may lie and still count as paper in the final mean: three
	 * noise deviations, as a part of {@code B1} between {@value #SECOND_MIN} and {@value #SECOND_MAX}.
	 */
	public static final double SECOND_NOISE = 3, SECOND_MIN = 0.05, SECOND_MAX = 0.15;

	/** The automatic radius is this many times the page's typical stroke width (at least). */
	public static final double STROKES_PER_RADIUS = 4;

	/** The largest gain (paper / background) applied. */
	public static final double MAX_GAIN = 16;

	/** Quantile of the background over the cells that sets the automatic paper level: the median. */
	public static final double PAPER_QUANTILE = 0.5;

	private Background() {}

	/**
	 * The automatic radius of a page: {@code max(4, min(width, height) / 80, 4 · stroke width)} pixels, where the
	 * stroke width is the median length of the horizontal runs of ink (Otsu's threshold) on every fourth row. The
	 * first term is 31 for an A4 page at 300 dpi (2.6 mm, well above the half-width of bold headings); the second
	 * keeps thick handwriting on small crops out of the background.
	 */
	public static <T extends RealType<T>> int autoRadius(final RandomAccessibleInterval<T> src) {
		Pixels.check2D(src, "Background estimation");
		final Rows io = Rows.of(src, src);
		return autoRadius(io, PageStats.of(io));
	}

	private static int autoRadius(final Rows io, final PageStats st) {
		return (int) Math.max(4, Math.round(Math.max(Math.min(io.w, io.h) / 80.0, STROKES_PER_RADIUS * st
			.strokeWidth())));
	}

	/**
	 * Flattens the background of a 2D grey image (see the class description).
	 *
	 * @return the paper level of the result (in the image's units)
	 */
	public static <T extends RealType<T>> double flatten(final FlattenParams p, final RandomAccessibleInterval<T> src,
		final RandomAccessibleInterval<T> dst)
	{
		Pixels.checkSameSize(src, dst);
		Pixels.check2D(src, "Flatten background");
		final Rows io = Rows.of(src, dst);
		final PageStats st = PageStats.of(io);
		final Grid g = estimate(io, p.radius() > 0 ? p.radius() : autoRadius(io, st), st.noise());
		final double paper = p.paper() > 0 ? p.paper() : g.quantile(PAPER_QUANTILE);
		final float[] gain = new float[g.b.length];
		final double floor = paper / MAX_GAIN;
		for (int i = 0; i < gain.length; i++)
			gain[i] = (float) (paper / Math.max(floor, g.b[i]));
		divide(io, g, gain);
		return paper;
	}

	/**
	 * The estimated paper background of a 2D grey image at the grid's resolution (see the class description).
	 *
	 * @param radius background scale in pixels (&ge; 1)
	 */
	public static <T extends RealType<T>> Grid background(final double radius, final RandomAccessibleInterval<T> src) {
		Pixels.check2D(src, "Background estimation");
		if (!(radius >= 1)) throw new IllegalArgumentException("radius must be at least 1, got " + radius);
		final Rows io = Rows.of(src, src);
		return estimate(io, radius, PageStats.of(io).noise());
	}

	/**
	 * A background estimate on a grid of {@code cell}-pixel squares; {@code b[cy · gw + cx]} is the value at the
	 * centre of cell {@code (cx, cy)}, i.e. at pixel {@code ((cx + 0.5) cell, (cy + 0.5) cell)}.
	 */
	public record Grid(int cell, int gw, int gh, float[] b) {

		/** The {@code q}-quantile (0..1) of the grid values. */
		public double quantile(final double q) {
			final float[] s = b.clone();
			Arrays.sort(s);
			return s[(int) Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
		}

		/** The background at pixel {@code (x, y)}, interpolated bilinearly between cell centres. */
		public double at(final double x, final double y) {
			final float[] row = new float[gw];
			rowAt(y, row);
			final double gx = Math.max(0, Math.min(gw - 1, (x + 0.5) / cell - 0.5));
			final int x0 = Math.min(gw - 2, (int) gx);
			return gw == 1 ? row[0] : row[x0] + (row[x0 + 1] - row[x0]) * (gx - x0);
		}

		/** The grid row interpolated (linearly between cell centres) at pixel row {@code y}. */
		void rowAt(final double y, final float[] out) {
			final double gy = Math.max(0, Math.min(gh - 1, (y + 0.5) / cell - 0.5));
			final int y0 = Math.min(Math.max(0, gh - 2), (int) gy), y1 = Math.min(gh - 1, y0 + 1);
			final float f = (float) (gy - y0);
			for (int x = 0; x < gw; x++) {
				final float t = b[y0 * gw + x];
				out[x] = t + (b[y1 * gw + x] - t) * f;
			}
		}
	}

	// ---------------------------------------------------------------- estimation

	/** The background grid; {@code noise} is the pixel noise deviation in the integer domain of {@code io}. */
	private static Grid estimate(final Rows io, final double radius, final double noise) {
		final int c = Math.max(1, (int) Math.round(radius / 4));
		final int k = Math.max(1, (int) Math.round(radius / c));
		final int gw = (io.w + c - 1) / c, gh = (io.h + c - 1) / c;
		final float[] b0 = cellMax(io, c, gw, gh);
		closing(b0, gw, gh, k);
		final float[] b1 = paperMean(io, c, gw, gh, b0, FIRST_NOISE * noise, FIRST_MIN, FIRST_MAX, 1);
		final float[] b = paperMean(io, c, gw, gh, b1, SECOND_NOISE * noise, SECOND_MIN, SECOND_MAX, 2);
		if (io.scale != 1) for (int i = 0; i < b.length; i++)
			b[i] /= io.scale;
		return new Grid(c, gw, gh, b);
	}

	/**
	 * Work on one image row (in the integer domain of {@link Rows}) of cell row {@code cy}, {@code first} and
	 * {@code last} of that cell row or not, with three row-long scratch arrays of the task.
	 */
	@FunctionalInterface
	private interface CellRow {

		void accept(int[] row, int cy, boolean first, boolean last, int[][] scratch);
	}

	/**
	 * Calls {@code body} with every image row, cell rows split over the executor (a cell row is one task's). The
	 * bodies accumulate per column over a cell row and reduce to cells at its last row: long loops without branches.
	 */
	private static void cellRows(final Rows io, final int c, final int gh, final CellRow body) {
		Tasks.split(gh, 1, (cy0, cy1) -> {
			final int[] row = new int[io.w];
			final int[][] scratch = new int[3][io.w];
			for (int y = cy0 * c; y < Math.min(io.h, cy1 * c); y++) {
				io.read(y, row);
				body.accept(row, y / c, y % c == 0, y % c == c - 1 || y == io.h - 1, scratch);
			}
		});
	}

	/** The maximum of every cell. */
	private static float[] cellMax(final Rows io, final int c, final int gw, final int gh) {
		final float[] m = new float[gw * gh];
		cellRows(io, c, gh, (row, cy, first, last, scratch) -> {
			final int[] acc = scratch[0];
			if (first) System.arraycopy(row, 0, acc, 0, io.w);
			else for (int x = 0; x < io.w; x++)
				acc[x] = Math.max(acc[x], row[x]);
			if (last) for (int cx = 0; cx < gw; cx++) {
				int v = 0;
				for (int x = cx * c, e = Math.min(io.w, x + c); x < e; x++)
					v = Math.max(v, acc[x]);
				m[cy * gw + cx] = v;
			}
		});
		return m;
	}

	/**
	 * The mean of the pixels of each cell that lie less than {@code allowance} below {@code ref} of their cell (a
	 * part {@code min..max} of {@code ref} at most), smoothed by normalized convolution ({@code passes} 3&times;3 box
	 * passes over sums and counts); cells without such pixels in reach keep {@code ref}.
	 */
	private static float[] paperMean(final Rows io, final int c, final int gw, final int gh, final float[] ref,
		final double allowance, final double min, final double max, final int passes)
	{
		final float[] sum = new float[gw * gh], cnt = new float[gw * gh];
		cellRows(io, c, gh, (row, cy, first, last, scratch) -> {
			final int[] below = scratch[0], s = scratch[1], n = scratch[2];
			if (first) {
				// per column: the level a pixel must exceed in this cell row
				for (int cx = 0; cx < gw; cx++) {
					final double r = ref[cy * gw + cx];
					final double t = r - Math.max(min * r, Math.min(max * r, allowance));
					Arrays.fill(below, cx * c, Math.min(io.w, cx * c + c), (int) Math.ceil(t) - 1);
				}
				Arrays.fill(s, 0);
				Arrays.fill(n, 0);
			}
			for (int x = 0; x < io.w; x++) {
				final int v = row[x], m = (below[x] - v) >> 31; // all ones when v > below: branch-free on edges
				s[x] += v & m;
				n[x] -= m;
			}
			if (last) for (int cx = 0; cx < gw; cx++) {
				long ss = 0;
				int nn = 0;
				for (int x = cx * c, e = Math.min(io.w, x + c); x < e; x++) {
					ss += s[x];
					nn += n[x];
				}
				sum[cy * gw + cx] = ss;
				cnt[cy * gw + cx] = nn;
			}
		});
		for (int p = 0; p < passes; p++) {
			boxSum(sum, gw, gh, 1);
			boxSum(cnt, gw, gh, 1);
		}
		final float[] b = new float[gw * gh];
		for (int i = 0; i < b.length; i++)
			b[i] = cnt[i] >= 0.5f ? sum[i] / cnt[i] : ref[i];
		return b;
	}

	/** Grey closing of the grid: maximum then minimum over {@code (2k+1)²} cells (windows clipped at the border). */
	private static void closing(final float[] a, final int gw, final int gh, final int k) {
		final float[] line = new float[Math.max(gw, gh)];
		for (final boolean max : new boolean[] { true, false }) {
			for (int y = 0; y < gh; y++)
				extreme(a, y * gw, 1, gw, k, max, line);
			for (int x = 0; x < gw; x++)
				extreme(a, x, gw, gh, k, max, line);
		}
	}

	/** Running maximum or minimum over {@code ±k} along one line of {@code n} values (start, stride) of {@code a}. */
	private static void extreme(final float[] a, final int start, final int stride, final int n, final int k,
		final boolean max, final float[] line)
	{
		for (int i = 0; i < n; i++)
			line[i] = a[start + i * stride];
		for (int i = 0; i < n; i++) {
			float v = line[i];
			for (int j = Math.max(0, i - k), e = Math.min(n - 1, i + k); j <= e; j++)
				v = max ? Math.max(v, line[j]) : Math.min(v, line[j]);
			a[start + i * stride] = v;
		}
	}

	/** Sums over {@code (2r+1)²} cells (windows clipped at the border), in place, separably. */
	private static void boxSum(final float[] a, final int gw, final int gh, final int r) {
		final float[] line = new float[Math.max(gw, gh)];
		for (int y = 0; y < gh; y++)
			lineSum(a, y * gw, 1, gw, r, line);
		for (int x = 0; x < gw; x++)
			lineSum(a, x, gw, gh, r, line);
	}

	private static void lineSum(final float[] a, final int start, final int stride, final int n, final int r,
		final float[] line)
	{
		for (int i = 0; i < n; i++)
			line[i] = a[start + i * stride];
		for (int i = 0; i < n; i++) {
			float s = 0;
			for (int j = Math.max(0, i - r), e = Math.min(n - 1, i + r); j <= e; j++)
				s += line[j];
			a[start + i * stride] = s;
		}
	}

	// ---------------------------------------------------------------- division

	/**
	 * {@code out = src · gain}, the gain interpolated bilinearly between cell centres: the two grid rows around an
	 * image row are interpolated along x once per cell row, then blended per image row.
	 */
	private static void divide(final Rows io, final Grid g, final float[] gain) {
		final int c = g.cell(), gw = g.gw(), gh = g.gh(), w = io.w;
		// per column: left cell centre and weight
		final int[] xi = new int[w];
		final float[] xf = new float[w];
		for (int x = 0; x < w; x++) {
			final double gx = Math.max(0, Math.min(gw - 1, (x + 0.5) / c - 0.5));
			xi[x] = Math.min(Math.max(0, gw - 2), (int) gx);
			xf[x] = gw == 1 ? 0 : (float) (gx - xi[x]);
		}
		final int right = gw > 1 ? 1 : 0;
		Tasks.split(io.h, 16, (ya, yb) -> {
			final float[] top = new float[w], bot = new float[w], row = new float[w];
			int cached = -1;
			for (int y = ya; y < yb; y++) {
				final double gy = Math.max(0, Math.min(gh - 1, (y + 0.5) / c - 0.5));
				final int y0 = Math.min(Math.max(0, gh - 2), (int) gy), y1 = Math.min(gh - 1, y0 + 1);
				if (y0 != cached) {
					for (int x = 0; x < w; x++) {
						final int i0 = y0 * gw + xi[x], i1 = y1 * gw + xi[x];
						top[x] = gain[i0] + (gain[i0 + right] - gain[i0]) * xf[x];
						bot[x] = gain[i1] + (gain[i1 + right] - gain[i1]) * xf[x];
					}
					cached = y0;
				}
				final float f = (float) (gy - y0);
				for (int x = 0; x < w; x++)
					row[x] = top[x] + (bot[x] - top[x]) * f;
				io.multiply(y, row);
			}
		});
	}

	// ---------------------------------------------------------------- page statistics

	/**
	 * What the automatic settings need to know of a page: the noise deviation of its pixels (in the integer domain
	 * of {@link Rows}) and the typical width of its strokes in pixels.
	 *
	 * @param noise {@code 1.4826 · median|v(x+1) - v(x)| / √2} over every second row: the deviation of Gaussian
	 *          pixel noise (the median absolute deviation of neighbour differences), which edges barely move
	 * @param strokeWidth the median length of the horizontal runs of ink, ink being the levels up to Otsu's
	 *          threshold of the page, over every fourth row (0 on a page without ink)
	 */
	private record PageStats(double noise, double strokeWidth) {

		static PageStats of(final Rows io) {
			final int top = io.top;
			final int[] levels = new int[256], diffs = new int[top + 1];
			final int[] row = new int[io.w];
			for (int y = 0; y < io.h; y += 2) {
				io.read(y, row);
				for (int x = 0; x < io.w; x++) {
					levels[(int) ((long) row[x] * 256 / (top + 1))]++;
					if (x > 0) diffs[Math.abs(row[x] - row[x - 1])]++;
				}
			}
			final double noise = 1.4826 * median(diffs) / Math.sqrt(2);
			// ink: domain values whose level is at most Otsu's threshold
			final long ink = ((long) GlobalThresholds.otsu(levels) + 1) * (top + 1) / 256 - 1;
			final int[] runs = new int[io.w + 1];
			for (int y = 0; y < io.h; y += 4) {
				io.read(y, row);
				int run = 0;
				for (int x = 0; x <= io.w; x++) {
					if (x < io.w && row[x] <= ink) run++;
					else if (run > 0) {
						runs[run]++;
						run = 0;
					}
				}
			}
			return new PageStats(noise, median(runs));
		}

		/** The median index of a histogram ({@code 0} if it is empty). */
		private static int median(final int[] hist) {
			long n = 0;
			for (final int c : hist)
				n += c;
			long seen = 0;
			for (int i = 0; i < hist.length; i++) {
				seen += hist[i];
				if (2 * seen >= n && n > 0) return i;
			}
			return 0;
		}
	}

	// ---------------------------------------------------------------- row access

	/**
	 * Row access: source rows as non-negative integers (8-bit and unsigned 16-bit values as they are, other types
	 * scaled by {@link #scale} so that their maximum becomes 65535, negative values as 0), and the result rows
	 * {@code dst = src · gain} in the destination's type.
	 */
	private abstract static class Rows {

		final int w, h;

		/** Integer value = image value × scale. */
		final double scale;

		/** The largest integer value (255 or 65535, or the type's maximum). */
		final int top;

		Rows(final int w, final int h, final double scale, final int top) {
			this.w = w;
			this.h = h;
			this.scale = scale;
			this.top = top;
		}

		abstract void read(int y, int[] row);

		abstract void multiply(int y, float[] gain);

		static <T extends RealType<T>> Rows of(final RandomAccessibleInterval<T> src,
			final RandomAccessibleInterval<T> dst)
		{
			final int w = (int) src.dimension(0), h = (int) src.dimension(1);
			final byte[] s = Storage.bytes(src), d = Storage.bytes(dst);
			if (s != null && d != null) return new ByteRows(s, d, w, h);
			final T t = src.getType();
			if (t instanceof IntegerType && t.getMinValue() >= 0 && t.getMaxValue() <= 65535)
				return new GenericRows<>(src, dst, w, h, 1, (int) t.getMaxValue());
			final double max = Grayscale.minMax(src)[1];
			return new GenericRows<>(src, dst, w, h, max > 0 ? 65535 / max : 1, 65535);
		}
	}

	private static final class ByteRows extends Rows {

		private final byte[] s, d;

		ByteRows(final byte[] s, final byte[] d, final int w, final int h) {
			super(w, h, 1, 255);
			this.s = s;
			this.d = d;
		}

		@Override
		void read(final int y, final int[] row) {
			final int o = y * w;
			for (int x = 0; x < w; x++)
				row[x] = s[o + x] & 0xff;
		}

		@Override
		void multiply(final int y, final float[] gain) {
			final int o = y * w;
			for (int x = 0; x < w; x++)
				d[o + x] = (byte) Math.min(255, (int) ((s[o + x] & 0xff) * gain[x] + 0.5f));
		}
	}

	private static final class GenericRows<T extends RealType<T>> extends Rows {

		private final RandomAccessibleInterval<T> src, dst;

		GenericRows(final RandomAccessibleInterval<T> src, final RandomAccessibleInterval<T> dst, final int w,
			final int h, final double scale, final int top)
		{
			super(w, h, scale, top);
			this.src = src;
			this.dst = dst;
		}

		private RandomAccess<T> at(final RandomAccessibleInterval<T> img, final int y) {
			final RandomAccess<T> ra = img.randomAccess();
			ra.setPosition(new long[] { img.min(0), img.min(1) + y });
			return ra;
		}

		@Override
		void read(final int y, final int[] row) {
			final RandomAccess<T> ra = at(src, y);
			for (int x = 0; x < w; x++, ra.fwd(0))
				row[x] = (int) Math.round(Math.max(0, Math.min(top, ra.get().getRealDouble() * scale)));
		}

		@Override
		void multiply(final int y, final float[] gain) {
			final RandomAccess<T> in = at(src, y), out = at(dst, y);
			final T t = out.get();
			for (int x = 0; x < w; x++, in.fwd(0), out.fwd(0))
				out.get().setReal(Pixels.fit(t, in.get().getRealDouble() * gain[x]));
		}
	}
}
