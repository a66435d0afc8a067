package org.ijocr.ocr;

import java.awt.Rectangle;

/** Exact rotations of a grey page by quarter turns, and the mapping of boxes back to the unturned page. */
final class QuarterTurns {

	private QuarterTurns() {}

	/**
	 * {@code src} ({@code w}×{@code h}) turned clockwise by {@code turns} quarter turns (1–3) into {@code dst} (its
	 * width is {@code h} for odd turns).
	 */
	static void rotate(final byte[] src, final int w, final int h, final int turns, final byte[] dst) {
		switch (turns & 3) {
			case 1 -> { // (x, y) -> (h-1-y, x), new width h
				for (int y = 0; y < h; y++) {
					final int row = y * w, nx = h - 1 - y;
					for (int x = 0; x < w; x++)
						dst[x * h + nx] = src[row + x];
				}
			}
			case 2 -> {
				final int n = w * h;
				for (int i = 0; i < n; i++)
					dst[n - 1 - i] = src[i];
			}
			case 3 -> { // (x, y) -> (y, w-1-x), new width h
				for (int y = 0; y < h; y++) {
					final int row = y * w;
					for (int x = 0; x < w; x++)
						dst[(w - 1 - x) * h + y] = src[row + x];
				}
			}
			default -> System.arraycopy(src, 0, dst, 0, w * h);
		}
	}

	/**
	 * The box {@code r} of the page turned by {@code turns} quarter turns clockwise, in the coordinates of the
	 * original {@code w}×{@code h} page.
	 */
	static Rectangle unturn(final Rectangle r, final int w, final int h, final int turns) {
		return switch (turns & 3) {
			case 1 -> new Rectangle(r.y, h - r.x - r.width, r.height, r.width);
			case 2 -> new Rectangle(w - r.x - r.width, h - r.y - r.height, r.width, r.height);
			case 3 -> new Rectangle(w - r.y - r.height, r.x, r.height, r.width);
			default -> new Rectangle(r);
		};
	}
}
