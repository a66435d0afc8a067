package org.ijocr.core.threshold;

/**
 * Parameters of {@link Binarize}.
 *
 * @param method the method used when {@code threshold} is 0; never {@code null}
 * @param threshold a manual global threshold 1..255 in 8-bit grey levels — a pixel lighter than it (value &gt;
 *          threshold) becomes paper (255), the others ink (0) — or 0 to let {@code method} decide
 */
public record BinarizeParams(BinarizeMethod method, int threshold) {

	/** Default: {@link BinarizeMethod#AUTO}, no manual threshold. */
	public static final BinarizeParams DEFAULT = new BinarizeParams(BinarizeMethod.AUTO, 0);

	/** Validates: a method is required, the threshold must be 0 (use the method) or 1..255. */
	public BinarizeParams {
		if (method == null) throw new IllegalArgumentException("method must not be null; choose one of "
			+ String.join(", ", BinarizeMethod.labels()));
		if (threshold < 0 || threshold > 255) throw new IllegalArgumentException("threshold must be 0 (automatic) "
			+ "or a grey level 1..255, got " + threshold);
	}

	/** Parameters for a method, without a manual threshold. */
	public static BinarizeParams of(final BinarizeMethod method) {
		return new BinarizeParams(method, 0);
	}

	/** Parameters with a manual threshold (1..255); the method is kept for the record only. */
	public static BinarizeParams manual(final int threshold) {
		if (threshold == 0) throw new IllegalArgumentException("a manual threshold must be 1..255, got 0");
		return new BinarizeParams(BinarizeMethod.AUTO, threshold);
	}

	/** Whether a manual threshold overrides the method. */
	public boolean isManual() {
		return threshold != 0;
	}
}
