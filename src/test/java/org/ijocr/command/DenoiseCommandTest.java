package org.ijocr.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.filter.ImpulseNoise;
import org.ijocr.core.morph.ConnectedComponents;
import org.ijocr.core.morph.Despeckle;
import org.ijocr.core.threshold.Binarize;
import org.ijocr.core.threshold.BinarizeParams;
import org.ijocr.ij1.CommandBridge;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OCR Denoise end to end: a rendered page with salt-and-pepper noise comes back as the clean page's text. */
class DenoiseCommandTest {

	private static final int W = 1000, H = 900;

	private static byte[] reference() {
		return Pages.pixels(Pages.threshold(Pages.page(W, H, 200, 2, 77L), 128));
	}

	private static int components(final byte[] binary) {
		return ConnectedComponents.label(binary, W, H, 0, true, new int[W * H]).count();
	}

	/**
	 * Measured (seed 77, 1000×900 at 200 dpi): pixel error against the clean page thresholded at 128 is 0.5–1.0 %
	 * (Auto and a fixed threshold differ on antialiased stroke edges); components 720/724/748/900 for 0/2/5/10 %
	 * noise against 722 clean, where the noisy page thresholded as is has 722/8348/18628/32783. At 5–10 % some
	 * impulse clusters survive as specks.
	 */
	@ParameterizedTest
	@CsvSource({ "0.00, 0.03", "0.02, 0.03", "0.05, 0.06", "0.10, 0.30" })
	void noisyPageComesBackClean(final double density, final double componentTolerance) {
		final ArrayImg<UnsignedByteType, ByteArray> page = Pages.page(W, H, 200, 2, 77L);
		if (density > 0) Pages.addImpulseNoise(page, density, 4242L);
		final byte[] noisy = Pages.pixels(page).clone();
		final ImagePlus imp = new ImagePlus("noisy", new ByteProcessor(W, H, noisy));
		CommandBridge.execute(DenoiseCommand.class, imp, "");
		final byte[] out = (byte[]) imp.getProcessor().getPixels();
		final byte[] ref = reference();
		final double error = Pages.countDifferent(out, ref) / (double) (W * H);
		final int refParts = components(ref), outParts = components(out);
		final int noisyParts = components(Pages.pixels(Pages.threshold(page, 128)));
		System.out.printf("density %.2f: pixel error %.4f, components %d (clean %d, noisy %d)%n", density, error,
			outParts, refParts, noisyParts);
		for (final byte b : out)
			assertTrue(b == 0 || b == (byte) 255, "black and white only");
		assertTrue(error < 0.02, "pixel error " + error);
		assertEquals(refParts, outParts, refParts * componentTolerance, "glyphs and punctuation kept, specks gone");
	}

	/**
	 * Thin print (strokes one pixel wide, as on receipts) under sparse noise keeps its stroke ends: the command puts
	 * back the end pixels the switching median takes (each 12-pixel stroke would lose both, as the same steps without
	 * that show), and the impulses still go.
	 */
	@Test
	void thinStrokesKeepTheirEndsUnderSparseNoise() {
		final int w = 600, h = 400;
		final byte[] thin = new byte[w * h];
		java.util.Arrays.fill(thin, (byte) 255);
		final int strokes = Pages.thinStrokes(thin, w, 20, 20, w - 30, h - 30, 24, 12);
		final byte[] noisy = thin.clone();
		final int pepper = Pages.pepperAwayFromInk(thin, noisy, w, 2, 2, w - 2, h - 2, 0.01, 3);
		final ImagePlus imp = new ImagePlus("thin", new ByteProcessor(w, h, noisy.clone()));
		CommandBridge.execute(DenoiseCommand.class, imp, "");
		final byte[] with = (byte[]) imp.getProcessor().getPixels();
		// the same steps without putting the ends back
		final ArrayImg<UnsignedByteType, ByteArray> clean = ArrayImgs.unsignedBytes(w, h), without = ArrayImgs
			.unsignedBytes(w, h);
		ImpulseNoise.remove(ArrayImgs.unsignedBytes(noisy.clone(), w, h), clean);
		Binarize.binarize(BinarizeParams.DEFAULT, clean, without);
		Despeckle.despeckle(without, without);
		final int[] lostWith = lost(thin, with, noisy), lostWithout = lost(thin, Pages.pixels(without), noisy);
		assertTrue(lostWithout[0] >= 2 * strokes * 0.9, "without: " + lostWithout[0] + " stroke pixels lost, "
			+ strokes + " strokes");
		assertEquals(0, lostWith[0], "stroke pixels lost of " + 12 * strokes);
		assertTrue(lostWith[1] < 0.01 * pepper, "impulses left " + lostWith[1] + " of " + pepper);
	}

	/** Stroke pixels turned to paper, and impulses left as ink. */
	private static int[] lost(final byte[] thin, final byte[] out, final byte[] noisy) {
		int lost = 0, left = 0;
		for (int i = 0; i < thin.length; i++)
			if (thin[i] == 0 && out[i] != 0) lost++;
			else if (thin[i] != 0 && noisy[i] == 0 && out[i] == 0) left++;
		return new int[] { lost, left };
	}
}
