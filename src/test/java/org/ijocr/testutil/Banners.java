package org.ijocr.testutil;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Negative content on rendered pages for the Auto Invert tests: a dark banner with light antialiased text drawn over
 * a page ({@link Pages}), and helpers that count changed pixels inside and outside it.
 */
public final class Banners {

	private Banners() {}

	/**
	 * A copy of {@code page} with a filled rectangle of grey {@code background} and text of grey {@code ink} in it
	 * (sans-serif bold, {@code textPx} pixels high, repeated lines of words).
	 */
	public static ArrayImg<UnsignedByteType, ByteArray> withBanner(final ArrayImg<UnsignedByteType, ByteArray> page,
		final Rectangle r, final int background, final int ink, final int textPx)
	{
		final int w = (int) page.dimension(0), h = (int) page.dimension(1);
		final BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		final byte[] px = ((DataBufferByte) bi.getRaster().getDataBuffer()).getData();
		System.arraycopy(Pages.pixels(page), 0, px, 0, px.length);
		final Graphics2D g = bi.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(new Color(background, background, background));
		g.fill(r);
		g.setColor(new Color(ink, ink, ink));
		g.setClip(r);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 1).deriveFont((float) textPx));
		final int line = (int) (textPx * 1.4);
		for (int y = r.y + line; y < r.y + r.height; y += line)
			g.drawString("SECTION 4 RESULTS AND TABLE HEADINGS, INVERTED BANNER TEXT", r.x + textPx / 2, y - textPx / 4);
		g.dispose();
		return ArrayImgs.unsignedBytes(px, w, h);
	}

	/** {@code {changed inside r, pixels inside r, changed outside r, pixels outside r}}. */
	public static long[] changes(final byte[] before, final byte[] after, final int w, final Rectangle r) {
		final long[] c = new long[4];
		for (int i = 0; i < before.length; i++) {
			final int k = r.contains(i % w, i / w) ? 0 : 2;
			c[k + 1]++;
			if (before[i] != after[i]) c[k]++;
		}
		return c;
	}
}
