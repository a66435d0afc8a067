package org.ijocr.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextMetricsTest {

	@Test
	void editDistanceIsLevenshtein() {
		assertEquals(3, TextMetrics.editDistance("kitten", "sitting"));
		assertEquals(0, TextMetrics.editDistance("", ""));
		assertEquals(4, TextMetrics.editDistance("", "abcd"));
		assertEquals(1, TextMetrics.editDistance("flaw", "flaws"));
		assertEquals(1, TextMetrics.editDistance("ümlaut", "umlaut"), "code points, not bytes");
	}

	@Test
	void cerNormalisesWhitespace() {
		assertEquals(0, TextMetrics.cer("a  b\n\nc ", " a b c"));
		assertEquals(1 / 5.0, TextMetrics.cer("a b c", "a b d"), 1e-12);
		assertEquals(1, TextMetrics.cer("abc", ""));
		assertEquals(2, TextMetrics.cer("a", "abc"), 1e-12, "can exceed 1");
	}

	@Test
	void werIsOneMinusF1OfWordMultisets() {
		assertEquals(0, TextMetrics.wer("the cat the hat", "hat the cat the"), "order-free");
		// reference 4 words, result 3 words, 2 matched (the, cat): F1 = 4/7
		assertEquals(1 - 4 / 7.0, TextMetrics.wer("the cat the hat", "the cat sat"), 1e-12);
		assertEquals(1, TextMetrics.wer("a b", "c"));
		assertEquals(0, TextMetrics.wer("", " "));
	}
}
