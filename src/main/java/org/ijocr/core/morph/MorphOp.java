package org.ijocr.core.morph;

import org.ijocr.core.Labels;

/**
 * The four operations of {@link Morphology} on ink-0 / paper-255 pages. The ink (dark) is the foreground: dilating
 * makes text bolder, eroding makes it thinner. The label is the user-facing name.
 */
public enum MorphOp {
	/** Ink grows by the element: strokes thicken, small gaps and breaks close, letters may merge. */
	DILATE("Dilate"),
	/** Ink shrinks by the element: strokes thin, specks smaller than the element vanish, touching letters part. */
	ERODE("Erode"),
	/** Erode, then dilate: removes ink specks and thin spurs smaller than the element, keeps larger strokes. */
	OPEN("Open"),
	/** Dilate, then erode: fills pinholes and closes breaks narrower than the element, keeps stroke widths. */
	CLOSE("Close");

	private final String label;

	MorphOp(final String label) {
		this.label = label;
	}

	/** The user-facing name, e.g. {@code "Dilate"}. */
	public String label() {
		return label;
	}

	/** All labels in declaration order, e.g. for a dialog's choice list. */
	public static String[] labels() {
		return Labels.of(values(), MorphOp::label);
	}

	/** The constant with this label (case-insensitive); {@link IllegalArgumentException} naming the choices if none. */
	public static MorphOp fromLabel(final String label) {
		return Labels.find(values(), MorphOp::label, "operation", label);
	}

	@Override
	public String toString() {
		return label;
	}
}
