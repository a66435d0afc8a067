package org.ijocr.core.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.ijocr.core.metrics.DibcoMetrics;
import org.ijocr.testutil.SharedData;
import org.ijocr.testutil.TestImages;
import org.ijocr.testutil.TestImages.Binary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Sauvola, Niblack and Wolf against the {@code metric-vectors} fixtures of the shared data: Doxa's outputs on
 * {@code 2JohnC1V3.png} with the window and k given in its README (window w → radius (w − 1)/2).
 */
class MetricVectorsTest {

	/** Doxa's default grey conversion (the Qt framework's): (11·R + 16·G + 5·B) / 32, truncated. */
	private static ArrayImg<UnsignedByteType, ByteArray> qtGrey(final java.nio.file.Path file) throws IOException {
		final java.awt.image.BufferedImage bi = javax.imageio.ImageIO.read(file.toFile());
		final int w = bi.getWidth(), h = bi.getHeight();
		final int[] rgb = bi.getRGB(0, 0, w, h, null, 0, w);
		final byte[] g = new byte[w * h];
		for (int i = 0; i < g.length; i++) {
			final int c = rgb[i];
			g[i] = (byte) ((11 * ((c >> 16) & 0xff) + 16 * ((c >> 8) & 0xff) + 5 * (c & 0xff)) / 32);
		}
		return ArrayImgs.unsignedBytes(g, w, h);
	}

	/** With Doxa's grey conversion the outputs are Doxa's, pixel for pixel, so the FM is the reference FM. */
	@ParameterizedTest(name = "{0} window {1} k {2}")
	@CsvSource({ //
		"Sauvola, 27, 0.10, 93.205, 2JohnC1V3-Sauvola.pbm", //
		"Niblack, 223, -0.61, 92.549, 2JohnC1V3-Niblack.pbm", //
		"Wolf, 21, 0.18, 93.328, 2JohnC1V3-Wolf.pbm" })
	void identicalToTheReferenceOutput(final String method, final int window, final double k,
		final double referenceFm, final String referencePbm) throws IOException
	{
		SharedData.requireRoot();
		final double[] r = run(qtGrey(SharedData.path("metric-vectors", "2JohnC1V3.png")), method, window, k,
			referencePbm);
		assertEquals(0, r[1], method + ": pixels that differ from Doxa's output");
		assertEquals(referenceFm, r[0], 0.0005, method + " FM");
	}

	/** With the suite's own RGB conversion (luminance, rounded) the FM stays within 1.0 of the reference. */
	@ParameterizedTest(name = "{0} window {1} k {2}")
	@CsvSource({ //
		"Sauvola, 27, 0.10, 93.205, 2JohnC1V3-Sauvola.pbm", //
		"Niblack, 223, -0.61, 92.549, 2JohnC1V3-Niblack.pbm", //
		"Wolf, 21, 0.18, 93.328, 2JohnC1V3-Wolf.pbm" })
	void luminanceWithinOneFm(final String method, final int window, final double k, final double referenceFm,
		final String referencePbm) throws IOException
	{
		SharedData.requireRoot();
		final double[] r = run(TestImages.readGray(SharedData.path("metric-vectors", "2JohnC1V3.png")), method,
			window, k, referencePbm);
		assertEquals(referenceFm, r[0], 1.0, method + " FM");
		assertTrue(r[2] > 99.5, method + " agrees with the reference on " + r[2] + "% of the pixels");
	}

	/** Binarizes {@code page}; returns FM against the ground truth, pixels differing from the reference, agreement %. */
	private static double[] run(final ArrayImg<UnsignedByteType, ByteArray> page, final String method,
		final int window, final double k, final String referencePbm) throws IOException
	{
		final Binary gt = TestImages.readPbm(SharedData.path("metric-vectors", "2JohnC1V3-GroundTruth.pbm"));
		final Binary ref = TestImages.readPbm(SharedData.path("metric-vectors", referencePbm));
		final int w = gt.width(), h = gt.height();
		final ArrayImg<UnsignedByteType, ByteArray> out = ArrayImgs.unsignedBytes(w, h);
		final BinarizeParams p = BinarizeParams.of(BinarizeMethod.fromLabel(method)).with(LocalParam.RADIUS,
			(window - 1) / 2).with(LocalParam.K, k);
		Binarize.binarize(p, page, out);
		final boolean[] ours = DibcoMetrics.textMask(out);
		final double fm = DibcoMetrics.evaluate(ours, gt.text(), w, h, null, null).fm();
		int differ = 0;
		for (int i = 0; i < ours.length; i++)
			if (ours[i] != ref.text()[i]) differ++;
		final double agreement = 100.0 * (ours.length - differ) / ours.length;
		System.out.printf(java.util.Locale.ROOT, "metric-vectors %s: FM %.3f, %d pixels differ from the reference "
			+ "(agreement %.3f%%)%n", method, fm, differ, agreement);
		return new double[] { fm, differ, agreement };
	}
}
