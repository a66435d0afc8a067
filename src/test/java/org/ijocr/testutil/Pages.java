package org.ijocr.testutil;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Deterministic synthetic text pages for tests and benchmarks: paragraphs of pseudo-random words with punctuation
 * ({@code . , ; : ! ? i j}) rendered with Java2D (antialiased, serif and sans fonts, 8&ndash;14 pt at a chosen dpi,
 * optional columns) into an 8-bit grey image, black ink (0) on white paper (255), plus impulse-noise helpers with
 * fixed seeds. The same arguments give the same pixels on the same JDK and fonts.
 */
public final class Pages {

	private Pages() {}

	private static final String[] WORDS = { "the", "of", "and", "in", "image", "filter", "median", "page", "text",
		"joint", "quick", "brown", "fox", "jumps", "lazy", "dog", "print", "ink", "paper", "is", "it", "if", "jig",
		"ijssel", "minimum", "illicit", "quiz", "hijinks", "typeset", "column", "noise", "speck", "dot", "a", "I",
		"Fiji", "ImageJ", "OCR", "recognition", "binary", "stroke", "width", "line", "height", "rule", "justify",
		"1954", "2026", "3.14", "42", "e.g.", "i.e.", "etc." };

	private static final String[] PUNCT = { ".", ",", ";", ":", "!", "?", "", "", "", "", "", "", "", "" };

	/** An A4 page at 300 dpi (2480&times;3508), two columns, fixed seed: the benchmark page. */
	public static ArrayImg<UnsignedByteType, ByteArray> a4() {
		return page(2480, 3508, 300, 2, 20260101L);
	}

	/**
	 * Renders a text page.
	 *
	 * @param width page width in pixels
	 * @param height page height in pixels
	 * @param dpi resolution, converts point sizes to pixels
	 * @param columns number of text columns (1 or more)
	 * @param seed seed of the text, fonts and sizes
	 * @return black text on white, antialiased, as an 8-bit image wrapping the raster's pixels
	 */
	public static ArrayImg<UnsignedByteType, ByteArray> page(final int width, final int height, final double dpi,
		final int columns, final long seed)
	{
		final byte[] pixels = render(width, height, dpi, columns, new Random(seed), (rnd, px) -> new Font(rnd
			.nextBoolean() ? Font.SERIF : Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(px));
		return ArrayImgs.unsignedBytes(pixels, width, height);
	}

	/** Chooses the font of a paragraph, given its size in pixels. */
	@FunctionalInterface
	interface FontPicker {

		Font pick(Random rnd, float sizePx);
	}

	/**
	 * Renders paragraphs in columns (margins 0.6 inch, gutter 0.25 inch; each paragraph 8&ndash;14 pt in the font the
	 * picker gives), black on white, antialiased; the raster's pixels.
	 */
	static byte[] render(final int width, final int height, final double dpi, final int columns, final Random rnd,
		final FontPicker fonts)
	{
		return render(width, height, dpi, columns, rnd, fonts, new int[] { 8, 9, 10, 11, 12, 14 }, null);
	}

	/**
	 * A page with the text drawn on it: one column, paragraphs 10&ndash;12 pt in Serif, SansSerif or Monospaced
	 * (plain), black on white, antialiased.
	 *
	 * @param text the lines drawn, in order, joined by line breaks (a blank line between paragraphs)
	 */
	public record TextPage(ArrayImg<UnsignedByteType, ByteArray> image, String text) {}

	/** A one-column text page of the given size and its text (see {@link TextPage}); deterministic from the seed. */
	public static TextPage textPage(final int width, final int height, final double dpi, final long seed) {
		final List<String> drawn = new ArrayList<>();
		final String[] families = { Font.SERIF, Font.SANS_SERIF, Font.MONOSPACED };
		final byte[] px = render(width, height, dpi, 1, new Random(seed), (rnd, size) -> new Font(families[rnd.nextInt(
			families.length)], Font.PLAIN, 1).deriveFont(size), new int[] { 10, 11, 12 }, drawn);
		return new TextPage(ArrayImgs.unsignedBytes(px, width, height), String.join("\n", drawn).strip());
	}

	/**
	 * As above, with the point sizes to choose from; the lines drawn are added to {@code drawn} (a blank one after
	 * each paragraph) when it is not null.
	 */
	private static byte[] render(final int width, final int height, final double dpi, final int columns,
		final Random rnd, final FontPicker fonts, final int[] sizes, final List<String> drawn)
	{
		final BufferedImage bi = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		final Graphics2D g = bi.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLACK);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
		final int margin = (int) Math.round(0.6 * dpi);
		final int gutter = (int) Math.round(0.25 * dpi);
		final int colW = (width - 2 * margin - (columns - 1) * gutter) / columns;
		for (int c = 0; c < columns; c++) {
			final int x0 = margin + c * (colW + gutter);
			double y = margin;
			while (true) {
				final int pt = sizes[rnd.nextInt(sizes.length)];
				g.setFont(fonts.pick(rnd, (float) (pt * dpi / 72.0)));
				final FontMetrics fm = g.getFontMetrics();
				final double lineH = fm.getHeight() * 1.15;
				final List<String> lines = wrap(paragraph(rnd), fm, colW);
				if (y + lineH * Math.min(2, lines.size()) > height - margin) break;
				for (final String line : lines) {
					if (y + lineH > height - margin) break;
					g.drawString(line, x0, (float) (y + fm.getAscent()));
					if (drawn != null) drawn.add(line);
					y += lineH;
				}
				if (drawn != null) drawn.add("");
				y += lineH * 0.8;
			}
		}
		g.dispose();
		return ((DataBufferByte) bi.getRaster().getDataBuffer()).getData();
	}

	private static String paragraph(final Random rnd) {
		final StringBuilder sb = new StringBuilder();
		final int n = 25 + rnd.nextInt(60);
		boolean capital = true;
		for (int i = 0; i < n; i++) {
			String w = WORDS[rnd.nextInt(WORDS.length)];
			if (capital) w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
			final String p = i == n - 1 ? "." : PUNCT[rnd.nextInt(PUNCT.length)];
			sb.append(w).append(p).append(' ');
			capital = p.equals(".") || p.equals("!") || p.equals("?");
		}
		return sb.toString().trim();
	}

	private static List<String> wrap(final String text, final FontMetrics fm, final int width) {
		final List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (final String w : text.split(" ")) {
			final String cand = line.length() == 0 ? w : line + " " + w;
			if (fm.stringWidth(cand) > width && line.length() > 0) {
				lines.add(line.toString());
				line = new StringBuilder(w);
			}
			else line = new StringBuilder(cand);
		}
		if (line.length() > 0) lines.add(line.toString());
		return lines;
	}

	/** The backing pixels of an 8-bit array image (not a copy). */
	public static byte[] pixels(final ArrayImg<UnsignedByteType, ByteArray> img) {
		return img.update(null).getCurrentStorageArray();
	}

	/** A deep copy. */
	public static ArrayImg<UnsignedByteType, ByteArray> copy(final ArrayImg<UnsignedByteType, ByteArray> img) {
		return ArrayImgs.unsignedBytes(pixels(img).clone(), img.dimensionsAsLongArray());
	}

	/**
	 * Salt-and-pepper noise in place: each pixel independently becomes, with probability {@code density}, 0 or 255
	 * (equally likely).
	 *
	 * @return the number of pixels hit (some may already have had the value)
	 */
	public static int addImpulseNoise(final ArrayImg<UnsignedByteType, ByteArray> img, final double density,
		final long seed)
	{
		final byte[] p = pixels(img);
		final Random rnd = new Random(seed);
		int hit = 0;
		for (int i = 0; i < p.length; i++) {
			if (rnd.nextDouble() < density) {
				p[i] = rnd.nextBoolean() ? (byte) 0 : (byte) 255;
				hit++;
			}
		}
		return hit;
	}

	/**
	 * A scan-like copy: paper and ink get Gaussian sensor noise of standard deviation {@code sigma} grey levels
	 * (clamped to 0..255), as on a real scanned page, where no two neighbouring paper pixels are equal.
	 */
	public static ArrayImg<UnsignedByteType, ByteArray> scanned(final ArrayImg<UnsignedByteType, ByteArray> img,
		final double sigma, final long seed)
	{
		final byte[] p = pixels(img).clone();
		final Random rnd = new Random(seed);
		for (int i = 0; i < p.length; i++)
			p[i] = (byte) Math.max(0, Math.min(255, (int) Math.round((p[i] & 0xff) + sigma * rnd.nextGaussian())));
		return ArrayImgs.unsignedBytes(p, img.dimensionsAsLongArray());
	}

	/** A copy with impulse noise (see {@link #addImpulseNoise}). */
	public static ArrayImg<UnsignedByteType, ByteArray> withImpulseNoise(
		final ArrayImg<UnsignedByteType, ByteArray> img, final double density, final long seed)
	{
		final ArrayImg<UnsignedByteType, ByteArray> c = copy(img);
		addImpulseNoise(c, density, seed);
		return c;
	}

	/** Binary copy: 0 where the pixel is below {@code threshold}, else 255 (a fixed threshold for tests). */
	public static ArrayImg<UnsignedByteType, ByteArray> threshold(final ArrayImg<UnsignedByteType, ByteArray> img,
		final int threshold)
	{
		final byte[] p = pixels(img), q = new byte[p.length];
		for (int i = 0; i < p.length; i++)
			q[i] = (p[i] & 0xff) < threshold ? 0 : (byte) 255;
		return ArrayImgs.unsignedBytes(q, img.dimensionsAsLongArray());
	}

	/** Number of pixels that differ. */
	public static int countDifferent(final byte[] a, final byte[] b) {
		if (a.length != b.length) throw new IllegalArgumentException("sizes differ");
		int n = 0;
		for (int i = 0; i < a.length; i++)
			if (a[i] != b[i]) n++;
		return n;
	}

	/**
	 * Thin print: black strokes one pixel wide and {@code len} long, horizontal, vertical and diagonal in turn, one at
	 * every {@code pitch} pixels from (x0, y0) while x &lt; x1 and y &lt; y1 (row-major {@code px} of width w).
	 *
	 * @return the number of strokes drawn
	 */
	public static int thinStrokes(final byte[] px, final int w, final int x0, final int y0, final int x1, final int y1,
		final int pitch, final int len)
	{
		int strokes = 0;
		for (int y = y0; y < y1; y += pitch)
			for (int x = x0; x < x1; x += pitch) {
				final int kind = strokes++ % 3; // horizontal, vertical, diagonal
				for (int k = 0; k < len; k++)
					px[(y + (kind == 0 ? 0 : k)) * w + x + (kind == 1 ? 0 : k)] = 0;
			}
		return strokes;
	}

	/**
	 * Pepper on the paper: each pixel of [x0, x1) × [y0, y1) with no ink (0) of {@code ink} within two pixels becomes 0
	 * in {@code noisy} with probability {@code density} (one draw per pixel, in raster order).
	 *
	 * @return the number of impulses added
	 */
	public static int pepperAwayFromInk(final byte[] ink, final byte[] noisy, final int w, final int x0, final int y0,
		final int x1, final int y1, final double density, final long seed)
	{
		final Random rnd = new Random(seed);
		int pepper = 0;
		for (int y = y0; y < y1; y++)
			for (int x = x0; x < x1; x++)
				if (rnd.nextDouble() < density && noInkWithin2(ink, w, x, y)) {
					noisy[y * w + x] = 0;
					pepper++;
				}
		return pepper;
	}

	/** Whether the 5×5 neighbourhood of (x, y) holds no ink (0). */
	private static boolean noInkWithin2(final byte[] px, final int w, final int x, final int y) {
		for (int yy = y - 2; yy <= y + 2; yy++)
			for (int xx = x - 2; xx <= x + 2; xx++)
				if (px[yy * w + xx] == 0) return false;
		return true;
	}
}
