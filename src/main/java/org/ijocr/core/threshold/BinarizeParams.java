package org.ijocr.core.threshold;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Parameters of {@link Binarize}. The local parameters are {@code NaN} when not set, meaning "the method's published
 * default" ({@link BinarizeMethod#spec(LocalParam)}); any other value, 0 included, is used as given. A parameter that
 * the method does not take, or a value outside the method's accepted range, is rejected.
 *
 * @param method the method used when {@code threshold} is 0; never {@code null}
 * @param threshold a manual global threshold 1..255 in 8-bit grey levels — a pixel lighter than it (value &gt;
 *          threshold) becomes paper (255), the others ink (0) — or 0 to let {@code method} decide
 * @param radius window radius of a local method: the window is (2·radius + 1)² pixels ({@link LocalParam#RADIUS})
 * @param k weight of the local standard deviation ({@link LocalParam#K})
 * @param r dynamic range of the standard deviation ({@link LocalParam#R})
 * @param offset constant subtracted from the local mean ({@link LocalParam#OFFSET})
 * @param contrast Bernsen's contrast limit ({@link LocalParam#CONTRAST})
 */
public record BinarizeParams(BinarizeMethod method, int threshold, double radius, double k, double r, double offset,
	double contrast)
{

	/** Default: {@link BinarizeMethod#AUTO}, no manual threshold. */
	public static final BinarizeParams DEFAULT = new BinarizeParams(BinarizeMethod.AUTO, 0);

	/**
	 * Validates: a method is required, the threshold must be 0 (use the method) or 1..255, and every local parameter
	 * that is set must be one the method takes, within its range.
	 */
	public BinarizeParams {
		if (method == null) throw new IllegalArgumentException("method must not be null; choose one of "
			+ String.join(", ", BinarizeMethod.labels()));
		if (threshold < 0 || threshold > 255) throw new IllegalArgumentException("threshold must be 0 (automatic) "
			+ "or a grey level 1..255, got " + threshold);
		final double[] v = { radius, k, r, offset, contrast };
		for (final LocalParam p : LocalParam.values()) {
			final double x = v[p.ordinal()];
			if (Double.isNaN(x)) continue;
			if (threshold != 0) throw new IllegalArgumentException(p.key() + " does not apply to a manual threshold "
				+ "(threshold=" + threshold + ")");
			final LocalParam.Spec s = method.spec(p);
			if (s == null) throw new IllegalArgumentException(p.key() + " does not apply to " + method + " (" + takes(
				method) + ")");
			if (!s.accepts(x)) throw new IllegalArgumentException(p.key() + "=" + LocalParam.fmt(x) + " is out of range "
				+ "for " + method + " (" + s.range() + ")");
		}
	}

	/** A method without local parameters set, or with a manual threshold. */
	public BinarizeParams(final BinarizeMethod method, final int threshold) {
		this(method, threshold, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
	}

	/** Parameters for a method, without a manual threshold; local parameters at their defaults. */
	public static BinarizeParams of(final BinarizeMethod method) {
		return new BinarizeParams(method, 0);
	}

	/** Parameters with a manual threshold (1..255); the method is kept for the record only. */
	public static BinarizeParams manual(final int threshold) {
		if (threshold == 0) throw new IllegalArgumentException("a manual threshold must be 1..255, got 0");
		return new BinarizeParams(BinarizeMethod.AUTO, threshold);
	}

	/** A copy with one local parameter set ({@code NaN} = back to the method's default); validated. */
	public BinarizeParams with(final LocalParam p, final double value) {
		final double[] v = { radius, k, r, offset, contrast };
		v[p.ordinal()] = value;
		return new BinarizeParams(method, threshold, v[0], v[1], v[2], v[3], v[4]);
	}

	/** Whether a manual threshold overrides the method. */
	public boolean isManual() {
		return threshold != 0;
	}

	/** The value of a local parameter as set ({@code NaN} when not set). */
	public double value(final LocalParam p) {
		return switch (p) {
			case RADIUS -> radius;
			case K -> k;
			case R -> r;
			case OFFSET -> offset;
			case CONTRAST -> contrast;
		};
	}

	/**
	 * The value a local method uses: as set, else the method's default; {@link IllegalStateException} when the method
	 * does not take {@code p}.
	 */
	public double resolved(final LocalParam p) {
		final LocalParam.Spec s = method.spec(p);
		if (s == null) throw new IllegalStateException(method + " takes no " + p.key());
		final double v = value(p);
		return Double.isNaN(v) ? s.defaultValue() : v;
	}

	private static String takes(final BinarizeMethod m) {
		final List<LocalParam> ps = m.params();
		if (ps.isEmpty()) return m == BinarizeMethod.AUTO ? "Auto takes no parameters"
			: "a global method takes no local parameters";
		return "it takes " + ps.stream().map(LocalParam::key).collect(Collectors.joining(", "));
	}
}
