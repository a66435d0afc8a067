package org.ijocr.core.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.convert.Grayscale;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;

class IntensityRangeTest {

	private static final String[] WORDS = { "cat", "seven", "blue", "house", "nine", "river", "apple", "stone",
		"plus", "minus", "green", "four", "lamp", "bird", "chair", "what", "is", "the", "sum" };

	/** A rendered layer of words: black on white, antialiased; the same seed gives the same words and places. */
	private static byte[] words(final int w, final int h, final long seed, final int count, final int minPt,
		final int maxPt, final boolean bold)
	{
		final BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		final Graphics2D g = bi.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.setColor(Color.BLACK);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		final Random r = new Random(seed);
		for (int i = 0; i < count; i++) {
			g.setFont(new Font(r.nextBoolean() ? Font.SERIF : Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, minPt + r
				.nextInt(maxPt - minPt + 1)));
			g.drawString(WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)], r.nextInt(w - 120), 30
				+ r.nextInt(h - 40));
		}
		g.dispose();
		return ((DataBufferByte) bi.getRaster().getDataBuffer()).getData();
	}

	/**
	 * Lays a layer over a page: where the layer's coverage is {@code a} (0..1, from its black-on-white render) the
	 * page becomes {@code (1 - a) page + a grey}.
	 */
	private static void paint(final byte[] page, final byte[] layer, final int grey) {
		for (int i = 0; i < page.length; i++) {
			final double a = 1 - (layer[i] & 0xff) / 255.0;
			page[i] = (byte) Math.round((1 - a) * (page[i] & 0xff) + a * grey);
		}
	}

	@Test
	void captchaTextAtGrey100To105IsKeptAndTheLighterWordsRemoved() {
		final int w = 900, h = 300;
		final byte[] background = new byte[w * h];
		java.util.Arrays.fill(background, (byte) 255);
		final byte[] text = words(w, h, 2, 4, 34, 40, true);
		final byte[] page = new byte[w * h];
		java.util.Arrays.fill(page, (byte) 255);
		// background words, each word pair its own grey in 150..180, and the mask of them all
		final Random r = new Random(3);
		for (int k = 0; k < 40; k++) {
			final byte[] one = words(w, h, 100 + k, 1, 16, 30, false);
			paint(page, one, 150 + r.nextInt(31));
			for (int i = 0; i < one.length; i++)
				background[i] = (byte) Math.min(background[i] & 0xff, one[i] & 0xff);
		}
		paint(page, text, 100 + r.nextInt(6));
		final Random noise = new Random(4);
		for (int i = 0; i < page.length; i++)
			page[i] = (byte) Math.max(0, Math.min(255, (page[i] & 0xff) + (int) Math.round(2 * noise.nextGaussian())));
		final ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(page.clone(), w, h);
		final IntensityRange.Band band = IntensityRange.keep(IntensityRange.Params.DEFAULT, 0, 255, img, img);
		assertTrue(band.lower() <= 96 && band.upper() >= 109 && band.upper() < 145, "band " + band);
		assertKeptAndRemoved(page, Pages.pixels(img), text, background);
	}

	/**
	 * Asserts that at least 95 % of the pixels fully covered by the {@code keep} layer (its render &le; 25) kept
	 * their value, and at least 95 % of those covered by the {@code drop} layer but not touched by {@code keep}
	 * became white.
	 */
	private static void assertKeptAndRemoved(final byte[] page, final byte[] out, final byte[] keep,
		final byte[] drop)
	{
		int keepN = 0, kept = 0, dropN = 0, gone = 0;
		for (int i = 0; i < page.length; i++) {
			if ((keep[i] & 0xff) <= 25) {
				keepN++;
				if (out[i] == page[i]) kept++;
			}
			else if ((keep[i] & 0xff) == 255 && (drop[i] & 0xff) <= 25) {
				dropN++;
				if ((out[i] & 0xff) == 255) gone++;
			}
		}
		assertTrue(keepN > 5000 && dropN > 5000, keepN + " pixels to keep and " + dropN + " to remove");
		assertTrue(kept >= 0.95 * keepN, "kept " + kept + " of " + keepN + " text pixels");
		assertTrue(gone >= 0.95 * dropN, "removed " + gone + " of " + dropN + " pixels of the other layer");
	}

	@Test
	void blackTextIsKeptAndALighterStampRemoved() {
		final int w = 800, h = 600;
		final byte[] clean = Pages.pixels(Pages.page(w, h, 200, 1, 31));
		final byte[] stamp = words(w, h, 7, 12, 40, 60, true);
		// the stamp's ink (grey 165) darkens what is under it: page × stamp reflectance
		final byte[] page = new byte[w * h];
		for (int i = 0; i < page.length; i++) {
			final double a = 1 - (stamp[i] & 0xff) / 255.0;
			page[i] = (byte) Math.round((clean[i] & 0xff) * (1 - a + a * 165 / 255.0));
		}
		final ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(page.clone(), w, h);
		IntensityRange.keep(IntensityRange.Params.DEFAULT, 0, 255, img, img);
		assertKeptAndRemoved(page, Pages.pixels(img), clean, stamp);
	}

	@Test
	void analysisOfTwoInkLayersOverPaper() {
		// text around 60 (5 %), lighter words around 160 (10 %), paper around 235 (85 %)
		final int[] hist = new int[256];
		final Random r = new Random(5);
		for (int i = 0; i < 100000; i++) {
			final double u = r.nextDouble();
			final double v = u < 0.05 ? 60 + 4 * r.nextGaussian() : u < 0.15 ? 160 + 6 * r.nextGaussian() : 235 + 3 * r
				.nextGaussian();
			hist[(int) Math.max(0, Math.min(255, Math.round(v)))]++;
		}
		final IntensityRange.Analysis a = IntensityRange.analyse(hist);
		assertEquals(235, a.paper(), 1);
		assertEquals(0, a.band().lower());
		assertTrue(a.band().upper() > 75 && a.band().upper() < 140, "upper " + a.band().upper());
		// without the words, the band reaches up to the valley before the paper
		final int[] plain = hist.clone();
		for (int v = 130; v < 200; v++)
			plain[v] = 0;
		final IntensityRange.Band b = IntensityRange.analyse(plain).band();
		assertTrue(b.upper() > 75 && b.upper() < 225, "upper " + b.upper());
		// a blank page: everything is kept
		final int[] blank = new int[256];
		blank[240] = 1000;
		assertEquals(new IntensityRange.Band(0, 255), IntensityRange.analyse(blank).band());
	}

	@Test
	void manualBandAndFills() {
		final byte[] px = new byte[256 + 800];
		for (int v = 0; v < 256; v++)
			px[v] = (byte) v;
		for (int i = 256; i < px.length; i++)
			px[i] = (byte) 230; // the paper
		for (final RangeFill fill : RangeFill.values()) {
			final ArrayImg<UnsignedByteType, ByteArray> img = ArrayImgs.unsignedBytes(px.clone(), px.length);
			IntensityRange.keep(new IntensityRange.Params(new IntensityRange.Band(100, 105), fill), 0, 255, img, img);
			final byte[] out = Pages.pixels(img);
			for (int v = 0; v < 256; v++)
				assertEquals(v >= 100 && v <= 105 ? v : fill == RangeFill.WHITE ? 255 : 230, out[v] & 0xff, fill + " "
					+ v);
		}
	}

	@Test
	void sixteenBitIsReadThroughTheValueRangeAndKeepsRawValues() {
		// levels v stored as 1000 + 40 v: the range [1000, 1000 + 40·256] shows them as levels v
		final short[] s = new short[256];
		for (int v = 0; v < 256; v++)
			s[v] = (short) (1000 + 40 * v);
		final var img = ArrayImgs.unsignedShorts(s, 256);
		IntensityRange.keep(new IntensityRange.Params(new IntensityRange.Band(100, 105), RangeFill.WHITE), 1000, 1000
			+ 40 * 256, img, img);
		for (int v = 0; v < 256; v++)
			assertEquals(v >= 100 && v <= 105 ? 1000 + 40 * v : 1000 + 40 * 256, s[v] & 0xffff, "level " + v);
	}

	@Test
	void rgbIsDecidedByLuminance() {
		final int[] px = { 0xff000000, 0xff2040c0, 0xffc83232, 0xffa0a0a0, 0xfff0f0f0 };
		final int[] copy = px.clone();
		// luminances: 0, 62, 82, 160, 240
		final IntensityRange.Band band = new IntensityRange.Band(50, 100);
		IntensityRange.keep(new IntensityRange.Params(band, RangeFill.WHITE), ArrayImgs.argbs(copy, 5), ArrayImgs
			.argbs(copy, 5));
		for (int i = 0; i < px.length; i++)
			assertEquals(band.contains(Grayscale.luminance(px[i])) ? px[i] : 0xffffffff, copy[i], "pixel " + i);
	}

	@Test
	void badBandsAndFillsAreNamed() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new IntensityRange.Band(120, 100)).getMessage()
			.contains("lower=120"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> RangeFill.fromLabel("Black")).getMessage()
			.contains("White, Paper"));
		assertNull(IntensityRange.Params.DEFAULT.band());
	}
}
