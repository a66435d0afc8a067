package org.ijocr.ocr;

import org.ijocr.core.Labels;

/**
 * The unit of the results: one table row and one overlay ROI per word, text line, paragraph or block, as Tesseract's
 * result iterator walks them ({@code tesseract::PageIteratorLevel}). The labels are the macro values.
 */
public enum OcrLevel {
	/** {@code RIL_WORD}. */
	WORD("Word", 3),
	/** {@code RIL_TEXTLINE}. */
	LINE("Line", 2),
	/** {@code RIL_PARA}. */
	PARAGRAPH("Paragraph", 1),
	/** {@code RIL_BLOCK}. */
	BLOCK("Block", 0);

	private final String label;
	private final int ril;

	OcrLevel(final String label, final int ril) {
		this.label = label;
		this.ril = ril;
	}

	/** The user-facing name and macro value, e.g. {@code "Word"}. */
	public String label() {
		return label;
	}

	/** Tesseract's {@code PageIteratorLevel} value. */
	int ril() {
		return ril;
	}

	/** All labels in declaration order. */
	public static String[] labels() {
		return Labels.of(values(), OcrLevel::label);
	}

	/** The level with this label (case-insensitive); {@link IllegalArgumentException} naming the choices. */
	public static OcrLevel fromLabel(final String label) {
		return Labels.find(values(), OcrLevel::label, "level", label);
	}

	@Override
	public String toString() {
		return label;
	}
}
