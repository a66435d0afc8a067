package org.ijocr.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

	/** Each supported platform's Tesseract and Leptonica libraries are in the artifacts on the class path. */
	@Test
	void everySupportedPlatformHasItsLibraries() throws IOException {
		for (final String p : Natives.SUPPORTED.split(", ")) {
			final List<String> tess = files("org/bytedeco/tesseract/" + p + "/");
			final List<String> lept = files("org/bytedeco/leptonica/" + p + "/");
			final String ext = p.startsWith("windows") ? ".dll" : p.startsWith("macosx") ? ".dylib" : ".so";
			assertTrue(tess.stream().anyMatch(n -> n.contains("libtesseract") && n.contains(ext)) && tess.stream()
				.anyMatch(n -> n.contains("jnitesseract")), p + ": " + tess);
			assertTrue(lept.stream().anyMatch(n -> n.contains("lept") && n.contains(ext)), p + ": " + lept);
		}
	}

	private static List<String> files(final String folder) throws IOException {
		final List<String> names = new ArrayList<>();
		final URL url = NativesTest.class.getClassLoader().getResource(folder);
		assertTrue(url != null && url.getProtocol().equals("jar"), folder + " not on the class path: " + url);
		try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
			jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(folder) && !n.endsWith("/")).forEach(
				names::add);
		}
		return names;
	}

	/** Tess4J's JNA names per OS, and the alias made beside the versioned library on this machine. */
	@Test
	void tess4jFindsTesseractUnderItsOwnName() throws IOException {
		assertEquals("libtesseract.dylib", Natives.tess4jFileName("Mac OS X"));
		assertEquals("libtesseract553.dll", Natives.tess4jFileName("Windows 11"));
		assertEquals("libtesseract.so", Natives.tess4jFileName("Linux"));
		Natives.load();
		final String first = System.getProperty("jna.library.path").split(File.pathSeparator)[0];
		final Path alias = Path.of(first, Natives.tess4jFileName(System.getProperty("os.name")));
		assertTrue(Files.isRegularFile(alias), alias.toString());
		assertTrue(Files.size(alias) > 1_000_000, alias + ": " + Files.size(alias));
	}

	@Test
	void aliasIsMadeKeptAndRepaired(@TempDir final Path dir) throws IOException {
		final Path lib = Files.write(dir.resolve("libtesseract.5.5.dylib"), new byte[] { 1, 2, 3 });
		final Path alias = Natives.alias(lib, "libtesseract.dylib");
		assertEquals(dir.resolve("libtesseract.dylib"), alias);
		assertArrayEquals(new byte[] { 1, 2, 3 }, Files.readAllBytes(alias));
		assertEquals(alias, Natives.alias(lib, "libtesseract.dylib")); // kept
		Files.delete(alias);
		Files.write(alias, new byte[] { 9 }); // stale: another file under the name
		assertArrayEquals(new byte[] { 1, 2, 3 }, Files.readAllBytes(Natives.alias(lib, "libtesseract.dylib")));
		assertEquals(lib, Natives.alias(lib, "libtesseract.5.5.dylib")); // already the name asked for
	}

	@Test
	void aliasGoesToATemporaryFolderWhenTheCacheIsReadOnly(@TempDir final Path dir) throws IOException {
		final Path ro = Files.createDirectory(dir.resolve("ro"));
		final Path lib = Files.write(ro.resolve("libtesseract.so.5.5"), new byte[] { 4, 5 });
		assertTrue(ro.toFile().setWritable(false));
		try {
			final Path alias = Natives.alias(lib, "libtesseract.so");
			if (ro.toFile().canWrite()) return; // running as root: the folder stays writable
			assertTrue(!alias.getParent().equals(ro), alias.toString());
			assertArrayEquals(new byte[] { 4, 5 }, Files.readAllBytes(alias));
		}
		finally {
			ro.toFile().setWritable(true);
		}
	}
}
