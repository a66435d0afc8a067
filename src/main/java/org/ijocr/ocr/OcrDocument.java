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
 * as the table. Pages are added in the order of the calls, or, when several threads read the pages of one document,
 * in the order of their numbers: {@link #page(int)} gives the view through which page {@code i} is added, which waits
 * until every page before it was added. {@link #close()} finishes the files.
 */
public final class OcrDocument implements AutoCloseable {

	private final TessResultRenderer first;
	private final List<TessResultRenderer> all = new ArrayList<>();
	private final Set<OcrFormat> formats;
	private final Path base;
	private boolean failed, closed;
	/** The pages added so far; page {@code added} is the next one's turn. */
	private int added;
	/** Why the pages waiting for their turn will not be added (a page before them failed), or {@code null}. */
	private String aborted;
	/** The document this is a page of ({@link #page(int)}), or {@code null} for the document itself. */
	private final OcrDocument whole;
	/** The page this view adds (0-based), or {@code -1} for the document itself. */
	private final int index;

	/**
	 * Starts the files {@code base.<ext>} for {@code formats}.
	 *
	 * @param title the document title written into hOCR/ALTO/PDF metadata
	 * @param tessdata the model folder; {@code pdf.ttf} is taken from it, else from the bundled models
	 */
	public OcrDocument(final Path base, final Set<OcrFormat> formats, final String title, final Path tessdata) {
		Natives.load();
		whole = null;
		index = -1;
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

	private OcrDocument(final OcrDocument whole, final int index) {
		this.whole = whole;
		this.index = index;
		first = null;
		formats = whole.formats;
		base = whole.base;
	}

	/**
	 * The view through which page {@code index} (0-based, counted over every page added to this document) is added,
	 * from any thread: its {@link OcrEngine#recognize} waits, holding its recognition, until the pages before it were
	 * added (an {@link IllegalStateException} when {@link #abort} is called meanwhile). Every page number must be added
	 * once, or the document aborted, or the pages after it wait for ever.
	 */
	public OcrDocument page(final int index) {
		if (whole != null) throw new IllegalStateException("a page of a page");
		if (index < 0) throw new IllegalArgumentException("page " + index);
		return new OcrDocument(this, index);
	}

	/** The number of pages added so far. */
	public int added() {
		final OcrDocument d = whole == null ? this : whole;
		synchronized (d) {
			return d.added;
		}
	}

	/**
	 * No further page will be added: the pages waiting for their turn ({@link #page(int)}) stop waiting and fail with
	 * {@code why}. For when a page before them failed.
	 */
	public void abort(final String why) {
		final OcrDocument d = whole == null ? this : whole;
		synchronized (d) {
			if (d.aborted == null) d.aborted = why;
			d.notifyAll();
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

	/**
	 * Adds the page just recognised by {@code api}: the next page, or, through a view of {@link #page(int)}, that
	 * page once its turn has come.
	 */
	void add(final TessBaseAPI api) {
		if (whole == null) {
			synchronized (this) {
				addNow(api);
			}
			return;
		}
		synchronized (whole) {
			while (whole.added != index) {
				if (whole.aborted != null) throw new IllegalStateException("OCR: page " + (index + 1) + " of " + base
					+ ".* is not written: " + whole.aborted);
				if (whole.added > index) throw new IllegalStateException("page " + (index + 1) + " added twice");
				try {
					whole.wait();
				}
				catch (final InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("OCR: stopped while page " + (index + 1) + " waited for its turn");
				}
			}
			whole.addNow(api);
			whole.notifyAll();
		}
	}

	/** Adds the page to the renderers (under this document's lock). */
	private void addNow(final TessBaseAPI api) {
		if (closed) throw new IllegalStateException("OCR: " + base + ".* is already finished");
		if (failed) throw new IllegalStateException("OCR: " + base + ".* could not be written");
		final PointerByReference handle = new PointerByReference();
		handle.setPointer(api.getPointer()); // the C API takes the TessBaseAPI* itself
		if (TessAPI1.TessResultRendererAddImage(first, handle) == 0) {
			failed = true;
			aborted = "an earlier page could not be added";
			notifyAll();
			throw new IllegalStateException("OCR: cannot add the page to " + base + ".* (disk full or not writable?)");
		}
		added++;
	}

	/** Finishes and closes the files. */
	@Override
	public synchronized void close() {
		if (whole != null) throw new IllegalStateException("a page view is closed with its document");
		if (closed) return;
		closed = true;
		if (aborted == null) aborted = "the files were already finished";
		notifyAll(); // a page still waiting for its turn fails instead of waiting for ever
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
