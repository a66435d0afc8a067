/**
 * Tone corrections of grey document pages, on ImgLib2 only: contrast, illumination and grey-level layers.
 * <p>
 * {@link org.ijocr.core.tone.Contrast} stretches the contrast globally (ImageJ's Enhance Contrast with normalize,
 * pixel-identical on 8-bit) or locally by CLAHE (Zuiderveld 1994, Fiji's defaults);
 * {@link org.ijocr.core.tone.Background} flattens uneven illumination by dividing the page by a text-robust estimate of
 * its paper (cell maxima, a grey closing, then means of the paper pixels), keeping the page grey;
 * {@link org.ijocr.core.tone.IntensityRange} keeps one band of grey levels (given, or found as the darkest significant
 * layer of ink in the histogram) and turns the rest into paper. Choices are enums with stable user-facing labels
 * ({@link org.ijocr.core.tone.ContrastMethod}, {@link org.ijocr.core.tone.RangeFill}); parameters are validating
 * records ({@link org.ijocr.core.tone.ContrastParams}, {@link org.ijocr.core.tone.FlattenParams},
 * {@link org.ijocr.core.tone.IntensityRange.Params}).
 * <p>
 * 8-bit {@code ArrayImg}s take fast paths on their {@code byte[]}; work is split into row bands on ImgLib2's current
 * {@link net.imglib2.parallel.TaskExecutor}: wrap a call in {@code Parallelization.runSingleThreaded(...)} or
 * {@code runWithNumThreads(...)} to control threading.
 */
package org.ijocr.core.tone;
