package org.ijocr.bench;

import java.util.List;

import ij.plugin.filter.RankFilters;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.TypeConverter;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.ijocr.core.convert.Channel;
import org.ijocr.core.convert.Grayscale;
import org.ijocr.core.morph.MorphOp;
import org.ijocr.core.morph.MorphParams;
import org.ijocr.core.morph.Morphology;
import org.ijocr.core.morph.Shape;
import org.ijocr.core.threshold.Binarize;
import org.ijocr.core.threshold.BinarizeMethod;
import org.ijocr.core.threshold.BinarizeParams;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Group {@code morph} of {@link FilterBenchmark}: binary morphology on the page binarized once (Otsu), against
 * ImageJ's {@code ByteProcessor.dilate()/erode()} (3&times;3, black grows under a normal LUT) and OpenCV, and the
 * RGB &rarr; 8-bit conversion on a tinted colour version of the page.
 * <p>
 * With ink 0, our Dilate is the minimum filter, which is OpenCV's {@code erode}, and our Open is OpenCV's
 * {@code MORPH_CLOSE}; the rows time the same pixel operation under each library's name. ImageJ's filters work in
 * place, so every library gets a fresh copy of the binary page per call (timed alike, ~1 ms). OpenCV's 5&times;5
 * ellipse has 17 pixels, our disk of size 5 and ImageJ's circular kernel of radius 2 have 21.
 */
final class MorphCases {

	private MorphCases() {}

	/** The binary page and the colour page, made once per run (they do not depend on the thread count). */
	private static byte[] bin;
	private static int[] rgb;
	private static byte[] bgr;

	static void add(final BenchPage p, final List<BenchRow> rows) {
		if (bin == null) makePages(p);
		final byte[] work = new byte[bin.length];
		final ByteProcessor ij = new ByteProcessor(p.w, p.h, work);
		final Mat cvBin = new Mat(p.h, p.w, CvType.CV_8UC1);
		cvBin.put(0, 0, bin);
		final Runnable fresh = () -> System.arraycopy(bin, 0, work, 0, bin.length);

		rows.add(new BenchRow("Dilate 3×3, binary page (OpenCV: erode)", //
			ours(p, fresh, work, MorphOp.DILATE, MorphParams.DEFAULT, "dilate 3x3"), //
			p.theirs("ImageJ dilate()", () -> {
				fresh.run();
				ij.dilate();
			}), //
			p.theirs("OpenCV erode 3x3", () -> Imgproc.erode(cvBin, p.cvDst, rect(3, 3)))));
		rows.add(new BenchRow("Erode 3×3, binary page (OpenCV: dilate)", //
			ours(p, fresh, work, MorphOp.ERODE, MorphParams.DEFAULT, "erode 3x3"), //
			p.theirs("ImageJ erode()", () -> {
				fresh.run();
				ij.erode();
			}), //
			p.theirs("OpenCV dilate 3x3", () -> Imgproc.dilate(cvBin, p.cvDst, rect(3, 3)))));
		rows.add(new BenchRow("Open 5×5 (ImageJ: erode ×2, dilate ×2; OpenCV: MORPH_CLOSE)", //
			ours(p, fresh, work, MorphOp.OPEN, new MorphParams(Shape.SQUARE, 5, 1), "open 5x5"), //
			p.theirs("ImageJ open 5x5", () -> {
				fresh.run();
				ij.erode();
				ij.erode();
				ij.dilate();
				ij.dilate();
			}), //
			p.theirs("OpenCV close 5x5", () -> Imgproc.morphologyEx(cvBin, p.cvDst, Imgproc.MORPH_CLOSE, rect(5, 5)))));
		rows.add(new BenchRow("Dilate disk 5 (ImageJ: Minimum r=2, 21 px; OpenCV: 5×5 ellipse, 17 px)", //
			ours(p, fresh, work, MorphOp.DILATE, new MorphParams(Shape.DISK, 5, 1), "dilate disk 5"), //
			p.theirs("ImageJ Minimum r=2", () -> {
				fresh.run();
				new RankFilters().rank(ij, 2, RankFilters.MIN);
			}), //
			p.theirs("OpenCV erode ellipse 5", () -> Imgproc.erode(cvBin, p.cvDst, Imgproc.getStructuringElement(
				Imgproc.MORPH_ELLIPSE, new Size(5, 5))))));
		rows.add(new BenchRow("Close horizontal 31 (joins words; OpenCV: MORPH_OPEN 31×1)", //
			ours(p, fresh, work, MorphOp.CLOSE, new MorphParams(Shape.HORIZONTAL, 31, 1), "close h31"), //
			null, //
			p.theirs("OpenCV open 31x1", () -> Imgproc.morphologyEx(cvBin, p.cvDst, Imgproc.MORPH_OPEN, rect(31, 1)))));
		rows.add(new BenchRow("Dilate square 51 (size-independent cost)", //
			ours(p, fresh, work, MorphOp.DILATE, new MorphParams(Shape.SQUARE, 51, 1), "dilate 51x51"), //
			null, //
			p.theirs("OpenCV erode 51x51", () -> Imgproc.erode(cvBin, p.cvDst, rect(51, 51)))));

		// RGB -> 8-bit: ImageJ's converter allocates its output (it has no destination parameter)
		final ArrayImg<ARGBType, IntArray> rgbImg = ArrayImgs.argbs(rgb, p.w, p.h);
		final ColorProcessor cp = new ColorProcessor(p.w, p.h, rgb);
		final Mat cvRgb = new Mat(p.h, p.w, CvType.CV_8UC3);
		cvRgb.put(0, 0, bgr);
		rows.add(new BenchRow("Grayscale RGB → 8-bit, luminance (ImageJ: TypeConverter, weighted)", //
			p.ours("grayscale", () -> () -> Grayscale.convert(Channel.LUMINANCE, rgbImg, p.dstImg)), //
			p.theirs("ImageJ TypeConverter", () -> {
				final double[] keep = ColorProcessor.getWeightingFactors();
				ColorProcessor.setWeightingFactors(0.299, 0.587, 0.114);
				new TypeConverter(cp, false).convertToByte();
				ColorProcessor.setWeightingFactors(keep[0], keep[1], keep[2]);
			}), //
			p.theirs("OpenCV cvtColor BGR2GRAY", () -> Imgproc.cvtColor(cvRgb, p.cvDst, Imgproc.COLOR_BGR2GRAY))));
	}

	private static Bench.Timing ours(final BenchPage p, final Runnable fresh, final byte[] work, final MorphOp op,
		final MorphParams params, final String name)
	{
		return p.ours(name, () -> () -> {
			fresh.run();
			Morphology.apply(op, params, work, p.dst, p.w, p.h);
		});
	}

	private static Mat rect(final int w, final int h) {
		return Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(w, h));
	}

	private static void makePages(final BenchPage p) {
		bin = new byte[p.src.length];
		Binarize.binarize(BinarizeParams.of(BinarizeMethod.OTSU), p.srcImg, ArrayImgs.unsignedBytes(bin, p.w, p.h));
		// a tinted page: yellowish paper, the ink as it is
		rgb = new int[p.src.length];
		bgr = new byte[3 * p.src.length];
		for (int i = 0; i < rgb.length; i++) {
			final int v = p.src[i] & 0xff, r = v, g = Math.max(0, v - 6), b = Math.max(0, v - 30);
			rgb[i] = (r << 16) | (g << 8) | b;
			bgr[3 * i] = (byte) b;
			bgr[3 * i + 1] = (byte) g;
			bgr[3 * i + 2] = (byte) r;
		}
	}
}
