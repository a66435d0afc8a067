/**
 * Binary morphology and connected components for document pages (ink 0, paper 255), on ImgLib2 only.
 * <p>
 * {@link org.ijocr.core.morph.Morphology} dilates, erodes, opens and closes the ink (the dark foreground: dilating
 * makes text bolder) with a square, disk, horizontal or vertical element ({@link org.ijocr.core.morph.Shape},
 * {@link org.ijocr.core.morph.MorphParams}); outside the image counts as neither ink nor paper. Binary pages run on
 * packed bits (64 pixels a word), grey 8-bit pages as minimum/maximum filters with the logarithmic decomposition of
 * line segments, other types directly. {@link org.ijocr.core.morph.ConnectedComponents} labels one grey value with
 * 4- or 8-connectivity by the two-pass union-find algorithm and gathers areas and bounding boxes.
 * {@link org.ijocr.core.morph.Despeckle} removes isolated ink specks and fills pinholes with limits derived from the
 * page's stroke width and text height, keeping punctuation that sits beside text.
 */
package org.ijocr.core.morph;
