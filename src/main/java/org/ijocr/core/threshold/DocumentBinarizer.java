package org.ijocr.core.threshold;

import org.ijocr.core.ByteLanes;
import org.ijocr.core.Tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Document-grade local binarization: the {@link BinarizeMethod#AUTO} method. Stroke edges are found by local contrast,
 * each pixel near text is compared with the grey levels of the stroke edges around it (Su, Lu &amp; Tan), and pixels
 * without stroke edges nearby are decided against an estimate of the paper's own grey level (Gatos, Pratikakis &amp;
 * Perantonis; Lu, Su &amp; Tan), so that stains, shadows, uneven light and bleed-through do not become ink while faint
 * strokes attached to text are kept.
 * <ol>
 * <li><b>Light denoising</b>: 3×3 binomial filter [1 2 1]ᵀ[1 2 1]/16 (close to a Gaussian of σ ≈ 0.7), on pages with noise
 * (σ<sub>noise</sub> ≥ {@value #SMOOTH_NOISE}; a crisp rendered page is used as it is). Edges and their statistics
 * come from the smoothed image; the pixel compared with the local threshold is the mean of the original and the
 * smoothed level (half the smoothing), so that smoothing does not widen thin strokes.</li>
 * <li><b>Adaptive local contrast</b> over 3×3 neighbourhoods, C<sub>a</sub> = α·(I<sub>max</sub> − I<sub>min</sub>) /
 * (I<sub>max</sub> + I<sub>min</sub> + ε) + (1 − α)·(I<sub>max</sub> − I<sub>min</sub>) / 255 with α = σ / 128 (σ the
 * page's grey-level standard deviation, γ = 1): B. Su, S. Lu &amp; C. L. Tan, "Robust document image binarization
 * technique for degraded document images", IEEE TIP 22(4):1408–1417, 2013.</li>
 * <li><b>Stroke-edge pixels</b>: contrast above Otsu's threshold of the contrast histogram (B. Su, S. Lu &amp; C. L.
 * Tan, "Binarization of historical document images using the local maximum and minimum", Proc. DAS 2010, 159–166),
 * and a 3×3 range I<sub>max</sub> − I<sub>min</sub> of at least max({@value #MIN_EDGE_RANGE},
 * {@value #NOISE_FACTOR}·σ<sub>noise</sub>) grey levels, σ<sub>noise</sub> estimated robustly ({@link #noiseSigma}) —
 * so that a page without ink has no edges and stays blank. Each edge pixel is on the dark or the light side of its
 * stroke boundary (its level below or above the 3×3 mid-range).</li>
 * <li><b>Local threshold</b> (Su et al. 2010) in a W×W window: a pixel is ink when the window holds at least
 * N<sub>min</sub> = {@value #NMIN_FACTOR}·W edge pixels, both sides present, and its level is at most
 * {@value #LIGHT_WEIGHT}·(mean light-side edge level) + (1 − {@value #LIGHT_WEIGHT})·(mean dark-side edge level). Su
 * et al. use E<sub>mean</sub> + E<sub>std</sub>/2 of all edge pixels, which is exactly this for balanced sides; the
 * two side means keep the rule stable around small dots, where light-side edge pixels dominate. A first pass with
 * W = 2·{@value #FIRST_RADIUS} + 1 gives the stroke width EW ({@link #strokeWidth}: the most frequent length of the
 * horizontal ink runs across stroke bodies, as S. Lu, B. Su &amp; C. L. Tan estimate it from horizontal scans in
 * "Document image binarization using background estimation and stroke edges", IJDAR 13(4):303–314, 2010); the final
 * pass uses W = 2·EW + 1.</li>
 * <li><b>Background surface</b> (B. Gatos, I. Pratikakis &amp; S. J. Perantonis, "Adaptive degraded document image
 * binarization", Pattern Recognition 39(3):317–327, 2006; Lu, Su &amp; Tan 2010): the median level of the pixels not
 * found to be ink in cells of {@value #CELL_FACTOR}·W pixels; cells mostly covered by ink take the mean of their
 * neighbours, ring by ring; each cell then takes the minimum of its 3×3 cells (so that a sharp step of the paper, as
 * at the border of a dark region, is not taken for ink), and the surface B is interpolated bilinearly.</li>
 * <li><b>Pixels without enough stroke edges</b> in their window (inside strokes wider than the window, faint strokes
 * without strong edges, or far from any text) are decided by hysteresis on the normalised depth
 * d = (B − I)/B, as Canny's edge hysteresis (J. Canny, IEEE TPAMI 8(6):679–698, 1986) grows strong responses through
 * weaker ones: such a pixel is ink when it is 8-connected to ink through such pixels and d is at least
 * {@linkplain #FILL_FRACTION 1/3} of the median d of the ink found (Canny's low-to-high threshold ratio of 1:3; Gatos et
 * al. likewise threshold the distance from the background at a fraction of the mean ink distance). All other such
 * pixels are paper: a stain, a shadow or a bleed-through stroke that touches no text stays paper.</li>
 * </ol>
 * <p>
 * Constants and where they come from: {@link #LIGHT_WEIGHT} = 0.75 is Su et al.'s E<sub>mean</sub> + E<sub>std</sub>/2;
 * {@link #FILL_FRACTION} = 1/3 is Canny's hysteresis ratio; W = 2·EW + 1 follows Su et al.'s and Lu et al.'s rule that
 * the window must span a stroke; {@link #NMIN_FACTOR}, {@link #CELL_FACTOR} (a cell spans about four stroke widths,
 * so it always holds paper between strokes), {@link #FIRST_RADIUS} (a 21-pixel window, a few stroke widths at 300 dpi),
 * {@link #MIN_EDGE_RANGE} and {@link #NOISE_FACTOR} (a 3×3 range of Gaussian noise rarely exceeds 4σ) and
 * {@link #SMOOTH_NOISE} (any measurable noise) are design values. None is tuned per page. On the 44 shared DIBCO pages
 * (2009–2014), a leave-one-year-out choice of the four non-paper constants scores within a quarter of a point of the
 * defaults' FM in each held-out year; ±20 % on any one constant moves the mean FM by at most 0.15 points, except
 * {@link #LIGHT_WEIGHT}, which places the stroke boundary (±20 % costs about one point); see
 * {@code org.ijocr.bench.AutoTuning}.
 * <p>
 * Input: 8-bit grey levels, row-major; output 0 (ink) / 255 (paper). Rows are processed in bands on ImgLib2's current
 * {@link net.imglib2.parallel.TaskExecutor}; the growth of the last step is sequential.
 */
public final class DocumentBinarizer {

	/** Pages whose noise standard deviation ({@link #noiseSigma}) is at least this are smoothed first. */
	public static final double SMOOTH_NOISE = 0.5;

	/** Minimum 3×3 range of a stroke edge, in grey levels. */
	public static final int MIN_EDGE_RANGE = 8;

	/** The minimum edge range is at least this many noise standard deviations. */
	public static final double NOISE_FACTOR = 4;

	/** Window radius of the first pass, which estimates the stroke width. */
	public static final int FIRST_RADIUS = 10;

	/** Edge pixels needed in a W×W window, as a multiple of W. */
	public static final double NMIN_FACTOR = 1.5;

	/**
	 * Weight of the light-side edge mean in the local threshold (the dark-side mean has 1 − this): Su et al.'s
	 * E<sub>mean</sub> + E<sub>std</sub>/2 for balanced sides.
	 */
	public static final double LIGHT_WEIGHT = 0.75;

	/** Side of a background cell, as a multiple of the final window W = 2·EW + 1. */
	public static final double CELL_FACTOR = 2;

	/**
	 * Pixels without stroke edges become ink when connected to ink and at least this fraction of the median ink depth
	 * below the background (Canny's hysteresis ratio 1:3).
	 */
	public static final double FILL_FRACTION = 1.0 / 3;

	/** Smallest background cell, in pixels. */
	private static final int MIN_CELL = 8;

	/** Marks pixels whose window lacks stroke edges, decided by {@link #growInk}. */
	private static final byte UNDECIDED = 1;

	/** An {@link #UNDECIDED} pixel that {@link #growInk} found too light to join the ink (it becomes paper). */
	private static final byte REJECTED = 3;

	/** Stroke-edge classes: on the dark or the light side of the local 3×3 mid-range. */
	private static final byte EDGE_DARK = 1, EDGE_LIGHT = 2;

	/**
	 * The method's constants, for experiments and sensitivity checks; {@link #DEFAULTS} are those of the class
	 * comment, the ones the Auto method uses.
	 *
	 * @param smoothNoise {@link #SMOOTH_NOISE}, ≥ 0
	 * @param minEdgeRange {@link #MIN_EDGE_RANGE}, 1..255
	 * @param noiseFactor {@link #NOISE_FACTOR}, ≥ 0
	 * @param firstRadius {@link #FIRST_RADIUS}, 1..100
	 * @param nminFactor {@link #NMIN_FACTOR}, &gt; 0
	 * @param lightWeight {@link #LIGHT_WEIGHT}, 0..1
	 * @param cellFactor {@link #CELL_FACTOR}, &gt; 0
	 * @param fillFraction {@link #FILL_FRACTION}, ≥ 0
	 */
	public record Constants(double smoothNoise, int minEdgeRange, double noiseFactor, int firstRadius,
		double nminFactor, double lightWeight, double cellFactor, double fillFraction)
	{

		/** The constants of the class comment. */
		public static final Constants DEFAULTS = new Constants(SMOOTH_NOISE, MIN_EDGE_RANGE, NOISE_FACTOR, FIRST_RADIUS,
			NMIN_FACTOR, LIGHT_WEIGHT, CELL_FACTOR, FILL_FRACTION);

		/** Validates the ranges. */
		public Constants {
			if (!(smoothNoise >= 0) || minEdgeRange < 1 || minEdgeRange > 255 || !(noiseFactor >= 0)
				|| firstRadius < 1 || firstRadius > 100 || !(nminFactor > 0) || !(lightWeight >= 0 && lightWeight <= 1)
				|| !(cellFactor > 0) || !(fillFraction >= 0) || Double.isInfinite(smoothNoise) || Double.isInfinite(
					noiseFactor) || Double.isInfinite(nminFactor) || Double.isInfinite(cellFactor) || Double.isInfinite(
						fillFraction))
				throw new IllegalArgumentException("constants out of range: " + this);
		}
	}

	private DocumentBinarizer() {}

	/**
	 * Binarizes {@code g0} (w×h 8-bit levels, row-major) into {@code out} (0 ink / 255 paper; must not be
	 * {@code g0}) with the {@linkplain Constants#DEFAULTS default constants}; see the class comment.
	 */
	public static void binarize(final byte[] g0, final int w, final int h, final byte[] out) {
		binarize(g0, w, h, out, Constants.DEFAULTS);
	}

	/** As {@link #binarize(byte[], int, int, byte[])}, with other constants. */
	public static void binarize(final byte[] g0, final int w, final int h, final byte[] out, final Constants k) {
		final int n = w * h;
		if (g0.length != n || out.length != n) throw new IllegalArgumentException("arrays of " + g0.length + " and "
			+ out.length + " pixels do not match " + w + "x" + h);
		if (out == g0) throw new IllegalArgumentException("output must not be the input array");
		final double noise = noiseSigma(g0, w, h);
		final byte[] g = noise >= k.smoothNoise() ? binomial3(g0, w, h) : g0;
		// adaptive contrast, scaled to 0..255: a function of the 3×3 maximum and minimum alone, so a table of it
		final double alpha = Math.min(1, stdDev(Histogram.of(g)) / 128);
		final byte[] contrast = contrastTable(alpha);
		final int[] conHist = new int[256];
		// one sweep of the 3×3 minimum and maximum: the contrast histogram, and per pixel its contrast in edge and,
		// where the range is at least minRange, its side in out (scratch until the first pass; else 0)
		final int minRange = (int) Math.ceil(Math.max(k.minEdgeRange(), k.noiseFactor() * noise));
		final byte[] edge = new byte[n];
		Tasks.split(h, Bands.MIN_ROWS, (y0, y1) -> {
			// two interleaved sub-histograms: neighbours of equal contrast (paper) increment different counters
			final int[] local = new int[512];
			final MinMax3 mm = new MinMax3(g, w, h, y0);
			for (int y = y0; y < y1; y++) {
				mm.next();
				final int[] mn = mm.mn, mx = mm.mx;
				final int o = y * w;
				int x = 0;
				for (; x + 1 < w; x += 2) {
					local[contrast(contrast, g, mn, mx, minRange, o, x, edge, out)]++;
					local[256 + contrast(contrast, g, mn, mx, minRange, o, x + 1, edge, out)]++;
				}
				if (x < w) local[contrast(contrast, g, mn, mx, minRange, o, x, edge, out)]++;
			}
			synchronized (conHist) {
				for (int v = 0; v < 256; v++)
					conHist[v] += local[v] + local[256 + v];
			}
		});
		// stroke-edge pixels, by side: contrast above Otsu's threshold and a range of at least minRange
		final int tc = GlobalThresholds.otsu(conHist);
		Tasks.split(n, Bands.MIN_ROWS * w, (i0, i1) -> {
			for (int i = i0; i < i1; i++)
				edge[i] = (byte) (out[i] & (tc - (edge[i] & 0xff)) >> 31); // the side where the contrast is above tc
		});
		// first pass: stroke width, on the smoothed image alone (fewer specks of noise)
		final int r1 = k.firstRadius(), n1 = (int) Math.round(k.nminFactor() * (2 * r1 + 1));
		final double lw = k.lightWeight();
		Tasks.split(h, Bands.MIN_ROWS, (y0, y1) -> localThreshold(g, g, edge, w, h, r1, n1, lw, y0, y1, out));
		final int ew = strokeWidth(out, w, h);
		// final pass
		final int nmin = (int) Math.round(k.nminFactor() * (2 * ew + 1));
		Tasks.split(h, Bands.MIN_ROWS, (y0, y1) -> localThreshold(g, g0, edge, w, h, ew, nmin, lw, y0, y1, out));
		// pixels without stroke edges: hysteresis on the depth below the background
		final Surface bg = background(g, out, w, h, Math.max(MIN_CELL, (int) Math.round(k.cellFactor() * (2 * ew
			+ 1))));
		growInk(g, bg, out, w, h, k.fillFraction());
	}

	/**
	 * The background surface: one level per cell of {@code cell}×{@code cell} pixels, placed at the cell centres and
	 * interpolated bilinearly between them (clamped at the borders).
	 */
	record Surface(float[] cells, int cw, int ch, int cell, int[] col, float[] colWeight, int[] rowCell,
		double[] rowWeight)
	{

		/** A surface for images of w×h pixels: precomputes each column's and each row's cell and weight. */
		Surface(final float[] cells, final int cw, final int ch, final int cell, final int w, final int h) {
			this(cells, cw, ch, cell, new int[w], new float[w], new int[h], new double[h]);
			for (int x = 0; x < w; x++) {
				final double fx = Math.max(0, Math.min(cw - 1, (x + 0.5) / cell - 0.5));
				col[x] = Math.min(Math.max(0, cw - 2), (int) fx);
				colWeight[x] = (float) (fx - col[x]);
			}
			for (int y = 0; y < h; y++) {
				final double fy = Math.max(0, Math.min(ch - 1, (y + 0.5) / cell - 0.5));
				rowCell[y] = Math.min(Math.max(0, ch - 2), (int) fy);
				rowWeight[y] = fy - rowCell[y];
			}
		}

		/** The interpolated level at pixel (x, y). */
		double at(final int x, final int y) {
			final int y0 = rowCell[y], y1 = Math.min(ch - 1, y0 + 1);
			final int x0 = col[x], x1 = Math.min(cw - 1, x0 + 1);
			final double ax = colWeight[x], ay = rowWeight[y];
			final double top = cells[y0 * cw + x0] + ax * (cells[y0 * cw + x1] - cells[y0 * cw + x0]);
			final double bottom = cells[y1 * cw + x0] + ax * (cells[y1 * cw + x1] - cells[y1 * cw + x0]);
			return top + ay * (bottom - top);
		}

		/** The cell row at pixel row y, interpolated between cell centres, into {@code tmp} (cw values). */
		void row(final int y, final float[] tmp) {
			final int y0 = rowCell[y], y1 = Math.min(ch - 1, y0 + 1);
			final float ay = (float) rowWeight[y];
			for (int c = 0; c < cw; c++)
				tmp[c] = cells[y0 * cw + c] + ay * (cells[y1 * cw + c] - cells[y0 * cw + c]);
		}

		/** The level at column x of a row given by {@link #row}. */
		float inRow(final float[] tmp, final int x) {
			final int x0 = col[x], x1 = Math.min(cw - 1, x0 + 1);
			return tmp[x0] + colWeight[x] * (tmp[x1] - tmp[x0]);
		}
	}

	/**
	 * Background surface of {@code g}: in cells of {@code cell}×{@code cell} pixels the median level of the pixels
	 * that {@code out} does not mark as ink (0), for cells where they are at least a quarter; other cells take the mean
	 * of their valid 8-neighbours, ring by ring (255 if no cell is valid). Each cell then takes the minimum over its
	 * 3×3 cells.
	 */
	static Surface background(final byte[] g, final byte[] out, final int w, final int h, final int cell) {
		final int cw = (w + cell - 1) / cell, ch = (h + cell - 1) / cell;
		final float[] grid = new float[cw * ch];
		final boolean[] valid = new boolean[cw * ch];
		Tasks.split(ch, Bands.MIN_ROWS, (c0, c1) -> {
			final int[] hist = new int[256];
			for (int cy = c0; cy < c1; cy++)
				for (int cx = 0; cx < cw; cx++) {
					int count = 0, lo = 255, hi = 0;
					final int x0 = cx * cell, x1 = Math.min(w, x0 + cell), yEnd = Math.min(h, cy * cell + cell);
					for (int y = cy * cell; y < yEnd; y++)
						for (int i = y * w + x0, end = y * w + x1; i < end; i++) {
							// branch-free (ink and paper alternate unpredictably on noisy pages): p = 1 unless ink
							final int o = out[i], p = (o | -o) >>> 31, v = g[i] & 0xff;
							hist[v] += p;
							count += p;
							lo = Math.min(lo, v | (p - 1) & 255);
							hi = Math.max(hi, v & -p);
						}
					if (count == 0) continue;
					int acc = 0, m = lo;
					for (; m < hi; m++) {
						acc += hist[m];
						if (2 * acc >= count) break;
					}
					Arrays.fill(hist, lo, hi + 1, 0);
					if (4 * count < (x1 - x0) * (yEnd - cy * cell)) continue;
					grid[cy * cw + cx] = m;
					valid[cy * cw + cx] = true;
				}
		});
		fillCells(grid, valid, cw, ch);
		final float[] eroded = new float[grid.length];
		for (int cy = 0; cy < ch; cy++)
			for (int cx = 0; cx < cw; cx++) {
				float m = Float.MAX_VALUE;
				for (int yy = Math.max(0, cy - 1); yy <= Math.min(ch - 1, cy + 1); yy++)
					for (int xx = Math.max(0, cx - 1); xx <= Math.min(cw - 1, cx + 1); xx++)
						m = Math.min(m, grid[yy * cw + xx]);
				eroded[cy * cw + cx] = m;
			}
		return new Surface(eroded, cw, ch, cell, w, h);
	}

	/** Gives invalid cells the mean of their valid 8-neighbours, ring by ring; all 255 if none is valid. */
	private static void fillCells(final float[] grid, final boolean[] valid, final int cw, final int ch) {
		boolean any = false;
		for (final boolean v : valid)
			any |= v;
		if (!any) {
			Arrays.fill(grid, 255);
			return;
		}
		boolean missing = true;
		final boolean[] next = valid.clone();
		while (missing) {
			missing = false;
			for (int cy = 0; cy < ch; cy++)
				for (int cx = 0; cx < cw; cx++) {
					if (valid[cy * cw + cx]) continue;
					double sum = 0;
					int k = 0;
					for (int yy = Math.max(0, cy - 1); yy <= Math.min(ch - 1, cy + 1); yy++)
						for (int xx = Math.max(0, cx - 1); xx <= Math.min(cw - 1, cx + 1); xx++)
							if (valid[yy * cw + xx]) {
								sum += grid[yy * cw + xx];
								k++;
							}
					if (k == 0) missing = true;
					else {
						grid[cy * cw + cx] = (float) (sum / k);
						next[cy * cw + cx] = true;
					}
				}
			System.arraycopy(next, 0, valid, 0, valid.length);
		}
	}

	/** Bins of the normalised depth histogram. */
	private static final int DEPTH_BINS = 1000;

	/**
	 * Decides the {@link #UNDECIDED} pixels of {@code out}: with the normalised depth d = (B − I)/B of level I below
	 * the background B, an undecided pixel 8-connected to ink through undecided pixels becomes ink when d ≥
	 * {@code fraction}·(median d over the ink pixels); all other undecided pixels become paper.
	 */
	static void growInk(final byte[] g, final Surface bg, final byte[] out, final int w, final int h,
		final double fraction)
	{
		// per band: histogram of the ink's depth, and the seeds (ink pixels with an undecided 8-neighbour)
		final long[] hist = new long[DEPTH_BINS + 1];
		final List<int[]> seedLists = new ArrayList<>();
		Tasks.split(h, Bands.MIN_ROWS, (y0, y1) -> {
			final long[] local = new long[DEPTH_BINS + 1];
			final float[] tmp = new float[bg.cw()];
			int[] seeds = new int[256];
			int ns = 1; // seeds[0] holds the band's first row, to order the bands
			seeds[0] = y0;
			for (int y = y0; y < y1; y++) {
				bg.row(y, tmp);
				final boolean inside = y > 0 && y < h - 1;
				for (int x = 0, i = y * w; x < w;) {
					// inside the page, eight pixels at once: their ink as a byte mask, and which of them have an
					// undecided pixel among their 3x3 (nine words, each compared byte-wise); ink visited by its bits
					if (inside && x > 0 && x + 9 <= w) {
						final long ink = ByteLanes.zeroBytes(ByteLanes.get(out, i));
						if (ink != 0) {
							final long near = undecided(out, i - w) | undecided(out, i) | undecided(out, i + w);
							for (long m = ink; m != 0; m &= m - 1) {
								final int k = Long.numberOfTrailingZeros(m) >>> 3;
								local[depthBin(bg.inRow(tmp, x + k), g[i + k] & 0xff)]++;
								if ((near >>> 8 * k & 0x80) == 0) continue;
								if (ns == seeds.length) seeds = Arrays.copyOf(seeds, 2 * ns);
								seeds[ns++] = i + k;
							}
						}
						x += 8;
						i += 8;
						continue;
					}
					if (out[i] == 0) {
						local[depthBin(bg.inRow(tmp, x), g[i] & 0xff)]++;
						if (touchesUndecided(out, w, h, x, y)) {
							if (ns == seeds.length) seeds = Arrays.copyOf(seeds, 2 * ns);
							seeds[ns++] = i;
						}
					}
					x++;
					i++;
				}
			}
			final int[] found = Arrays.copyOf(seeds, ns);
			synchronized (hist) {
				for (int b = 0; b <= DEPTH_BINS; b++)
					hist[b] += local[b];
				seedLists.add(found);
			}
		});
		long count = 0;
		for (final long c : hist)
			count += c;
		if (count > 0) {
			long acc = 0;
			int median = 0;
			for (; median < DEPTH_BINS; median++) {
				acc += hist[median];
				if (2 * acc >= count) break;
			}
			final double theta = fraction * median / DEPTH_BINS;
			seedLists.sort((p, q) -> Integer.compare(p[0], q[0]));
			int[] stack = new int[4096];
			for (final int[] seeds : seedLists)
				for (int k = 1; k < seeds.length; k++) {
					int sp = 0, i = seeds[k];
					while (true) {
						final int xi = i % w, yi = i / w;
						for (int yy = Math.max(0, yi - 1); yy <= Math.min(h - 1, yi + 1); yy++)
							for (int xx = Math.max(0, xi - 1); xx <= Math.min(w - 1, xi + 1); xx++) {
								final int j = yy * w + xx;
								if (out[j] != UNDECIDED) continue;
								final double b = bg.at(xx, yy);
								if (b - (g[j] & 0xff) < theta * b) {
									out[j] = REJECTED; // its test does not depend on the path: never test it again
									continue;
								}
								out[j] = 0;
								if (sp == stack.length) stack = Arrays.copyOf(stack, 2 * sp);
								stack[sp++] = j;
							}
						if (sp == 0) break;
						i = stack[--sp];
					}
				}
		}
		Tasks.split(h, Bands.MIN_ROWS, (y0, y1) -> {
			for (int i = y0 * w; i < y1 * w; i++)
				out[i] = (byte) ((out[i] | -out[i]) >> 31); // UNDECIDED, REJECTED and 255 become 255, ink stays 0
		});
	}

	/** Whether pixel (x, y) has an {@link #UNDECIDED} 8-neighbour. */
	private static boolean touchesUndecided(final byte[] out, final int w, final int h, final int x, final int y) {
		final int i = y * w + x;
		// inside: the three bytes around (x, y) in each of three rows, read as words (bytes beyond them masked)
		if (x > 0 && y > 0 && y < h - 1 && i + w + 7 <= out.length) return hasUndecided3(ByteLanes.get(out, i - w
			- 1)) || hasUndecided3(ByteLanes.get(out, i - 1)) || hasUndecided3(ByteLanes.get(out, i + w - 1));
		for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++)
			for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++)
				if (out[yy * w + xx] == UNDECIDED) return true;
		return false;
	}

	/** Histogram bin of the normalised depth (b − v)/b, 0 when v is not below b. */
	private static int depthBin(final float b, final int v) {
		return v >= b ? 0 : (int) (DEPTH_BINS * (b - v) / b);
	}

	/**
	 * Robust estimate of the standard deviation of pixel noise: the median absolute difference of horizontal
	 * neighbours divided by 0.6745·√2 (the MAD of a Gaussian difference; D. L. Donoho &amp; I. M. Johnstone,
	 * Biometrika 81(3):425–455, 1994, for the MAD estimator). Flat paper dominates a page, so text edges do not
	 * move the median.
	 */
	static double noiseSigma(final byte[] g, final int w, final int h) {
		final long[] hist = new long[256];
		for (int y = 0; y < h; y++)
			for (int i = y * w, end = i + w - 1; i < end; i++)
				hist[Math.abs((g[i] & 0xff) - (g[i + 1] & 0xff))]++;
		long total = 0;
		for (final long c : hist)
			total += c;
		if (total == 0) return 0;
		// median of the absolute differences, interpolated inside its integer bin (|Δ| = d covers [d − ½, d + ½))
		long acc = 0;
		int d = 0;
		for (; d < 255; d++) {
			if (2 * (acc + hist[d]) >= total) break;
			acc += hist[d];
		}
		if (d == 0) return 0; // most neighbours are equal: no measurable noise
		final double median = d - 0.5 + (total / 2.0 - acc) / hist[d];
		return median / (0.6745 * Math.sqrt(2));
	}

	/** 3×3 binomial smoothing [1 2 1]ᵀ[1 2 1] / 16, borders replicated, rounded. */
	static byte[] binomial3(final byte[] g, final int w, final int h) {
		final byte[] out = new byte[g.length];
		Tasks.split(h, Bands.MIN_ROWS, (y0, y1) -> {
			// horizontal [1 2 1] sums of three consecutive rows, in a ring indexed by row mod 3
			final int[][] ring = new int[3][w];
			if (y0 > 0) rowSums121(g, w, y0 - 1, ring[(y0 - 1) % 3]);
			rowSums121(g, w, y0, ring[y0 % 3]);
			for (int y = y0; y < y1; y++) {
				if (y + 1 < h) rowSums121(g, w, y + 1, ring[(y + 1) % 3]);
				final int[] up = ring[(y > 0 ? y - 1 : y) % 3], mid = ring[y % 3], dn = ring[(y + 1 < h ? y + 1 : y) % 3];
				final int o = y * w;
				for (int x = 0; x < w; x++)
					out[o + x] = (byte) ((up[x] + 2 * mid[x] + dn[x] + 8) >> 4);
			}
		});
		return out;
	}

	/** Horizontal [1 2 1] sums of row y, borders replicated. */
	private static void rowSums121(final byte[] g, final int w, final int y, final int[] sum) {
		final int o = y * w;
		if (w == 1) {
			sum[0] = 4 * (g[o] & 0xff);
			return;
		}
		sum[0] = 3 * (g[o] & 0xff) + (g[o + 1] & 0xff);
		for (int x = 1; x < w - 1; x++)
			sum[x] = (g[o + x - 1] & 0xff) + 2 * (g[o + x] & 0xff) + (g[o + x + 1] & 0xff);
		sum[w - 1] = (g[o + w - 2] & 0xff) + 3 * (g[o + w - 1] & 0xff);
	}

	/**
	 * The contrast (from the table) of pixel o + x with 3×3 minimum mn[x] and maximum mx[x]; stores it in
	 * {@code edge}, and in {@code side} the pixel's side of the stroke boundary where the range is at least minRange
	 * (else 0): {@link #EDGE_DARK} when 2·g ≤ max + min, else {@link #EDGE_LIGHT} (branch-free).
	 */
	private static int contrast(final byte[] table, final byte[] g, final int[] mn, final int[] mx, final int minRange,
		final int o, final int x, final byte[] edge, final byte[] side)
	{
		final int a = mx[x], b = mn[x], i = o + x, c = table[a << 8 | b] & 0xff;
		edge[i] = (byte) c;
		side[i] = (byte) (EDGE_DARK + ((a + b - 2 * (g[i] & 0xff)) >>> 31) & ~(a - b - minRange) >> 31);
		return c;
	}

	/**
	 * The adaptive contrast of Su, Lu &amp; Tan scaled to 0..255, for every 3×3 maximum a (high byte of the index)
	 * and minimum b ≤ a (low byte).
	 */
	private static byte[] contrastTable(final double alpha) {
		final byte[] t = new byte[256 * 256];
		for (int a = 0; a < 256; a++)
			for (int b = 0; b <= a; b++) {
				final int d = a - b;
				final double c = alpha * d / (a + b + 1e-6) + (1 - alpha) * d / 255.0;
				t[a << 8 | b] = (byte) (int) Math.round(255 * c);
			}
		return t;
	}

	/** Grey-level standard deviation of a histogram. */
	static double stdDev(final int[] hist) {
		double n = 0, s = 0, sq = 0;
		for (int i = 0; i < hist.length; i++) {
			n += hist[i];
			s += (double) i * hist[i];
			sq += (double) i * i * hist[i];
		}
		if (n == 0) return 0;
		final double m = s / n;
		return Math.sqrt(Math.max(0, sq / n - m * m));
	}

	/**
	 * 3×3 minimum and maximum, borders replicated, row after row of a band: horizontal minima and maxima of three
	 * consecutive rows in a ring (indexed by row mod 3), then the vertical ones.
	 */
	private static final class MinMax3 {

		private final byte[] g;
		private final int w, h;
		private final int[][] lo, hi;
		/** The minimum and maximum of the row given by the last {@link #next}. */
		final int[] mn, mx;
		private int y;

		/** Ready to give row {@code y0} first. */
		MinMax3(final byte[] g, final int w, final int h, final int y0) {
			this.g = g;
			this.w = w;
			this.h = h;
			lo = new int[3][w];
			hi = new int[3][w];
			mn = new int[w];
			mx = new int[w];
			y = y0;
			if (y0 > 0) horizontal(y0 - 1);
			horizontal(y0);
		}

		/** Computes the next row's minimum and maximum into {@link #mn} and {@link #mx}. */
		void next() {
			if (y + 1 < h) horizontal(y + 1);
			final int u = (y > 0 ? y - 1 : y) % 3, c = y % 3, d = (y + 1 < h ? y + 1 : y) % 3;
			final int[] lu = lo[u], lc = lo[c], ld = lo[d], hu = hi[u], hc = hi[c], hd = hi[d];
			for (int x = 0; x < w; x++) {
				mn[x] = Math.min(lc[x], Math.min(lu[x], ld[x]));
				mx[x] = Math.max(hc[x], Math.max(hu[x], hd[x]));
			}
			y++;
		}

		private void horizontal(final int row) {
			final int o = row * w;
			final int[] l = lo[row % 3], m = hi[row % 3];
			int left = g[o] & 0xff, mid = left;
			for (int x = 0; x < w; x++) {
				final int right = x + 1 < w ? g[o + x + 1] & 0xff : mid;
				l[x] = Math.min(mid, Math.min(left, right));
				m[x] = Math.max(mid, Math.max(left, right));
				left = mid;
				mid = right;
			}
		}
	}

	/**
	 * Stroke width of the ink (pixels 0) in {@code bin}: the most frequent length, among 2..63, of the horizontal ink
	 * runs whose middle pixel has ink directly above and below it (3 if there are none). The runs across a stroke's
	 * body measure its width; specks of noise and the tips of strokes, one or two rows high, are not counted.
	 */
	static int strokeWidth(final byte[] bin, final int w, final int h) {
		final long[] runs = new long[64];
		for (int y = 1; y < h - 1; y++) {
			final int o = y * w;
			for (int x = 0; x < w;) {
				if (bin[o + x] != 0) {
					x++;
					// skip eight pixels at a time while none is ink (no zero byte in the word)
					while (x + 8 <= w && ByteLanes.zeroBytes(ByteLanes.get(bin, o + x)) == 0)
						x += 8;
					continue;
				}
				int e = x;
				while (e < w && bin[o + e] == 0)
					e++;
				final int mid = o + (x + e - 1) / 2;
				if (e - x < runs.length && bin[mid - w] == 0 && bin[mid + w] == 0) runs[e - x]++;
				x = e;
			}
		}
		int best = 3;
		for (int k = 2; k < runs.length; k++)
			if (runs[k] > runs[best]) best = k;
		return best;
	}

	/**
	 * For the eight pixels from {@code i}: the high bit of each byte whose pixel or one of its left and right
	 * neighbours in the row of {@code i} is {@link #UNDECIDED}.
	 */
	private static long undecided(final byte[] out, final int i) {
		final long u = ByteLanes.ONES * UNDECIDED;
		return ByteLanes.zeroBytes(ByteLanes.get(out, i - 1) ^ u) | ByteLanes.zeroBytes(ByteLanes.get(out, i) ^ u)
			| ByteLanes.zeroBytes(ByteLanes.get(out, i + 1) ^ u);
	}

	/** Whether any of the three low bytes of v (little-endian: the first three pixels) is {@link #UNDECIDED}. */
	private static boolean hasUndecided3(final long v) {
		return ByteLanes.zeroBytes((v ^ 0x010101L * UNDECIDED) | 0xFFFFFFFFFF000000L) != 0;
	}

	/**
	 * Rows [y0, y1): where the (2r+1)² window holds at least {@code nmin} edge pixels with both sides present, ink
	 * when the mean of the smoothed level ({@code g}) and the original level ({@code g0}) is at most
	 * {@code lw}·(light-side mean) + (1 − {@code lw})·(dark-side mean), the side means taken over {@code g}; else
	 * paper; {@link #UNDECIDED} otherwise. Column sums slide down the band, row sums along the row.
	 */
	private static void localThreshold(final byte[] g, final byte[] g0, final byte[] edge, final int w, final int h,
		final int r, final int nmin, final double lw, final int y0, final int y1, final byte[] out)
	{
		// per column: edge counts (dark side in the low 16 bits, light side in the high ones) and level sums (dark
		// side in the low 32 bits, light side in the high ones); all fields stay non-negative, so no carries
		final int[] cn = new int[w];
		final long[] sums = new long[w];
		for (int y = Math.max(0, y0 - r); y <= Math.min(h - 1, y0 + r); y++)
			addRow(g, edge, w, y, cn, sums);
		final double dw = 1 - lw;
		// lw = lwScaled / scale with scale = 2^s, s ≤ 4 (the default 0.75 = 3/4): exact integer comparisons
		int scale = 0;
		for (int sc = 1; sc <= 16 && scale == 0; sc *= 2)
			if (lw * sc == Math.rint(lw * sc)) scale = sc;
		final int lwScaled = (int) (lw * scale);
		final boolean exact = scale > 0;
		for (int y = y0; y < y1; y++) {
			if (y > y0) {
				if (y + r < h && y - r - 1 >= 0) moveRows(g, edge, w, y + r, y - r - 1, cn, sums);
				else if (y + r < h) addRow(g, edge, w, y + r, cn, sums);
				else if (y - r - 1 >= 0) removeRow(g, edge, w, y - r - 1, cn, sums);
			}
			int c = 0;
			long t = 0;
			for (int x = 0; x < Math.min(w, r); x++) {
				c += cn[x];
				t += sums[x];
			}
			final int o = y * w;
			// the window [x − r, x + r] gains column x + r while x + r < w and loses x − r − 1 once x > r
			final int gainEnd = Math.max(0, w - r), loseStart = Math.min(w, r + 1);
			for (int x = 0; x < w; x++) {
				if (x < gainEnd) {
					c += cn[x + r];
					t += sums[x + r];
				}
				if (x >= loseStart) {
					c -= cn[x - r - 1];
					t -= sums[x - r - 1];
				}
				if (c == 0) {
					// a window without edge pixels (c and t are 0): so are the next ones while the columns entering
					// them have none; those pixels are undecided
					int e = x + 1;
					while (e < gainEnd && cn[e + r] == 0)
						e++;
					Arrays.fill(out, o + x, o + e, UNDECIDED);
					x = e - 1;
					continue;
				}
				final int nd = c & 0xffff, nl = c >>> 16;
				if (nd + nl < nmin || nd == 0 || nl == 0) {
					out[o + x] = UNDECIDED;
					continue;
				}
				final int v2 = (g[o + x] & 0xff) + (g0[o + x] & 0xff), tl = (int) (t >>> 32), td = (int) t;
				out[o + x] = exact ? decideExact(v2, scale, lwScaled, tl, nl, td, nd, lw, dw) : decide(v2, lw, tl, nl, dw,
					td, nd);
			}
		}
	}

	/**
	 * 0 (ink) when v2 / 2 ≤ lw·tl/nl + dw·td/nd as computed in double precision, else 255 (paper), without division
	 * or a hard-to-predict branch where the answer is clear: the difference of both sides times 2·nl·nd gives it by
	 * its sign when it exceeds any rounding (relative 10⁻⁹ ≫ a few ulps); near ties the quotients are computed as
	 * written.
	 */
	private static byte decide(final int v2, final double lw, final int tl, final int nl, final double dw,
		final int td, final int nd)
	{
		final double l = (double) ((long) v2 * nl * nd);
		final double r = 2 * (lw * ((long) tl * nd) + dw * ((long) td * nl));
		final double d = l - r;
		if (Math.abs(d) <= 1e-9 * (l + r)) return v2 * 0.5 <= lw * tl / nl + dw * td / nd ? 0 : (byte) 255;
		return (byte) ~(Double.doubleToRawLongBits(d) >> 63); // d < 0: ~(−1) = 0; d > 0: ~0 = 255
	}

	/**
	 * As {@link #decide} for lw = lwScaled / scale (scale a power of two ≤ 16): v2 / 2 against the exact threshold
	 * (lwScaled·tl/nl + (scale − lwScaled)·td/nd) / scale in integers, both sides times 2·scale·nl·nd (below 2⁵³).
	 * Unequal sides differ by at least 1/(2·scale·nl·nd) ≥ 10⁻¹¹ in grey levels, far more than the rounding of the
	 * double-precision threshold (a few ulps of 255, about 10⁻¹³), so their order is its answer; equal ones take the
	 * quotients as written.
	 */
	private static byte decideExact(final int v2, final int scale, final int lwScaled, final int tl, final int nl,
		final int td, final int nd, final double lw, final double dw)
	{
		final long l = (long) v2 * scale * nl * nd;
		final long r = 2 * ((long) lwScaled * tl * nd + (long) (scale - lwScaled) * td * nl);
		if (l == r) return v2 * 0.5 <= lw * tl / nl + dw * td / nd ? 0 : (byte) 255;
		return (byte) ~((l - r) >> 63); // l < r: ~(−1) = 0, ink; l > r: ~0 = 255, paper
	}

	/** Adds row y's edge pixels to the column counts and sums. */
	private static void addRow(final byte[] g, final byte[] edge, final int w, final int y, final int[] cn,
		final long[] sums)
	{
		for (int x = 0, i = y * w; x < w; x++, i++) {
			cn[x] += countTerm(edge[i]);
			sums[x] += sumTerm(edge[i], g[i] & 0xff);
		}
	}

	/**
	 * Adds row {@code in}'s edge pixels to the column counts and sums and removes row {@code out}'s, in one sweep;
	 * eight columns at once are skipped where neither row has an edge pixel (most of a page: edges are a few per cent
	 * of it).
	 */
	private static void moveRows(final byte[] g, final byte[] edge, final int w, final int in, final int out,
		final int[] cn, final long[] sums)
	{
		final int di = in * w, dj = out * w;
		int x = 0;
		for (; x + 8 <= w; x += 8)
			if ((ByteLanes.get(edge, di + x) | ByteLanes.get(edge, dj + x)) != 0) for (int k = x; k < x + 8; k++)
				moveColumn(g, edge, di + k, dj + k, k, cn, sums);
		for (; x < w; x++)
			moveColumn(g, edge, di + x, dj + x, x, cn, sums);
	}

	/** Column x of {@link #moveRows}: adds pixel i's edge and removes pixel j's. */
	private static void moveColumn(final byte[] g, final byte[] edge, final int i, final int j, final int x,
		final int[] cn, final long[] sums)
	{
		cn[x] += countTerm(edge[i]) - countTerm(edge[j]);
		sums[x] += sumTerm(edge[i], g[i] & 0xff) - sumTerm(edge[j], g[j] & 0xff);
	}

	/**
	 * A pixel's part of the packed column counts: 1 in the low 16 bits for a dark-side edge pixel
	 * ({@link #EDGE_DARK} = 1), in the high 16 bits for a light-side one ({@link #EDGE_LIGHT} = 2), 0 for no edge
	 * (branch-free).
	 */
	private static int countTerm(final int e) {
		return e & 1 | (e >> 1) << 16;
	}

	/** A pixel's part of the packed column level sums: its level v in the low 32 bits (dark side) or the high ones. */
	private static long sumTerm(final int e, final int v) {
		return (long) (v & -(e >> 1)) << 32 | v & -(e & 1);
	}

	/** Removes row y's edge pixels from the column counts and sums. */
	private static void removeRow(final byte[] g, final byte[] edge, final int w, final int y, final int[] cn,
		final long[] sums)
	{
		for (int x = 0, i = y * w; x < w; x++, i++) {
			cn[x] -= countTerm(edge[i]);
			sums[x] -= sumTerm(edge[i], g[i] & 0xff);
		}
	}
}
