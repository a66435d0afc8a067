package org.ijocr.ij1;

/** The Java heap as ImageJ's commands see it: what is left of it, and what to tell a user who needs more. */
final class Heap {

	/** What a user short of memory can do in ImageJ and Fiji. */
	static final String MORE = "give ImageJ more memory (Edit>Options>Memory & Threads)";

	private Heap() {}

	/** The bytes the Java heap can still grow by: its maximum less what is in use now (garbage included). */
	static long free() {
		final Runtime rt = Runtime.getRuntime();
		return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
	}
}
