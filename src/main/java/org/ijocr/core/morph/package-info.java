/**
 * Binary morphology and connected components for document pages (ink 0, paper 255), on ImgLib2 only.
 * <p>
 * {@link org.ijocr.core.morph.ConnectedComponents} labels one grey value with 4- or 8-connectivity by the two-pass
 * union-find algorithm and gathers areas and bounding boxes. {@link org.ijocr.core.morph.Despeckle} removes isolated
 * ink specks and fills pinholes with limits derived from the page's stroke width and text height, keeping
 * punctuation that sits beside text.
 */
package org.ijocr.core.morph;
