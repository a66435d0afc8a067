package org.ijocr.core.geometry;

import java.util.Arrays;

/**
 * Frozen copy of {@link Skew#estimate(SkewParams, byte[], int, int)} before speed round 3, on {@link GlyphsReference}:
 * the identity baseline of the faster implementation; do not change.
 */
public final class SkewReference {

	private SkewReference() {}

	/** Fewest letter-sized components for an estimate. */
	static final int MIN_GLYPHS = 10;

	/** Lowest confidence at which a non-zero angle is reported. */
	static final double MIN_CONFIDENCE = 0.5;

	/** Short side, in pixels, the page is reduced to (by an integer factor) before analysis. */
	static final int WORK_SIZE = 1200;

	/** Finest bin (reduced pixels) and angle step (degrees) of the refinement. */
	static final double FINEST_BIN = 0.5, FINEST_STEP = 0.005;

	/** Estimates the skew of 8-bit row-major pixels (see the class comment). */
	public static Skew.Result estimate(final SkewParams p, final byte[] grey, final int w, final int h) {
		if (p == null) throw new IllegalArgumentException("params must not be null");
		if (w <= 0 || h <= 0 || grey.length < w * h) throw new IllegalArgumentException("pixels must hold width*height");
		final int r = Math.max(1, Math.min(w, h) / WORK_SIZE);
		final int rw = w / r, rh = h / r;
		final GlyphsReference g = GlyphsReference.find(GlyphsReference.reduce(grey, w, h, r), rw, rh, 0.4, 3, 3);
		if (g.count < MIN_GLYPHS) return new Skew.Result(0, 0, false, g.count);
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
		if (best.confidence < MIN_CONFIDENCE) return new Skew.Result(0, best.confidence, best == vs, n);
		return new Skew.Result(best.refine(), best.confidence, best == vs, n);
	}

	/** Coarse search of one orientation's points, and its refinement. */
	private static final class Search {

		final float[] x, y;
		final double maxAngle, bin0, step0, confidence;
		final double radius;
		double coarseBest;

		Search(final float[] x, final float[] y, final double letterHeight, final double maxAngle) {
			this.x = x;
			this.y = y;
			this.maxAngle = maxAngle;
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
			final double[] e = new double[2 * k + 1];
			int bi = k;
			for (int i = -k; i <= k; i++) {
				e[i + k] = energy(Math.max(-maxAngle, Math.min(maxAngle, i * step0)), bin0, true);
				if (e[i + k] > e[bi]) bi = i + k;
			}
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
				final double[] e = new double[2 * k + 1];
				int bi = k;
				for (int i = -k; i <= k; i++) {
					e[i + k] = energy(centre + i * step, bin, false);
					if (e[i + k] > e[bi]) bi = i + k;
				}
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

		/** Sum of squared bin counts of the points projected perpendicular to lines at {@code degrees}. */
		double energy(final double degrees, final double bin, final boolean differences) {
			final double t = Math.toRadians(degrees);
			final double s = Math.sin(t) / bin, c = Math.cos(t) / bin, off = radius / bin + 1;
			final double[] hist = new double[(int) (2 * off) + 3];
			for (int i = 0; i < x.length; i++) {
				final double u = y[i] * c - x[i] * s + off;
				final int b = (int) u;
				final double f = u - b;
				hist[b] += 1 - f;
				hist[b + 1] += f;
			}
			double e = 0;
			if (differences) for (int i = 1; i < hist.length; i++) {
				final double d = hist[i] - hist[i - 1];
				e += d * d;
			}
			else for (final double v : hist)
				e += v * v;
			return e;
		}
	}
}
