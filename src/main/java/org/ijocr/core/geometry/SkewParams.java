package org.ijocr.core.geometry;

/**
 * Parameters of {@link Skew}.
 *
 * @param maxAngle the largest skew searched, in degrees: the search covers {@code [-maxAngle, maxAngle]}; in
 *          (0, 45]
 */
public record SkewParams(double maxAngle) {

	/** The default search range, &plusmn;15&deg;. */
	public static final SkewParams DEFAULT = new SkewParams(15);

	/** Validates. */
	public SkewParams {
		if (!(maxAngle > 0 && maxAngle <= 45)) throw new IllegalArgumentException("max angle must be in (0, 45] degrees, got "
			+ maxAngle);
	}
}
