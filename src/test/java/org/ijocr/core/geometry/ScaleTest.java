package org.ijocr.core.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;

/** Resizing: exact copies and block means, analytic ramps, and the cap-height estimate. */
class ScaleTest {

	private static byte[] resize(final byte[] s, final int w, final int h, final int wd, final int hd,
		final Interpolation ip)
	{
		final byte[] d = new byte[wd * hd];
		Scale.resize(ip, ArrayImgs.unsignedBytes(s, w, h), ArrayImgs.unsignedBytes(d, wd, hd));
		return d;
	}

	@Test
	void factorOneCopiesExactly() {
		final byte[] s = RotateTest.random(41 * 29, 1);
		for (final Interpolation ip : Interpolation.values())
			assertArrayEquals(s, resize(s, 41, 29, 41, 29, ip), ip.label());
	}

	@Test
	void halvingAndThirdingAverageBlocks() {
		final int w = 42, h = 30;
		final byte[] s = RotateTest.random(w * h, 2);
		for (final int k : new int[] { 2, 3 }) {
			for (final Interpolation ip : new Interpolation[] { Interpolation.BILINEAR, Interpolation.BICUBIC }) {
				final byte[] d = resize(s, w, h, w / k, h / k, ip);
				for (int y = 0; y < h / k; y++)
					for (int x = 0; x < w / k; x++) {
						int sum = 0;
						for (int dy = 0; dy < k; dy++)
							for (int dx = 0; dx < k; dx++)
								sum += s[(k * y + dy) * w + k * x + dx] & 0xff;
						final int expected = (int) Math.floor(sum / (double) (k * k) + 0.5);
						assertEquals(expected, d[y * (w / k) + x] & 0xff, 1, "1/" + k + " " + ip + " at " + x + "," + y);
						if (k == 2) assertEquals(expected, d[y * (w / k) + x] & 0xff, "exact mean at " + x + "," + y);
					}
			}
		}
	}

	@Test
	void enlargingByThreeHitsTheSourcePixels() {
		final int w = 20, h = 15;
		final byte[] s = RotateTest.random(w * h, 3);
		for (final Interpolation ip : Interpolation.values()) {
			final byte[] d = resize(s, w, h, 3 * w, 3 * h, ip);
			// destination pixel 3k+1 has its centre on source pixel k
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					assertEquals(s[y * w + x], d[(3 * y + 1) * 3 * w + 3 * x + 1], ip + " at " + x + "," + y);
		}
	}

	@Test
	void nearestDoublingRepeatsPixels() {
		final int w = 9, h = 7;
		final byte[] s = RotateTest.random(w * h, 4);
		final byte[] d = resize(s, w, h, 2 * w, 2 * h, Interpolation.NONE);
		for (int y = 0; y < 2 * h; y++)
			for (int x = 0; x < 2 * w; x++)
				assertEquals(s[(y / 2) * w + x / 2], d[y * 2 * w + x]);
	}

	/** Bilinear and bicubic reproduce a linear ramp at any enlarging factor, away from the edges. */
	@Test
	void rampsResizeAnalytically() {
		final int w = 30, h = 20, wd = 51, hd = 37;
		final float[] f = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				f[y * w + x] = 10 + 2 * x + 3 * y;
		for (final Interpolation ip : new Interpolation[] { Interpolation.BILINEAR, Interpolation.BICUBIC }) {
			final ArrayImg<FloatType, FloatArray> d = ArrayImgs.floats(wd, hd);
			Scale.resize(ip, ArrayImgs.floats(f, w, h), d);
			final float[] o = d.update(null).getCurrentStorageArray();
			for (int y = 4; y < hd - 4; y++)
				for (int x = 4; x < wd - 4; x++) {
					final double xs = (x + 0.5) * w / wd - 0.5, ys = (y + 0.5) * h / hd - 0.5;
					assertEquals(10 + 2 * xs + 3 * ys, o[y * wd + x], 1e-3, ip + " at " + x + "," + y);
				}
		}
		// shrinking by 2.5 averages each pixel over the part of it the destination pixel covers
		final ArrayImg<FloatType, FloatArray> small = ArrayImgs.floats(12, 8);
		Scale.resize(Interpolation.BICUBIC, ArrayImgs.floats(f, w, h), small);
		final float[] o = small.update(null).getCurrentStorageArray();
		for (int y = 0; y < 8; y++)
			for (int x = 0; x < 12; x++)
				assertEquals(10 + 2 * boxMean(2.5 * x, 2.5 * x + 2.5) + 3 * boxMean(2.5 * y, 2.5 * y + 2.5), o[y * 12
					+ x], 1e-3);
	}

	/** Mean over [a, b) of the step function that is k on [k, k+1). */
	private static double boxMean(final double a, final double b) {
		double s = 0;
		for (int k = (int) Math.floor(a); k < b; k++)
			s += k * (Math.min(b, k + 1) - Math.max(a, k));
		return s / (b - a);
	}

	@Test
	void threadsGiveTheSameResult() {
		final byte[] s = RotateTest.random(300 * 200, 5);
		final byte[][] r = new byte[2][];
		Parallelization.runSingleThreaded(() -> r[0] = resize(s, 300, 200, 517, 333, Interpolation.BICUBIC));
		Parallelization.runWithNumThreads(4, () -> r[1] = resize(s, 300, 200, 517, 333, Interpolation.BICUBIC));
		assertArrayEquals(r[0], r[1]);
	}

	/** Lines of text in one font whose capitals are {@code cap} pixels tall (measured from the font's outline). */
	static byte[] textPage(final int w, final int h, final double cap, final String family, final double[] capOut) {
		final BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		final Graphics2D g = bi.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.setColor(Color.BLACK);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		final Font unit = new Font(family, Font.PLAIN, 1).deriveFont(100f);
		final double capAt100 = unit.createGlyphVector(g.getFontRenderContext(), "H").getVisualBounds().getHeight();
		final Font font = unit.deriveFont((float) (100 * cap / capAt100));
		capOut[0] = font.createGlyphVector(g.getFontRenderContext(), "H").getVisualBounds().getHeight();
		g.setFont(font);
		final String text = "The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs. ";
		final double line = cap * 2.2;
		for (double y = 2 * cap; y < h - cap; y += line)
			g.drawString(text + text, (float) cap, (float) y);
		g.dispose();
		return ((DataBufferByte) bi.getRaster().getDataBuffer()).getData();
	}

	@Test
	void capHeightOfRenderedText() {
		for (final String family : new String[] { Font.SANS_SERIF, Font.SERIF })
			for (final double cap : new double[] { 9, 14, 22, 40 }) {
				final double[] real = new double[1];
				final byte[] page = textPage(1400, 700, cap, family, real);
				final double est = Scale.capHeight(page, 1400, 700);
				assertEquals(real[0], est, Math.max(1.5, 0.1 * real[0]), family + " cap " + real[0]);
			}
	}

	/**
	 * Narrow fragments (thin print broken up, leftover noise specks), more numerous than the letters, do not make the
	 * text look small: the components count by their width. Counted one each (the rule before), the fragments' height
	 * wins and the page would be enlarged four times instead of about 1.5.
	 */
	@Test
	void capHeightIgnoresNarrowFragments() {
		final int w = 1400, h = 700;
		final double[] real = new double[1];
		final byte[] page = textPage(w, h, 20, Font.SANS_SERIF, real);
		final int letters = Glyphs.find(page, w, h, 0.4, 3, 3).count;
		final java.util.Random rnd = new java.util.Random(5);
		for (int i = 0; i < 3 * letters; i++)
			fragment(page, w, h, 5 + rnd.nextInt(3), rnd);
		final Glyphs g = Glyphs.find(page, w, h, 0.4, 3, 3);
		assertTrue(g.count > 3 * letters, "fragments are components: " + g.count + " vs " + letters + " letters");
		assertEquals(real[0], Scale.capHeight(page, w, h), Math.max(1.5, 0.1 * real[0]));
		assertTrue(ScaleReference.capHeight(page, w, h) < 0.6 * real[0], "counted one each, the fragments win: "
			+ ScaleReference.capHeight(page, w, h));
	}

	/**
	 * Fragments of every height from 3 to 12 pixels, fewer the taller (what a denoise leaves of a receipt with 10 %
	 * impulse noise), outweigh the letters by width but form no peak: the letters' x-height is the peak, and the cap
	 * height is measured as without them. Taken for the x-height (the highest weight at 5 pixels or more, the rule
	 * before), the fragments made the page's text look tiny.
	 */
	@Test
	void fragmentsThatFormNoPeakAreNotTheXHeight() {
		final int w = 1400, h = 1400; // two lines of text above, the fragments' room below
		final double[] real = new double[1];
		final byte[] page = new byte[w * h];
		java.util.Arrays.fill(page, (byte) 255);
		System.arraycopy(textPage(w, 130, 20, Font.SANS_SERIF, real), 0, page, 0, w * 130);
		final double clean = Scale.capHeight(page, w, h);
		assertEquals(real[0], clean, Math.max(1.5, 0.1 * real[0]));
		final long[] letters = widthByHeight(Glyphs.find(page, w, h, 0.4, 3, 3));
		long most = 0;
		for (final long l : letters)
			most = Math.max(most, l);
		final java.util.Random rnd = new java.util.Random(11);
		for (int len = 3; len <= 12; len++) // 2 pixels wide; at 5 pixels 1.5 times the letters' width at their x-height
			for (int i = 0; i < 1.5 * most / 2 / 0.5625 * Math.pow(0.75, len - 3); i++)
				fragment(page, w, h, len, rnd);
		final long[] all = widthByHeight(Glyphs.find(page, w, h, 0.4, 3, 3));
		int heaviest = Scale.MIN_X_HEIGHT; // the rule before: the most width (smoothed) at 5 pixels or more
		for (int v = Scale.MIN_X_HEIGHT; v < all.length - 1; v++)
			if (all[v - 1] + 2 * all[v] + all[v + 1] > all[heaviest - 1] + 2 * all[heaviest] + all[heaviest + 1])
				heaviest = v;
		assertTrue(heaviest >= Scale.MIN_X_HEIGHT && heaviest <= 8, "test setup: the fragments weigh most at "
			+ heaviest);
		assertEquals(clean, Scale.capHeight(page, w, h), 1, "cap height with the fragments");
	}

	/** Total width of the components of each height. */
	private static long[] widthByHeight(final Glyphs g) {
		final long[] width = new long[64];
		for (int i = 0; i < g.count; i++) {
			final int ch = g.maxY[i] - g.minY[i] + 1;
			if (ch < 63) width[ch] += g.maxX[i] - g.minX[i] + 1;
		}
		return width;
	}

	/** Specks alone, fewer the taller (grain on a faint page): no peak, so no letters to measure. */
	@Test
	void specksWithoutAPeakAreNotText() {
		final int w = 800, h = 600;
		final byte[] page = new byte[w * h];
		java.util.Arrays.fill(page, (byte) 235);
		final java.util.Random rnd = new java.util.Random(2);
		for (int len = 3; len <= 9; len++)
			for (int i = 0; i < 200 * Math.pow(0.7, len - 3); i++)
				fragment(page, w, h, len, rnd);
		assertTrue(Glyphs.find(page, w, h, 0.4, 3, 3).count > 300);
		assertEquals(0, Scale.capHeight(page, w, h));
	}

	/** Draws a 2-pixel-wide vertical fragment {@code len} pixels tall at a random spot two pixels clear of ink. */
	private static void fragment(final byte[] page, final int w, final int h, final int len, final java.util.Random rnd) {
		for (int tries = 0; tries < 100_000; tries++) {
			final int x = rnd.nextInt(w - 2), y = rnd.nextInt(h - len);
			boolean free = true; // on paper, two pixels clear of ink, so each is a component of its own
			for (int yy = y - 2; yy < y + len + 2 && free; yy++)
				for (int xx = x - 2; xx < x + 4 && free; xx++)
					if (yy >= 0 && yy < h && xx >= 0 && xx < w && (page[yy * w + xx] & 0xff) < 200) free = false;
			if (!free) continue;
			for (int yy = y; yy < y + len; yy++)
				page[yy * w + x] = page[yy * w + x + 1] = 0;
			return;
		}
		throw new IllegalStateException("test setup: no room for another fragment");
	}

	/** A few specks on blank paper: too few letters near the most common height to measure anything. */
	@Test
	void fewSpecksAreNotText() {
		final int w = 400, h = 300;
		final byte[] page = new byte[w * h];
		java.util.Arrays.fill(page, (byte) 235);
		for (int i = 0; i < 15; i++) { // at most two of each height: 15 components, at most 6 within a pixel of any

			final int x = 10 + (i % 10) * 38, y = 20 + (i / 10) * 90, len = 5 + i % 9;
			for (int yy = y; yy < y + len; yy++)
				page[yy * w + x] = page[yy * w + x + 1] = 20;
		}
		assertEquals(15, Glyphs.find(page, w, h, 0.4, 3, 3).count);
		assertEquals(0, Scale.capHeight(page, w, h));
		assertTrue(ScaleReference.capHeight(page, w, h) > 0, "the rule before measured them");
	}

	@Test
	void blankPageHasNoCapHeightAndAutoFactorNeverShrinks() {
		final byte[] blank = new byte[300 * 200];
		java.util.Arrays.fill(blank, (byte) 230);
		assertEquals(0, Scale.capHeight(blank, 300, 200));
		assertEquals(1, Scale.autoFactor(0, 30));
		assertEquals(1, Scale.autoFactor(45, 30));
		assertEquals(2, Scale.autoFactor(15, 30), 1e-12);
		assertEquals(Scale.MAX_AUTO_FACTOR, Scale.autoFactor(2, 30));
		assertThrows(IllegalArgumentException.class, () -> Scale.scaledLength(10, 0));
		assertEquals(21, Scale.scaledLength(10, 2.05));
	}

	/**
	 * The page-size limits of automatic upscaling: a long strip stops at Tesseract's 32767 pixels a side, a large
	 * page at {@link Scale#MAX_AUTO_PIXELS}, a page already past them is not enlarged, and the limited factor is the
	 * largest that fits (one pixel more on the long side would not).
	 */
	@Test
	void autoFactorStaysWithinWhatTesseractReadsAndMemoryHolds() {
		assertEquals(3, Scale.autoFactor(10, 30, 1000, 1000), 1e-12, "small pages: the text decides");
		final double strip = Scale.autoFactor(7.5, 30, 12000, 200);
		assertTrue(Scale.scaledLength(12000, strip) <= Scale.MAX_OCR_SIDE && Scale.scaledLength(12000, strip
			+ 1.0 / 12000) > Scale.MAX_OCR_SIDE, "strip factor " + strip);
		final double large = Scale.autoFactor(7.5, 30, 10000, 10000);
		final long side = Scale.scaledLength(10000, large), more = Scale.scaledLength(10000, large + 1e-4);
		assertTrue(side * side <= Scale.MAX_AUTO_PIXELS && more * more > Scale.MAX_AUTO_PIXELS, "large page factor "
			+ large + ": " + side + " px a side");
		assertEquals(1, Scale.autoFactor(7.5, 30, 40000, 100), "already wider than Tesseract reads");
		assertEquals(1, Scale.autoFactor(0, 30, 12000, 200), "no text found");
		final java.util.Random rnd = new java.util.Random(3);
		for (int i = 0; i < 2000; i++) {
			final int w = 1 + rnd.nextInt(40000), h = 1 + rnd.nextInt(40000);
			final double f = Scale.autoFactor(2 + 40 * rnd.nextDouble(), 30, w, h);
			assertTrue(f >= 1 && f <= Scale.MAX_AUTO_FACTOR, w + "x" + h + ": " + f);
			final long sw = Scale.scaledLength(w, f), sh = Scale.scaledLength(h, f);
			assertTrue(f == 1 || sw <= Scale.MAX_OCR_SIDE && sh <= Scale.MAX_OCR_SIDE && sw * sh <= Scale.MAX_AUTO_PIXELS,
				w + "x" + h + " by " + f + ": " + sw + "x" + sh);
		}
		assertThrows(IllegalArgumentException.class, () -> Scale.autoFactor(10, 30, 0, 10));
	}

	/** Boxes scaled outward to whole pixels, and mapped back by 1/f, still cover the original. */
	@Test
	void enclosingBoxes() {
		assertArrayEquals(new int[] { 15, 31, 16, 31 }, Scale.enclosing(10, 20, 10,
			20, 1.55));
		assertArrayEquals(new int[] { 10, 20, 10, 20 }, Scale.enclosing(10, 20, 10, 20,
			1));
		final int[] back = Scale.enclosing(15, 31, 16, 31, 1 / 1.55);
		assertTrue(back[0] <= 10 && back[1] <= 20 && back[0] + back[2] >= 20 && back[1] + back[3] >= 40, java.util.Arrays
			.toString(back));
		assertEquals(1, Scale.enclosing(7, 7, 1, 1, 0.25)[2], "a pixel stays at least one pixel");
	}
}
