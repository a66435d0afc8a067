package org.ijocr.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MacroOptionsTest {

	@Test
	void readsPairsBracketsAndBareWords() {
		final MacroOptions o = MacroOptions.parse("radius=2 method=[Gaussian adaptive]  white Title=[] k=-0.2 ");
		assertEquals("2", o.value("radius"));
		assertEquals("Gaussian adaptive", o.value("method"));
		assertTrue(o.has("white"));
		assertNull(o.value("white"));
		assertEquals("", o.value("title"), "keys are case-insensitive, [] is an empty value");
		assertEquals("-0.2", o.value("k"));
		assertFalse(o.has("rad"), "no prefix matching");
		assertEquals(List.of("radius", "method", "white", "title", "k"), List.copyOf(o.keys()));
	}

	@Test
	void emptyAndNullAreNoOptions() {
		assertTrue(MacroOptions.parse(null).keys().isEmpty());
		assertTrue(MacroOptions.parse("   ").keys().isEmpty());
	}

	@Test
	void unclosedBracketIsAnError() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MacroOptions.parse(
			"method=[Gaussian adaptive"));
		assertTrue(e.getMessage().contains("method"), e.getMessage());
	}

	@Test
	void formatsLikeTheRecorder() {
		assertEquals("radius=2", MacroOptions.format("radius", "2"));
		assertEquals("method=[Gaussian adaptive]", MacroOptions.format("method", "Gaussian adaptive"));
		assertEquals("white", MacroOptions.format("white", null));
		final String round = MacroOptions.format("method", "Gaussian adaptive") + " " + MacroOptions.format("x", "");
		assertEquals("Gaussian adaptive", MacroOptions.parse(round).value("method"));
		assertEquals("", MacroOptions.parse(round).value("x"));
	}
}
