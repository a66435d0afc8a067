package org.ijocr.core.threshold;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.ijocr.core.metrics.DibcoMetrics;
import org.ijocr.testutil.DibcoPages;
import org.ijocr.testutil.DibcoPages.Page;
import org.ijocr.testutil.SharedData;
import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Quality of {@link BinarizeMethod#AUTO} on all 44 shared DIBCO pages (2009, 2010, 2012, 2014; originals converted
 * to grey by luminance, ground truth text = black): the mean FM over the four years' means must reach
 * {@value #MIN_MEAN_FM}, and in every year Auto's mean FM must exceed global Otsu's by at least
 * {@value #MIN_GAIN_OVER_OTSU} points. Skipped when the shared data is absent.
 */
class DibcoQualityTest {

	/** Required mean FM of Auto over the four years' means. */
	static final double MIN_MEAN_FM = 89;

	/** Required lead of Auto over Otsu in each year's mean FM, in FM points. */
	static final double MIN_GAIN_OVER_OTSU = 3;

	@Test
	void autoBeatsOtsuByThreePointsEveryYear() throws IOException {
		final Path root = SharedData.requireRoot();
		double sumAuto = 0;
		final StringBuilder report = new StringBuilder();
		for (final String year : DibcoPages.YEARS) {
			final List<Page> pages = DibcoPages.load(root, year);
			double auto = 0, otsu = 0;
			for (final Page p : pages) {
				auto += fm(p, BinarizeMethod.AUTO);
				otsu += fm(p, BinarizeMethod.OTSU);
			}
			auto /= pages.size();
			otsu /= pages.size();
			sumAuto += auto;
			report.append(String.format(Locale.ROOT, "%s: Auto %.2f, Otsu %.2f; ", year, auto, otsu));
			assertTrue(auto >= otsu + MIN_GAIN_OVER_OTSU, String.format(Locale.ROOT, "Auto must beat Otsu by %.0f FM "
				+ "points in %s: %s", MIN_GAIN_OVER_OTSU, year, report));
		}
		final double mean = sumAuto / DibcoPages.YEARS.length;
		assertTrue(mean >= MIN_MEAN_FM, String.format(Locale.ROOT, "mean FM %.2f < %.0f: %s", mean, MIN_MEAN_FM,
			report));
	}

	private static double fm(final Page p, final BinarizeMethod m) {
		final int w = p.gt().width(), h = p.gt().height();
		final ArrayImg<UnsignedByteType, ByteArray> out = ArrayImgs.unsignedBytes(w, h);
		Binarize.binarize(BinarizeParams.of(m), p.gray(), out);
		return DibcoMetrics.evaluate(DibcoMetrics.textMask(out), p.gt().text(), w, h, null, null).fm();
	}
}
