package org.ijocr.macros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import ij.IJ;
import ij.ImagePlus;

import org.ijocr.cli.Main;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every example macro in {@code macros/} headless (as {@code ij-ocr macro} does) on the shipped sample
 * pages, and checks that it succeeded and wrote images. Each macro checks its own result and stops with
 * {@code exit("…")} (exit status 1) when the check fails.
 */
class MacrosTest {

	@TempDir
	Path tmp;

	static List<Path> macros() throws IOException {
		try (Stream<Path> s = Files.list(Path.of("macros"))) {
			return s.filter(p -> p.toString().endsWith(".ijm")).sorted().toList();
		}
	}

	@ParameterizedTest
	@MethodSource("macros")
	void runsHeadless(final Path macro) throws IOException {
		final String text = Files.readString(macro);
		final String input = text.contains("input = \"samples\"") ? "samples" : text.replaceAll(
			"(?s).*input = \"([^\"]+)\".*", "$1");
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final int status = Main.runMacro(text, input + "," + tmp, macro.toString(), new PrintStream(err, true,
			StandardCharsets.UTF_8));
		assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
		final List<Path> written;
		try (Stream<Path> s = Files.list(tmp)) {
			written = s.filter(p -> p.toString().endsWith(".png")).toList();
		}
		assertFalse(written.isEmpty(), macro + " wrote no image");
		for (final Path png : written) {
			final ImagePlus imp = IJ.openImage(png.toString());
			assertTrue(imp != null && imp.getWidth() > 0, png + " is a readable image");
		}
	}
}
