/**
 * Neighbourhood filters for grey document pages, on ImgLib2 only.
 * <p>
 * {@link org.ijocr.core.filter.Median} is the suite's median: ImageJ's circular kernel and nearest-edge border,
 * pixel-identical to ImageJ 1's {@code Process>Filters>Median} on 8-bit images, with a column-sort network for
 * 3&times;3 and Huang's sliding histogram for larger kernels on {@code ArrayImg<UnsignedByteType, ByteArray>} and an
 * exact selection path for any other {@code RealType}. {@link org.ijocr.core.filter.ImpulseNoise} is a switching
 * median for salt-and-pepper noise that leaves clean text untouched and estimates the noise density; it is the first
 * step of "OCR Denoise" (then binarization, then {@link org.ijocr.core.morph.Despeckle}). {@link
 * org.ijocr.core.filter.Gauss} is a separable Gaussian blur with mirrored borders (fixed point on 8-bit images), used
 * by the Gaussian adaptive threshold.
 * <p>
 * Work is split into row chunks on ImgLib2's current {@link net.imglib2.parallel.TaskExecutor}: wrap a call in
 * {@code Parallelization.runSingleThreaded(...)} or {@code runWithNumThreads(...)} to control threading.
 */
package org.ijocr.core.filter;
