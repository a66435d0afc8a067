package org.ijocr.bench;

/**
 * One row of the README's speed table: an operation timed in IJ-OCR and, where they have a counterpart, in
 * ImageJ 1 and OpenCV ({@code null} where there is none).
 */
public record BenchRow(String op, Bench.Timing ours, Bench.Timing imagej, Bench.Timing opencv) {}
