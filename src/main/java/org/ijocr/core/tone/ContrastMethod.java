package org.ijocr.core.tone;

import org.ijocr.core.Labels;

/**
 * Contrast correction methods of {@link Contrast}. The label is the user-facing name and the macro value (stable;
 * never rename it).
 */
public enum ContrastMethod {
	/** Global linear stretch with saturated tails: {@link Contrast#stretch}. */
	STRETCH("Stretch"),
	/** Contrast-limited adaptive histogram equalization (Zuiderveld 1994): {@link Contrast#clahe}. */
	CLAHE("CLAHE");

	private final String label;

	ContrastMethod(final String label) {
		this.label = label;
	}

	/** The user-facing name and macro value, e.g. {@code "CLAHE"}. */
	public String label() {
		return label;
	}

	/** All labels in declaration order, e.g. for a dialog's choice list. */
	public static String[] labels() {
		return Labels.of(values(), ContrastMethod::label);
	}

	/** The method with this label (case-insensitive); {@link IllegalArgumentException} naming the choices if none. */
	public static ContrastMethod fromLabel(final String label) {
		return Labels.find(values(), ContrastMethod::label, "contrast method", label);
	}

	@Override
	public String toString() {
		return label;
	}
}
