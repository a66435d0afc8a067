package org.ijocr.core.geometry;

/**
 * Parameters of {@link Rotate}.
 *
 * @param angle rotation in degrees, positive = clockwise on screen (ImageJ's Image&gt;Transform&gt;Rotate
 *          convention; image y axis points down); finite
 * @param interpolation how pixels between source pixels are computed; never {@code null}
 * @param fill the value of output pixels that come from outside the source (e.g. the paper colour); finite
 */
public record RotateParams(double angle, Interpolation interpolation, double fill) {

	/** Validates. */
	public RotateParams {
		if (!Double.isFinite(angle)) throw new IllegalArgumentException("angle must be a finite number of degrees, got "
			+ angle);
		if (interpolation == null) throw new IllegalArgumentException("interpolation must not be null; choose one of "
			+ String.join(", ", Interpolation.labels()));
		if (!Double.isFinite(fill)) throw new IllegalArgumentException("fill must be finite, got " + fill);
	}

	/** Bicubic rotation by {@code angle} degrees (clockwise) with white (255) fill. */
	public static RotateParams of(final double angle) {
		return new RotateParams(angle, Interpolation.BICUBIC, 255);
	}
}
