package org.ijocr.core.tone;

import java.util.function.Function;

/** The label helpers shared by this package's choice enums (user-facing names that are also macro values). */
final class Labels {

	private Labels() {}

	/** The labels of {@code values}, in order. */
	static <E> String[] of(final E[] values, final Function<E, String> label) {
		final String[] s = new String[values.length];
		for (int i = 0; i < values.length; i++)
			s[i] = label.apply(values[i]);
		return s;
	}

	/**
	 * The value whose label equals {@code label} ignoring case; an {@link IllegalArgumentException} naming
	 * {@code what} and the choices if there is none.
	 */
	static <E> E find(final E[] values, final Function<E, String> label, final String what, final String wanted) {
		for (final E v : values)
			if (label.apply(v).equalsIgnoreCase(wanted)) return v;
		throw new IllegalArgumentException("unknown " + what + " '" + wanted + "'; choose one of " + String.join(", ",
			of(values, label)));
	}
}
