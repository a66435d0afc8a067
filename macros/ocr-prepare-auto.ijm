// Reads a page as the main job does (prepare=Auto): finds its defects, fixes each area, deskews and enlarges the
// small text of a copy, reads it (and its binarized version when the defects call for it), reads weak lines again,
// and writes the text and hOCR to the output folder. The table and the overlay are on the page as opened; the
// exports describe the prepared copy that was read (enlarged here: the sample is A4 at 150 dpi). The image itself
// gets only the overlay and the text property.
// Headless:   target/dist/ij-ocr macro macros/ocr-prepare-auto.ijm "samples/02-salt-and-pepper.png,out/ocr-prepare-auto"
args = split(getArgument(), ",");
input = "samples/02-salt-and-pepper.png";  output = "out/ocr-prepare-auto";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
open(input);
title = getTitle();
w = getWidth();  h = getHeight();
getStatistics(area, meanBefore);
// the sample's PNG carries no resolution, so say it; export= takes a folder, formats= the files written there
run("OCR Recognize", "language=eng level=Word psm=Auto dpi=150 min_confidence=0 prepare=Auto export=[" + output
	+ "] formats=txt,hocr");
words = nResults;
if (words < 100) exit("ocr-prepare-auto: only " + words + " words read");
if (Overlay.size != words) exit("ocr-prepare-auto: " + Overlay.size + " overlay rectangles for " + words + " words");
getStatistics(area, meanAfter);
if (getWidth() != w || getHeight() != h || meanAfter != meanBefore) exit("ocr-prepare-auto: the page was changed");
// the boxes are on the page as opened, though the copy read was enlarged
for (i = 0; i < words; i++)
	if (getResult("X", i) + getResult("Width", i) > w || getResult("Y", i) + getResult("Height", i) > h)
		exit("ocr-prepare-auto: row " + i + " lies outside the page");
base = File.nameWithoutExtension;
txt = File.openAsString(output + File.separator + base + ".txt");
if (lengthOf(txt) < 1000) exit("ocr-prepare-auto: the exported text has only " + lengthOf(txt) + " characters");
hocr = File.openAsString(output + File.separator + base + ".hocr");
if (indexOf(hocr, "ocrx_word") < 0) exit("ocr-prepare-auto: no words in the exported hOCR");
Overlay.activateSelection(0);
if (Roi.getName != getResultString("Text", 0)) exit("ocr-prepare-auto: the first rectangle is named '" + Roi.getName
	+ "', not '" + getResultString("Text", 0) + "'");
run("Select None");
run("Flatten");
saveAs("PNG", output + File.separator + "ocr-prepare-auto.png");
print("ocr-prepare-auto: " + words + " words; exported " + base + ".txt (" + lengthOf(txt) + " characters) and "
	+ base + ".hocr");
