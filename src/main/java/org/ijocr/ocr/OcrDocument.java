package org.ijocr.ocr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import com.sun.jna.ptr.PointerByReference;

import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessResultRenderer;
import net.sourceforge.tess4j.TessAPI1;

/**
 * The export files of one image (all its pages), written by Tesseract's own renderers — {@code TessTextRenderer},
 * {@code TessTsvRenderer}, {@code TessHOcrRenderer}, {@code TessAltoRenderer} and {@code TessPDFRenderer} (page image
 * plus invisible text, glyphs from {@code pdf.ttf}) — to {@code <base>.<extension>} ({@link OcrFormat#extension()}).
 * {@link OcrEngine#recognize} adds each page right after recognising it, so the files come from the same recognition
 * as the table. Pages must be added from one thread, in order; {@link #close()} finishes the files.
 */
public final class OcrDocument implements AutoCloseable {

	private final TessResultRenderer first;
	private final List<TessResultRenderer> all = new ArrayList<>();
	private final Set<OcrFormat> formats;
	private final Path base;
	private boolean failed, closed;

	/**
	 * Starts the files {@code base.<ext>} for {@code formats}.
	 *
	 * @param title the document title written into hOCR/ALTO/PDF metadata
	 * @param tessdata the model folder; {@code pdf.ttf} is taken from it, else from the bundled models
	 */
	public OcrDocument(final Path base, final Set<OcrFormat> formats, final String title, final Path tessdata) {
		Natives.load();
		this.base = base;
		this.formats = Collections.unmodifiableSet(formats);
		final String out = base.toAbsolutePath().toString();
		TessResultRenderer head = null;
		for (final OcrFormat f : formats) {
			final TessResultRenderer r = switch (f) {
				case TXT -> TessAPI1.TessTextRendererCreate(out);
				case TSV -> TessAPI1.TessTsvRendererCreate(out);
				case HOCR -> TessAPI1.TessHOcrRendererCreate(out);
				case ALTO -> TessAPI1.TessAltoRendererCreate(out);
				case PDF -> TessAPI1.TessPDFRendererCreate(out, fontFolder(tessdata), 0);
			};
			if (r == null) throw new IllegalStateException("OCR: Tesseract cannot create the " + f.key()
				+ " renderer for " + out);
			all.add(r);
			if (head == null) head = r;
			else TessAPI1.TessResultRendererInsert(head, r);
		}
		if (head == null) throw new IllegalArgumentException("no export format given");
		first = head;
		if (TessAPI1.TessResultRendererBeginDocument(first, title == null ? "" : title) == 0) {
			delete();
			throw new IllegalStateException("OCR: cannot write " + out + ".* (is the folder writable?)");
		}
	}

	/** The formats being written. */
	public Set<OcrFormat> formats() {
		return formats;
	}

	/** The file written for a format. */
	public Path file(final OcrFormat f) {
		return base.resolveSibling(base.getFileName() + "." + f.extension());
	}

	/** Adds the page just recognised by {@code api}. */
	void add(final TessBaseAPI api) {
		final PointerByReference handle = new PointerByReference();
		handle.setPointer(api.getPointer()); // the C API takes the TessBaseAPI* itself
		if (TessAPI1.TessResultRendererAddImage(first, handle) == 0) {
			failed = true;
			throw new IllegalStateException("OCR: cannot add the page to " + base + ".* (disk full or not writable?)");
		}
	}

	/** Finishes and closes the files. */
	@Override
	public void close() {
		if (closed) return;
		closed = true;
		try {
			if (!failed && TessAPI1.TessResultRendererEndDocument(first) == 0) throw new IllegalStateException(
				"OCR: cannot finish " + base + ".*");
		}
		finally {
			delete();
		}
	}

	private void delete() {
		// deleting the head deletes the renderers chained behind it (TessResultRenderer's destructor)
		if (!all.isEmpty()) TessAPI1.TessDeleteResultRenderer(all.get(0));
		all.clear();
	}

	private static String fontFolder(final Path tessdata) {
		final Path dir = tessdata != null && Files.isRegularFile(tessdata.resolve("pdf.ttf")) ? tessdata : Models
			.bundled();
		return dir.toAbsolutePath().toString();
	}
}
