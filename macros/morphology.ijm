// Binary morphology on a grey page: OCR Dilate binarizes it first (Auto method), then makes the text bolder;
// OCR Open removes what is thinner than the element. Checks that the ink grows, then shrinks.
// Headless:   target/dist/ij-ocr macro macros/morphology.ijm "samples/01-clean.png,out/morphology"
args = split(getArgument(), ",");
input = "samples/01-clean.png";  output = "out/morphology";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
open(input);
run("OCR Binarize", "method=Auto");
getHistogram(values, counts, 256);
ink = counts[0];
close();
open(input);
run("OCR Dilate", "shape=Square size=3 iterations=1");
getHistogram(values, counts, 256);
bold = counts[0];
if (bitDepth() != 8 || counts[0] + counts[255] != getWidth() * getHeight())
	exit("morphology: OCR Dilate did not give a black-and-white page");
if (bold <= ink * 1.2) exit("morphology: dilating did not make the text bolder (" + ink + " -> " + bold + " ink pixels)");
saveAs("PNG", output + File.separator + "dilated.png");
run("OCR Open", "shape=Disk size=5");
getHistogram(values, counts, 256);
if (counts[0] >= bold) exit("morphology: opening removed no ink");
saveAs("PNG", output + File.separator + "dilated-opened.png");
print("morphology: ink pixels " + ink + " binarized, " + bold + " dilated 3x3, " + counts[0] + " after opening with a disk of 5");

// OCR Erode makes the text thinner; OCR Close with a horizontal line joins the letters of a word into one block
// (the ink grows back, more than it was before eroding).
open(input);
run("OCR Erode", "shape=Square size=3");
getHistogram(values, counts, 256);
thin = counts[0];
if (thin >= ink) exit("morphology: eroding did not make the text thinner (" + ink + " -> " + thin + " ink pixels)");
run("OCR Close", "shape=Horizontal size=15 iterations=1");
getHistogram(values, counts, 256);
if (counts[0] <= thin) exit("morphology: closing added no ink");
saveAs("PNG", output + File.separator + "eroded-closed.png");
print("morphology: " + thin + " ink pixels eroded 3x3, " + counts[0] + " after closing with a 15-pixel line");
