package org.ijocr.ocr;

import org.ijocr.core.Labels;

/**
 * Tesseract's own binarization of a grey page before layout analysis and recognition (Tesseract 5 variable
 * {@code thresholding_method}); the labels are the user-facing values.
 * <ul>
 * <li>{@link #OTSU} (method 0, Tesseract's default): a global Otsu threshold per page (N. Otsu, IEEE Trans. SMC 9(1),
 * 1979).</li>
 * <li>{@link #LEPTONICA_ADAPTIVE} (method 1): Leptonica's tiled adaptive Otsu ({@code pixOtsuAdaptiveThreshold},
 * Tesseract's defaults {@code thresholding_tile_size} 0.33 inch, {@code thresholding_smooth_kernel_size} 0.0).</li>
 * <li>{@link #SAUVOLA} (method 2): Leptonica's tiled Sauvola ({@code pixSauvolaBinarizeTiled}; J. Sauvola and M.
 * Pietik&auml;inen, Pattern Recognition 33(2), 2000), Tesseract's defaults {@code thresholding_window_size} 0.33 inch
 * and {@code thresholding_kfactor} 0.34.</li>
 * </ul>
 */
public enum Thresholding {
	/** Method 0: global Otsu (Tesseract's default). */
	OTSU("Otsu", 0),
	/** Method 1: Leptonica's adaptive (tiled) Otsu. */
	LEPTONICA_ADAPTIVE("Leptonica adaptive", 1),
	/** Method 2: Leptonica's tiled Sauvola. */
	SAUVOLA("Sauvola", 2);

	private final String label;
	private final int code;

	Thresholding(final String label, final int code) {
		this.label = label;
		this.code = code;
	}

	/** The user-facing name, e.g. {@code "Sauvola"}. */
	public String label() {
		return label;
	}

	/** Tesseract's {@code thresholding_method} number. */
	public int code() {
		return code;
	}

	/** All labels in declaration order. */
	public static String[] labels() {
		return Labels.of(values(), Thresholding::label);
	}

	/** The method with this label (case-insensitive); {@link IllegalArgumentException} naming the choices. */
	public static Thresholding fromLabel(final String label) {
		return Labels.find(values(), Thresholding::label, "thresholding", label);
	}

	@Override
	public String toString() {
		return label;
	}
}
