package org.ijocr.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.ResultsTable;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ijocr.core.metrics.TextMetrics;
import org.ijocr.ij1.CommandBridge;
import org.ijocr.testutil.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The export files of {@code OCR Recognize}: each parses with a reader of its format and agrees with the table
 * (same words, same boxes, same confidences); the PDF's text layer extracts to the same text.
 */
class OcrExportTest {

	@TempDir
	Path tmp;

	/** One table row: text and box. */
	record Word(String text, int x, int y, int w, int h) {}

	private ResultsTable table;
	private String text;

	@BeforeEach
	void recognise() {
		final ImagePlus imp = IJ.openImage(SharedData.path("tesseract", "phototest.tif").toString());
		table = CommandBridge.execute(RecognizeCommand.class, imp, "export=[" + tmp + "] formats=txt,tsv,hocr,alto,pdf")
			.tables().get(0).table();
		text = imp.getProp(RecognizeCommand.TEXT_PROPERTY);
		assertTrue(table.size() > 50);
	}

	private List<Word> tableWords() {
		final List<Word> list = new ArrayList<>();
		for (int i = 0; i < table.size(); i++)
			list.add(new Word(table.getStringValue("Text", i), (int) table.getValue("X", i), (int) table.getValue("Y",
				i), (int) table.getValue("Width", i), (int) table.getValue("Height", i)));
		return list;
	}

	private static Document xml(final Path file) throws Exception {
		final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setNamespaceAware(true);
		f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
		final DocumentBuilder b = f.newDocumentBuilder();
		b.setErrorHandler(null);
		try (InputStream in = Files.newInputStream(file)) {
			return b.parse(in); // throws on anything not well-formed
		}
	}

	@Test
	void textFileIsThePageText() throws Exception {
		final String txt = Files.readString(tmp.resolve("phototest.txt"), StandardCharsets.UTF_8);
		assertEquals(text, txt);
		assertEquals(0, TextMetrics.cer(Files.readString(SharedData.path("tesseract", "phototest.txt")), txt));
	}

	@Test
	void tsvWordsAreTheTableRows() throws Exception {
		final List<String> rows = Files.readAllLines(tmp.resolve("phototest.tsv"), StandardCharsets.UTF_8);
		assertEquals("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
			rows.get(0));
		final List<Word> words = new ArrayList<>();
		for (final String r : rows.subList(1, rows.size())) {
			final String[] c = r.split("\t", -1);
			assertEquals(12, c.length, r);
			if (!c[0].equals("5")) continue;
			final int i = words.size();
			words.add(new Word(c[11], Integer.parseInt(c[6]), Integer.parseInt(c[7]), Integer.parseInt(c[8]), Integer
				.parseInt(c[9])));
			assertEquals(table.getValue("Confidence", i), Double.parseDouble(c[10]), 0.01, r);
			assertEquals(table.getValue("Block", i), Integer.parseInt(c[2]), r);
			assertEquals(table.getValue("Paragraph", i), Integer.parseInt(c[3]), r);
			assertEquals(table.getValue("Line", i), Integer.parseInt(c[4]), r);
		}
		assertEquals(tableWords(), words);
	}

	@Test
	void hocrIsXhtmlWithTheTableWords() throws Exception {
		final Document d = xml(tmp.resolve("phototest.hocr"));
		assertEquals("http://www.w3.org/1999/xhtml", d.getDocumentElement().getNamespaceURI());
		final NodeList spans = d.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "span");
		final List<Word> words = new ArrayList<>();
		int pages = 0;
		final NodeList divs = d.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "div");
		for (int i = 0; i < divs.getLength(); i++)
			if (((Element) divs.item(i)).getAttribute("class").equals("ocr_page")) pages++;
		assertEquals(1, pages);
		for (int i = 0; i < spans.getLength(); i++) {
			final Element e = (Element) spans.item(i);
			if (!e.getAttribute("class").equals("ocrx_word")) continue;
			// title='bbox x0 y0 x1 y1; x_wconf c'
			final String[] bbox = e.getAttribute("title").split(";")[0].trim().split(" ");
			assertEquals("bbox", bbox[0]);
			final int x0 = Integer.parseInt(bbox[1]), y0 = Integer.parseInt(bbox[2]), x1 = Integer.parseInt(bbox[3]),
				y1 = Integer.parseInt(bbox[4]);
			words.add(new Word(e.getTextContent(), x0, y0, x1 - x0, y1 - y0));
		}
		assertEquals(tableWords(), words);
	}

	@Test
	void altoIsAltoV3WithTheTableWords() throws Exception {
		final Document d = xml(tmp.resolve("phototest.xml"));
		final String ns = "http://www.loc.gov/standards/alto/ns-v3#";
		final Element root = d.getDocumentElement();
		assertEquals(ns, root.getNamespaceURI());
		assertEquals("alto", root.getLocalName());
		// the structure the ALTO 3 schema requires: Description, Layout > Page > PrintSpace > blocks > lines > strings
		assertEquals(1, d.getElementsByTagNameNS(ns, "Description").getLength());
		final Element page = (Element) d.getElementsByTagNameNS(ns, "Page").item(0);
		assertEquals("640", page.getAttribute("WIDTH"));
		assertEquals("480", page.getAttribute("HEIGHT"));
		final NodeList strings = d.getElementsByTagNameNS(ns, "String");
		final List<Word> words = new ArrayList<>();
		for (int i = 0; i < strings.getLength(); i++) {
			final Element e = (Element) strings.item(i);
			assertEquals("TextLine", e.getParentNode().getLocalName());
			assertEquals("TextBlock", e.getParentNode().getParentNode().getLocalName());
			words.add(new Word(e.getAttribute("CONTENT"), Integer.parseInt(e.getAttribute("HPOS")), Integer.parseInt(e
				.getAttribute("VPOS")), Integer.parseInt(e.getAttribute("WIDTH")), Integer.parseInt(e.getAttribute(
					"HEIGHT"))));
			// Tesseract writes WC truncated to two decimals
			assertEquals(Math.floor(table.getValue("Confidence", i)) / 100, Double.parseDouble(e.getAttribute("WC")), 0.0101);
		}
		assertEquals(tableWords(), words);
	}

	@Test
	void pdfIsTheImageWithAnInvisibleTextLayerOfTheSameText() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(tmp.resolve("phototest.pdf").toFile())) {
			assertEquals(1, pdf.getNumberOfPages());
			final PDPage page = pdf.getPage(0);
			int images = 0;
			for (final COSName n : page.getResources().getXObjectNames())
				if (page.getResources().isImageXObject(n)) images++;
			assertEquals(1, images, "the page image");
			final String content = new String(page.getContents().readAllBytes(), StandardCharsets.ISO_8859_1);
			assertTrue(content.contains("3 Tr"), "text render mode 3: invisible");
			final String extracted = new PDFTextStripper().getText(pdf);
			assertEquals(TextMetrics.normalize(text), TextMetrics.normalize(extracted));
		}
	}

	@Test
	void aStackIsOneDocumentOfPages() throws Exception {
		final ImagePlus one = IJ.openImage(SharedData.path("tesseract", "phototest.tif").toString());
		final ImageStack st = new ImageStack(one.getWidth(), one.getHeight());
		st.addSlice(one.getProcessor().duplicate());
		st.addSlice(one.getProcessor().duplicate());
		final ImagePlus imp = new ImagePlus("two pages.tif", st);
		imp.setCalibration(one.getCalibration());
		CommandBridge.execute(RecognizeCommand.class, imp, "export=[" + tmp + "] formats=tsv,pdf");
		try (PDDocument pdf = Loader.loadPDF(tmp.resolve("two pages.pdf").toFile())) {
			assertEquals(2, pdf.getNumberOfPages());
		}
		final long page2 = Files.readAllLines(tmp.resolve("two pages.tsv")).stream().filter(l -> l.startsWith("5\t2\t"))
			.count();
		assertEquals(table.size(), page2);
	}
}
