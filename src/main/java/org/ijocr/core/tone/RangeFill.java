package org.ijocr.core.tone;

import org.ijocr.core.Labels;

/**
 * What {@link IntensityRange} writes where it removes a pixel. The label is the user-facing name and the macro value
 * (stable; never rename it).
 */
public enum RangeFill {
	/** White: 255 on 8-bit and RGB pages, the given white value otherwise. */
	WHITE("White"),
	/** The page's own paper grey: the level of the histogram's paper peak ({@link IntensityRange#analyse}). */
	PAPER("Paper");

	private final String label;

	RangeFill(final String label) {
		this.label = label;
	}

	/** The user-facing name and macro value, e.g. {@code "White"}. */
	public String label() {
		return label;
	}

	/** All labels in declaration order, e.g. for a dialog's choice list. */
	public static String[] labels() {
		return Labels.of(values(), RangeFill::label);
	}

	/** The fill with this label (case-insensitive); {@link IllegalArgumentException} naming the choices if none. */
	public static RangeFill fromLabel(final String label) {
		return Labels.find(values(), RangeFill::label, "fill", label);
	}

	@Override
	public String toString() {
		return label;
	}
}
