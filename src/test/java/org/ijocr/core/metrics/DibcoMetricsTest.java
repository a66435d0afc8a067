package org.ijocr.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.ijocr.core.metrics.DibcoMetrics.Scores;
import org.ijocr.testutil.SharedData;
import org.ijocr.testutil.TestImages;
import org.ijocr.testutil.TestImages.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.imglib2.img.array.ArrayImgs;

/**
 * DIBCO metrics against the expected values of {@code shared/data/README.md} (fixtures from kzagoris/DibcoEvaluation
 * and brandonmpetty/Doxa), plus small hand-computed cases.
 */
class DibcoMetricsTest {

	private static Binary pbm(final String name) throws IOException {
		return TestImages.readPbm(SharedData.path("metric-vectors", name));
	}

	private static float[] weights(final String name, final int n) throws IOException {
		return TestImages.readWeights(SharedData.path("metric-vectors", name), n);
	}

	@Test
	void hdibco2018Page5MatchesPublishedEvaluator() throws IOException {
		SharedData.requireRoot();
		final Binary gt = TestImages.readBinary(SharedData.path("metric-vectors", "hdibco2018_5_gt.bmp"));
		final Binary res = TestImages.readBinary(SharedData.path("metric-vectors",
			"hdibco2018_5_binarized_by_unknown_method.bmp"));
		final int n = gt.width() * gt.height();
		final Scores s = DibcoMetrics.evaluate(res.text(), gt.text(), gt.width(), gt.height(),
			weights("hdibco2018_5_gt_RWeights.dat.gz", n), weights("hdibco2018_5_gt_PWeights.dat.gz", n));
		assertEquals(66.214, s.fm(), 0.0005, "FM");
		assertEquals(71.4372, s.pseudoFm(), 0.00005, "pFM");
		assertEquals(14.5629, s.psnr(), 0.00005, "PSNR");
		assertEquals(13.8647, s.drd(), 0.0005, "DRD");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ //
		"2JohnC1V3-Otsu.pbm,    92.090, 92.925, 15.822, 2.200", //
		"2JohnC1V3-Sauvola.pbm, 93.205, 93.393, 16.329, 1.952", //
		"2JohnC1V3-Niblack.pbm, 92.549, 92.100, 15.939, 2.132", //
		"2JohnC1V3-Wolf.pbm,    93.328, 93.499, 16.379, 1.945" })
	void doxaVectors(final String result, final double fm, final double pfm, final double psnr, final double drd)
		throws IOException
	{
		SharedData.requireRoot();
		final Binary gt = pbm("2JohnC1V3-GroundTruth.pbm");
		final Binary res = pbm(result);
		final int n = gt.width() * gt.height();
		final Scores s = DibcoMetrics.evaluate(res.text(), gt.text(), gt.width(), gt.height(),
			weights("2JohnC1V3-GroundTruth_RWeights.dat.gz", n), weights("2JohnC1V3-GroundTruth_PWeights.dat.gz", n));
		assertEquals(fm, s.fm(), 0.0005, "FM");
		assertEquals(pfm, s.pseudoFm(), 0.0005, "pFM");
		assertEquals(psnr, s.psnr(), 0.0005, "PSNR");
		assertEquals(drd, s.drd(), 0.0005, "DRD");
	}

	/**
	 * 8×8 GT with a 2×2 text square at (3..4, 3..4); the result adds one false positive at (0,0) and misses (4,4).
	 * TP 3, FP 1, FN 1 → R = P = 3/4, FM 75. MSE 2/64 → PSNR 10·log10(32). DRD: at (0,0) the result is text, every GT
	 * neighbour in the image is paper (≠ text): weights of the 8 in-image neighbours (dx, dy ∈ 0..2, not both 0);
	 * at (4,4) the result is paper, GT text neighbours (3,3), (4,3), (3,4) differ. One non-uniform block.
	 */
	@Test
	void handComputedSmallCase() {
		final int w = 8, h = 8;
		final boolean[] gt = new boolean[w * h];
		final boolean[] res = new boolean[w * h];
		for (int y = 3; y <= 4; y++)
			for (int x = 3; x <= 4; x++)
				gt[y * w + x] = res[y * w + x] = true;
		res[0] = true;
		res[4 * w + 4] = false;
		final Scores s = DibcoMetrics.evaluate(res, gt, w, h, null, null);
		assertEquals(75.0, s.fm(), 1e-12);
		assertTrue(Double.isNaN(s.pseudoFm()));
		assertEquals(10 * Math.log10(32), s.psnr(), 1e-12);
		// normaliser: sum of 1/d over the 24 non-centre cells of a 5×5 window
		final double total = 4 * 1 + 4 / Math.sqrt(2) + 4 * 0.5 + 8 / Math.sqrt(5) + 4 / Math.sqrt(8);
		final double atOrigin = 2 * 1 + 1 / Math.sqrt(2) + 2 * 0.5 + 2 / Math.sqrt(5) + 1 / Math.sqrt(8);
		final double atMissed = 2 * 1 + 1 / Math.sqrt(2);
		assertEquals((atOrigin + atMissed) / total, s.drd(), 1e-12);
	}

	/** Pseudo-FM weights: R-weights on GT text, P-weights added to 1 on result text. */
	@Test
	void handComputedPseudoFm() {
		final boolean[] gt = { true, true, false, false };
		final boolean[] res = { true, false, true, false };
		final float[] rw = { 3, 1, 0, 0 };
		final float[] pw = { 0, 0, 0.5f, 0 };
		final Scores s = DibcoMetrics.evaluate(res, gt, 2, 2, rw, pw);
		final double pr = 3.0 / 4, pp = 1 / (1 + 1.5);
		assertEquals(100 * 2 * pr * pp / (pr + pp), s.pseudoFm(), 1e-9);
		assertEquals(50.0, s.fm(), 1e-12);
		assertEquals(10 * Math.log10(2), s.psnr(), 1e-12);
		// 2×2 image: no complete 8×8 block → NUBN 0 with flips → infinite DRD
		assertEquals(Double.POSITIVE_INFINITY, s.drd());
	}

	@Test
	void identicalImagesArePerfectAndImagesAreReadInk0Paper255() {
		final byte[] px = new byte[16 * 16];
		java.util.Arrays.fill(px, (byte) 255);
		for (int i = 0; i < 16; i++)
			px[i * 16 + i] = 0; // diagonal ink
		final Scores s = DibcoMetrics.evaluate(ArrayImgs.unsignedBytes(px, 16, 16), ArrayImgs.unsignedBytes(px
			.clone(), 16, 16), null, null);
		assertEquals(100.0, s.fm(), 1e-12);
		assertEquals(Double.POSITIVE_INFINITY, s.psnr());
		assertEquals(0.0, s.drd());
		final boolean[] mask = DibcoMetrics.textMask(ArrayImgs.unsignedBytes(px, 16, 16));
		assertTrue(mask[17] && !mask[1]);
		// result without any text: FM 0
		final boolean[] none = new boolean[256];
		assertEquals(0.0, DibcoMetrics.evaluate(none, mask, 16, 16, null, null).fm());
	}

	@Test
	void rejectsMismatchedInput() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DibcoMetrics.evaluate(
			new boolean[4], new boolean[6], 2, 2, null, null));
		assertTrue(e.getMessage().contains("6"));
		assertThrows(IllegalArgumentException.class, () -> DibcoMetrics.evaluate(new boolean[4], new boolean[4], 2, 2,
			new float[4], null));
	}

}
