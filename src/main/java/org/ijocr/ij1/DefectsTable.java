package org.ijocr.ij1;

import java.util.List;
import java.util.Set;
import java.util.Locale;

import ij.measure.ResultsTable;

import org.ijocr.core.defect.DefectArea;

/**
 * The {@code Defects} table: one row per area found, with the columns {@link #COLUMNS} — {@code Type} (the
 * {@link org.ijocr.core.defect.DefectType} code, e.g. {@code SALT_PEPPER_NOISE}), {@code X}, {@code Y},
 * {@code Width}, {@code Height} (the box in image pixels), {@code Score} (severity 0–1), {@code Slice} (1-based)
 * and {@code Mitigation} (the suite's commands that address the area). A table without rows still has the columns.
 */
public final class DefectsTable {

	/** The title the table is shown under. */
	public static final String TITLE = "Defects";

	/** The columns, in order. */
	public static final List<String> COLUMNS = List.of("Type", "X", "Y", "Width", "Height", "Score", "Slice",
		"Mitigation");

	private DefectsTable() {}

	/** The table of these areas, in their order. */
	public static ResultsTable of(final List<Defects.Found> found) {
		final ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		for (final String c : COLUMNS)
			rt.getFreeColumn(c); // the columns exist even without rows
		for (final Defects.Found f : found) {
			final DefectArea a = f.area();
			rt.incrementCounter();
			rt.addValue("Type", a.type().name());
			rt.addValue("X", a.x());
			rt.addValue("Y", a.y());
			rt.addValue("Width", a.width());
			rt.addValue("Height", a.height());
			rt.addValue("Score", a.score());
			rt.addValue("Slice", f.slice());
			rt.addValue("Mitigation", f.mitigation());
		}
		rt.setDecimalPlaces(rt.getColumnIndex("Score"), 3);
		return rt;
	}

	/**
	 * The table as CSV text (RFC 4180: comma-separated, text with commas, quotes or line breaks in double quotes):
	 * a header line of {@link #COLUMNS}, then one line per row; whole numbers without decimals, scores with four.
	 */
	public static String csv(final ResultsTable rt) {
		return Csv.of(rt, COLUMNS, Set.of("Score"));
	}
}
