package org.ijocr.ocr;

import org.ijocr.core.Labels;

/**
 * Tesseract's page segmentation modes ({@code tesseract --help-psm}) by name; the labels are the macro values.
 * {@link #AUTO} (the default) is Tesseract's fully automatic layout analysis (mode 3) preceded by the suite's
 * orientation step: Tesseract's orientation and script detection ({@code osd.traineddata}) finds pages turned by
 * 90&deg;, 180&deg; or 270&deg;, the page is turned upright (exactly, by quarter turns) before recognition, and the
 * boxes are turned back into the image's coordinates. {@link #AUTO_UPRIGHT} is mode 3 alone. Modes 0 (orientation
 * only) and 2 (layout without recognition) produce no text and are not offered.
 */
public enum PageSegMode {
	/** Mode 3 after orientation detection (the default). */
	AUTO("Auto", 3, true),
	/** Mode 3: automatic layout, the page assumed upright. */
	AUTO_UPRIGHT("Auto upright", 3, false),
	/** Mode 1: automatic layout with Tesseract's own orientation and script detection. */
	AUTO_OSD("Auto with OSD", 1, false),
	/** Mode 4: a single column of text of variable sizes. */
	SINGLE_COLUMN("Single column", 4, false),
	/** Mode 5: a single uniform block of vertically aligned text. */
	SINGLE_BLOCK_VERTICAL("Single block vertical", 5, false),
	/** Mode 6: a single uniform block of text. */
	SINGLE_BLOCK("Single block", 6, false),
	/** Mode 7: a single text line. */
	SINGLE_LINE("Single line", 7, false),
	/** Mode 8: a single word. */
	SINGLE_WORD("Single word", 8, false),
	/** Mode 9: a single word in a circle. */
	CIRCLE_WORD("Circle word", 9, false),
	/** Mode 10: a single character. */
	SINGLE_CHARACTER("Single character", 10, false),
	/** Mode 11: as much text as possible, in no particular order. */
	SPARSE_TEXT("Sparse text", 11, false),
	/** Mode 12: sparse text with Tesseract's orientation and script detection. */
	SPARSE_TEXT_OSD("Sparse text with OSD", 12, false),
	/** Mode 13: a single text line, bypassing Tesseract's hacks. */
	RAW_LINE("Raw line", 13, false);

	private final String label;
	private final int code;
	private final boolean orientation;

	PageSegMode(final String label, final int code, final boolean orientation) {
		this.label = label;
		this.code = code;
		this.orientation = orientation;
	}

	/** The user-facing name and macro value, e.g. {@code "Single line"}. */
	public String label() {
		return label;
	}

	/** Tesseract's {@code PageSegMode} number. */
	public int code() {
		return code;
	}

	/** Whether the suite detects the page orientation and turns the page upright first. */
	public boolean detectsOrientation() {
		return orientation;
	}

	/** All labels in declaration order. */
	public static String[] labels() {
		return Labels.of(values(), PageSegMode::label);
	}

	/** The mode with this label (case-insensitive); {@link IllegalArgumentException} naming the choices. */
	public static PageSegMode fromLabel(final String label) {
		return Labels.find(values(), PageSegMode::label, "psm", label);
	}

	@Override
	public String toString() {
		return label;
	}
}
