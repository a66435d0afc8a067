package org.ijocr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.plugin.filter.RankFilters;
import ij.process.ByteProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's batch behaviour, in process. */
class MainTest {

	@TempDir
	Path tmp;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	private int run(final String... args) {
		return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
			StandardCharsets.UTF_8));
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	private static ByteProcessor page(final long seed) {
		final ByteProcessor bp = new ByteProcessor(60, 40);
		final java.util.Random r = new java.util.Random(seed);
		for (int i = 0; i < 60 * 40; i++)
			bp.set(i, 180 + r.nextInt(60));
		bp.setValue(30);
		bp.setRoi(10, 10, 30, 6);
		bp.fill();
		bp.resetRoi();
		return bp;
	}

	@Test
	void filterGoesOnPastBadFilesAndNeverTouchesInputs() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		final ByteProcessor p1 = page(1);
		new FileSaver(new ImagePlus("a", p1)).saveAsTiff(in.resolve("a.tif").toString());
		final ImageStack two = new ImageStack(60, 40);
		two.addSlice(page(2));
		two.addSlice(page(3));
		new FileSaver(new ImagePlus("b", two)).saveAsTiffStack(in.resolve("b.tif").toString());
		Files.writeString(in.resolve("broken.png"), "this is not a PNG");
		Files.writeString(in.resolve("notes.txt"), "not an image name: skipped in folders");
		final byte[] aBefore = Files.readAllBytes(in.resolve("a.tif"));
		final Path outDir = tmp.resolve("out");

		final int status = run("filter", "OCR Median radius=1; OCR Binarize method=Otsu", "--out", outDir.toString(),
			in.toString(), tmp.resolve("missing.tif").toString());

		assertEquals(1, status, err());
		assertTrue(Files.exists(outDir.resolve("a.png")));
		assertTrue(Files.exists(outDir.resolve("b-0001.png")) && Files.exists(outDir.resolve("b-0002.png")), err());
		assertFalse(Files.exists(outDir.resolve("broken.png")));
		assertArrayEquals(aBefore, Files.readAllBytes(in.resolve("a.tif")), "input unchanged");
		final String e = err();
		assertTrue(e.contains("broken.png: not an image ImageJ can open"), e);
		assertTrue(e.contains("missing.tif: no such file or folder"), e);
		assertTrue(e.contains("done: 2 file(s) written to"), e);
		assertTrue(e.contains("2 failed"), e);
		assertFalse(e.contains("\tat "), "no stack trace without --verbose");
		// the pipeline really ran: median then Otsu on page a
		final ImagePlus a = IJ.openImage(outDir.resolve("a.png").toString());
		final ByteProcessor expected = (ByteProcessor) p1.duplicate();
		new RankFilters().rank(expected, 1, RankFilters.MEDIAN);
		assertEquals(8, a.getBitDepth());
		for (int y = 0; y < 40; y++)
			for (int x = 0; x < 60; x++)
				assertEquals(expected.get(x, y) <= 100 ? 0 : 255, a.getProcessor().get(x, y), "at " + x + "," + y);
	}

	@Test
	void badPipelineIsRefusedBeforeAnyFile() throws Exception {
		final Path img = tmp.resolve("p.png");
		new FileSaver(new ImagePlus("p", page(4))).saveAsPng(img.toString());
		assertEquals(2, run("filter", "OCR Median radius=-2", "--out", tmp.resolve("o").toString(), img.toString()));
		assertTrue(err().contains("step 1 (OCR Median): radius=-2 is out of range (0 to 100)"), err());
		assertEquals(2, run("filter", "OCR Medain radius=2", "--out", tmp.resolve("o").toString(), img.toString()));
		assertTrue(err().contains("step 1: unknown command in 'OCR Medain radius=2'"), err());
		assertFalse(Files.exists(tmp.resolve("o").resolve("p.png")));
		assertEquals(2, run("filter", "OCR Median"), "no --out");
	}

	@Test
	void imagejBuiltInsWithoutDialogWorkInPipelines() throws Exception {
		final Path img = tmp.resolve("p.png");
		new FileSaver(new ImagePlus("p", page(5).convertToRGB())).saveAsPng(img.toString());
		assertEquals(0, run("filter", "8-bit; Invert", "--out", tmp.resolve("o").toString(), img.toString()), err());
		final ImagePlus o = IJ.openImage(tmp.resolve("o").resolve("p.png").toString());
		assertEquals(8, o.getBitDepth());
		assertEquals(255 - 30, o.getProcessor().get(20, 12));
	}

	@Test
	void failingImagejBuiltInFailsTheFile() throws Exception {
		final Path img = tmp.resolve("p.png");
		new FileSaver(new ImagePlus("p", page(6))).saveAsPng(img.toString());
		assertEquals(1, run("filter", "Crop", "--out", tmp.resolve("o").toString(), img.toString()));
		assertTrue(err().contains("p.png: Crop: Area selection required"), err());
		assertFalse(Files.exists(tmp.resolve("o").resolve("p.png")), "no output for a failed file");
		// a built-in with a dialog would ignore its options headless (plain ImageJ 1 cannot build the dialog and
		// falls back to the defaults): refused before any file is read
		assertEquals(2, run("filter", "Gaussian Blur... sigma=8", "--out", tmp.resolve("g").toString(), img
			.toString()));
		assertTrue(err().contains("step 1 ('Gaussian Blur...'): ImageJ's own commands that take options or open a "
			+ "dialog cannot run here"), err());
		// a built-in without a dialog runs
		assertEquals(0, run("filter", "Invert", "--out", tmp.resolve("i").toString(), img.toString()), err());
		final ImagePlus inverted = IJ.openImage(tmp.resolve("i").resolve("p.png").toString());
		assertEquals(255 - new ImagePlus("p", page(6)).getProcessor().get(3, 3), inverted.getProcessor().get(3, 3));
	}

	@Test
	void emptyFolderAndMissingMacroSayWhy() throws Exception {
		final Path empty = Files.createDirectories(tmp.resolve("empty"));
		assertEquals(1, run("filter", "OCR Median", "--out", tmp.resolve("o").toString(), empty.toString()));
		assertTrue(err().contains("empty: no image files in this folder"), err());
		assertTrue(err().contains("error: no image files among the inputs"), err());
		assertEquals(1, run("macro", tmp.resolve("missing.ijm").toString()));
		assertTrue(err().contains("missing.ijm: cannot read the macro (no such file or folder)"), err());
	}

	@Test
	void commandsListsKeys() {
		assertEquals(0, run("commands"));
		final String s = out.toString(StandardCharsets.UTF_8);
		assertTrue(s.contains("OCR Median") && s.contains("radius=<double>") && s.contains("method=Auto|Otsu"), s);
		assertTrue(s.contains("k=<double>  default not set"), s);
	}

	@Test
	void macroJobReportsCommandFailures() throws Exception {
		final Path ok = tmp.resolve("ok.ijm");
		Files.writeString(ok, "newImage('t', '8-bit ramp', 64, 32, 1);\nrun('OCR Binarize', 'method=Otsu');\n"
			+ "if (bitDepth() != 8) exit('wrong depth');\nprint('arg=' + getArgument());\n");
		assertEquals(0, run("macro", ok.toString(), "hello"), err());
		final Path bad = tmp.resolve("bad.ijm");
		Files.writeString(bad, "newImage('t', '8-bit ramp', 64, 32, 1);\nrun('OCR Median', 'radius=abc');\n"
			+ "print('not reached');\n");
		assertEquals(1, run("macro", bad.toString()));
		assertTrue(err().contains("OCR Median: radius=abc is not a number"), err());
		assertFalse(out.toString(StandardCharsets.UTF_8).contains("not reached"));
	}

	/** A page with dark filled squares, which the test-only detector (type Glare) reports. */
	private static ByteProcessor squares(final int... xywh) {
		final ByteProcessor bp = new ByteProcessor(80, 60);
		bp.setValue(230);
		bp.fill();
		bp.setValue(0);
		for (int i = 0; i < xywh.length; i += 4) {
			bp.setRoi(xywh[i], xywh[i + 1], xywh[i + 2], xywh[i + 3]);
			bp.fill();
		}
		bp.resetRoi();
		return bp;
	}

	@Test
	void detectWritesATableAndAnImagePerFileAndGoesOnPastBadFiles() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		new FileSaver(new ImagePlus("a", squares(10, 12, 8, 8, 40, 30, 10, 7))).saveAsPng(in.resolve("a.png")
			.toString());
		final ImageStack two = new ImageStack(80, 60);
		two.addSlice(squares());
		two.addSlice(squares(50, 35, 9, 9));
		new FileSaver(new ImagePlus("b", two)).saveAsTiffStack(in.resolve("b.tif").toString());
		Files.writeString(in.resolve("broken.png"), "this is not a PNG");
		final byte[] aBefore = Files.readAllBytes(in.resolve("a.png"));
		final Path outDir = tmp.resolve("out");

		assertEquals(1, run("detect", "--type", "Glare", "--out", outDir.toString(), in.toString()), err());
		assertEquals(String.join("\n", "Type,X,Y,Width,Height,Score,Slice,Mitigation",
			"GLARE,10,12,8,8,1.0000,1,OCR Median; re-capture", "GLARE,40,30,10,7,1.0000,1,OCR Median; re-capture", ""),
			Files.readString(outDir.resolve("a.defects.csv")));
		assertEquals(String.join("\n", "Type,X,Y,Width,Height,Score,Slice,Mitigation",
			"GLARE,50,35,9,9,1.0000,2,OCR Median; re-capture", ""), Files.readString(outDir.resolve("b.defects.csv")));
		final ImagePlus png = IJ.openImage(outDir.resolve("a.defects.png").toString());
		assertEquals(24, png.getBitDepth());
		assertEquals(80, png.getWidth());
		assertEquals(0x00b000, png.getProcessor().get(40, 33) & 0xffffff, "the area's outline in the glare colour");
		assertTrue(Files.exists(outDir.resolve("b-0001.defects.png")) && Files.exists(outDir.resolve(
			"b-0002.defects.png")), "one image per page");
		assertEquals(0x00b000, IJ.openImage(outDir.resolve("b-0002.defects.png").toString()).getProcessor().get(50,
			39) & 0xffffff);
		assertEquals(230 * 0x010101, IJ.openImage(outDir.resolve("b-0001.defects.png").toString()).getProcessor()
			.get(50, 39) & 0xffffff, "page 1 has no area drawn");
		assertArrayEquals(aBefore, Files.readAllBytes(in.resolve("a.png")), "input unchanged");
		final String e = err();
		assertTrue(e.contains("a.png: ok") && e.contains("2 defect area(s)"), e);
		assertTrue(e.contains("broken.png: not an image ImageJ can open"), e);
		assertTrue(e.contains("done: 2 file(s) checked"), e);
		assertFalse(Files.exists(outDir.resolve("broken.defects.csv")));
	}

	@Test
	void prepareWritesThePreparedPageAndItsLogAndGoesOnPastBadFiles() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("pin"));
		Files.copy(Path.of("samples/02-salt-and-pepper.png"), in.resolve("noisy.png"));
		Files.writeString(in.resolve("broken.png"), "this is not a PNG");
		final byte[] before = Files.readAllBytes(in.resolve("noisy.png"));
		final Path outDir = tmp.resolve("pout");
		assertEquals(1, run("prepare", "--skip", "deskew", "--out", outDir.toString(), in.toString()), err());
		final ImagePlus png = IJ.openImage(outDir.resolve("noisy.prepared.png").toString());
		assertEquals(8, png.getBitDepth());
		assertEquals(1240, png.getWidth());
		final int[] hist = png.getProcessor().getHistogram();
		assertEquals(png.getWidth() * png.getHeight(), hist[0] + hist[255], "binarized");
		final List<String> log = Files.readAllLines(outDir.resolve("noisy.prepare.csv"));
		assertEquals("Slice,Step,X,Y,Width,Height,Parameters,Time (ms)", log.get(0));
		assertTrue(log.get(1).startsWith("1,Detect defects,0,0,1240,1754,"), log.get(1));
		assertTrue(log.stream().anyMatch(l -> l.startsWith("1,Remove noise,")), log.toString());
		assertTrue(log.stream().noneMatch(l -> l.contains("Deskew")), "skipped");
		assertArrayEquals(before, Files.readAllBytes(in.resolve("noisy.png")), "input unchanged");
		final String e = err();
		assertTrue(e.contains("noisy.png: ok") && e.contains("broken.png: not an image ImageJ can open"), e);
		assertEquals(2, run("prepare", "--skip", "sharpen", "--out", outDir.toString(), in.toString()));
		assertTrue(err().contains("unknown step 'sharpen'"));
	}

	@Test
	void detectNeedsOutAndARegisteredType() throws Exception {
		final Path img = tmp.resolve("p.png");
		new FileSaver(new ImagePlus("p", squares())).saveAsPng(img.toString());
		assertEquals(2, run("detect", img.toString()), "no --out");
		assertTrue(err().contains("detect needs --out DIR"), err());
		assertEquals(2, run("detect", "--type", "Smudges", "--out", tmp.resolve("o").toString(), img.toString()));
		assertTrue(err().contains("--type: unknown type 'Smudges' (choose one of: All, "), err());
		assertFalse(Files.exists(tmp.resolve("o").resolve("p.defects.csv")), "refused before any file");
		assertEquals(0, run("detect", "--type=Glare", "--out", tmp.resolve("o").toString(), img.toString()), err());
		assertEquals("Type,X,Y,Width,Height,Score,Slice,Mitigation\n", Files.readString(tmp.resolve("o").resolve(
			"p.defects.csv")), "a clean page: the header only");
		assertTrue(err().contains("p.png: ok") && err().contains("no defects"), err());
	}
}
