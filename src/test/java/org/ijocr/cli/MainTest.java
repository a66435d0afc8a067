package org.ijocr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.util.ArrayList;

import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.plugin.filter.RankFilters;
import ij.process.ByteProcessor;

import org.ijocr.testutil.NoisePatches;
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

	/**
	 * A 288×240 page of paper with 8 % salt-and-pepper noise in rectangles on the detectors' 24-pixel tile grid,
	 * which the real noise detector reports exactly.
	 */
	private static ByteProcessor noisy(final int... xywh) {
		final NoisePatches.Patch[] p = new NoisePatches.Patch[xywh.length / 4];
		for (int i = 0; i < p.length; i++)
			p[i] = new NoisePatches.Patch(new Rectangle(xywh[4 * i], xywh[4 * i + 1], xywh[4 * i + 2], xywh[4 * i + 3]),
				0.08);
		return NoisePatches.page(288, 240, p);
	}

	/**
	 * The CSV lines of a defects table, each without its score and mitigation; checks the scores lie in (0, 1] and
	 * the mitigations name a median.
	 */
	private static List<String> withoutScores(final Path csv) throws Exception {
		final List<String> lines = new ArrayList<>();
		for (final String line : Files.readAllLines(csv)) {
			final String[] f = line.split(",", -1);
			if (!f[0].equals("Type")) {
				final double score = Double.parseDouble(f[5]);
				assertTrue(score > 0 && score <= 1, line);
				assertTrue(f[7].contains("OCR Median"), line);
			}
			f[5] = "";
			f[7] = "";
			lines.add(String.join(",", f));
		}
		return lines;
	}

	@Test
	void detectWritesATableAndAnImagePerFileAndGoesOnPastBadFiles() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		new FileSaver(new ImagePlus("a", noisy(24, 24, 48, 48, 168, 120, 72, 48))).saveAsPng(in.resolve("a.png")
			.toString());
		final ImageStack two = new ImageStack(288, 240);
		two.addSlice(noisy());
		two.addSlice(noisy(144, 96, 48, 72));
		new FileSaver(new ImagePlus("b", two)).saveAsTiffStack(in.resolve("b.tif").toString());
		Files.writeString(in.resolve("broken.png"), "this is not a PNG");
		final byte[] aBefore = Files.readAllBytes(in.resolve("a.png"));
		final Path outDir = tmp.resolve("out");

		assertEquals(1, run("detect", "--out", outDir.toString(), in.toString()), err());
		final String noise = "SALT_PEPPER_NOISE", fix = ",";
		assertEquals(List.of("Type,X,Y,Width,Height,,Slice,", noise + ",24,24,48,48,,1" + fix, noise
			+ ",168,120,72,48,,1" + fix), withoutScores(outDir.resolve("a.defects.csv")));
		assertEquals(List.of("Type,X,Y,Width,Height,,Slice,", noise + ",144,96,48,72,,2" + fix),
			withoutScores(outDir.resolve("b.defects.csv")));
		final ImagePlus png = IJ.openImage(outDir.resolve("a.defects.png").toString());
		assertEquals(24, png.getBitDepth());
		assertEquals(288, png.getWidth());
		final int magenta = 0xff00ff;
		assertEquals(magenta, png.getProcessor().get(168, 140) & 0xffffff, "the area's outline in the noise colour");
		assertTrue(Files.exists(outDir.resolve("b-0001.defects.png")) && Files.exists(outDir.resolve(
			"b-0002.defects.png")), "one image per page");
		assertEquals(magenta, IJ.openImage(outDir.resolve("b-0002.defects.png").toString()).getProcessor().get(144,
			130) & 0xffffff);
		assertEquals(NoisePatches.PAPER * 0x010101, IJ.openImage(outDir.resolve("b-0001.defects.png").toString())
			.getProcessor().get(144, 130) & 0xffffff, "page 1 has no area drawn");
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
		final int[] hist = png.getProcessor().getHistogram();
		assertEquals(png.getWidth() * png.getHeight(), hist[0] + hist[255], "binarized");
		final List<String> log = Files.readAllLines(outDir.resolve("noisy.prepare.csv"));
		// the 150-dpi sample's small text is enlarged by the factor in the log
		final String up = log.stream().filter(l -> l.startsWith("1,Upscale,")).findFirst().orElseThrow();
		final double f = Double.parseDouble(up.substring(up.indexOf("factor=") + 7).split("[,\"]")[0]);
		assertEquals(1240 * f, png.getWidth(), 1240 * 0.006);
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
		new FileSaver(new ImagePlus("p", noisy())).saveAsPng(img.toString());
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
