// Read the words of a clean page with OCR Recognize and check the table, the overlay and the text.
// The table "OCR Results" (headless: the Results table) has one row per word; the overlay one rectangle per word,
// named with its text and outlined by confidence (red < 50, orange < 80, green); getInfo("OCR Text") is the page text
// on one line, Property.get("OCR Text") the text with its line breaks.
// Headless:   target/dist/ij-ocr macro macros/ocr-words.ijm "samples/01-clean.png,out/ocr-words"
args = split(getArgument(), ",");
input = "samples/01-clean.png";  output = "out/ocr-words";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
open(input);
// the sample is an A4 page at 150 dpi; its PNG carries no resolution, so say it
run("OCR Recognize", "language=eng level=Word psm=Auto dpi=150 min_confidence=0");
words = nResults;
if (words < 100) exit("ocr-words: only " + words + " words read");
if (Overlay.size != words) exit("ocr-words: " + Overlay.size + " overlay rectangles for " + words + " words");
text = getInfo("OCR Text");
if (indexOf(text, "Fiji") < 0) exit("ocr-words: 'Fiji' not found in the page text");
lines = split(Property.get("OCR Text"), "\n");
if (lines.length < 20) exit("ocr-words: the text has only " + lines.length + " lines");
sure = 0;
for (i = 0; i < words; i++) {
	if (getResultString("Text", i) == "") exit("ocr-words: row " + i + " has no text");
	if (getResult("Confidence", i) >= 80) sure++;
	if (getResult("Width", i) <= 0 || getResult("Height", i) <= 0) exit("ocr-words: row " + i + " has an empty box");
}
if (sure < words / 2) exit("ocr-words: only " + sure + " of " + words + " words with confidence >= 80");
Overlay.activateSelection(0);
if (Roi.getName != getResultString("Text", 0)) exit("ocr-words: the first rectangle is named '" + Roi.getName
	+ "', not '" + getResultString("Text", 0) + "'");
run("Select None");
run("Flatten");
saveAs("PNG", output + File.separator + "ocr-words.png");
print("ocr-words: " + words + " words, " + sure + " with confidence >= 80; first line: "
	+ lines[0]);
