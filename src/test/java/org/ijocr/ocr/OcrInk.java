package org.ijocr.ocr;

/** Ink (dark pixels) under the boxes of recognised items. */
final class OcrInk {

	/** Grey level below which a pixel counts as ink. */
	static final int INK = 128;

	private OcrInk() {}

	/** The number of ink pixels inside the item's box. */
	static int darkPixels(final OcrPages.Grey g, final OcrItem it) {
		int n = 0;
		for (int y = Math.max(0, it.y()); y < Math.min(g.height(), it.y() + it.height()); y++)
			for (int x = Math.max(0, it.x()); x < Math.min(g.width(), it.x() + it.width()); x++)
				if ((g.pixels()[y * g.width() + x] & 0xff) < INK) n++;
		return n;
	}

	/** The fraction of the page's ink pixels that lie inside at least one item's box. */
	static double coveredInk(final OcrPages.Grey g, final Iterable<OcrItem> items) {
		final boolean[] in = new boolean[g.width() * g.height()];
		for (final OcrItem it : items)
			for (int y = Math.max(0, it.y()); y < Math.min(g.height(), it.y() + it.height()); y++)
				for (int x = Math.max(0, it.x()); x < Math.min(g.width(), it.x() + it.width()); x++)
					in[y * g.width() + x] = true;
		long ink = 0, covered = 0;
		for (int i = 0; i < in.length; i++)
			if ((g.pixels()[i] & 0xff) < INK) {
				ink++;
				if (in[i]) covered++;
			}
		return ink == 0 ? 1 : covered / (double) ink;
	}
}
