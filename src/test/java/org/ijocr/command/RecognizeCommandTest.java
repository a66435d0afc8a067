package org.ijocr.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.ImageProcessor;

import org.ijocr.core.metrics.TextMetrics;
import org.ijocr.ij1.CommandBridge;
import org.ijocr.ij1.CommandFailure;
import org.ijocr.ocr.OcrLevel;
import org.ijocr.ocr.PageSegMode;
import org.ijocr.testutil.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code OCR Recognize} through the bridge: table, overlay, text property, image types, stacks, selections. */
class RecognizeCommandTest {

	@TempDir
	Path tmp;

	private static ImagePlus phototest() {
		return IJ.openImage(SharedData.path("tesseract", "phototest.tif").toString());
	}

	private static String truth() throws Exception {
		return Files.readString(SharedData.path("tesseract", "phototest.txt"));
	}

	private static ResultsTable run(final ImagePlus imp, final String options) {
		final CommandBridge.Outcome o = CommandBridge.execute(RecognizeCommand.class, imp, options);
		assertEquals(1, o.tables().size());
		assertEquals("OCR Results", o.tables().get(0).title());
		return o.tables().get(0).table();
	}

	@Test
	void choicesAreTheEnumLabels() {
		final List<CommandBridge.Param> ps = CommandBridge.params(RecognizeCommand.class);
		assertEquals(Arrays.asList(OcrLevel.labels()), ps.stream().filter(p -> p.key().equals("level")).findFirst()
			.orElseThrow().choices());
		assertEquals(Arrays.asList(PageSegMode.labels()), ps.stream().filter(p -> p.key().equals("psm")).findFirst()
			.orElseThrow().choices());
		assertEquals(List.of("language", "level", "psm", "dpi", "whitelist", "min_confidence", "prepare", "tessdata",
			"roi_manager", "export", "formats"), ps.stream().map(CommandBridge.Param::key).toList());
	}

	@Test
	void tableOverlayAndTextProperty() throws Exception {
		final ImagePlus imp = phototest();
		final byte[] before = ((byte[]) imp.getProcessor().getPixels()).clone();
		final ResultsTable rt = run(imp, "");
		assertEquals(List.of("Text", "Confidence", "X", "Y", "Width", "Height", "Level", "Block", "Paragraph", "Line",
			"Slice"), Arrays.asList(rt.getHeadings()));
		final String text = imp.getProp(RecognizeCommand.TEXT_PROPERTY);
		assertEquals(TextMetrics.normalize(text), imp.getStringProperty(RecognizeCommand.TEXT_PROPERTY),
			"what getInfo reads: the text on one line");
		imp.setProperty("Info", "Camera: X\nOCR Text: old\n");
		RecognizeCommand.setTextProperty(imp, "new\ntext");
		assertEquals("Camera: X\nOCR Text: new text\n", imp.getProperty("Info"));
		assertEquals(0, TextMetrics.cer(truth(), text), text);
		final String[] words = TextMetrics.normalize(truth()).split(" ");
		assertEquals(words.length, rt.size());
		final Overlay o = imp.getOverlay();
		assertEquals(rt.size(), o.size());
		for (int i = 0; i < rt.size(); i++) {
			assertEquals(words[i], rt.getStringValue("Text", i));
			final Roi r = o.get(i);
			assertEquals(words[i], r.getName());
			assertEquals(new java.awt.Rectangle((int) rt.getValue("X", i), (int) rt.getValue("Y", i), (int) rt
				.getValue("Width", i), (int) rt.getValue("Height", i)), r.getBounds());
			final double c = rt.getValue("Confidence", i);
			assertEquals(c < 50 ? Color.RED : c < 80 ? Color.ORANGE : Color.GREEN, r.getStrokeColor());
			assertEquals("Word", rt.getStringValue("Level", i));
			assertEquals(1, rt.getValue("Slice", i));
		}
		assertArrayEquals(before, (byte[]) imp.getProcessor().getPixels(), "pixels unchanged");
		// the image's calibration (200 dpi) is used: dpi=0 is the default
		assertEquals(200, org.ijocr.ij1.OcrImages.dpi(imp, 0));
	}

	@Test
	void linesOfAnRgbImageAndOfA16BitImage() throws Exception {
		final List<String> lines = truth().lines().filter(l -> !l.isBlank()).toList();
		for (final String type : new String[] { "RGB", "16-bit" }) {
			final ImagePlus imp = phototest();
			if (type.equals("16-bit")) new ij.process.ImageConverter(imp).convertToGray16();
			else new ij.process.ImageConverter(imp).convertToRGB();
			final ResultsTable rt = run(imp, "level=Line");
			assertEquals(lines.size(), rt.size(), type);
			for (int i = 0; i < lines.size(); i++)
				assertEquals(lines.get(i), rt.getStringValue("Text", i), type);
		}
	}

	@Test
	void everySliceOfAStackAndTheSelection() throws Exception {
		final ImagePlus one = phototest();
		final ImageProcessor ip = one.getProcessor();
		final ImageStack stack = new ImageStack(ip.getWidth(), ip.getHeight());
		stack.addSlice(ip.duplicate());
		final ImageProcessor blank = ip.duplicate();
		blank.setColor(Color.WHITE); // a slice without text
		blank.fill();
		stack.addSlice(blank);
		stack.addSlice(ip.duplicate());
		final ImagePlus imp = new ImagePlus("stack", stack);
		imp.setCalibration(one.getCalibration());
		final ResultsTable rt = run(imp, "level=Line min_confidence=60");
		int s1 = 0, s3 = 0;
		for (int i = 0; i < rt.size(); i++) {
			if (rt.getValue("Slice", i) == 1) s1++;
			if (rt.getValue("Slice", i) == 3) s3++;
		}
		assertEquals(8, s1);
		assertEquals(8, s3);
		assertEquals(16, rt.size(), "nothing on the blank slice");
		for (final Roi r : imp.getOverlay().toArray())
			assertTrue(r.getPosition() >= 1 && r.getPosition() <= 3);
		assertEquals(3, imp.getProp(RecognizeCommand.TEXT_PROPERTY).split("\f", -1).length);

		// a selection: only the second paragraph
		final ImagePlus sel = phototest();
		final ResultsTable all = run(sel, "level=Line");
		final int y = (int) all.getValue("Y", 3) - 4;
		sel.setRoi(new Roi(0, y, sel.getWidth(), sel.getHeight() - y));
		final ResultsTable part = run(sel, "level=Line");
		assertEquals(5, part.size());
		assertTrue(part.getStringValue("Text", 0).startsWith("The quick brown dog"));
		assertEquals(all.getValue("Y", 3), part.getValue("Y", 0), 2, "image coordinates");
	}

	@Test
	void badOptionsAndMissingLanguageAreNamed() {
		final ImagePlus imp = phototest();
		final CommandFailure lang = assertThrows(CommandFailure.class, () -> run(imp, "language=klingon"));
		assertTrue(lang.getMessage().contains("klingon") && lang.getMessage().contains("eng"), lang.getMessage());
		final CommandFailure fmt = assertThrows(CommandFailure.class, () -> run(imp, "export=" + tmp
			+ " formats=txt,doc"));
		assertTrue(fmt.getMessage().contains("doc"), fmt.getMessage());
		assertThrows(CommandFailure.class, () -> run(imp, "psm=Diagonal"));
		assertThrows(CommandFailure.class, () -> run(imp, "tessdata=" + tmp.resolve("none")));
	}

	@Test
	void psmByNameAndRoiManager() throws Exception {
		final ImagePlus imp = phototest();
		final int w = imp.getWidth();
		final List<String> lines = truth().lines().filter(l -> !l.isBlank()).toList();
		final int y = (int) run(imp, "level=Line").getValue("Y", 0) - 3;
		imp.setRoi(new Roi(0, y, w, 30));
		final ResultsTable rt = run(imp, "psm=[Single line] level=Word roi_manager");
		assertEquals(lines.get(0), String.join(" ", Arrays.asList(rt.getColumnAsVariables("Text")).stream().map(
			v -> v.getString()).toList()));
	}
}
