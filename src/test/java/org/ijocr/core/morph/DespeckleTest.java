package org.ijocr.core.morph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

class DespeckleTest {

	private static final int W = 100, H = 50;

	private static void rect(final byte[] px, final int x0, final int y0, final int x1, final int y1, final int v) {
		for (int y = y0; y <= y1; y++)
			for (int x = x0; x <= x1; x++)
				px[y * W + x] = (byte) v;
	}

	/**
	 * Three letter stems 4 px wide, a thick block with a 1-px pinhole, an 'o' with a 6x12 counter, a 3x3 period one
	 * column after a stem, the same 3x3 dot far from text, a 1-px speck far from text and a 1-px speck beside a stem.
	 */
	private static byte[] scene(final boolean withNoise) {
		final byte[] px = new byte[W * H];
		rect(px, 0, 0, W - 1, H - 1, 255);
		for (final int x : new int[] { 10, 20, 30 })
			rect(px, x, 15, x + 3, 34, 0);
		rect(px, 40, 15, 51, 34, 0);
		rect(px, 60, 15, 73, 34, 0);
		rect(px, 64, 19, 69, 30, 255); // counter of the 'o': must stay
		rect(px, 35, 32, 37, 34, 0); // period beside the stem at x = 30..33
		if (withNoise) {
			px[25 * W + 45] = (byte) 255; // pinhole in the block
			rect(px, 88, 5, 90, 7, 0); // dot far from text
			px[45 * W + 5] = 0; // speck far from text
			px[20 * W + 15] = 0; // speck one column right of the first stem
		}
		return px;
	}

	@Test
	void handMadeSpecksGoPunctuationAndCountersStay() {
		final byte[] px = scene(true);
		final Despeckle.Result r = Despeckle.despeckle(px, W, H);
		assertArrayEquals(scene(false), px);
		assertEquals(3, r.specksRemoved());
		assertEquals(1, r.holesFilled());
		assertEquals(4, r.strokeWidth());
		assertEquals(20, r.textHeight());
		assertEquals(16, r.speckArea()); // sw^2
		assertEquals(8, r.tinyArea()); // sw^2 / 2
	}

	@Test
	void imgLib2EntryPointWritesDst() {
		final ArrayImg<UnsignedByteType, ByteArray> src = ArrayImgs.unsignedBytes(scene(true), W, H);
		final ArrayImg<UnsignedByteType, ByteArray> dst = ArrayImgs.unsignedBytes(W, H);
		Despeckle.despeckle(Views.translate(src, 5, 5), dst);
		assertArrayEquals(scene(false), Pages.pixels(dst));
		assertArrayEquals(scene(true), Pages.pixels(src), "src untouched");
	}

	@Test
	void cleanPagesAreUnchanged() {
		for (final ArrayImg<UnsignedByteType, ByteArray> page : new ArrayImg[] { Pages.page(1240, 1754, 300, 1, 5L),
			Pages.page(1240, 1754, 300, 2, 9L), Pages.page(1000, 800, 200, 1, 13L) })
		{
			final byte[] bin = Pages.pixels(Pages.threshold(page, 128));
			final byte[] out = bin.clone();
			final Despeckle.Result r = Despeckle.despeckle(out, (int) page.dimension(0), (int) page.dimension(1));
			assertEquals(0, Pages.countDifferent(bin, out), r.toString());
		}
	}

	@Test
	void blankPageStaysBlank() {
		final byte[] px = new byte[W * H];
		rect(px, 0, 0, W - 1, H - 1, 255);
		px[7] = 0; // no text to take a scale from: nothing is judged
		final Despeckle.Result r = Despeckle.despeckle(px, W, H);
		assertEquals(0, r.specksRemoved());
		assertEquals(0, px[7]);
	}
}
