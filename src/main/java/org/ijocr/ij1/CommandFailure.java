package org.ijocr.ij1;

/** A command could not run: bad options, no image, or an error inside. The message is for the user. */
public class CommandFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CommandFailure(final String message) {
		super(message);
	}

	public CommandFailure(final String message, final Throwable cause) {
		super(message, cause);
	}
}
