package org.ijocr.core.defect;

import org.ijocr.core.Labels;

/**
 * The kinds of image defect that make OCR misread a page. The {@link #name()} is the stable code written in the
 * {@code Type} column of the {@code Defects} table and in CSV files; the {@link #label()} is the user-facing name
 * and the value of the {@code type} macro key.
 */
public enum DefectType {
	/** Isolated black and white specks (impulse noise) that OCR reads as punctuation or merges into glyphs. */
	SALT_PEPPER_NOISE("Salt-and-pepper noise"),
	/** Ink too close to the paper's grey (faded print, shadows, dim captures), so thresholds lose strokes. */
	LOW_CONTRAST("Low contrast"),
	/** Out-of-focus or motion-blurred text whose strokes run together. */
	BLUR("Blur"),
	/** Specular highlights that wash the ink out (glossy paper, screens, flash). */
	GLARE("Glare");

	private final String label;

	DefectType(final String label) {
		this.label = label;
	}

	/** The user-facing name and macro value, e.g. {@code "Salt-and-pepper noise"}. */
	public String label() {
		return label;
	}

	/** All labels in declaration order. */
	public static String[] labels() {
		return Labels.of(values(), DefectType::label);
	}

	/**
	 * The constant with this label or code (case-insensitive), e.g. {@code "Glare"} or {@code "GLARE"};
	 * {@link IllegalArgumentException} naming the choices if none.
	 */
	public static DefectType fromLabel(final String label) {
		for (final DefectType t : values())
			if (t.name().equalsIgnoreCase(label)) return t;
		return Labels.find(values(), DefectType::label, "defect type", label);
	}

	@Override
	public String toString() {
		return label;
	}
}
