package org.ijocr.core.tone;

/**
 * Parameters of {@link Background#flatten}.
 *
 * @param radius the background scale in pixels: dark structures narrower than about twice this (strokes, glyphs)
 *          are taken for ink, broader darkening for illumination; 0 = automatic ({@link Background#autoRadius}),
 *          else 1..10000
 * @param paper the paper level of the result, in the image's units (8-bit: 1..255); 0 = automatic: the page's
 *          typical (median) paper level ({@link Background#flatten})
 */
public record FlattenParams(double radius, double paper) {

	/** Default: automatic radius and paper level. */
	public static final FlattenParams DEFAULT = new FlattenParams(0, 0);

	/** Validates: radius 0 or 1..10000, paper &ge; 0, both finite. */
	public FlattenParams {
		if (!(radius == 0 || radius >= 1 && radius <= 10000)) throw new IllegalArgumentException(
			"radius must be 0 (automatic) or 1..10000 pixels, got " + radius);
		if (!(paper >= 0) || Double.isInfinite(paper)) throw new IllegalArgumentException(
			"paper must be 0 (automatic) or a positive level, got " + paper);
	}
}
