package org.ijocr.ocr;

import java.nio.file.Path;

/**
 * The settings of one recognition.
 *
 * @param language model name(s) joined by {@code +}, e.g. {@code eng} or {@code eng+deu}; each must be in
 *          {@code tessdata}
 * @param level the unit of the items ({@link OcrLevel#WORD} by default)
 * @param psm the page segmentation mode ({@link PageSegMode#AUTO} by default)
 * @param dpi the page's resolution, 1–10000 (Tesseract guesses a poor 70 when none is given; the suite's default is
 *          300)
 * @param whitelist the only characters to recognise (empty = all)
 * @param minConfidence items below this confidence (0–100) are left out of the items (not out of the text)
 * @param tessdata the model folder ({@link Models#folder(String)})
 * @param thresholding Tesseract's own binarization of the grey page ({@link Thresholding#OTSU}, Tesseract's default,
 *          when {@code null})
 */
public record OcrParams(String language, OcrLevel level, PageSegMode psm, int dpi, String whitelist,
	double minConfidence, Path tessdata, Thresholding thresholding)
{

	/** The default resolution when an image has none. */
	public static final int DEFAULT_DPI = 300;

	/** Validates; see the record's description. */
	public OcrParams {
		if (level == null || psm == null || tessdata == null) throw new IllegalArgumentException(
			"level, psm and tessdata must be given");
		if (dpi < 1 || dpi > 10000) throw new IllegalArgumentException("dpi must be 1–10000, not " + dpi);
		if (!(minConfidence >= 0 && minConfidence <= 100)) throw new IllegalArgumentException(
			"min_confidence must be 0–100, not " + minConfidence);
		whitelist = whitelist == null ? "" : whitelist;
		thresholding = thresholding == null ? Thresholding.OTSU : thresholding;
		language = Models.check(language, tessdata);
	}

	/** Settings with Tesseract's default thresholding ({@link Thresholding#OTSU}). */
	public OcrParams(final String language, final OcrLevel level, final PageSegMode psm, final int dpi,
		final String whitelist, final double minConfidence, final Path tessdata)
	{
		this(language, level, psm, dpi, whitelist, minConfidence, tessdata, Thresholding.OTSU);
	}

	/** English, words, {@link PageSegMode#AUTO}, 300 dpi, no whitelist, no minimum, the default model folder. */
	public static OcrParams defaults() {
		return new OcrParams("eng", OcrLevel.WORD, PageSegMode.AUTO, DEFAULT_DPI, "", 0, Models.folder(null));
	}

	/** A copy with another level. */
	public OcrParams withLevel(final OcrLevel l) {
		return new OcrParams(language, l, psm, dpi, whitelist, minConfidence, tessdata, thresholding);
	}

	/** A copy with another mode. */
	public OcrParams withPsm(final PageSegMode m) {
		return new OcrParams(language, level, m, dpi, whitelist, minConfidence, tessdata, thresholding);
	}

	/** A copy with another resolution. */
	public OcrParams withDpi(final int d) {
		return new OcrParams(language, level, psm, d, whitelist, minConfidence, tessdata, thresholding);
	}

	/** A copy with another language. */
	public OcrParams withLanguage(final String lang) {
		return new OcrParams(lang, level, psm, dpi, whitelist, minConfidence, tessdata, thresholding);
	}

	/** A copy with another thresholding of Tesseract's own. */
	public OcrParams withThresholding(final Thresholding t) {
		return new OcrParams(language, level, psm, dpi, whitelist, minConfidence, tessdata, t);
	}
}
