/**
 * Quality measures for binarization results against ground truth: the DIBCO / H-DIBCO contest measures F-measure,
 * pseudo F-measure, PSNR and DRD ({@link org.ijocr.core.metrics.DibcoMetrics}). Text pixels are the positive class.
 * The implementation reproduces the reference values of the DIBCO evaluation tool and of Doxa on their published
 * fixtures (see {@code shared/data/README.md} and the tests).
 * <p>
 * Text recognition accuracy: character error rate and order-free word error ({@link org.ijocr.core.metrics.TextMetrics}).
 */
package org.ijocr.core.metrics;
