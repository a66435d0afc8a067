package org.ijocr.core.threshold;

/** Row bands of this package's local methods: at least this many rows per task ({@link org.ijocr.core.Tasks}). */
final class Bands {

	/** Minimum rows per band. */
	static final int MIN_ROWS = 64;

	private Bands() {}
}
