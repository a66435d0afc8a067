package org.ijocr.core.metrics;

import java.util.HashMap;
import java.util.Map;

/**
 * Text recognition accuracy against a ground-truth transcript, after {@link #normalize(String) whitespace
 * normalisation}:
 * <ul>
 * <li><b>CER</b> (character error rate): the Levenshtein distance (insertions, deletions and substitutions of Unicode
 * code points, each cost 1; V. I. Levenshtein, Soviet Physics Doklady 10(8), 1966) divided by the length of the
 * reference — the ISRI/OCR-evaluation definition (S. V. Rice, "Measuring the accuracy of page-reading systems", PhD
 * thesis, UNLV 1996). It can exceed 1 when the result is much longer than the reference.</li>
 * <li><b>WER</b> (order-free word error): {@code 1 − F1} of the two multisets of words (whitespace-separated tokens),
 * F1 = 2·matched / (reference words + result words). It ignores reading order, which layout analysis may change
 * legitimately (e.g. receipt columns), and counts a split or misread word as an error.</li>
 * </ul>
 */
public final class TextMetrics {

	private TextMetrics() {}

	/** Whitespace runs (spaces, tabs, line and page breaks) to one space, ends trimmed. */
	public static String normalize(final String s) {
		return s == null ? "" : s.strip().replaceAll("\\s+", " ");
	}

	/** Levenshtein distance between two strings, in code points (two rows, O(n·m) time). */
	public static int editDistance(final String a, final String b) {
		final int[] x = a.codePoints().toArray(), y = b.codePoints().toArray();
		int[] prev = new int[y.length + 1], cur = new int[y.length + 1];
		for (int j = 0; j <= y.length; j++)
			prev[j] = j;
		for (int i = 1; i <= x.length; i++) {
			cur[0] = i;
			final int xi = x[i - 1];
			for (int j = 1; j <= y.length; j++) {
				final int sub = prev[j - 1] + (xi == y[j - 1] ? 0 : 1);
				cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
			}
			final int[] t = prev;
			prev = cur;
			cur = t;
		}
		return prev[y.length];
	}

	/** Character error rate of {@code result} against {@code reference}, both normalised; 0 for two empty texts. */
	public static double cer(final String reference, final String result) {
		final String ref = normalize(reference), res = normalize(result);
		final int n = ref.codePointCount(0, ref.length());
		if (n == 0) return res.isEmpty() ? 0 : 1;
		return editDistance(ref, res) / (double) n;
	}

	/** Order-free word error {@code 1 − F1} of the word multisets; 0 for two empty texts. */
	public static double wer(final String reference, final String result) {
		final Map<String, Integer> ref = words(reference), res = words(result);
		final int nRef = ref.values().stream().mapToInt(Integer::intValue).sum(), nRes = res.values().stream()
			.mapToInt(Integer::intValue).sum();
		if (nRef + nRes == 0) return 0;
		int matched = 0;
		for (final Map.Entry<String, Integer> e : ref.entrySet())
			matched += Math.min(e.getValue(), res.getOrDefault(e.getKey(), 0));
		return 1 - 2.0 * matched / (nRef + nRes);
	}

	private static Map<String, Integer> words(final String s) {
		final Map<String, Integer> m = new HashMap<>();
		final String n = normalize(s);
		if (!n.isEmpty()) for (final String w : n.split(" "))
			m.merge(w, 1, Integer::sum);
		return m;
	}
}
