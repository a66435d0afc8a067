// Smooth a noisy page with the fast median, then binarize with a global Otsu threshold; report the ink share.
// Headless:   target/dist/ij-ocr macro macros/median-then-otsu.ijm "samples/02-salt-and-pepper.png,out/median-then-otsu"
args = split(getArgument(), ",");
input = "samples/02-salt-and-pepper.png";  output = "out/median-then-otsu";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
open(input);
run("OCR Median", "radius=1");
run("OCR Binarize", "method=Otsu");
getHistogram(values, counts, 256);
ink = counts[0] / (getWidth() * getHeight());
if (counts[0] + counts[255] != getWidth() * getHeight() || ink < 0.005 || ink > 0.3)
	exit("median-then-otsu: unexpected result, ink " + d2s(100 * ink, 2) + "%");
print("median-then-otsu: ink covers " + d2s(100 * ink, 2) + "% of the page");
saveAs("PNG", output + File.separator + "page.png");
