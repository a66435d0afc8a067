package org.ijocr.core.threshold;

import java.util.Locale;

/**
 * The parameters of the local binarization methods ({@link LocalThresholds}). Each has one meaning, the same for
 * every method that takes it; {@link BinarizeMethod#spec(LocalParam)} gives a method's published default and its
 * accepted range. The {@link #key()} is the macro key of {@code OCR Binarize}.
 */
public enum LocalParam {
	/** Window half-size: the window is the square of (2·radius + 1)² pixels centred on the pixel. */
	RADIUS,
	/** The method's weight of the local standard deviation (Sauvola, Niblack, Wolf, Phansalkar). */
	K,
	/** The dynamic range of the standard deviation (Sauvola: R in grey levels; Phansalkar: r on levels 0..1). */
	R,
	/** The constant C subtracted from the local mean (Mean, Gaussian adaptive), in grey levels. */
	OFFSET,
	/** Bernsen's contrast limit: windows whose max − min is below it are one class. */
	CONTRAST;

	/**
	 * A method's default and accepted range for one parameter.
	 *
	 * @param defaultValue the published default, used when the parameter is not set (NaN)
	 * @param min smallest accepted value (exclusive when {@code minExclusive})
	 * @param max largest accepted value
	 * @param minExclusive whether {@code min} itself is rejected (e.g. a range that divides)
	 * @param whole whether only whole numbers are accepted
	 */
	public record Spec(double defaultValue, double min, double max, boolean minExclusive, boolean whole) {

		/** A closed range of real values. */
		public static Spec of(final double def, final double min, final double max) {
			return new Spec(def, min, max, false, false);
		}

		/** Whether {@code v} is accepted. */
		public boolean accepts(final double v) {
			return (minExclusive ? v > min : v >= min) && v <= max && (!whole || v == Math.rint(v));
		}

		/** The accepted range in words, e.g. {@code "0 to 1"} or {@code "a whole number 0 to 1000"}. */
		public String range() {
			return (whole ? "a whole number " : "") + (minExclusive ? "above " + fmt(min) + " up to " : fmt(min)
				+ " to ") + fmt(max);
		}
	}

	/** The macro key, e.g. {@code "radius"}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static String fmt(final double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
	}
}
