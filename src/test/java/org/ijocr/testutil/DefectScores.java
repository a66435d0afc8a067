package org.ijocr.testutil;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.DefectType;

/**
 * Accuracy of defect detection over a set of pages, per defect type:
 * <ul>
 * <li>precision = reported pixels (union of the reported areas of the type) that lie on a true area of the type /
 * reported pixels;</li>
 * <li>recall = true areas at least half covered by reported areas of the type / true areas;</li>
 * <li>F1 = their harmonic mean;</li>
 * <li>false areas = reported areas on pages without a true area of the type, and how many pages had any.</li>
 * </ul>
 * Empty sums count as perfect (precision 1 without reports, recall 1 without true areas).
 */
public final class DefectScores {

	private static final class Tally {

		long reported, onTrue;
		int truths, found, falseAreas, falsePages, pages;
	}

	private final Map<DefectType, Tally> tally = new EnumMap<>(DefectType.class);

	public DefectScores() {
		for (final DefectType t : DefectType.values())
			tally.put(t, new Tally());
	}

	/** Adds one page: its size, its true areas and the areas reported for it (any types). */
	public void add(final int w, final int h, final List<DegradedPages.Truth> truths,
		final List<DefectArea> reported)
	{
		for (final DefectType t : DefectType.values()) {
			final List<DegradedPages.Truth> tt = truths.stream().filter(a -> a.type() == t).toList();
			final List<DefectArea> rr = reported.stream().filter(a -> a.type() == t).toList();
			final Tally s = tally.get(t);
			s.pages++;
			if (rr.isEmpty() && tt.isEmpty()) continue;
			if (tt.isEmpty()) {
				s.falseAreas += rr.size();
				s.falsePages++;
			}
			// bit 0: reported, bit 1: true
			final byte[] m = new byte[w * h];
			for (final DefectArea a : rr)
				paint(m, w, h, a.x(), a.y(), a.width(), a.height(), 1);
			for (final DegradedPages.Truth a : tt)
				paint(m, w, h, a.x(), a.y(), a.width(), a.height(), 2);
			for (final byte b : m) {
				if ((b & 1) != 0) {
					s.reported++;
					if ((b & 2) != 0) s.onTrue++;
				}
			}
			for (final DegradedPages.Truth a : tt) {
				long cov = 0;
				for (int y = a.y(); y < a.y() + a.height(); y++)
					for (int x = a.x(); x < a.x() + a.width(); x++)
						cov += m[y * w + x] & 1;
				s.truths++;
				if (2 * cov >= a.area()) s.found++;
			}
		}
	}

	private static void paint(final byte[] m, final int w, final int h, final int x0, final int y0, final int bw,
		final int bh, final int bit)
	{
		for (int y = Math.max(0, y0); y < Math.min(h, y0 + bh); y++)
			for (int x = Math.max(0, x0); x < Math.min(w, x0 + bw); x++)
				m[y * w + x] |= (byte) bit;
	}

	public double precision(final DefectType t) {
		final Tally s = tally.get(t);
		return s.reported == 0 ? 1 : s.onTrue / (double) s.reported;
	}

	public double recall(final DefectType t) {
		final Tally s = tally.get(t);
		return s.truths == 0 ? 1 : s.found / (double) s.truths;
	}

	public double f1(final DefectType t) {
		final double p = precision(t), r = recall(t);
		return p + r == 0 ? 0 : 2 * p * r / (p + r);
	}

	/** Reported areas of type t on pages without a true area of that type. */
	public int falseAreas(final DefectType t) {
		return tally.get(t).falseAreas;
	}

	/** Pages without a true area of type t where some were reported. */
	public int falsePages(final DefectType t) {
		return tally.get(t).falsePages;
	}

	/** True areas of type t seen. */
	public int truths(final DefectType t) {
		return tally.get(t).truths;
	}

	/** One line for type t: P, R, F1, true areas, false areas. */
	public String line(final DefectType t) {
		final Tally s = tally.get(t);
		return String.format(Locale.ROOT, "%-22s P %.3f  R %.3f (%d/%d)  F1 %.3f  false areas %d on %d pages", t
			.label(), precision(t), recall(t), s.found, s.truths, f1(t), s.falseAreas, s.falsePages);
	}
}
