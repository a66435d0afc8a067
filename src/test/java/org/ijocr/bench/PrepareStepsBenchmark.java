package org.ijocr.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ijocr.core.defect.BlurDetector;
import org.ijocr.core.defect.DetectorsReference;
import org.ijocr.core.defect.GlareDetector;
import org.ijocr.core.defect.ImpulseNoiseDetector;
import org.ijocr.core.defect.LowContrastDetector;
import org.ijocr.core.defect.Page;
import org.ijocr.core.defect.TileHistograms;
import org.ijocr.core.filter.ImpulseNoise;
import org.ijocr.core.filter.ImpulseNoiseReference;
import org.ijocr.core.geometry.Scale;
import org.ijocr.core.geometry.ScaleReference;
import org.ijocr.core.geometry.Skew;
import org.ijocr.core.geometry.SkewReference;
import org.ijocr.core.geometry.SkewParams;
import org.ijocr.core.morph.Despeckle;
import org.ijocr.core.morph.DespeckleReference;
import org.ijocr.core.threshold.DocumentBinarizer;
import org.ijocr.core.threshold.DocumentBinarizerReference;
import org.ijocr.core.tone.LocalRange;
import org.ijocr.core.tone.LocalRangeReference;
import org.ijocr.testutil.DegradedPages;
import org.ijocr.testutil.Pages;

/**
 * Times the preparation steps of {@code prepare=Auto} on one thread (ImgLib2's default {@code Parallelization}), the
 * implementation before the speed work (the {@code *Reference} copies in the test sources) against the current one,
 * on an A5 page at 300 dpi (1748×2480) with low contrast (60 levels) and 5 % impulse noise. Each row: median of at
 * least 7 runs after a warm-up, old and new interleaved per round so that the load of the shared machine hits both.
 * Run: {@code mvn -B -o -q -Pbench test-compile exec:exec -Dbench.main=org.ijocr.bench.PrepareStepsBenchmark}
 * (optional {@code -Dbench.args="RUNS [STEP]"}: runs per step, and only the steps whose name contains STEP).
 */
public final class PrepareStepsBenchmark {

	private PrepareStepsBenchmark() {}

	/** One step: what it is called, and the old and new implementation on the same input. */
	private record Step(String name, Runnable old, Runnable now) {}

	public static void main(final String[] args) {
		final String[] a = args.length > 0 ? args[0].trim().split("\\s+") : new String[0];
		final int runs = a.length > 0 && !a[0].isEmpty() ? Integer.parseInt(a[0]) : 9;
		final String only = a.length > 1 ? a[1] : "";
		final int w = 1748, h = 2480;
		final byte[] clean = Pages.pixels(Pages.textPage(w, h, 300, 7001).image());
		final byte[] low = DegradedPages.degrade(clean, w, h, 300, DegradedPages.Defect.LOW_CONTRAST, 60, 7001);
		final byte[] page = DegradedPages.degrade(low, w, h, 300, DegradedPages.Defect.NOISE, 0.05, 7001);
		final byte[] out = new byte[w * h], binary = new byte[w * h], work = new byte[w * h];
		DocumentBinarizer.binarize(page, w, h, binary);
		final int cell = 2 * Math.max(4, Math.min(w, h) / 80); // as AutoPrepare's glare and contrast fixes
		final List<Step> steps = new ArrayList<>();
		steps.add(new Step("DocumentBinarizer.binarize", () -> DocumentBinarizerReference.binarize(page, w, h, out),
			() -> DocumentBinarizer.binarize(page, w, h, out)));
		steps.add(new Step("LocalRange.normalize (cell " + cell + ")", () -> LocalRangeReference.normalize(page, out,
			w, h, cell), () -> LocalRange.normalize(page, out, w, h, cell)));
		steps.add(new Step("Despeckle.despeckle", () -> {
			System.arraycopy(binary, 0, work, 0, work.length);
			DespeckleReference.despeckle(work, w, h);
		}, () -> {
			System.arraycopy(binary, 0, work, 0, work.length);
			Despeckle.despeckle(work, w, h);
		}));
		steps.add(new Step("ImpulseNoise.remove (one pass)", () -> ImpulseNoiseReference.remove(page, out, w, h,
			ImpulseNoise.DEFAULT_TOLERANCE), () -> ImpulseNoise.remove(page, out, w, h, ImpulseNoise.DEFAULT_TOLERANCE)));
		steps.add(new Step("Skew.estimate", () -> SkewReference.estimate(SkewParams.DEFAULT, page, w, h),
			() -> Skew.estimate(SkewParams.DEFAULT, page, w, h)));
		steps.add(new Step("Scale.capHeight", () -> ScaleReference.capHeight(page, w, h), () -> Scale.capHeight(page,
			w, h)));
		steps.add(new Step("Skew.estimate (clean page)", () -> SkewReference.estimate(SkewParams.DEFAULT, clean, w,
			h), () -> Skew.estimate(SkewParams.DEFAULT, clean, w, h)));
		steps.add(new Step("Scale.capHeight (clean page)", () -> ScaleReference.capHeight(clean, w, h), () -> Scale
			.capHeight(clean, w, h)));
		steps.add(new Step("detect (all four), clean page", () -> detectReference(clean, w, h), () -> detect(clean, w,
			h)));
		steps.add(new Step("detect (all four)", () -> detectReference(page, w, h), () -> detect(page, w, h)));
		System.out.printf(Locale.ROOT, "A5 page %dx%d at 300 dpi, low contrast 60 + 5 %% impulse noise, 1 thread, "
			+ "median of %d runs%n", w, h, runs);
		System.out.printf(Locale.ROOT, "%-36s %10s %10s %7s%n", "step", "old ms", "new ms", "ratio");
		for (final Step s : steps) {
			if (!s.name().contains(only)) continue;
			final double[] old = new double[runs], now = new double[runs];
			for (int i = 0; i < 5; i++) { // warm-up
				s.old().run();
				s.now().run();
			}
			for (int i = 0; i < runs; i++) {
				old[i] = time(s.old());
				now[i] = time(s.now());
			}
			final double mo = median(old), mn = median(now);
			System.out.printf(Locale.ROOT, "%-36s %10.1f %10.1f %6.2fx%n", s.name(), mo, mn, mo / mn);
		}
	}

	/** The four detectors with their defaults, one after the other, as the service runs them (histograms shared). */
	private static int detect(final byte[] px, final int w, final int h) {
		final Page p = new Page(px, w, h);
		return TileHistograms.sharing(p, () -> ImpulseNoiseDetector.detect(p, ImpulseNoiseDetector.Params.DEFAULT)
			.size() + LowContrastDetector.detect(p, LowContrastDetector.Params.DEFAULT).size() + BlurDetector.detect(p,
				BlurDetector.Params.DEFAULT).size() + GlareDetector.detect(p, GlareDetector.Params.DEFAULT).size());
	}

	/** The four detectors before the third speed round. */
	private static int detectReference(final byte[] px, final int w, final int h) {
		final Page p = new Page(px, w, h);
		return DetectorsReference.impulseNoise(p, ImpulseNoiseDetector.Params.DEFAULT).size() + DetectorsReference
			.lowContrast(p, LowContrastDetector.Params.DEFAULT).size() + DetectorsReference.blur(p,
				BlurDetector.Params.DEFAULT).size() + DetectorsReference.glare(p, GlareDetector.Params.DEFAULT).size();
	}

	private static double time(final Runnable r) {
		final long t0 = System.nanoTime();
		r.run();
		return (System.nanoTime() - t0) / 1e6;
	}

	private static double median(final double[] a) {
		final double[] s = a.clone();
		java.util.Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
	}
}
