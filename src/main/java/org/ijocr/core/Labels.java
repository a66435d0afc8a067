package org.ijocr.core;

import java.util.function.Function;

/**
 * The user-facing labels of the suite's choice enums (the macro values): listing them in order and finding a
 * constant by its label, with an error that names the choices.
 */
public final class Labels {

	private Labels() {}

	/** The labels of {@code values}, in order. */
	public static <E> String[] of(final E[] values, final Function<E, String> label) {
		final String[] s = new String[values.length];
		for (int i = 0; i < values.length; i++)
			s[i] = label.apply(values[i]);
		return s;
	}

	/**
	 * The constant whose label equals {@code label} (case-insensitive).
	 *
	 * @param what what the constants are, for the message ("shape", "channel", ...)
	 * @throws IllegalArgumentException naming the choices when none matches
	 */
	public static <E> E find(final E[] values, final Function<E, String> label, final String what,
		final String wanted)
	{
		for (final E e : values)
			if (label.apply(e).equalsIgnoreCase(wanted)) return e;
		throw new IllegalArgumentException("unknown " + what + " '" + wanted + "'; choose one of " + String.join(", ",
			of(values, label)));
	}
}
