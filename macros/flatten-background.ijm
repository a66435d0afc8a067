// Flatten the uneven light of a page (a dark shadow towards one corner) without binarizing it: the paper gets one
// level, the ink keeps its contrast. Checked on the paper of the page margins, lit and shadowed.
// Headless:   target/dist/ij-ocr macro macros/flatten-background.ijm "samples/03-uneven-light.png,out/flatten-background"
args = split(getArgument(), ",");
input = "samples/03-uneven-light.png";  output = "out/flatten-background";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
open(input);
w = getWidth();  h = getHeight();
function paperSpread() {
	// the paper of the four margin corners: largest minus smallest mean
	xs = newArray(10, w - 70, 10, w - 70);  ys = newArray(10, 10, h - 70, h - 70);
	lo = 255;  hi = 0;
	for (i = 0; i < 4; i++) {
		makeRectangle(xs[i], ys[i], 60, 60);
		getStatistics(area, mean);
		lo = minOf(lo, mean);  hi = maxOf(hi, mean);
	}
	run("Select None");
	return hi - lo;
}
before = paperSpread();
run("OCR Flatten Background", "radius=0 paper=0");
after = paperSpread();
if (bitDepth() != 8 || after > 8 || after > before / 5)
	exit("flatten-background: the paper is not flat (corner spread " + d2s(before, 1) + " -> " + d2s(after, 1) + ")");
getHistogram(values, counts, 256);
if (counts[0] + counts[255] == w * h) exit("flatten-background: the page was binarized");
saveAs("PNG", output + File.separator + "flat.png");
print("flatten-background: paper spread between the corners " + d2s(before, 1) + " -> " + d2s(after, 1) + " levels");
