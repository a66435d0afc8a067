/**
 * Binarization of grey document pages into ink (0) and paper (255), on ImgLib2 only.
 * <p>
 * {@link org.ijocr.core.threshold.Binarize} is the entry point: {@code Binarize.binarize(params, src, dst)} with
 * {@link org.ijocr.core.threshold.BinarizeParams} (a {@link org.ijocr.core.threshold.BinarizeMethod} and an optional
 * manual threshold 1..255, 0 = use the method). One convention holds everywhere: with a global threshold {@code t}, a
 * pixel of grey level {@code ≤ t} is ink and a lighter one paper. Global methods are plain functions from a
 * 256-bin histogram to a threshold ({@link org.ijocr.core.threshold.GlobalThresholds}, each citing its paper);
 * {@link org.ijocr.core.threshold.Histogram} computes histograms and maps any real-valued image to 8-bit levels.
 * The default method, {@code Auto}, is the local, document-grade {@link org.ijocr.core.threshold.DocumentBinarizer}
 * (stroke edges from local contrast, after Su, Lu &amp; Tan; pixels away from stroke edges judged by their depth below
 * an estimated background surface, after Gatos, Pratikakis &amp; Perantonis and Lu, Su &amp; Tan), measured with
 * {@link org.ijocr.core.metrics.DibcoMetrics} on the DIBCO 2009–2014 pages. Pages without ink stay blank.
 * <p>
 * The classic local thresholds — Sauvola, Wolf, Niblack, Bernsen, Phansalkar, Gaussian adaptive and Mean — are in
 * {@link org.ijocr.core.threshold.LocalThresholds}: square windows of (2·radius + 1)² pixels clipped to the image,
 * statistics from running sums (cost independent of the radius), and parameters
 * ({@link org.ijocr.core.threshold.LocalParam}: radius, k, r, offset, contrast) that default to each paper's
 * published values when not set ({@code NaN}) and take any other value, 0 included, as given.
 * <p>
 * Work is split into row bands on ImgLib2's current {@link net.imglib2.parallel.TaskExecutor}: wrap a call in
 * {@code Parallelization.runSingleThreaded(...)} or {@code runWithNumThreads(...)} to control threading.
 */
package org.ijocr.core.threshold;
