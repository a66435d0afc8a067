package org.ijocr.ocr;

import java.util.List;

/**
 * What one recognition of one page (image or slice) produced: the full text as Tesseract lays it out
 * ({@code GetUTF8Text}), the items of the chosen level in reading order (those below the minimum confidence left
 * out), the mean word confidence, and the page orientation found (0, 90, 180 or 270: the clockwise quarter turns
 * applied to make the page upright before recognition; 0 when orientation detection was off or unsure).
 */
public record OcrPage(String text, List<OcrItem> items, int meanConfidence, int orientation) {}
