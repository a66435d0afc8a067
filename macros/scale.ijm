// Enlarge a 150-dpi page automatically so that its capital letters are about 30 pixels tall (the size Tesseract
// reads best); OCR Scale logs the letter height it measured and the factor. A fixed factor first: halve a copy.
// Headless:   target/dist/ij-ocr macro macros/scale.ijm "samples/01-clean.png,out/scale"
args = split(getArgument(), ",");
input = "samples/01-clean.png";  output = "out/scale";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
open(input);
w = getWidth();  h = getHeight();
run("OCR Scale", "factor=0.5");
if (getWidth() != round(w / 2) || getHeight() != round(h / 2)) exit("scale: factor=0.5 gave " + getWidth() + "x"
	+ getHeight());
close();
open(input);
run("OCR Scale");
f = getWidth() / w;
if (f < 1.2 || f > 4 || abs(getHeight() / h - f) > 0.01) exit("scale: the automatic factor " + d2s(f, 2)
	+ " does not enlarge the 150-dpi text as expected");
saveAs("PNG", output + File.separator + "enlarged.png");
print("scale: enlarged " + w + "x" + h + " to " + getWidth() + "x" + getHeight() + " (factor " + d2s(f, 2) + ")");
