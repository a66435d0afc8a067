/**
 * Page geometry for OCR on ImgLib2 only: skew measurement, rotation and resizing.
 * <p>
 * {@link org.ijocr.core.geometry.Skew} measures the angle of a page's text lines from the top and bottom edges of its
 * letter-sized ink components (Baird's fiducial points, scored with Postl's squared profile differences for the
 * coarse search and Baird's energy for the fine one), within &plusmn;{@code maxAngle} and modulo 90&deg;, with a
 * confidence; pages without text lines get 0. {@link org.ijocr.core.geometry.Rotate} turns an image about its centre
 * with nearest, bilinear or Keys bicubic interpolation ({@link org.ijocr.core.geometry.Interpolation}) and a
 * caller-given fill value (e.g. {@link org.ijocr.core.geometry.Paper#level}). {@link org.ijocr.core.geometry.Scale}
 * resizes separably (area averaging when shrinking, the interpolation kernel when enlarging) and estimates the height
 * of capital letters to enlarge small text for OCR. Angles are in degrees, positive = clockwise on screen, as in
 * ImageJ. 8-bit {@code ArrayImg}s take integer fast paths; rows run in chunks on ImgLib2's {@code Parallelization}
 * task executor.
 */
package org.ijocr.core.geometry;
