package org.ijocr.core.geometry;

import java.util.Arrays;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.ijocr.core.threshold.Histogram;

/**
 * Skew estimation of a text page: the small angle by which its text lines deviate from the horizontal (or from the
 * vertical, for a page turned by 90&deg;).
 * <p>
 * Method: H. S. Baird's projection of fiducial points ("The skew angle of printed documents", Proc. SPSE 40th
 * Conf., 1987): the page is box-reduced to about 1200 pixels on its short side, binarized with Otsu's threshold, and
 * its letter-sized ink components ({@code [0.4, 3]} times the median component height, at most 3 median heights
 * wide) give two fiducial points each, the centres of their top and bottom edges, which lie on the x-height,
 * cap and base lines of the text. For a candidate angle the points are projected onto the direction perpendicular to
 * the lines into bins, each point split linearly between its two nearest bins; the energy {@code sum(bin^2)} is
 * largest when the lines are aligned with the bins. The angle is searched coarse to fine: bins of half the median
 * letter height and steps of {@code bin / (2 * text width)} over {@code [-maxAngle, maxAngle]}, then around the best
 * angle bins halved and steps quartered down to bins of half a (reduced) pixel and steps of 0.005&deg;, and last a
 * parabola through the best three energies. The same is done with the left and right edges (lines running
 * vertically); the orientation whose coarse energy curve has the clearer peak wins, so a page turned by 90&deg;
 * gets the skew of its vertical lines (its orientation is left to the OCR engine's orientation detection).
 * <p>
 * Confidence: {@code 1 - median / max} of the coarse energy curve: close to 1 for text lines, close to 0 for
 * scattered marks. A page with fewer than {@link #MIN_GLYPHS} letter-sized components, too little contrast, or a
 * confidence below {@link #MIN_CONFIDENCE} gets angle 0 (no rotation is better than a random one).
 * <p>
 * Angles are in degrees, positive = the text is turned clockwise on screen (image y points down), the convention of
 * ImageJ's Image&gt;Transform&gt;Rotate and of {@link Rotate}: rotating the page by {@code -angle} deskews it.
 */
public final class Skew {

	private Skew() {}

	/** Fewest letter-sized components for an estimate. */
	public static final int MIN_GLYPHS = 10;

	/** Lowest confidence at which a non-zero angle is reported. */
	public static final double MIN_CONFIDENCE = 0.5;

	/** Short side, in pixels, the page is reduced to (by an integer factor) before analysis. */
	static final int WORK_SIZE = 1200;

	/** Finest bin (reduced pixels) and angle step (degrees) of the refinement. */
	static final double FINEST_BIN = 0.5, FINEST_STEP = 0.005;

	/**
	 * A skew estimate.
	 *
	 * @param angle degrees, clockwise positive; 0 when there is no text to measure
	 * @param confidence 0 (no text lines found) to 1 (sharp lines)
	 * @param vertical whether the text lines run vertically (the page is turned by 90&deg;)
	 * @param glyphs number of letter-sized components measured
	 */
	public record Result(double angle, double confidence, boolean vertical, int glyphs) {

		/** No text: angle 0, confidence 0. */
		public static final Result NONE = new Result(0, 0, false, 0);
	}

	/**
	 * Estimates the skew of a 2-D grey page (dark text on light paper). 8-bit {@code ArrayImg}s are read directly;
	 * other types through their 8-bit levels ({@link Histogram#levels}).
	 */
	public static <T extends RealType<T>> Result estimate(final SkewParams p, final RandomAccessibleInterval<T> page) {
		if (page.numDimensions() != 2) throw new IllegalArgumentException("skew needs a 2-D image, got " + page
			.numDimensions() + "-D");
		return estimate(p, Histogram.levels(page), (int) page.dimension(0), (int) page.dimension(1));
	}

	/** Estimates the skew of 8-bit row-major pixels (see the class comment). */
	public static Result estimate(final SkewParams p, final byte[] grey, final int w, final int h) {
		if (p == null) throw new IllegalArgumentException("params must not be null");
		if (w <= 0 || h <= 0 || grey.length < w * h) throw new IllegalArgumentException("pixels must hold width*height");
		final int r = Math.max(1, Math.min(w, h) / WORK_SIZE);
		final int rw = w / r, rh = h / r;
		final Glyphs g = Glyphs.find(Glyphs.reduce(grey, w, h, r), rw, rh, 0.4, 3, 3);
		if (g.count < MIN_GLYPHS) return new Result(0, 0, false, g.count);
		// fiducial points relative to the centre: tops and bottoms (horizontal lines), lefts and rights turned by 90°
		final int n = g.count;
		final float[] hx = new float[2 * n], hy = new float[2 * n], vx = new float[2 * n], vy = new float[2 * n];
		final float cx = rw / 2f, cy = rh / 2f;
		for (int i = 0; i < n; i++) {
			final float mx = (g.minX[i] + g.maxX[i] + 1) / 2f - cx, my = (g.minY[i] + g.maxY[i] + 1) / 2f - cy;
			hx[2 * i] = hx[2 * i + 1] = mx;
			hy[2 * i] = g.minY[i] - cy;
			hy[2 * i + 1] = g.maxY[i] + 1 - cy;
			// (x, y) -> (-y, x): vertical lines become horizontal, the skew angle is the same
			vx[2 * i] = vx[2 * i + 1] = -my;
			vy[2 * i] = g.minX[i] - cx;
			vy[2 * i + 1] = g.maxX[i] + 1 - cx;
		}
		final Search hs = new Search(hx, hy, g.medianHeight, p.maxAngle());
		final Search vs = new Search(vx, vy, g.medianHeight, p.maxAngle());
		final Search best = vs.confidence > hs.confidence ? vs : hs;
		if (best.confidence < MIN_CONFIDENCE) return new Result(0, best.confidence, best == vs, n);
		return new Result(best.refine(), best.confidence, best == vs, n);
	}

	/** Coarse search of one orientation's points, and its refinement. */
	private static final class Search {

		final float[] x, y;
		final double maxAngle, bin0, step0, confidence;
		final double radius;
		double coarseBest;

		/** The points as pairs of one x and two y ({@code x[2i] == x[2i+1]}), in doubles. */
		private final double[] px, py0, py1;

		/** Bins of two angles, reused by every angle; zero outside an energy evaluation. */
		private double[] hist = new double[0], hist1 = new double[0];

		Search(final float[] x, final float[] y, final double letterHeight, final double maxAngle) {
			this.x = x;
			this.y = y;
			this.maxAngle = maxAngle;
			final int pairs = x.length / 2;
			px = new double[pairs];
			py0 = new double[pairs];
			py1 = new double[pairs];
			for (int i = 0; i < pairs; i++) {
				px[i] = x[2 * i];
				py0[i] = y[2 * i];
				py1[i] = y[2 * i + 1];
			}
			double r2 = 0, xmin = Double.MAX_VALUE, xmax = -Double.MAX_VALUE;
			for (int i = 0; i < x.length; i++) {
				r2 = Math.max(r2, x[i] * x[i] + y[i] * y[i]);
				xmin = Math.min(xmin, x[i]);
				xmax = Math.max(xmax, x[i]);
			}
			radius = Math.sqrt(r2) + 2;
			bin0 = Math.max(1, letterHeight / 2);
			final double width = Math.max(xmax - xmin, 4 * bin0);
			step0 = Math.min(0.5, Math.toDegrees(bin0 / (2 * width)));
			final int k = (int) Math.ceil(maxAngle / step0);
			final double[] e = new double[2 * k + 1], a = new double[2 * k + 1];
			for (int i = -k; i <= k; i++)
				a[i + k] = Math.max(-maxAngle, Math.min(maxAngle, i * step0));
			energies(a, bin0, true, e);
			int bi = k;
			for (int i = -k; i <= k; i++)
				if (e[i + k] > e[bi]) bi = i + k;
			coarseBest = Math.max(-maxAngle, Math.min(maxAngle, (bi - k) * step0));
			final double max = e[bi];
			final double[] sorted = e.clone();
			Arrays.sort(sorted);
			confidence = max > 0 ? 1 - sorted[sorted.length / 2] / max : 0;
		}

		/** Coarse to fine around the coarse maximum; parabolic interpolation at the end. */
		double refine() {
			double centre = coarseBest, step = step0, bin = bin0;
			while (true) {
				final double range = 2 * step;
				bin = Math.max(FINEST_BIN, bin / 2);
				step = Math.max(FINEST_STEP, step / 4);
				final int k = (int) Math.ceil(range / step);
				final double[] e = new double[2 * k + 1], a = new double[2 * k + 1];
				for (int i = -k; i <= k; i++)
					a[i + k] = centre + i * step;
				energies(a, bin, false, e);
				int bi = k;
				for (int i = -k; i <= k; i++)
					if (e[i + k] > e[bi]) bi = i + k;
				centre += (bi - k) * step;
				if (bin == FINEST_BIN && step == FINEST_STEP) {
					if (bi > 0 && bi < 2 * k) {
						final double l = e[bi - 1], c = e[bi], r = e[bi + 1], d = l - 2 * c + r;
						if (d < 0) centre += step * 0.5 * (l - r) / d;
					}
					return Math.max(-maxAngle, Math.min(maxAngle, centre));
				}
			}
		}

		/** The energies ({@link #energy}) at the angles {@code degrees}, two at a time (two independent histograms). */
		void energies(final double[] degrees, final double bin, final boolean differences, final double[] e) {
			int i = 0;
			for (; i + 1 < degrees.length; i += 2) {
				energy(degrees[i], degrees[i + 1], bin, differences, e, i);
				if (!distinct(degrees[i], degrees[i + 1])) e[i + 1] = e[i];
			}
			if (i < degrees.length) energy(degrees[i], degrees[i], bin, differences, e, i);
		}

		/**
		 * Sum of squared bin counts of the points projected perpendicular to lines at {@code d0} (or, with
		 * {@code differences}, of the differences of neighbouring bins), into {@code e[o]}, and the same for {@code d1}
		 * into {@code e[o + 1]} if it is a different angle; both in one pass over the points, each into its own bins.
		 * The two points of a pair share their x, so its product is computed once; bins are filled in the points' order
		 * and summed over the touched range only (the untouched bins add exact zeros), so each energy is the same double
		 * as summing one angle's whole histogram.
		 */
		void energy(final double d0, final double d1, final double bin, final boolean differences, final double[] e,
			final int o)
		{
			final boolean two = distinct(d0, d1);
			final double t0 = Math.toRadians(d0), t1 = Math.toRadians(d1);
			final double s0 = Math.sin(t0) / bin, c0 = Math.cos(t0) / bin, s1 = Math.sin(t1) / bin, c1 = Math.cos(t1) / bin;
			final double off = radius / bin + 1;
			final int len = (int) (2 * off) + 3;
			if (hist.length < len) {
				hist = new double[len];
				hist1 = new double[len];
			}
			final double[] h0 = hist, h1 = hist1, px = this.px, py0 = this.py0, py1 = this.py1;
			int lo0 = len, hi0 = 0, lo1 = len, hi1 = 0;
			for (int i = 0; i < px.length; i++) {
				final double xs = px[i] * s0;
				final int b = add(h0, py0[i] * c0 - xs + off), bv = add(h0, py1[i] * c0 - xs + off);
				lo0 = Math.min(lo0, Math.min(b, bv));
				hi0 = Math.max(hi0, Math.max(b, bv));
				if (!two) continue;
				final double xs1 = px[i] * s1;
				final int b1 = add(h1, py0[i] * c1 - xs1 + off), bv1 = add(h1, py1[i] * c1 - xs1 + off);
				lo1 = Math.min(lo1, Math.min(b1, bv1));
				hi1 = Math.max(hi1, Math.max(b1, bv1));
			}
			e[o] = sum(h0, len, lo0, hi0, differences);
			if (two) e[o + 1] = sum(h1, len, lo1, hi1, differences);
		}

		private static boolean distinct(final double a, final double b) {
			return Double.doubleToRawLongBits(a) != Double.doubleToRawLongBits(b);
		}

		/** Splits a point at bin position u linearly between its two nearest bins; returns the lower one. */
		private static int add(final double[] hist, final double u) {
			final int b = (int) u;
			final double f = u - b;
			hist[b] += 1 - f;
			hist[b + 1] += f;
			return b;
		}

		/** The energy of bins whose non-zero ones lie in {@code [lo, hi + 1]}; clears them. */
		private static double sum(final double[] hist, final int len, final int lo, final int hi,
			final boolean differences)
		{
			double e = 0;
			if (lo > hi) return e;
			if (differences) {
				// bins lo..hi+1 may be non-zero: differences from lo (against lo-1, zero) to hi+2 (against hi+1)
				for (int i = Math.max(1, lo); i <= Math.min(len - 1, hi + 2); i++) {
					final double d = hist[i] - hist[i - 1];
					e += d * d;
				}
			}
			else for (int i = lo; i <= hi + 1; i++)
				e += hist[i] * hist[i];
			java.util.Arrays.fill(hist, lo, hi + 2, 0);
			return e;
		}
	}
}
