package org.ijocr.bench;

import java.util.function.Supplier;

import ij.process.ByteProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The page every row of {@link FilterBenchmark} works on, with buffers made once for all three libraries: the
 * grey source {@code src}, a scratch copy {@code work} (ImageJ's in-place filters get a fresh copy first), a
 * destination {@code dst}, their ImgLib2 / ImageJ / OpenCV views, the thread count of this pass and the time
 * budget per measurement.
 */
public final class BenchPage {

	public final int w, h, threads;
	public final double budget;
	public final byte[] src, work, dst;
	public final ArrayImg<UnsignedByteType, ByteArray> srcImg, dstImg;
	public final ByteProcessor ijWork;
	public final Mat cvSrc, cvDst;

	BenchPage(final byte[] src, final int w, final int h, final int threads, final double budget) {
		this.w = w;
		this.h = h;
		this.threads = threads;
		this.budget = budget;
		this.src = src;
		this.work = new byte[src.length];
		this.dst = new byte[src.length];
		this.srcImg = ArrayImgs.unsignedBytes(src, w, h);
		this.dstImg = ArrayImgs.unsignedBytes(dst, w, h);
		this.ijWork = new ByteProcessor(w, h, work);
		this.cvSrc = new Mat(h, w, CvType.CV_8UC1);
		this.cvDst = new Mat(h, w, CvType.CV_8UC1);
		cvSrc.put(0, 0, src);
	}

	/** Copies the page into {@link #work} (and so into {@link #ijWork}). */
	public void fresh() {
		System.arraycopy(src, 0, work, 0, src.length);
	}

	/** Times an IJ-OCR operation with ImgLib2's {@code Parallelization} set to this pass's thread count. */
	public Bench.Timing ours(final String name, final Supplier<Runnable> op) {
		final Bench.Timing[] t = new Bench.Timing[1];
		final Runnable run = () -> t[0] = Bench.measureBudget("IJ-OCR " + name, budget, op.get());
		if (threads == 1) Parallelization.runSingleThreaded(run);
		else Parallelization.runWithNumThreads(threads, run); // ImgLib2's default pool may hold fewer
		return t[0];
	}

	/** Times an ImageJ or OpenCV operation (their thread settings are made by {@link FilterBenchmark}). */
	public Bench.Timing theirs(final String name, final Runnable op) {
		return Bench.measureBudget(name, budget, op);
	}
}
