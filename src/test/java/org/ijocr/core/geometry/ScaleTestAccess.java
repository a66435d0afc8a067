package org.ijocr.core.geometry;

import java.awt.Font;

/** Test text pages for other packages' tests (see {@link ScaleTest#textPage}). */
public final class ScaleTestAccess {

	private ScaleTestAccess() {}

	/** Sans-serif text lines whose capitals are {@code cap} pixels tall; the measured cap height in {@code capOut[0]}. */
	public static byte[] textPage(final int w, final int h, final double cap, final double[] capOut) {
		return ScaleTest.textPage(w, h, cap, Font.SANS_SERIF, capOut);
	}
}
