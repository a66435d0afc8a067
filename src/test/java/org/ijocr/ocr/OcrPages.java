package org.ijocr.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;

import org.ijocr.ij1.OcrImages;
import org.ijocr.testutil.SharedData;

/** The shared Tesseract test pages as grey bytes, and their transcripts. */
final class OcrPages {

	/** A grey page. */
	record Grey(byte[] pixels, int width, int height) {}

	private OcrPages() {}

	static Grey grey(final Path file) {
		final ImagePlus imp = IJ.openImage(file.toString());
		if (imp == null) throw new IllegalStateException("cannot open " + file);
		return new Grey(OcrImages.grey(imp, 1), imp.getWidth(), imp.getHeight());
	}

	static Grey tesseract(final String name) {
		return grey(SharedData.path("tesseract", name));
	}

	static String truth(final String name) throws IOException {
		return Files.readString(SharedData.path("tesseract", name), StandardCharsets.UTF_8);
	}

	static OcrPage read(final OcrParams p, final Grey g) {
		return OcrEngine.recognize(p, g.pixels(), g.width(), g.height(), null, null);
	}
}
