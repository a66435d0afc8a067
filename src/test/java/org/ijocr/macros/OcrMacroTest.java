package org.ijocr.macros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;

import org.ijocr.cli.Main;
import org.ijocr.ij1.OcrImages;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OCR example macros ({@code macros/ocr-*.ijm}) run headless: the table they leave (headless: the Results
 * table) has the {@code OCR Results} columns and plausible rows, and the overlay they flatten into their PNG outlines
 * every row's box in its confidence colour.
 */
class OcrMacroTest {

	@TempDir
	Path tmp;

	static List<Path> macros() throws IOException {
		try (Stream<Path> s = Files.list(Path.of("macros"))) {
			return s.filter(p -> p.getFileName().toString().matches("ocr-.*\\.ijm")).sorted().toList();
		}
	}

	@ParameterizedTest
	@MethodSource("macros")
	void tableAndOverlay(final Path macro) throws IOException {
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		ResultsTable.getResultsTable().reset();
		final int status = Main.runMacro(Files.readString(macro), "samples/01-clean.png," + tmp, macro.toString(),
			new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
		final ResultsTable rt = ResultsTable.getResultsTable();
		assertEquals(List.of("Text", "Confidence", "X", "Y", "Width", "Height", "Level", "Block", "Paragraph", "Line",
			"Slice"), Arrays.asList(rt.getHeadings()));
		assertTrue(rt.size() > 100, "rows: " + rt.size());
		final List<Path> pngs;
		try (Stream<Path> s = Files.list(tmp)) {
			pngs = s.filter(p -> p.toString().endsWith(".png")).toList();
		}
		assertFalse(pngs.isEmpty());
		final ImagePlus flat = IJ.openImage(pngs.get(0).toString());
		assertTrue(flat.getProcessor() instanceof ColorProcessor, "the overlay flattened into an RGB image");
		final ColorProcessor cp = (ColorProcessor) flat.getProcessor();
		int outlined = 0;
		for (int i = 0; i < rt.size(); i++) {
			final int x = (int) rt.getValue("X", i), y = (int) rt.getValue("Y", i), h = (int) rt.getValue("Height", i);
			final Color want = OcrImages.colour(rt.getValue("Confidence", i));
			boolean found = false;
			for (int dx = -1; dx <= 1 && !found; dx++)
				found = cp.getColor(x + dx, y + h / 2).equals(want);
			if (found) outlined++;
		}
		assertTrue(outlined >= 0.95 * rt.size(), outlined + " of " + rt.size() + " boxes outlined in their colour");
	}
}
