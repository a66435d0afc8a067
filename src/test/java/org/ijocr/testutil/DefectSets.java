package org.ijocr.testutil;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.ijocr.core.defect.BlurDetector;
import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.GlareDetector;
import org.ijocr.core.defect.ImpulseNoiseDetector;
import org.ijocr.core.defect.LowContrastDetector;
import org.ijocr.core.defect.Page;
import org.ijocr.testutil.DegradedPages.Defect;
import org.ijocr.testutil.DegradedPages.Figure;
import org.ijocr.testutil.DegradedPages.Layout;

/**
 * What the defect tests and the evaluation share: the four detectors with their defaults (all run on every page,
 * so a detector firing on another type's defect costs it precision), the strengths tried per defect and the
 * layouts of a page set.
 */
public final class DefectSets {

	private DefectSets() {}

	/** The four core detectors with their default parameters. */
	public static final List<Function<Page, List<DefectArea>>> DETECTORS = List.of(
		p -> ImpulseNoiseDetector.detect(p, ImpulseNoiseDetector.Params.DEFAULT),
		p -> LowContrastDetector.detect(p, LowContrastDetector.Params.DEFAULT),
		p -> BlurDetector.detect(p, BlurDetector.Params.DEFAULT),
		p -> GlareDetector.detect(p, GlareDetector.Params.DEFAULT));

	/** All areas the four detectors report on a page. */
	public static List<DefectArea> detectAll(final DegradedPages.Page page) {
		final Page p = new Page(Pages.pixels(page.image()), page.layout().width(), page.layout().height());
		final List<DefectArea> all = new ArrayList<>();
		for (final Function<Page, List<DefectArea>> d : DETECTORS)
			all.addAll(d.apply(p));
		return all;
	}

	/** The strengths tried per defect (see {@link Defect}). */
	public static double[] strengths(final Defect d) {
		return switch (d) {
			case NONE -> new double[] { 0 };
			case NOISE -> new double[] { 0.01, 0.02, 0.05, 0.10, 0.15 };
			case SHADOW -> new double[] { 0.5, 0.65, 0.8 };
			case LOW_CONTRAST -> new double[] { 30, 50, 70, 100 };
			case GAUSSIAN_BLUR -> new double[] { 1, 2, 3, 4 };
			case MOTION_BLUR -> new double[] { 5, 9, 15 };
			case GLARE -> new double[] { 0.5, 0.75, 0.95 };
		};
	}

	/**
	 * The strengths from which a defect hurts OCR (the accuracy targets apply there): noise ≥ 2 %, shadow light
	 * ≤ 0.35, contrast ≤ 50 levels, Gaussian sigma ≥ 2 px and motion ≥ 9 px at 300 dpi, glare ≥ 0.75.
	 */
	public static boolean hurts(final Defect d, final double s) {
		return switch (d) {
			case NONE -> false;
			case NOISE -> s >= 0.02;
			case SHADOW -> s >= 0.65;
			case LOW_CONTRAST -> s <= 50;
			case GAUSSIAN_BLUR -> s >= 2;
			case MOTION_BLUR -> s >= 9;
			case GLARE -> s >= 0.75;
		};
	}

	/**
	 * The clean pages every detector must leave alone: {@code n} generated pages ({@link #layout}: dpi 150–400, with
	 * and without photo or halftone, scanner blur and paper grain) and, as the shipped samples are made
	 * ({@link SamplePages}), pure black-on-white antialiased Java2D text without any scanner blur at 150 and 300 dpi,
	 * in 1 and 2 columns.
	 */
	public static List<DegradedPages.Page> cleanPages(final int n, final boolean small, final long seed) {
		final List<DegradedPages.Page> pages = new ArrayList<>();
		for (int i = 0; i < n; i++)
			pages.add(DegradedPages.clean(layout(i, small, seed)));
		for (final double dpi : new double[] { 150, 300 })
			for (int cols = 1; cols <= 2; cols++) {
				final Layout l = small ? Layout.a5(dpi, cols, Figure.NONE, seed + cols) : Layout.a4(dpi, cols, Figure.NONE,
					seed + cols);
				pages.add(new DegradedPages.Page(Pages.page(l.width(), l.height(), dpi, cols, l.seed()), List.of(),
					Defect.NONE, 0, false, l));
			}
		return pages;
	}

	/**
	 * The i-th layout of a set: dpi 150, 200, 300, 400 in turn, 1 or 2 columns, no figure, a photo or a halftone;
	 * A4, or A5 when {@code small}.
	 */
	public static Layout layout(final int i, final boolean small, final long seed) {
		final double[] dpis = { 150, 300, 200, 400 };
		final double dpi = dpis[i % dpis.length];
		final Figure f = Figure.values()[i % 3];
		final int cols = 1 + (i / 2) % 2;
		return small ? Layout.a5(dpi, cols, f, seed + i) : Layout.a4(dpi, cols, f, seed + i);
	}
}
