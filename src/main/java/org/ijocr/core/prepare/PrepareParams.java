package org.ijocr.core.prepare;

/**
 * Which steps {@link AutoPrepare} runs; every step is on by default.
 *
 * @param fixDefects apply each defect area's mitigation there
 * @param deskew straighten skewed text lines
 * @param binarize end with a black-and-white page (the suite's {@code Auto} method)
 */
public record PrepareParams(boolean fixDefects, boolean deskew, boolean binarize) {

	/** Every step. */
	public static final PrepareParams DEFAULT = new PrepareParams(true, true, true);
}
