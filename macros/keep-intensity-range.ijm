// Keep the text layer, drop lighter words: grey background words (level 170) are written over a clean page, then
// the automatic band keeps the darkest layer of ink (the text) and turns the rest into paper.
// Headless:   target/dist/ij-ocr macro macros/keep-intensity-range.ijm "samples/01-clean.png,out/keep-intensity-range"
args = split(getArgument(), ",");
input = "samples/01-clean.png";  output = "out/keep-intensity-range";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
open(input);
function count(lo, hi) {
	getHistogram(values, counts, 256);
	n = 0;
	for (v = lo; v <= hi; v++) n += counts[v];
	return n;
}
setColor(170);
setFont("SansSerif", 56, "antialiased");
for (y = 160; y < getHeight(); y += 170)
	drawString("DRAFT copy not for use", 40 + (y % 300), y);
grey0 = count(165, 175);
ink = count(0, 60);
if (grey0 < 5000) exit("keep-intensity-range: the background words were not drawn");
run("OCR Keep Intensity Range", "lower=0 upper=0 fill=White");
grey1 = count(165, 175);
ink1 = count(0, 60);
if (grey1 > grey0 / 50 || ink1 < 0.99 * ink)
	exit("keep-intensity-range: grey words " + grey0 + " -> " + grey1 + " pixels, ink " + ink + " -> " + ink1);
saveAs("PNG", output + File.separator + "text-layer.png");
print("keep-intensity-range: grey words " + grey0 + " -> " + grey1 + " pixels; ink " + ink + " -> " + ink1);
