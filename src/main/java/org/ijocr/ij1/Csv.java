package org.ijocr.ij1;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import ij.measure.ResultsTable;

/**
 * Tables as CSV text (RFC 4180: comma-separated, text with commas, quotes or line breaks in double quotes): a header
 * line of the columns, then one line per row; text cells as they are, whole numbers without decimals, other numbers
 * with four.
 */
public final class Csv {

	private Csv() {}

	/**
	 * The table's {@code columns}, in that order.
	 *
	 * @param fourDecimals numeric columns always written with four decimals (e.g. scores)
	 */
	public static String of(final ResultsTable rt, final List<String> columns, final Set<String> fourDecimals) {
		final StringBuilder sb = new StringBuilder();
		for (int c = 0; c < columns.size(); c++)
			sb.append(c > 0 ? "," : "").append(quote(columns.get(c)));
		sb.append('\n');
		for (int row = 0; row < rt.size(); row++) {
			for (int c = 0; c < columns.size(); c++) {
				final String col = columns.get(c);
				if (c > 0) sb.append(',');
				final double v = rt.getValue(col, row);
				if (Double.isNaN(v)) {
					final String s = rt.getStringValue(col, row);
					sb.append(s == null || s.equals("NaN") ? "" : quote(s));
				}
				else if (fourDecimals.contains(col) || v != Math.rint(v) || Math.abs(v) >= 1e15) sb.append(String
					.format(Locale.ROOT, "%.4f", v));
				else sb.append((long) v);
			}
			sb.append('\n');
		}
		return sb.toString();
	}

	/** A CSV field: as it is, or in double quotes (quotes doubled) when it holds a comma, quote or line break. */
	public static String quote(final String s) {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
		return '"' + s.replace("\"", "\"\"") + '"';
	}
}
