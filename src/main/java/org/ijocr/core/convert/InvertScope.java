package org.ijocr.core.convert;

import org.ijocr.core.Labels;

/**
 * Where {@link AutoInvert} looks for light text on a dark background. The label is the user-facing name and the
 * macro value (stable; never rename it).
 */
public enum InvertScope {
	/** The whole page only: inverted when most of it is dark. */
	PAGE("Page"),
	/**
	 * The whole page as {@link #PAGE}, then dark areas of substantial size that hold light text (inverted banners,
	 * table headers, dark boxes) on the page as it now is: each is inverted on its own.
	 */
	AREAS("Areas");

	private final String label;

	InvertScope(final String label) {
		this.label = label;
	}

	/** The user-facing name and macro value, e.g. {@code "Areas"}. */
	public String label() {
		return label;
	}

	/** All labels in declaration order, e.g. for a dialog's choice list. */
	public static String[] labels() {
		return Labels.of(values(), InvertScope::label);
	}

	/** The constant with this label (case-insensitive); {@link IllegalArgumentException} naming the choices if none. */
	public static InvertScope fromLabel(final String label) {
		return Labels.find(values(), InvertScope::label, "scope", label);
	}

	@Override
	public String toString() {
		return label;
	}
}
