package org.ijocr.ocr;

import java.nio.ByteBuffer;

import com.sun.jna.Pointer;

import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI1;

/**
 * The reference for the benchmark: a bare Tesseract call through Tess4J's C API on one handle — set the image and
 * its resolution, recognise in mode 3 (automatic layout), get the text — with nothing of the suite around it.
 */
public final class BareTesseract implements AutoCloseable {

	private final TessBaseAPI api;
	private final ByteBuffer buffer;

	/** A handle with the bundled English model, for pages of {@code w}×{@code h} bytes. */
	public BareTesseract(final int w, final int h) {
		Natives.load();
		api = TessAPI1.TessBaseAPICreate();
		if (TessAPI1.TessBaseAPIInit2(api, Models.bundled().toString() + java.io.File.separator, "eng", 3) != 0)
			throw new IllegalStateException("cannot load eng");
		TessAPI1.TessBaseAPISetPageSegMode(api, 3);
		buffer = ByteBuffer.allocateDirect(w * h);
	}

	/** Recognises the page; returns its text. */
	public String recognize(final byte[] grey, final int w, final int h, final int dpi) {
		buffer.clear();
		buffer.put(grey, 0, w * h).flip();
		TessAPI1.TessBaseAPISetImage(api, buffer, w, h, 1, w);
		TessAPI1.TessBaseAPISetSourceResolution(api, dpi);
		TessAPI1.TessBaseAPIRecognize(api, null);
		final Pointer p = TessAPI1.TessBaseAPIGetUTF8Text(api);
		final String s = p.getString(0, "UTF-8");
		TessAPI1.TessDeleteText(p);
		TessAPI1.TessBaseAPIClear(api);
		return s;
	}

	@Override
	public void close() {
		TessAPI1.TessBaseAPIEnd(api);
		TessAPI1.TessBaseAPIDelete(api);
	}
}
