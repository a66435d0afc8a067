package org.ijocr.bench;

import java.util.List;

import ij.process.ImageProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.geometry.Interpolation;
import org.ijocr.core.geometry.Rotate;
import org.ijocr.core.geometry.RotateParams;
import org.ijocr.core.geometry.Scale;
import org.ijocr.core.geometry.Skew;
import org.ijocr.core.geometry.SkewParams;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The {@code geometry} group of {@link FilterBenchmark}: rotation (ImageJ's {@code ImageProcessor.rotate} on a fresh
 * copy, OpenCV's {@code warpAffine}), resizing (ImageJ's {@code ImageProcessor.resize}, OpenCV's {@code resize}) with
 * the same interpolation, and the skew measurement of OCR Deskew (no counterpart) on a page turned by 2.2&deg;.
 */
final class GeometryCases {

	private GeometryCases() {}

	static void add(final BenchPage p, final List<BenchRow> rows) {
		final double angle = 2.2;
		final ArrayImg<UnsignedByteType, ByteArray> dst = p.dstImg;
		for (final Interpolation ip : new Interpolation[] { Interpolation.BILINEAR, Interpolation.BICUBIC }) {
			final int ijMethod = ip == Interpolation.BILINEAR ? ImageProcessor.BILINEAR : ImageProcessor.BICUBIC;
			final int cvMethod = ip == Interpolation.BILINEAR ? Imgproc.INTER_LINEAR : Imgproc.INTER_CUBIC;
			// OpenCV: the forward map about the same centre; ImageJ and IJ-OCR turn clockwise for positive angles
			final Mat m = Imgproc.getRotationMatrix2D(new Point((p.w - 1) / 2.0, (p.h - 1) / 2.0), -angle, 1);
			final RotateParams rp = new RotateParams(angle, ip, 255);
			rows.add(new BenchRow("Rotate " + angle + "° " + ip.label().toLowerCase(), //
				p.ours("rotate " + ip, () -> () -> Rotate.rotate(rp, p.srcImg, dst)), //
				p.theirs("ImageJ rotate " + ip, () -> {
					p.fresh();
					p.ijWork.setInterpolationMethod(ijMethod);
					p.ijWork.setBackgroundValue(255);
					p.ijWork.rotate(angle);
				}), //
				p.theirs("OpenCV warpAffine " + ip, () -> Imgproc.warpAffine(p.cvSrc, p.cvDst, m, new Size(p.w, p.h),
					cvMethod, Core.BORDER_CONSTANT, new Scalar(255)))));
		}
		for (final double f : new double[] { 0.5, 2 }) {
			final int w = (int) Scale.scaledLength(p.w, f), h = (int) Scale.scaledLength(p.h, f);
			final ArrayImg<UnsignedByteType, ByteArray> out = ArrayImgs.unsignedBytes(w, h);
			final Mat cvOut = new Mat(h, w, CvType.CV_8UC1);
			final boolean down = f < 1;
			rows.add(new BenchRow(down ? "Scale ×0.5 (area average)" : "Scale ×2 bicubic", //
				p.ours("scale " + f, () -> () -> Scale.resize(Interpolation.BICUBIC, p.srcImg, out)), //
				p.theirs("ImageJ resize " + f, () -> {
					p.ijWork.setInterpolationMethod(down ? ImageProcessor.BILINEAR : ImageProcessor.BICUBIC);
					p.ijWork.resize(w, h, down); // down: ImageJ's "average when downsizing"
				}), //
				p.theirs("OpenCV resize " + f, () -> Imgproc.resize(p.cvSrc, cvOut, new Size(w, h), 0, 0, down
					? Imgproc.INTER_AREA : Imgproc.INTER_CUBIC))));
		}
		final ArrayImg<UnsignedByteType, ByteArray> skewed = ArrayImgs.unsignedBytes(p.w, p.h);
		Rotate.rotate(new RotateParams(angle, Interpolation.BILINEAR, 255), p.srcImg, skewed);
		rows.add(new BenchRow("Deskew: skew angle of the page (no counterpart)", //
			p.ours("skew", () -> () -> Skew.estimate(SkewParams.DEFAULT, skewed)), null, null));
	}
}
