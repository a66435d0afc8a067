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
 * to grey by luminance, ground truth text = black): the mean FM over the four years' means must reach 89, and Auto
 * must beat global Otsu in every year. Skipped when the shared data is absent.
 */
class DibcoQualityTest {

	@Test
	void autoBeatsOtsuEveryYear() throws IOException {
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
			assertTrue(auto > otsu, "Auto must beat Otsu in " + year + ": " + report);
		}
		final double mean = sumAuto / DibcoPages.YEARS.length;
		assertTrue(mean >= 89, String.format(Locale.ROOT, "mean FM %.2f < 89: %s", mean, report));
	}

	private static double fm(final Page p, final BinarizeMethod m) {
		final int w = p.gt().width(), h = p.gt().height();
		final ArrayImg<UnsignedByteType, ByteArray> out = ArrayImgs.unsignedBytes(w, h);
		Binarize.binarize(BinarizeParams.of(m), p.gray(), out);
		return DibcoMetrics.evaluate(DibcoMetrics.textMask(out), p.gt().text(), w, h, null, null).fm();
	}
}
