package org.ijocr.ij1;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses an ImageJ 1 macro options string such as {@code "radius=2 method=[Gaussian adaptive] white"} the way
 * ImageJ's {@code Macro.getValue} reads it: {@code key=value} pairs separated by spaces, values containing spaces
 * in square brackets, and bare words for checked boxes. Keys are case-insensitive.
 */
public final class MacroOptions {

	private final Map<String, String> values;

	private MacroOptions(final Map<String, String> values) {
		this.values = values;
	}

	/** Parses {@code options} ({@code null} or blank gives no options). */
	public static MacroOptions parse(final String options) {
		final Map<String, String> map = new LinkedHashMap<>();
		if (options == null) return new MacroOptions(map);
		final String s = options;
		int i = 0;
		final int n = s.length();
		while (i < n) {
			while (i < n && Character.isWhitespace(s.charAt(i)))
				i++;
			if (i >= n) break;
			final int keyStart = i;
			while (i < n && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i)))
				i++;
			final String key = s.substring(keyStart, i).toLowerCase(Locale.ROOT);
			if (i < n && s.charAt(i) == '=') {
				i++;
				String value;
				if (i < n && s.charAt(i) == '[') {
					final int close = s.indexOf(']', i + 1);
					if (close < 0) throw new IllegalArgumentException("unclosed '[' in the value of '" + key + "'");
					value = s.substring(i + 1, close);
					i = close + 1;
				}
				else {
					final int start = i;
					while (i < n && !Character.isWhitespace(s.charAt(i)))
						i++;
					value = s.substring(start, i);
				}
				map.put(key, value);
			}
			else if (!key.isEmpty()) {
				map.put(key, null); // a bare word: a checked box
			}
		}
		return new MacroOptions(map);
	}

	/** Whether {@code key} appears, as {@code key=value} or as a bare word. */
	public boolean has(final String key) {
		return values.containsKey(key.toLowerCase(Locale.ROOT));
	}

	/** The value of {@code key=value}; {@code null} when absent or given as a bare word. */
	public String value(final String key) {
		return values.get(key.toLowerCase(Locale.ROOT));
	}

	/** The keys in the order they appear. */
	public java.util.Set<String> keys() {
		return Collections.unmodifiableSet(values.keySet());
	}

	/** One option in the recorder's form: {@code key=value}, brackets around values with spaces or empty. */
	public static String format(final String key, final String value) {
		if (value == null) return key;
		final boolean bracket = value.isEmpty() || value.chars().anyMatch(Character::isWhitespace);
		return key + "=" + (bracket ? "[" + value + "]" : value);
	}
}
