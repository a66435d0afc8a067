package org.ijocr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ijocr.core.filter.ImpulseNoise;
import org.ijocr.core.filter.Median;
import org.ijocr.core.morph.ConnectedComponents;
import org.ijocr.core.morph.Despeckle;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * The pieces of "OCR Denoise" composed as the lead will: impulse removal on the grey page, a binarization (here a
 * fixed threshold of 128, the mid-level of the clean render's 0/255 levels; the suite's automatic one is written
 * elsewhere), then speck removal; compared with the clean page binarized the same way.
 */
class DenoisePiecesTest {

	private static final int THRESHOLD = 128;

	private static ArrayImg<UnsignedByteType, ByteArray> page(final int which) {
		return which == 1 ? Pages.page(1240, 1754, 300, 1, 5L) : Pages.page(1240, 1754, 300, 2, 9L);
	}

	/**
	 * Pixel error (%) and component count against the clean page thresholded at 128. Measured on these pages: 5 %:
	 * 0.113/0.117, 594/591 and 727/727 components; 10 %: 0.243/0.258, 595/591 and 738/727; with grey sensor noise
	 * (sigma 6) under the impulses: 0.167 and 0.305, 727 and 738 of 727. Plain 3x3 median + threshold: 0.27/0.29 and
	 * 0.40/0.43 %.
	 */
	@ParameterizedTest
	@CsvSource({ "1, 0, 0.05, 0.15, 0.02", "2, 0, 0.05, 0.15, 0.02", "1, 0, 0.10, 0.30, 0.03",
		"2, 0, 0.10, 0.30, 0.03", "2, 6, 0.05, 0.22, 0.02", "2, 6, 0.10, 0.40, 0.03" })
	void saltAndPepperPageComesBackClose(final int which, final double sensorSigma, final double density,
		final double maxErrorPercent, final double maxComponentDeviation)
	{
		final ArrayImg<UnsignedByteType, ByteArray> clean = page(which);
		final int w = (int) clean.dimension(0), h = (int) clean.dimension(1);
		final byte[] cleanBin = Pages.pixels(Pages.threshold(clean, THRESHOLD));
		final ConnectedComponents cleanCc = ConnectedComponents.label(cleanBin, w, h, 0, true, null);

		final ArrayImg<UnsignedByteType, ByteArray> noisy = Pages.withImpulseNoise(
			sensorSigma > 0 ? Pages.scanned(clean, sensorSigma, 5) : clean, density, 42);
		final ArrayImg<UnsignedByteType, ByteArray> restored = ArrayImgs.unsignedBytes(w, h);
		final ImpulseNoise.Result ir = ImpulseNoise.remove(noisy, restored);
		final byte[] bin = Pages.pixels(Pages.threshold(restored, THRESHOLD));
		final Despeckle.Result dr = Despeckle.despeckle(bin, w, h);

		final double err = 100.0 * Pages.countDifferent(bin, cleanBin) / (w * h);
		assertTrue(err < maxErrorPercent, "pixel error " + err + " % " + ir + " " + dr);
		final int cc = ConnectedComponents.label(bin, w, h, 0, true, null).count();
		assertEquals(cleanCc.count(), cc, maxComponentDeviation * cleanCc.count(), "components " + dr);

		// punctuation-sized clean components (periods, commas, i-dots) must still have ink in the result
		int small = 0, kept = 0;
		for (int l = 1; l <= cleanCc.count(); l++) {
			if (cleanCc.area(l) >= 40) continue;
			small++;
			if (hasInk(bin, cleanCc, l, w)) kept++;
		}
		assertTrue(small > 50, "the page has punctuation: " + small);
		assertEquals(small, kept, "punctuation kept");

		// and the switching median beats a plain 3x3 median in the same chain
		final ArrayImg<UnsignedByteType, ByteArray> med = ArrayImgs.unsignedBytes(w, h);
		Median.median(1, noisy, med);
		final double medErr = 100.0 * Pages.countDifferent(Pages.pixels(Pages.threshold(med, THRESHOLD)), cleanBin)
			/ (w * h);
		assertTrue(err < medErr, "ours " + err + " % vs median " + medErr + " %");
	}

	private static boolean hasInk(final byte[] bin, final ConnectedComponents cc, final int l, final int w) {
		for (int y = cc.minY(l); y <= cc.maxY(l); y++)
			for (int x = cc.minX(l); x <= cc.maxX(l); x++)
				if (cc.labels()[y * w + x] == l && bin[y * w + x] == 0) return true;
		return false;
	}
}
