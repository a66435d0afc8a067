package org.ijocr.core.threshold;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

/** Synthetic pages for the binarization tests. */
final class PageFixtures {

	private PageFixtures() {}

	/**
	 * A crisp rendered page: black text on white (255), body text in several sizes and a large bold heading whose
	 * strokes are much wider than the body strokes.
	 */
	static byte[] renderedPage(final int w, final int h, final boolean antialias) {
		final BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		final Graphics2D g = bi.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.setColor(Color.BLACK);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, antialias
			? RenderingHints.VALUE_TEXT_ANTIALIAS_ON : RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
		g.setFont(new Font(Font.SERIF, Font.BOLD, 72));
		g.drawString("Heading 1977", 20, 90);
		final String line = "The quick brown fox jumps over the lazy dog 0123456789 (Otsu, 1979).";
		int y = 140;
		for (int size = 12; size <= 28 && y < h - 10; size += 4) {
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
			for (int k = 0; k < 3 && y < h - 10; k++, y += size + 8)
				g.drawString(line, 20, y);
		}
		g.fillRect(w - 120, 20, 90, 60); // a solid black box
		g.dispose();
		return ((DataBufferByte) bi.getRaster().getDataBuffer()).getData().clone();
	}

	/** A page without ink: level {@code mean} plus Gaussian noise of standard deviation {@code sd}, clamped. */
	static byte[] blankPage(final int w, final int h, final int mean, final double sd, final long seed) {
		final Random rnd = new Random(seed);
		final byte[] px = new byte[w * h];
		for (int i = 0; i < px.length; i++)
			px[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(mean + sd * rnd.nextGaussian())));
		return px;
	}
}
