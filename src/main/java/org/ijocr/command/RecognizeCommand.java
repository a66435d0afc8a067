package org.ijocr.command;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;

import org.ijocr.defect.DefectDetectorService;
import org.ijocr.ij1.OcrImages;
import org.ijocr.ocr.Models;
import org.ijocr.ocr.OcrDocument;
import org.ijocr.ocr.OcrFormat;
import org.ijocr.ocr.OcrLevel;
import org.ijocr.ocr.OcrPage;
import org.ijocr.ocr.OcrParams;
import org.ijocr.ocr.PageSegMode;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Recognize}: reads the text of the image with Tesseract ({@link org.ijocr.ocr.OcrEngine}; natives and the
 * English model come with the suite). Every slice of a stack is read; an area selection limits the reading to its
 * bounds (a non-rectangular one keeps the items whose centre is inside it). One recognition per slice gives
 * <ul>
 * <li>the table {@code OCR Results}: one row per word, line, paragraph or block ({@code level}) in reading order —
 * Text, Confidence (0–100), X, Y, Width, Height, Level, Block, Paragraph, Line, Slice;</li>
 * <li>an overlay on the image, one rectangle per row named with its text, outlined red (confidence &lt; 50), orange
 * (&lt; 80) or green; with {@code roi_manager} the rectangles also go to the ROI Manager (which needs a display;
 * without one the command logs a note and the overlay holds them);</li>
 * <li>the full text (slices separated by a form feed) in a text window (with a display) and in the image property
 * {@code OCR Text}: {@code getInfo("OCR Text")} gives it as one line (ImageJ's {@code getInfo} reads one line of the
 * image's Info), {@code Property.get("OCR Text")} with its line breaks — besides the overlay the one change made to
 * the image;</li>
 * <li>with {@code export} = a folder, the files {@code <title>.<ext>} of the chosen {@code formats} (txt, tsv, hocr,
 * alto, pdf) written there by Tesseract's renderers from the same recognition; they describe the page as it was
 * read — the selected part, turned upright when {@code Auto} found it turned — while the table and overlay are in
 * the image's coordinates.</li>
 * </ul>
 * {@code dpi=0} takes the resolution from the image's calibration (unit inch, cm, mm or µm), else 300.
 * {@code psm=Auto} (default) first detects pages turned by 90°, 180° or 270° and reads them upright.
 * {@code prepare=Auto} reads a prepared copy of each slice instead ({@link org.ijocr.ij1.AutoRead}): every defect
 * area fixed where it is, the page deskewed and small text enlarged; with defects (or an unsure reading) the page is
 * also binarized and the reading with more confidently read text kept; lines that still read with low confidence are
 * read again with other settings, keeping the better reading. Boxes are in the image's coordinates; the image itself
 * is not changed.
 */
@Plugin(type = Command.class, label = "OCR Recognize", description = "Read the text of the image (Tesseract)")
public class RecognizeCommand implements Command {

	/** The image property holding the recognised text. */
	public static final String TEXT_PROPERTY = "OCR Text";

	@Parameter(persist = false)
	private ImagePlus imp;

	@Parameter(label = "Language", description = "Tesseract model(s) in the model folder, '+' to combine, e.g. "
		+ "eng+deu (bundled: eng)")
	private String language = "eng";

	/** The choices are {@link OcrLevel}'s labels, in order. */
	@Parameter(label = "Level", description = "one table row and ROI per word, line, paragraph or block",
		choices = { "Word", "Line", "Paragraph", "Block" })
	private String level = "Word";

	/** The choices are {@link PageSegMode}'s labels, in order. */
	@Parameter(label = "Page segmentation", description = "Tesseract's page segmentation mode; Auto = automatic "
		+ "layout after turning the page upright (orientation detection)", choices = { "Auto", "Auto upright",
			"Auto with OSD", "Single column", "Single block vertical", "Single block", "Single line", "Single word",
			"Circle word", "Single character", "Sparse text", "Sparse text with OSD", "Raw line" })
	private String psm = "Auto";

	@Parameter(label = "DPI", description = "resolution of the image; 0 = from its calibration (inch/cm/mm), else 300",
		min = "0", max = "10000")
	private int dpi = 0;

	@Parameter(label = "Whitelist", description = "the only characters to recognise (empty = all)", required = false)
	private String whitelist = "";

	@Parameter(label = "Min confidence", description = "rows and ROIs below this confidence (0–100) are left out",
		min = "0", max = "100")
	private double min_confidence = 0;

	@Parameter(label = "Prepare", description = "None = read the image as it is; Auto = fix each defect area, deskew "
		+ "and enlarge small text first (as OCR Auto Prepare, on a copy), also read the binarized page when there are "
		+ "defects, and read weak lines again with other settings",
		choices = { "None", "Auto" })
	private String prepare = "None";

	@Parameter
	private DefectDetectorService detectors;

	@Parameter(label = "Model folder", description = "folder of <language>.traineddata files; empty = "
		+ "TESSDATA_PREFIX, else the bundled English model", style = "directory", required = false)
	private File tessdata;

	@Parameter(label = "Add to ROI Manager", description = "also put the rectangles in the ROI Manager")
	private boolean roi_manager = false;

	@Parameter(label = "Export folder", description = "write <title>.<ext> for each format there (empty = no files)",
		style = "directory", required = false)
	private File export;

	@Parameter(label = "Formats", description = "export formats, comma-separated: txt, tsv, hocr, alto, pdf",
		required = false)
	private String formats = "txt";

	@Parameter(type = ItemIO.OUTPUT, label = "OCR Results")
	private ResultsTable table;

	@Override
	public void run() {
		final Path folder = Models.folder(tessdata == null ? null : tessdata.getPath());
		final OcrParams params = new OcrParams(language, OcrLevel.fromLabel(level), PageSegMode.fromLabel(psm),
			OcrImages.dpi(imp, dpi), whitelist, min_confidence, folder);
		final boolean exporting = export != null && !export.getPath().isBlank();
		final Set<OcrFormat> fmts = exporting ? OcrFormat.parse(formats) : Set.of();
		final List<OcrPage> pages;
		if (exporting) {
			final Path dir = export.toPath();
			try {
				Files.createDirectories(dir);
			}
			catch (final java.io.IOException e) {
				throw new IllegalArgumentException("cannot create the export folder " + dir + ": " + e.getMessage());
			}
			try (OcrDocument doc = new OcrDocument(dir.resolve(baseName(imp.getTitle())), fmts, imp.getTitle(),
				folder))
			{
				pages = OcrImages.recognize(imp, params, doc, auto());
			}
		}
		else pages = OcrImages.recognize(imp, params, null, auto());
		table = OcrImages.table(pages);
		final ij.gui.Overlay overlay = OcrImages.overlay(pages);
		imp.setOverlay(overlay);
		final String text = OcrImages.text(pages);
		setTextProperty(imp, text);
		if (roi_manager) toRoiManager(overlay);
		if (!GraphicsEnvironment.isHeadless() && !ij.macro.Interpreter.isBatchMode()) new ij.text.TextWindow(
			TEXT_PROPERTY + " - " + imp.getTitle(), text, 500, 400);
	}

	/** The detectors when {@code prepare=Auto}, else {@code null}. */
	private DefectDetectorService auto() {
		return prepare.equalsIgnoreCase("Auto") ? detectors : null;
	}

	private void toRoiManager(final ij.gui.Overlay overlay) {
		RoiManager rm = RoiManager.getInstance(); // in a batch-mode macro: the macro's hidden manager
		if (rm == null && !GraphicsEnvironment.isHeadless()) rm = RoiManager.getRoiManager();
		if (rm == null) {
			// ImageJ cannot make a ROI Manager (a window) without a display
			ij.IJ.log("OCR Recognize: no ROI Manager without a display; the rectangles are in the overlay");
			return;
		}
		for (final ij.gui.Roi r : overlay.toArray())
			rm.addRoi((ij.gui.Roi) r.clone());
	}

	/**
	 * Sets the image property {@value #TEXT_PROPERTY}: {@code imp.setProp} holds the text with its line breaks
	 * (macros: {@code Property.get("OCR Text")}); ImageJ's {@code getInfo(key)} reads a {@code key: value} line of
	 * the image's Info property up to the end of the line, so a line {@code OCR Text: …} with the whole text on one
	 * line (whitespace runs as single spaces) replaces any earlier one there.
	 */
	static void setTextProperty(final ImagePlus imp, final String text) {
		imp.setProp(TEXT_PROPERTY, text);
		final Object old = imp.getProperty("Info");
		final StringBuilder info = new StringBuilder();
		if (old instanceof String s) for (final String line : s.strip().split("\n"))
			if (!line.isEmpty() && !line.startsWith(TEXT_PROPERTY + ":")) info.append(line).append('\n');
		info.append(TEXT_PROPERTY).append(": ").append(text.strip().replaceAll("\\s+", " ")).append('\n');
		imp.setProperty("Info", info.toString());
	}

	/** The file name base of an image title: its extension dropped, path separators replaced. */
	static String baseName(final String title) {
		String t = title == null || title.isBlank() ? "page" : title.strip();
		final int dot = t.lastIndexOf('.');
		if (dot > 0 && t.length() - dot <= 5) t = t.substring(0, dot);
		return t.replaceAll("[\\\\/:*?\"<>|]", "_");
	}
}
