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
		// JNA finds Tesseract in a folder on jna.library.path
		final String path = System.getProperty("jna.library.path");
		assertTrue(java.util.Arrays.stream(path.split(java.io.File.pathSeparator)).map(java.io.File::new).anyMatch(
			d -> d.list() != null && java.util.Arrays.stream(d.list()).anyMatch(n -> n.contains("tesseract"))), path);
	}
}
