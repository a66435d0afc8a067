package org.ijocr.bench;

import java.util.List;
import java.util.Locale;

import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.DefectType;
import org.ijocr.testutil.DefectScores;
import org.ijocr.testutil.DefectSets;
import org.ijocr.testutil.DegradedPages;
import org.ijocr.testutil.DegradedPages.Defect;

/**
 * The defect detectors' accuracy table: per defect and strength, and per type over the strengths that hurt OCR,
 * precision / recall / F1 of the detector of that type ({@link DefectScores}; all four detectors run on every page,
 * so false areas of one type on another type's pages count), and the false areas on clean pages.
 *
 * <pre>mvn -B -o -q -Pbench test-compile exec:exec -Dbench.main=org.ijocr.bench.DefectEvaluation -Dbench.args="PAGES [a5]"</pre>
 * PAGES = pages per defect and strength (default 8; half whole-page, half a rectangle, except shadow and glare);
 * {@code a5} renders A5 pages instead of A4 (quicker).
 */
public final class DefectEvaluation {

	private DefectEvaluation() {}

	public static void main(final String[] args) {
		final String[] a = String.join(" ", args).trim().isEmpty() ? new String[0] : String.join(" ", args).trim()
			.split("\\s+");
		final int per = a.length > 0 ? Integer.parseInt(a[0]) : 8;
		final boolean small = a.length > 1 && a[1].equalsIgnoreCase("a5");
		final String only = a.length > 2 ? a[2] : null;
		final DefectScores hurting = new DefectScores();
		System.out.printf(Locale.ROOT, "%d %s pages per defect and strength (dpi 150/200/300/400, 1-2 columns, "
			+ "no figure / photo / halftone)%n", per, small ? "A5" : "A4");
		System.out.printf(Locale.ROOT, "%-14s %8s %5s | %-22s %6s %6s %6s | %s%n", "defect", "strength", "hurts",
			"type", "P", "R", "F1", "false areas of other types (pages)");
		for (final Defect d : Defect.values()) {
			if (only != null && !d.name().toLowerCase(Locale.ROOT).contains(only)) continue;
			for (final double s : DefectSets.strengths(d)) {
				final DefectScores one = new DefectScores();
				// the clean row: generated pages and Java2D pages without scanner blur as the shipped samples
				final List<DegradedPages.Page> clean = d == Defect.NONE ? DefectSets.cleanPages(per, small, 1000L * d
					.ordinal()) : null;
				for (int i = 0; i < (clean == null ? per : clean.size()); i++) {
					final boolean whole = i % 2 == 1 && d != Defect.SHADOW && d != Defect.GLARE;
					final DegradedPages.Page page = clean != null ? clean.get(i) : DegradedPages.make(DefectSets.layout(i,
						small, 1000L * d.ordinal() + Math.round(s * 1000)), d, s, whole);
					final List<DefectArea> found = DefectSets.detectAll(page);
					final int w = page.layout().width(), h = page.layout().height();
					one.add(w, h, page.truths(), found);
					if (d == Defect.NONE || DefectSets.hurts(d, s)) hurting.add(w, h, page.truths(), found);
				}
				final DefectType t = d.type();
				final StringBuilder others = new StringBuilder();
				for (final DefectType o : DefectType.values())
					if (o != t && one.falseAreas(o) > 0) others.append(String.format(Locale.ROOT, "%s %d (%d) ", o.name(),
						one.falseAreas(o), one.falsePages(o)));
				System.out.printf(Locale.ROOT, "%-14s %8.3g %5s | %-22s %6s %6s %6s | %s%n", d, s, DefectSets.hurts(d,
					s) ? "yes" : "", t == null ? "-" : t.label(), t == null ? "" : fmt(one.precision(t)), t == null ? ""
						: fmt(one.recall(t)), t == null ? "" : fmt(one.f1(t)), others);
			}
		}
		System.out.println();
		System.out.println("Over the strengths that hurt OCR and the clean pages:");
		for (final DefectType t : DefectType.values())
			System.out.println("  " + hurting.line(t));
	}

	private static String fmt(final double v) {
		return String.format(Locale.ROOT, "%.3f", v);
	}
}
