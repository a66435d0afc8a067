// Sauvola's local threshold on a page lit unevenly: unlike a global threshold it keeps the dark corner white.
// k and radius are set explicitly (k=0 would be a real 0, not "default"); unset keys take the paper's defaults.
// Headless:   target/dist/ij-ocr macro macros/local-threshold.ijm "samples/03-uneven-light.png,out/local-threshold"
args = split(getArgument(), ",");
input = "samples/03-uneven-light.png";  output = "out/local-threshold";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
open(input);
w = getWidth();  h = getHeight();
// the text-free bottom-right corner, where the light is weakest
cx = w - 110;  cy = h - 110;
run("OCR Binarize", "method=Sauvola radius=15 k=0.2");
getHistogram(values, counts, 256);
ink = counts[0] / (w * h);
if (counts[0] + counts[255] != w * h || ink < 0.01 || ink > 0.3)
	exit("local-threshold: unexpected result, ink " + d2s(100 * ink, 2) + "%");
makeRectangle(cx, cy, 100, 100);
getHistogram(values, counts, 256);
corner = counts[0] / 10000;
run("Select None");
saveAs("PNG", output + File.separator + "page.png");
close();
// the same page with a global threshold, for comparison
open(input);
run("OCR Binarize", "method=Otsu");
makeRectangle(cx, cy, 100, 100);
getHistogram(values, counts, 256);
otsuCorner = counts[0] / 10000;
close();
if (corner > 0.01 || otsuCorner < 0.5)
	exit("local-threshold: dark corner ink " + d2s(100 * corner, 1) + "% (Otsu " + d2s(100 * otsuCorner, 1) + "%)");
print("local-threshold: ink covers " + d2s(100 * ink, 2) + "% of the page; dark corner " + d2s(100 * corner, 1)
	+ "% ink (global Otsu: " + d2s(100 * otsuCorner, 1) + "%)");
