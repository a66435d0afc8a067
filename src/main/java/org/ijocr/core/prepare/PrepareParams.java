package org.ijocr.core.prepare;

/**
 * Which steps {@link AutoPrepare} runs; every step is on by default.
 *
 * @param fixDefects apply each defect area's mitigation there
 * @param deskew straighten skewed text lines
 * @param upscale enlarge a page whose text is small so that capitals are about
 *          {@link org.ijocr.core.geometry.Scale#TARGET_CAP_HEIGHT} pixels tall
 * @param binarize end with a black-and-white page (the suite's {@code Auto} method)
 */
public record PrepareParams(boolean fixDefects, boolean deskew, boolean upscale, boolean binarize) {

	/** Every step. */
	public static final PrepareParams DEFAULT = new PrepareParams(true, true, true, true);

	/** These steps without deskewing. */
	public PrepareParams withoutDeskew() {
		return new PrepareParams(fixDefects, false, upscale, binarize);
	}

	/** These steps without binarization. */
	public PrepareParams withoutBinarize() {
		return new PrepareParams(fixDefects, deskew, upscale, false);
	}
}
