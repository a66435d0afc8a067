package org.ijocr.bench;

import java.util.List;

import ij.plugin.ContrastEnhancer;
import ij.plugin.filter.BackgroundSubtracter;

import org.ijocr.core.tone.Background;
import org.ijocr.core.tone.Contrast;
import org.ijocr.core.tone.FlattenParams;
import org.ijocr.core.tone.IntensityRange;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.CLAHE;
import org.opencv.imgproc.Imgproc;

/**
 * The {@code tone} group of {@link FilterBenchmark}: contrast stretch, CLAHE, background flattening and the
 * automatic intensity band against ImageJ 1's built-ins and OpenCV. Counterparts:
 * <ul>
 * <li>Stretch (0.35 % saturated): ImageJ's {@code ContrastEnhancer.stretchHistogram(ip, 0.35)} with normalize (the
 * same result); OpenCV {@code Core.normalize(NORM_MINMAX)} (a min-max stretch without saturation, the nearest call);
 * </li>
 * <li>CLAHE 127-pixel blocks, 256 bins, clip 3: OpenCV {@code createCLAHE(3, 20×28 tiles)} (the same tile grid on
 * this page; made once, outside the timing); ImageJ 1 has none (Fiji's is a plugin);</li>
 * <li>Flatten Background, radius 50: ImageJ's Process&gt;Subtract Background ({@code rollingBallBackground}, radius
 * 50, light background, presmooth, corner correction: its defaults); OpenCV: a grey closing with a 101&times;101
 * rectangle ({@code morphologyEx(MORPH_CLOSE)}) as the background, then {@code Core.divide(page, background, out,
 * 255)} (the usual flat-field recipe);</li>
 * <li>Keep Intensity Range with the automatic band: no counterpart in either.</li>
 * </ul>
 */
final class ToneCases {

	private ToneCases() {}

	static void add(final BenchPage p, final List<BenchRow> rows) {
		final ContrastEnhancer ce = new ContrastEnhancer();
		ce.setNormalize(true);
		rows.add(new BenchRow("Auto Contrast: Stretch 0.35 % (ImageJ normalize; OpenCV min-max normalize)", //
			p.ours("stretch", () -> () -> Contrast.stretch(Contrast.DEFAULT_SATURATED, p.srcImg, p.dstImg)), //
			p.theirs("ImageJ stretchHistogram", () -> {
				p.fresh();
				ce.stretchHistogram(p.ijWork, Contrast.DEFAULT_SATURATED);
			}), //
			p.theirs("OpenCV normalize", () -> Core.normalize(p.cvSrc, p.cvDst, 0, 255, Core.NORM_MINMAX))));

		final CLAHE clahe = Imgproc.createCLAHE(Contrast.DEFAULT_CLIP_LIMIT, new Size(Math.round(p.w / 127.0), Math
			.round(p.h / 127.0)));
		rows.add(new BenchRow("Auto Contrast: CLAHE 127 px, 256 bins, clip 3", //
			p.ours("clahe", () -> () -> Contrast.clahe(Contrast.DEFAULT_BLOCKSIZE, Contrast.DEFAULT_BINS,
				Contrast.DEFAULT_CLIP_LIMIT, p.src, p.dst, p.w, p.h)), //
			null, //
			p.theirs("OpenCV CLAHE", () -> clahe.apply(p.cvSrc, p.cvDst))));

		final FlattenParams flat = new FlattenParams(50, 0);
		final Mat background = new Mat();
		final Mat rect = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(101, 101));
		rows.add(new BenchRow("Flatten Background r 50 (ImageJ rolling ball r 50; OpenCV closing 101² + divide)", //
			p.ours("flatten", () -> () -> Background.flatten(flat, p.srcImg, p.dstImg)), //
			p.theirs("ImageJ rolling ball", () -> {
				p.fresh();
				new BackgroundSubtracter().rollingBallBackground(p.ijWork, 50, false, true, false, true, true);
			}), //
			p.theirs("OpenCV closing + divide", () -> {
				Imgproc.morphologyEx(p.cvSrc, background, Imgproc.MORPH_CLOSE, rect);
				Core.divide(p.cvSrc, background, p.cvDst, 255);
			})));

		rows.add(new BenchRow("Keep Intensity Range, automatic band", //
			p.ours("keep range", () -> () -> IntensityRange.keep(IntensityRange.Params.DEFAULT, 0, 255, p.srcImg,
				p.dstImg)), //
			null, null));
	}
}
