package org.ijocr.testutil;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.defect.DefectType;

/**
 * Realistic degraded pages with known defect areas, for the defect detectors' tests and evaluation. Deterministic
 * from the seed (same JDK and fonts).
 * <p>
 * A page is rendered in reflectance (0 = ink, 1 = paper) with Java2D: paragraphs of {@link Pages}' pseudo-text in
 * Serif, SansSerif or Monospaced, plain or bold, 8&ndash;14 pt at the layout's dpi, in 1&ndash;2 columns, optionally
 * with a figure: a photo-like block (smooth random texture and gradients with fine detail) or a halftone block (the
 * same picture as a 45&deg; dot screen of 50 lines per inch). Then a capture is simulated in this order:
 * optics (a slight scanner blur, sigma 0.5 px, plus the defect's Gaussian or motion blur), tone (ink and paper
 * levels of the page, or both squeezed toward mid-grey), illumination (a curved page's shadow), specular glare,
 * paper grain (fine Gaussian noise and a faint mottle), quantisation to 8 bits, impulse noise. The true area of a shadow is where the light is at most {@link
 * Defect#SHADOW_TRUTH}, inside the text body (0.6 inch margins).
 * <p>
 * Defect strengths are physical: blur sizes are given in pixels at 300 dpi and scaled with the dpi, so a strength
 * means the same blur of the glyphs at every resolution.
 */
public final class DegradedPages {

	private DegradedPages() {}

	/** A figure placed among the text. */
	public enum Figure {
		NONE, PHOTO, HALFTONE
	}

	/** The defect added to a page; {@code strength} means what each constant says. */
	public enum Defect {
		/** No defect. */
		NONE(null),
		/** Impulse noise: strength = fraction of pixels set to 0 or 255 (equally likely). */
		NOISE(DefectType.SALT_PEPPER_NOISE),
		/**
		 * A curved page's shadow from one edge (or the gutter): light falls to {@code 1 - strength} at the edge,
		 * linearly over half of the page. True area: where light is at most {@value #SHADOW_TRUTH}.
		 */
		SHADOW(DefectType.LOW_CONTRAST),
		/** Global low contrast: ink and paper squeezed toward mid-grey, strength = paper − ink in grey levels. */
		LOW_CONTRAST(DefectType.LOW_CONTRAST),
		/** Gaussian blur, strength = sigma in pixels at 300 dpi. */
		GAUSSIAN_BLUR(DefectType.BLUR),
		/** Motion blur, strength = length in pixels at 300 dpi (random angle). */
		MOTION_BLUR(DefectType.BLUR),
		/**
		 * Specular glare: one or two soft elliptical spots {@code v + (255 − v)·strength·g}, g a plateau with soft
		 * edges. True area: the box where {@code strength·g ≥ 1/3} (a third of the ink contrast lost).
		 */
		GLARE(DefectType.GLARE);

		/** Light level (fraction) at or below which a shadowed area counts as a true low-contrast area. */
		public static final double SHADOW_TRUTH = 0.6;

		private final DefectType type;

		Defect(final DefectType type) {
			this.type = type;
		}

		/** The detector type this defect should be reported as (null for NONE). */
		public DefectType type() {
			return type;
		}
	}

	/**
	 * The page layout.
	 *
	 * @param widthMm paper width in millimetres (A4: 210)
	 * @param heightMm paper height (A4: 297)
	 * @param dpi resolution
	 * @param columns 1 or 2
	 * @param figure figure among the text
	 * @param seed seed of the text, fonts, figure, levels and defect placement
	 */
	public record Layout(double widthMm, double heightMm, double dpi, int columns, Figure figure, long seed) {

		/** An A4 page. */
		public static Layout a4(final double dpi, final int columns, final Figure figure, final long seed) {
			return new Layout(210, 297, dpi, columns, figure, seed);
		}

		/** An A5 page (half of A4: quicker tests). */
		public static Layout a5(final double dpi, final int columns, final Figure figure, final long seed) {
			return new Layout(148, 210, dpi, columns, figure, seed);
		}

		public int width() {
			return (int) Math.round(widthMm / 25.4 * dpi);
		}

		public int height() {
			return (int) Math.round(heightMm / 25.4 * dpi);
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%.0fx%.0fmm %.0fdpi %dcol %s seed %d", widthMm, heightMm, dpi, columns,
				figure, seed);
		}
	}

	/** A true defect area (pixels of the page) with the strength that made it. */
	public record Truth(DefectType type, int x, int y, int width, int height, double strength) {

		public long area() {
			return (long) width * height;
		}
	}

	/** A generated page: the 8-bit image, its true defect areas and a description. */
	public record Page(ArrayImg<UnsignedByteType, ByteArray> image, List<Truth> truths, Defect defect,
		double strength, boolean whole, Layout layout)
	{

		@Override
		public String toString() {
			return layout + " " + defect + (defect == Defect.NONE ? "" : String.format(Locale.ROOT, " %.3g %s",
				strength, whole ? "whole" : "part"));
		}
	}

	/** A clean page (no defect). */
	public static Page clean(final Layout layout) {
		return make(layout, Defect.NONE, 0, false);
	}

	/**
	 * A page with one defect.
	 *
	 * @param layout page layout
	 * @param defect the defect
	 * @param strength its strength (see {@link Defect})
	 * @param whole the whole page (else a rectangle of about 35&ndash;45 % &times; 25&ndash;35 % of the page inside
	 *          the margins; the shadow always comes from an edge and glare always is local)
	 */
	public static Page make(final Layout layout, final Defect defect, final double strength, final boolean whole) {
		final int w = layout.width(), h = layout.height();
		final double dpi = layout.dpi();
		final Random rnd = new Random(layout.seed() * 31 + defect.ordinal() * 7919 + Double.hashCode(strength));
		final Random pageRnd = new Random(layout.seed());
		// the scene: reflectance 0..1
		final float[] r = render(layout, pageRnd);
		final int margin = (int) Math.round(0.6 * dpi);
		final List<Truth> truths = new ArrayList<>();
		final int[] rect = whole ? new int[] { 0, 0, w, h } : innerRect(w, h, margin, rnd);
		float[] img = blur(r, w, h, 0.5, 0, 0, w, h);
		if (defect == Defect.GAUSSIAN_BLUR) {
			img = blur(img, w, h, strength * dpi / 300, rect[0], rect[1], rect[2], rect[3]);
			truths.add(truth(defect, rect, strength));
		}
		else if (defect == Defect.MOTION_BLUR) {
			img = motion(img, w, h, strength * dpi / 300, rnd.nextDouble() * Math.PI, rect);
			truths.add(truth(defect, rect, strength));
		}
		// tone
		double paper = 205 + 30 * pageRnd.nextDouble(), ink = 12 + 28 * pageRnd.nextDouble();
		if (defect == Defect.LOW_CONTRAST) {
			final double mid = 110 + 50 * rnd.nextDouble();
			paper = mid + strength / 2;
			ink = mid - strength / 2;
			truths.add(truth(defect, new int[] { 0, 0, w, h }, strength));
		}
		final float[] lv = new float[w * h];
		for (int i = 0; i < lv.length; i++)
			lv[i] = (float) (ink + (paper - ink) * img[i]);
		if (defect == Defect.SHADOW) shadow(lv, w, h, margin, strength, rnd, truths);
		if (defect == Defect.GLARE) glare(lv, w, h, strength, rnd, truths);
		// grain and quantisation
		final double grain = 2 + 3 * pageRnd.nextDouble();
		final byte[] px = grain(lv, w, h, grain, dpi, new Random(layout.seed() ^ 0x5eed));
		if (defect == Defect.NOISE) {
			final Random nr = new Random(rnd.nextLong());
			for (int y = rect[1]; y < rect[1] + rect[3]; y++)
				for (int x = rect[0]; x < rect[0] + rect[2]; x++)
					if (nr.nextDouble() < strength) px[y * w + x] = nr.nextBoolean() ? 0 : (byte) 255;
			truths.add(truth(defect, rect, strength));
		}
		return new Page(ArrayImgs.unsignedBytes(px, w, h), truths, defect, strength, whole, layout);
	}

	/**
	 * One defect applied to the whole of an existing 8-bit grey page (0 = black), as {@link #make} applies it to a
	 * rendered scene, with the same helpers: Gaussian or motion blur (strength in pixels at 300 dpi, scaled to
	 * {@code dpi}); low contrast (the 0–255 range squeezed linearly to {@code strength} levels around a mid-grey of
	 * 110–160); a shadow from one edge; glare spots; impulse noise (strength = fraction of pixels). The capture is
	 * then simulated as in {@link #make}: paper grain of deviation 2 for the tone and blur defects (impulse noise is
	 * added to the pixels as they are), rounding to 8 bits. The input is not changed; deterministic from the seed.
	 *
	 * @return a new page of the same size
	 */
	public static byte[] degrade(final byte[] grey, final int w, final int h, final double dpi, final Defect defect,
		final double strength, final long seed)
	{
		return degrade(grey, w, h, dpi, defect, strength, seed, new ArrayList<>());
	}

	/** As {@link #degrade(byte[], int, int, double, Defect, double, long)}, adding the glare spots' and the shadow's true areas to {@code truths}. */
	public static byte[] degrade(final byte[] grey, final int w, final int h, final double dpi, final Defect defect,
		final double strength, final long seed, final List<Truth> truths)
	{
		final Random rnd = new Random(seed * 31 + defect.ordinal() * 7919 + Double.hashCode(strength));
		final int[] all = { 0, 0, w, h };
		if (defect == Defect.NONE) return grey.clone();
		if (defect == Defect.NOISE) {
			final byte[] px = grey.clone();
			final Random nr = new Random(rnd.nextLong());
			for (int i = 0; i < w * h; i++)
				if (nr.nextDouble() < strength) px[i] = nr.nextBoolean() ? 0 : (byte) 255;
			return px;
		}
		float[] lv = new float[w * h];
		for (int i = 0; i < lv.length; i++)
			lv[i] = grey[i] & 0xff;
		switch (defect) {
			case GAUSSIAN_BLUR -> lv = blur(lv, w, h, strength * dpi / 300, 0, 0, w, h);
			case MOTION_BLUR -> lv = motion(lv, w, h, strength * dpi / 300, rnd.nextDouble() * Math.PI, all);
			case LOW_CONTRAST -> {
				final double mid = 110 + 50 * rnd.nextDouble();
				for (int i = 0; i < lv.length; i++)
					lv[i] = (float) (mid - strength / 2 + strength * lv[i] / 255);
			}
			case SHADOW -> shadow(lv, w, h, (int) Math.round(0.6 * dpi), strength, rnd, truths);
			case GLARE -> glare(lv, w, h, strength, rnd, truths);
			default -> throw new IllegalArgumentException("unknown defect " + defect);
		}
		return grain(lv, w, h, 2, dpi, new Random(seed ^ 0x5eed));
	}

	private static Truth truth(final Defect d, final int[] r, final double strength) {
		return new Truth(d.type(), r[0], r[1], r[2], r[3], strength);
	}

	/** A rectangle of 35–45 % × 25–35 % of the page inside the margins. */
	private static int[] innerRect(final int w, final int h, final int margin, final Random rnd) {
		final int rw = (int) (w * (0.35 + 0.1 * rnd.nextDouble())), rh = (int) (h * (0.25 + 0.1 * rnd.nextDouble()));
		final int x = margin + rnd.nextInt(Math.max(1, w - 2 * margin - rw));
		final int y = margin + rnd.nextInt(Math.max(1, h - 2 * margin - rh));
		return new int[] { x, y, rw, rh };
	}

	// ---------------------------------------------------------------- scene

	private static final String[] FAMILIES = { Font.SERIF, Font.SANS_SERIF, Font.MONOSPACED };

	/** Text in columns and a figure, as reflectance. */
	private static float[] render(final Layout l, final Random rnd) {
		final int w = l.width(), h = l.height();
		final double dpi = l.dpi();
		final byte[] p = Pages.render(w, h, dpi, l.columns(), rnd, (rr, px) -> new Font(FAMILIES[rr.nextInt(
			FAMILIES.length)], rr.nextInt(4) == 0 ? Font.BOLD : Font.PLAIN, 1).deriveFont(px));
		final int margin = (int) Math.round(0.6 * dpi);
		final float[] r = new float[w * h];
		for (int i = 0; i < r.length; i++)
			r[i] = (p[i] & 0xff) / 255f;
		if (l.figure() != Figure.NONE) figure(r, w, h, margin, l.figure(), dpi, rnd);
		return r;
	}

	/**
	 * A figure of 35–50 % of the text width and 15–25 % of the page height with a blank frame of 0.1 inch: a smooth
	 * random picture (blobs, a gradient, fine texture), as it is (photo) or as a 50-lpi 45° dot screen (halftone).
	 */
	private static void figure(final float[] r, final int w, final int h, final int margin, final Figure kind,
		final double dpi, final Random rnd)
	{
		final int fw = (int) ((w - 2 * margin) * (0.35 + 0.15 * rnd.nextDouble()));
		final int fh = (int) (h * (0.15 + 0.1 * rnd.nextDouble()));
		final int fx = margin + rnd.nextInt(Math.max(1, w - 2 * margin - fw));
		final int fy = margin + rnd.nextInt(Math.max(1, h - 2 * margin - fh));
		final int frame = (int) Math.round(0.1 * dpi);
		for (int y = Math.max(0, fy - frame); y < Math.min(h, fy + fh + frame); y++)
			for (int x = Math.max(0, fx - frame); x < Math.min(w, fx + fw + frame); x++)
				r[y * w + x] = 1;
		final int blobs = 10 + rnd.nextInt(10);
		final double[] bx = new double[blobs], by = new double[blobs], bs = new double[blobs], ba = new double[blobs];
		for (int i = 0; i < blobs; i++) {
			bx[i] = rnd.nextDouble();
			by[i] = rnd.nextDouble();
			bs[i] = 0.05 + 0.2 * rnd.nextDouble();
			ba[i] = rnd.nextDouble() - 0.5;
		}
		final double gx = rnd.nextDouble() - 0.5, gy = rnd.nextDouble() - 0.5;
		final double f1 = 20 + 20 * rnd.nextDouble(), f2 = 30 + 30 * rnd.nextDouble(), ph = rnd.nextDouble() * 6;
		final double period = dpi / 50, cos = Math.cos(Math.PI / 4), sin = Math.sin(Math.PI / 4);
		for (int y = 0; y < fh; y++)
			for (int x = 0; x < fw; x++) {
				final double u = x / (double) fw, v = y / (double) fh;
				double t = 0.5 + gx * u + gy * v;
				for (int i = 0; i < blobs; i++) {
					final double dx = (u - bx[i]) / bs[i], dy = (v - by[i]) / bs[i];
					t += ba[i] * Math.exp(-0.5 * (dx * dx + dy * dy));
				}
				t += 0.06 * Math.sin(f1 * u + ph) * Math.sin(f2 * v) + 0.03 * Math.sin(3.1 * f2 * u + 1.7 * f1 * v);
				t = Math.max(0.05, Math.min(0.95, t));
				float val = (float) t;
				if (kind == Figure.HALFTONE) {
					// distance to the nearest dot centre of the rotated screen; dot area = ink coverage 1 - t
					final double a = (x * cos + y * sin) / period, b = (-x * sin + y * cos) / period;
					final double da = (a - Math.floor(a) - 0.5) * period, db = (b - Math.floor(b) - 0.5) * period;
					final double dist = Math.sqrt(da * da + db * db);
					final double radius = period * Math.sqrt((1 - t) / Math.PI);
					val = (float) Math.max(0, Math.min(1, dist - radius + 0.5));
				}
				r[(fy + y) * w + fx + x] = val;
			}
	}

	// ---------------------------------------------------------------- optics

	/** Gaussian blur of the rectangle (reads the whole image around it; clamped borders); a new array. */
	static float[] blur(final float[] src, final int w, final int h, final double sigma, final int rx, final int ry,
		final int rw, final int rh)
	{
		final float[] out = src.clone();
		if (sigma <= 0) return out;
		final int rad = (int) Math.ceil(3 * sigma);
		final float[] k = new float[2 * rad + 1];
		double sum = 0;
		for (int i = -rad; i <= rad; i++)
			sum += k[i + rad] = (float) Math.exp(-0.5 * i * i / (sigma * sigma));
		for (int i = 0; i < k.length; i++)
			k[i] /= sum;
		// vertical pass over the rectangle widened by the kernel radius, then horizontal into out
		final int x0 = Math.max(0, rx - rad), x1 = Math.min(w, rx + rw + rad);
		final float[] tmp = new float[(x1 - x0) * rh];
		for (int y = 0; y < rh; y++)
			for (int x = x0; x < x1; x++) {
				float s = 0;
				for (int j = -rad; j <= rad; j++)
					s += k[j + rad] * src[Math.max(0, Math.min(h - 1, ry + y + j)) * w + x];
				tmp[y * (x1 - x0) + x - x0] = s;
			}
		for (int y = 0; y < rh; y++)
			for (int x = rx; x < rx + rw; x++) {
				float s = 0;
				for (int j = -rad; j <= rad; j++)
					s += k[j + rad] * tmp[y * (x1 - x0) + Math.max(x0, Math.min(x1 - 1, x + j)) - x0];
				out[(ry + y) * w + x] = s;
			}
		return out;
	}

	/** Linear motion blur of the rectangle: the mean along a segment of the given length and angle (bilinear). */
	private static float[] motion(final float[] src, final int w, final int h, final double length,
		final double angle, final int[] rect)
	{
		final float[] out = src.clone();
		final int n = Math.max(2, (int) Math.ceil(length) + 1);
		final double dx = Math.cos(angle), dy = Math.sin(angle);
		for (int y = rect[1]; y < rect[1] + rect[3]; y++)
			for (int x = rect[0]; x < rect[0] + rect[2]; x++) {
				float s = 0;
				for (int i = 0; i < n; i++) {
					final double t = length * (i / (double) (n - 1) - 0.5);
					s += bilinear(src, w, h, x + t * dx, y + t * dy);
				}
				out[y * w + x] = s / n;
			}
		return out;
	}

	private static float bilinear(final float[] a, final int w, final int h, final double x, final double y) {
		final double cx = Math.max(0, Math.min(w - 1.001, x)), cy = Math.max(0, Math.min(h - 1.001, y));
		final int x0 = (int) cx, y0 = (int) cy;
		final float fx = (float) (cx - x0), fy = (float) (cy - y0);
		final int p = y0 * w + x0;
		final float top = a[p] + (a[p + 1] - a[p]) * fx, bot = a[p + w] + (a[p + w + 1] - a[p + w]) * fx;
		return top + (bot - top) * fy;
	}

	// ---------------------------------------------------------------- light

	/** Shadow from a random edge: light {@code 1 - depth·(1 - d/W')} within W' = half the page's extent. */
	private static void shadow(final float[] lv, final int w, final int h, final int margin, final double depth,
		final Random rnd, final List<Truth> truths)
	{
		final int edge = rnd.nextInt(4); // 0 left, 1 right, 2 top, 3 bottom
		final boolean horizontal = edge < 2;
		final double reach = 0.5 * (horizontal ? w : h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double d = edge == 0 ? x : edge == 1 ? w - 1 - x : edge == 2 ? y : h - 1 - y;
				if (d >= reach) continue;
				lv[y * w + x] *= (float) (1 - depth * (1 - d / reach));
			}
		// light ≤ SHADOW_TRUTH where 1 - d/reach ≥ (1 - truth) / depth
		final double q = (1 - Defect.SHADOW_TRUTH) / depth;
		if (q >= 1) return;
		final int band = (int) Math.round(reach * (1 - q));
		// within the text body: the margins hold no text for the shadow to hurt
		final int m = margin;
		final int[] r = switch (edge) {
			case 0 -> new int[] { m, m, band - m, h - 2 * m };
			case 1 -> new int[] { w - band, m, band - m, h - 2 * m };
			case 2 -> new int[] { m, m, w - 2 * m, band - m };
			default -> new int[] { m, h - band, w - 2 * m, band - m };
		};
		if (band <= m) return;
		truths.add(truth(Defect.SHADOW, r, depth));
	}

	/** One or two glare spots (see {@link Defect#GLARE}). */
	private static void glare(final float[] lv, final int w, final int h, final double alpha, final Random rnd,
		final List<Truth> truths)
	{
		final int spots = 1 + rnd.nextInt(2);
		for (int s = 0; s < spots; s++) {
			final double a = w * (0.08 + 0.07 * rnd.nextDouble()), b = a * (0.5 + 0.5 * rnd.nextDouble());
			final double th = rnd.nextDouble() * Math.PI;
			final double cx = w * (0.2 + 0.6 * rnd.nextDouble()), cy = h * (0.15 + 0.7 * rnd.nextDouble());
			final double c = Math.cos(th), sn = Math.sin(th), soft = 0.15;
			final double qMax = 1 + soft * Math.log(100); // g < 1 % beyond
			final int ex = (int) Math.ceil(qMax * Math.hypot(a * c, b * sn)), ey = (int) Math.ceil(qMax * Math.hypot(a
				* sn, b * c));
			for (int y = Math.max(0, (int) cy - ey); y < Math.min(h, (int) cy + ey); y++)
				for (int x = Math.max(0, (int) cx - ex); x < Math.min(w, (int) cx + ex); x++) {
					final double u = ((x - cx) * c + (y - cy) * sn) / a, v = (-(x - cx) * sn + (y - cy) * c) / b;
					final double q = Math.sqrt(u * u + v * v);
					final double g = 1 / (1 + Math.exp((q - 1) / soft));
					final int i = y * w + x;
					lv[i] += (float) ((255 - lv[i]) * alpha * g);
				}
			// truth: alpha·g ≥ 1/3
			if (alpha * 1 / (1 + Math.exp(-1 / soft)) < 1 / 3.0) continue;
			final double qt = 1 + soft * Math.log(3 * alpha - 1);
			final int tx = (int) Math.round(qt * Math.hypot(a * c, b * sn)), ty = (int) Math.round(qt * Math.hypot(a * sn,
				b * c));
			final int x0 = Math.max(0, (int) cx - tx), y0 = Math.max(0, (int) cy - ty);
			final int x1 = Math.min(w, (int) cx + tx), y1 = Math.min(h, (int) cy + ty);
			truths.add(new Truth(DefectType.GLARE, x0, y0, x1 - x0, y1 - y0, alpha));
		}
	}

	/**
	 * Paper grain: Gaussian noise of deviation {@code sigma} (sum of four uniforms, scaled) and a faint mottle (±2
	 * levels, about 1 mm), rounded and clamped to 8 bits.
	 */
	private static byte[] grain(final float[] lv, final int w, final int h, final double sigma, final double dpi,
		final Random rnd)
	{
		final byte[] out = new byte[w * h];
		final double mf = 2 * Math.PI / (dpi / 25.4), p1 = rnd.nextDouble() * 6, p2 = rnd.nextDouble() * 6;
		final float scale = (float) (sigma * Math.sqrt(3)); // sum of 4 uniforms in [-0.5, 0.5]: variance 1/3
		long s = rnd.nextLong() | 1;
		final float[] mottleX = new float[w];
		for (int x = 0; x < w; x++)
			mottleX[x] = (float) Math.sin(x * mf * 0.7 + p1);
		for (int y = 0; y < h; y++) {
			final float my = (float) Math.sin(y * mf * 0.9 + p2);
			for (int x = 0; x < w; x++) {
				float u = 0;
				for (int k = 0; k < 2; k++) {
					s ^= s << 13;
					s ^= s >>> 7;
					s ^= s << 17;
					u += ((s & 0xffff) / 65536f - 0.5f) + (((s >>> 16) & 0xffff) / 65536f - 0.5f);
				}
				final int i = y * w + x;
				final float v = lv[i] + scale * u + 2 * mottleX[x] * my;
				out[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
			}
		}
		return out;
	}
}
