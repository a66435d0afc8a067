package org.ijocr.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A line on stderr as each page of a multi-page file is done ({@code   book.tif: page 3 of 60 (2.41 s)}), so that a
 * long book shows its progress; nothing for a single page (its file's own line says it).
 */
final class Progress {

	private final PrintStream err;
	private final Path file;
	private final int pages;
	private long last = System.nanoTime();

	Progress(final PrintStream err, final Path file, final int pages) {
		this.err = err;
		this.file = file;
		this.pages = pages;
	}

	/** Page {@code page} (1-based) is done. */
	void page(final int page) {
		if (pages < 2 || Batch.stopping()) return; // a page finished while the run stops: its file is removed
		final long now = System.nanoTime();
		err.printf(Locale.ROOT, "  %s: page %d of %d (%.2f s)%n", file.getFileName(), page, pages, (now - last) / 1e9);
		last = now;
	}
}
