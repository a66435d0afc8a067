package org.ijocr.ocr;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The natives: this platform loads; an unsupported one gets a message naming it and the supported ones. */
class NativesTest {

	@Test
	void supportedPlatformsLoadAndOthersAreNamed() {
		for (final String p : Natives.SUPPORTED.split(", "))
			assertDoesNotThrow(() -> Natives.checkSupported(p));
		final IllegalStateException e = assertThrows(IllegalStateException.class, () -> Natives.checkSupported(
			"linux-ppc64le"));
		assertTrue(e.getMessage().contains("linux-ppc64le") && e.getMessage().contains("macosx-arm64") && e
			.getMessage().contains("windows-x86_64"), e.getMessage());
		Natives.load();
		assertTrue(System.getProperty("jna.library.path").contains(".javacpp"), System.getProperty(
			"jna.library.path"));
	}
}
