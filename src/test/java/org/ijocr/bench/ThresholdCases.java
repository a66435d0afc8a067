package org.ijocr.bench;

import java.util.List;

import ij.plugin.filter.GaussianBlur;
import org.ijocr.core.filter.Gauss;
import org.ijocr.core.threshold.LocalThresholds;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The {@code threshold} group of {@link FilterBenchmark}: the local thresholds of {@link LocalThresholds} with a
 * 31×31 window (radius 15) against OpenCV's {@code adaptiveThreshold} (mean and Gaussian; OpenCV has no Sauvola,
 * Niblack, Wolf, Bernsen or Phansalkar, ImageJ 1 no local threshold at all — Landini's Auto Local Threshold is a
 * Fiji plugin, not a built-in), and the Gaussian blur σ 2 against ImageJ's {@code GaussianBlur} and OpenCV's
 * {@code GaussianBlur}.
 */
final class ThresholdCases {

	/** Radius of the local windows: 31×31, OpenCV's block size 31. */
	private static final int RADIUS = 15;

	private ThresholdCases() {}

	static void add(final BenchPage p, final List<BenchRow> rows) {
		final int block = 2 * RADIUS + 1;
		rows.add(new BenchRow("Sauvola radius 15 (31×31) vs OpenCV adaptive mean 31×31", //
			p.ours("sauvola", () -> () -> LocalThresholds.sauvola(RADIUS, 0.5, 128, p.src, p.w, p.h, p.dst)), //
			null, //
			p.theirs("OpenCV adaptiveThreshold MEAN_C", () -> Imgproc.adaptiveThreshold(p.cvSrc, p.cvDst, 255,
				Imgproc.ADAPTIVE_THRESH_MEAN_C, Imgproc.THRESH_BINARY, block, 2))));
		rows.add(new BenchRow("Mean radius 15 (31×31), C 2", //
			p.ours("mean", () -> () -> LocalThresholds.mean(RADIUS, 2, p.src, p.w, p.h, p.dst)), //
			null, //
			p.theirs("OpenCV adaptiveThreshold MEAN_C", () -> Imgproc.adaptiveThreshold(p.cvSrc, p.cvDst, 255,
				Imgproc.ADAPTIVE_THRESH_MEAN_C, Imgproc.THRESH_BINARY, block, 2))));
		rows.add(new BenchRow("Gaussian adaptive radius 15 (31×31), C 2", //
			p.ours("gaussian adaptive", () -> () -> LocalThresholds.gaussian(RADIUS, 2, p.src, p.w, p.h, p.dst)), //
			null, //
			p.theirs("OpenCV adaptiveThreshold GAUSSIAN_C", () -> Imgproc.adaptiveThreshold(p.cvSrc, p.cvDst, 255,
				Imgproc.ADAPTIVE_THRESH_GAUSSIAN_C, Imgproc.THRESH_BINARY, block, 2))));
		rows.add(new BenchRow("Niblack radius 15 (31×31)", //
			p.ours("niblack", () -> () -> LocalThresholds.niblack(RADIUS, -0.2, p.src, p.w, p.h, p.dst)), null,
			null));
		rows.add(new BenchRow("Wolf radius 15 (31×31)", //
			p.ours("wolf", () -> () -> LocalThresholds.wolf(RADIUS, 0.5, p.src, p.w, p.h, p.dst)), null, null));
		rows.add(new BenchRow("Bernsen radius 15 (31×31)", //
			p.ours("bernsen", () -> () -> LocalThresholds.bernsen(RADIUS, 15, p.src, p.w, p.h, p.dst)), null,
			null));
		rows.add(new BenchRow("Phansalkar radius 15 (31×31)", //
			p.ours("phansalkar", () -> () -> LocalThresholds.phansalkar(RADIUS, 0.25, 0.5, p.src, p.w, p.h, p.dst)),
			null, null));
		rows.add(new BenchRow("Gaussian blur σ 2", //
			p.ours("gauss", () -> () -> {
				p.fresh();
				Gauss.gauss(2, p.work, p.dst, p.w, p.h);
			}), //
			p.theirs("ImageJ GaussianBlur", () -> {
				p.fresh();
				new GaussianBlur().blurGaussian(p.ijWork, 2, 2, 0.01);
			}), //
			p.theirs("OpenCV GaussianBlur", () -> Imgproc.GaussianBlur(p.cvSrc, p.cvDst, new Size(0, 0), 2))));
	}
}
