package org.ijocr.core.prepare;

/**
 * One line of the {@code Prepare Log}: what {@link AutoPrepare} did, where, with which parameters and how long it took.
 *
 * @param step what was done, e.g. {@code "Remove noise"}, {@code "Deskew"}
 * @param x left edge of the area it was done in (the whole page: 0)
 * @param y top edge
 * @param width width of the area
 * @param height height of the area
 * @param parameters the settings used, as {@code key=value} pairs
 * @param millis wall time in milliseconds
 */
public record PrepareStep(String step, int x, int y, int width, int height, String parameters, double millis) {}
