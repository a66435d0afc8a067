package org.ijocr.ocr;

/**
 * One recognised word, line, paragraph or block: its text, Tesseract's confidence (0–100), its bounding box in the
 * image's pixel coordinates, its level and its position in the page's layout — {@code block} counts from 1 over the
 * page, {@code paragraph} from 1 within the block and {@code line} from 1 within the paragraph (the numbering of
 * Tesseract's TSV output).
 */
public record OcrItem(String text, double confidence, int x, int y, int width, int height, OcrLevel level,
	int block, int paragraph, int line)
{}
