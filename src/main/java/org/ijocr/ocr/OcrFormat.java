package org.ijocr.ocr;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The export formats, each written by Tesseract's own renderer from the recognition that produced the table (no
 * second pass): plain text (pages separated by a form feed), TSV (Tesseract's 12 columns {@code level page_num
 * block_num par_num line_num word_num left top width height conf text}), hOCR (XHTML, hOCR 1.2), ALTO XML (v3) and a
 * searchable PDF (the page image with an invisible text layer; needs {@code pdf.ttf}, bundled).
 */
public enum OcrFormat {
	/** Plain UTF-8 text. */
	TXT("txt", "txt"),
	/** Tab-separated values, one row per page, block, paragraph, line and word. */
	TSV("tsv", "tsv"),
	/** hOCR XHTML. */
	HOCR("hocr", "hocr"),
	/** ALTO XML. */
	ALTO("alto", "xml"),
	/** PDF: image plus invisible text layer. */
	PDF("pdf", "pdf");

	private final String key;
	private final String extension;

	OcrFormat(final String key, final String extension) {
		this.key = key;
		this.extension = extension;
	}

	/** The name used in option lists, e.g. {@code "hocr"}. */
	public String key() {
		return key;
	}

	/** The file name extension Tesseract's renderer writes, e.g. {@code "xml"} for ALTO. */
	public String extension() {
		return extension;
	}

	/**
	 * Parses a comma-separated list such as {@code "txt,tsv,pdf"} (case-insensitive, blanks ignored).
	 *
	 * @throws IllegalArgumentException naming an unknown format and the known ones, or if the list is empty
	 */
	public static Set<OcrFormat> parse(final String list) {
		final Set<OcrFormat> set = EnumSet.noneOf(OcrFormat.class);
		if (list != null) for (final String raw : list.split("[,;\\s]+")) {
			final String s = raw.trim().toLowerCase(Locale.ROOT);
			if (s.isEmpty()) continue;
			OcrFormat found = null;
			for (final OcrFormat f : values())
				if (f.key.equals(s) || f.extension.equals(s)) found = f;
			if (found == null) throw new IllegalArgumentException("unknown format '" + raw.trim()
				+ "' (formats: txt, tsv, hocr, alto, pdf)");
			set.add(found);
		}
		if (set.isEmpty()) throw new IllegalArgumentException("no export format given (formats: txt, tsv, hocr, "
			+ "alto, pdf)");
		return set;
	}
}
