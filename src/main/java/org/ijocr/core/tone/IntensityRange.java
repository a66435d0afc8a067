package org.ijocr.core.tone;

import org.ijocr.core.Storage;

import org.ijocr.core.Tasks;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.ijocr.core.convert.Grayscale;
import org.ijocr.core.threshold.Histogram;

/**
 * Keeps the pixels whose grey level lies in a band {@code [lower, upper]} as they are and sets all others to paper:
 * isolates one layer of a page by its grey level, e.g. dark text over lighter background words (a captcha), a
 * lighter stamp or watermark, or grey ruling.
 * <p>
 * The automatic band ({@link #analyse}) is the darkest significant layer of ink: the 256-level histogram is smoothed
 * (Gaussian, &sigma; = {@value #SMOOTHING} levels), its local maxima are merged with a neighbour while the valley
 * between them is at least {@value #MERGE_VALLEY} of the lower peak (so only modes with a real valley between them
 * stay apart, as in persistence-based mode seeking), the peak holding the most pixels is the paper, and the darkest
 * ink peak (darker than the paper) whose basin holds at least {@value #SIGNIFICANT} of the ink pixels is the text
 * layer. The band runs from the boundary with the next darker peak (or 0) to the boundary with the next lighter peak;
 * a boundary is the middle of the valley floor between two peaks ({@link #boundary}), so that the flat tail of
 * antialiased stroke edges between dark text and a lighter layer is split in its middle. Layers darker than the
 * text, or a page whose text is lighter than another significant layer, are out of its scope: give the band by hand
 * there.
 * <p>
 * Levels: 8-bit images use their values; other types are read through a value range {@code [min, max]} mapped onto
 * 0..255 ({@link Grayscale#scaleToBytes}, the ImageJ edge passes the display range) and keep their raw values where
 * kept;
 * RGB pages are decided by luminance and removed pixels become neutral grey (white or the paper level).
 */
public final class IntensityRange {

	/** Standard deviation, in levels, of the Gaussian smoothing of the histogram before peak search. */
	public static final double SMOOTHING = 2;

	/** Two neighbouring peaks merge while the valley between them is at least this part of the lower peak. */
	public static final double MERGE_VALLEY = 0.5;

	/** Height of the valley floor, as a part of the way from the valley's minimum up to the lower peak. */
	public static final double FLOOR = 0.1;

	/** Least part of the ink pixels a peak's basin must hold to be a layer of its own. */
	public static final double SIGNIFICANT = 0.1;

	private IntensityRange() {}

	/** A band of 8-bit grey levels {@code lower..upper}, both included. */
	public record Band(int lower, int upper) {

		/** Validates {@code 0 <= lower <= upper <= 255}. */
		public Band {
			if (lower < 0 || upper > 255 || lower > upper) throw new IllegalArgumentException("the band must satisfy "
				+ "0 <= lower <= upper <= 255, got lower=" + lower + ", upper=" + upper);
		}

		/** Whether the level lies in the band. */
		public boolean contains(final int level) {
			return level >= lower && level <= upper;
		}
	}

	/** What {@link #analyse} found: the text band and the paper level (the paper peak). */
	public record Analysis(Band band, int paper) {}

	/**
	 * Parameters of {@link IntensityRange#keep}.
	 *
	 * @param band the levels to keep, or {@code null} for the automatic band
	 * @param fill what removed pixels become; never {@code null}
	 */
	public record Params(Band band, RangeFill fill) {

		/** Default: automatic band, white fill. */
		public static final Params DEFAULT = new Params(null, RangeFill.WHITE);

		/** Validates: a fill is required. */
		public Params {
			if (fill == null) throw new IllegalArgumentException("fill must not be null; choose one of " + String
				.join(", ", RangeFill.labels()));
		}
	}

	/** The automatic text band and the paper level of a 256-level histogram (see the class description). */
	public static Analysis analyse(final int[] hist) {
		if (hist.length != 256) throw new IllegalArgumentException("need a 256-level histogram, got " + hist.length);
		final double[] s = smooth(hist, SMOOTHING);
		final List<Integer> peaks = mergedPeaks(s);
		if (peaks.isEmpty()) return new Analysis(new Band(0, 255), 255);
		// the paper: the peak whose basin holds the most pixels
		int paper = 0;
		long most = -1;
		for (int i = 0; i < peaks.size(); i++) {
			final long m = mass(hist, lowerEdge(s, peaks, i), upperEdge(s, peaks, i));
			if (m > most) {
				most = m;
				paper = i;
			}
		}
		final int paperLevel = peaks.get(paper);
		if (paper == 0) return new Analysis(new Band(0, 255), paperLevel); // no ink darker than the paper
		final long ink = mass(hist, 0, lowerEdge(s, peaks, paper) - 1);
		for (int i = 0; i < paper; i++) {
			final int lo = lowerEdge(s, peaks, i), hi = upperEdge(s, peaks, i);
			if (mass(hist, lo, hi) >= SIGNIFICANT * ink) return new Analysis(new Band(lo, hi), paperLevel);
		}
		return new Analysis(new Band(0, lowerEdge(s, peaks, paper) - 1), paperLevel); // not reached: masses add up
	}

	/**
	 * Keeps the band of a grey image (see the class description) and sets every other pixel to the fill.
	 *
	 * @param min value shown as level 0 (8-bit images: ignored, levels are the values)
	 * @param max value shown as level 255, and the white fill of non-8-bit images
	 * @return the band used (the automatic one if {@code p.band()} is {@code null})
	 */
	public static <T extends RealType<T>> Band keep(final Params p, final double min, final double max,
		final RandomAccessibleInterval<T> src, final RandomAccessibleInterval<T> dst)
	{
		Pixels.checkSameSize(src, dst);
		final byte[] s = Storage.bytes(src), d = Storage.bytes(dst);
		if (s != null && d != null) {
			final Analysis a = p.band() == null || p.fill() == RangeFill.PAPER ? analyse(Histogram.of(src)) : null;
			final Band band = p.band() != null ? p.band() : a.band();
			final int fill = p.fill() == RangeFill.WHITE ? 255 : a.paper();
			final byte[] lut = new byte[256];
			for (int v = 0; v < 256; v++)
				lut[v] = (byte) (band.contains(v) ? v : fill);
			Contrast.applyLut(s, d, lut);
			return band;
		}
		if (!(max > min)) throw new IllegalArgumentException("the value range must have max > min, got [" + min + ", "
			+ max + "]");
		final byte[] levels = new byte[(int) src.size()];
		Grayscale.scaleToBytes(src, min, max, ArrayImgs.unsignedBytes(levels, src.dimensionsAsLongArray()));
		final Analysis a = p.band() == null || p.fill() == RangeFill.PAPER ? analyse(Histogram.of(levels)) : null;
		final Band band = p.band() != null ? p.band() : a.band();
		final double fill = p.fill() == RangeFill.WHITE ? max : min + (a.paper() + 0.5) * (max - min) / 256;
		final T type = dst.getType();
		final Cursor<T> in = Views.flatIterable(src).cursor(), out = Views.flatIterable(dst).cursor();
		for (final byte level : levels) {
			final double v = in.next().getRealDouble();
			out.next().setReal(band.contains(level & 0xff) ? v : Pixels.fit(type, fill));
		}
		return band;
	}

	/**
	 * Keeps the pixels of an RGB page whose luminance (BT.601) lies in the band, with their colour; the others
	 * become neutral white or paper grey (the paper level of the luminance histogram). {@code dst} may be
	 * {@code src}.
	 *
	 * @return the band used
	 */
	public static Band keep(final Params p, final ArrayImg<ARGBType, IntArray> src,
		final ArrayImg<ARGBType, IntArray> dst)
	{
		Pixels.checkSameSize(src, dst);
		final int[] s = Pixels.argb(src), d = Pixels.argb(dst);
		final int[] hist = new int[256];
		for (final int c : s)
			hist[Grayscale.luminance(c)]++;
		final Analysis a = p.band() == null || p.fill() == RangeFill.PAPER ? analyse(hist) : null;
		final Band band = p.band() != null ? p.band() : a.band();
		final int f = p.fill() == RangeFill.WHITE ? 255 : a.paper();
		Tasks.split(s.length, 1 << 18, (lo, hi) -> {
			for (int i = lo; i < hi; i++) {
				final int c = s[i];
				d[i] = band.contains(Grayscale.luminance(c)) ? c : c & 0xff000000 | f << 16 | f << 8 | f;
			}
		});
		return band;
	}

	// ---------------------------------------------------------------- histogram modes

	/** Gaussian smoothing of a histogram, weights renormalized at the ends. */
	static double[] smooth(final int[] hist, final double sigma) {
		final int r = (int) Math.ceil(3 * sigma);
		final double[] k = new double[2 * r + 1];
		for (int i = -r; i <= r; i++)
			k[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
		final double[] s = new double[hist.length];
		for (int v = 0; v < hist.length; v++) {
			double sum = 0, wsum = 0;
			for (int i = Math.max(0, v - r); i <= Math.min(hist.length - 1, v + r); i++) {
				sum += k[i - v + r] * hist[i];
				wsum += k[i - v + r];
			}
			s[v] = sum / wsum;
		}
		return s;
	}

	/**
	 * The local maxima of {@code s} (the middle of a flat top), merged while the valley between two neighbours is
	 * at least {@link #MERGE_VALLEY} of the lower one (the lower one is dropped), in increasing level order.
	 */
	static List<Integer> mergedPeaks(final double[] s) {
		final List<Integer> peaks = new ArrayList<>();
		for (int v = 0; v < s.length; v++) {
			if (s[v] <= 0 || v > 0 && s[v - 1] >= s[v]) continue;
			int e = v;
			while (e + 1 < s.length && s[e + 1] == s[v])
				e++;
			if (e == s.length - 1 || s[e + 1] < s[v]) peaks.add((v + e) / 2);
			v = e;
		}
		boolean merged = true;
		while (merged && peaks.size() > 1) {
			merged = false;
			// merge the pair with the shallowest valley first
			int best = -1;
			double bestRatio = MERGE_VALLEY;
			for (int i = 0; i + 1 < peaks.size(); i++) {
				final int a = peaks.get(i), b = peaks.get(i + 1);
				final double ratio = s[valley(s, a, b)] / Math.min(s[a], s[b]);
				if (ratio >= bestRatio) {
					bestRatio = ratio;
					best = i;
				}
			}
			if (best >= 0) {
				peaks.remove(s[peaks.get(best)] < s[peaks.get(best + 1)] ? best : best + 1);
				merged = true;
			}
		}
		return peaks;
	}

	/** The level of the minimum of {@code s} strictly between {@code a < b} ({@code a} if they are neighbours). */
	static int valley(final double[] s, final int a, final int b) {
		int m = a;
		for (int v = a + 1; v < b; v++)
			if (m == a || s[v] < s[m]) m = v;
		return m;
	}

	/**
	 * The boundary between the peaks {@code a < b}: the middle of the valley floor, i.e. of the levels between them
	 * whose smoothed count is within {@value #FLOOR} of the way from the minimum up to the lower peak. On a real
	 * valley that is its minimum; on the flat tail of antialiased ink edges, whose minimum is wherever the noise puts
	 * it, it is the middle of the tail.
	 */
	static int boundary(final double[] s, final int a, final int b) {
		final int m = valley(s, a, b);
		if (m == a) return a;
		final double floor = s[m] + FLOOR * (Math.min(s[a], s[b]) - s[m]);
		int first = m, last = m;
		for (int v = a + 1; v < b; v++)
			if (s[v] <= floor) {
				first = Math.min(first, v);
				last = Math.max(last, v);
			}
		return (first + last) / 2;
	}

	private static int lowerEdge(final double[] s, final List<Integer> peaks, final int i) {
		return i == 0 ? 0 : boundary(s, peaks.get(i - 1), peaks.get(i)) + 1;
	}

	private static int upperEdge(final double[] s, final List<Integer> peaks, final int i) {
		return i == peaks.size() - 1 ? 255 : boundary(s, peaks.get(i), peaks.get(i + 1));
	}

	private static long mass(final int[] hist, final int lo, final int hi) {
		long m = 0;
		for (int v = Math.max(0, lo); v <= Math.min(255, hi); v++)
			m += hist[v];
		return m;
	}
}
