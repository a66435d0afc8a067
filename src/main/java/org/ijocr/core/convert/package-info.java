/**
 * Conversions of a page's values before the document filters: {@link org.ijocr.core.convert.Grayscale} turns colour
 * (by luminance or a chosen {@link org.ijocr.core.convert.Channel}, e.g. the red channel to drop red stamps) and
 * 16/32-bit data (through a value range) into 8-bit grey; {@link org.ijocr.core.convert.AutoInvert} finds light text
 * on a dark background, for the whole page or for areas of it ({@link org.ijocr.core.convert.InvertScope}), so that
 * it can be inverted to dark on light.
 */
package org.ijocr.core.convert;
