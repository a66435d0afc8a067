/**
 * Tesseract OCR through Tess4J, kept native to ImageJ. The one package of the suite that touches Tess4J
 * ({@code net.sourceforge.tess4j}) and JavaCPP ({@code org.bytedeco}):
 * <ul>
 * <li>{@link org.ijocr.ocr.Natives}: Tesseract 5.5.2 and Leptonica 1.87 from the {@code org.bytedeco} artifacts on
 * Maven Central (Linux x86-64, macOS x86-64 and arm64, Windows x86-64), found by Tess4J's JNA binding through
 * {@code jna.library.path}; nothing for the user to install;</li>
 * <li>{@link org.ijocr.ocr.Models}: the model folder (option {@code tessdata}, else {@code TESSDATA_PREFIX}, else the
 * English and OSD models bundled in Tess4J's jar) and clear messages for missing languages;</li>
 * <li>{@link org.ijocr.ocr.OcrEngine}: one Tesseract handle per thread and model, one recognition per page giving the
 * text, the {@link org.ijocr.ocr.OcrItem items} of a {@link org.ijocr.ocr.OcrLevel level} and — through
 * {@link org.ijocr.ocr.OcrDocument} — Tesseract's own text, TSV, hOCR, ALTO and searchable-PDF renderers;</li>
 * <li>{@link org.ijocr.ocr.PageSegMode}: Tesseract's page segmentation modes by name; {@code Auto} adds an
 * orientation step (pages turned by quarter turns are read upright).</li>
 * </ul>
 * Tess4J's {@code Tesseract} class is not used: it loads the model and recognises the page again for every result
 * asked of it. The ImageJ side (tables, overlays, the image's text property) is {@link org.ijocr.ij1.OcrImages} and
 * {@code command.RecognizeCommand}.
 */
package org.ijocr.ocr;
