package org.ijocr.core.defect;

/**
 * One area of a page where a defect was found: the bounding box in pixel coordinates of the page (or plane) that
 * was searched, and a severity.
 *
 * @param type the kind of defect
 * @param x left edge (pixels)
 * @param y top edge (pixels)
 * @param width width (pixels, &ge; 1)
 * @param height height (pixels, &ge; 1)
 * @param score severity in [0, 1]: 0 = barely there, 1 = OCR of this area is hopeless without a fix; each detector
 *   documents how it maps its measurement to this scale
 */
public record DefectArea(DefectType type, int x, int y, int width, int height, double score) {

	/** Checks the fields. */
	public DefectArea {
		if (type == null) throw new IllegalArgumentException("a defect area needs a type");
		if (width < 1 || height < 1)
			throw new IllegalArgumentException("a defect area needs a positive size, not " + width + "x" + height);
		if (!(score >= 0 && score <= 1)) throw new IllegalArgumentException("a defect score lies in [0, 1], not "
			+ score);
	}

	/** Pixels covered by the box. */
	public long area() {
		return (long) width * height;
	}

	/** The same area moved by (dx, dy), e.g. from a selection's coordinates to the page's. */
	public DefectArea translate(final int dx, final int dy) {
		return new DefectArea(type, x + dx, y + dy, width, height, score);
	}
}
