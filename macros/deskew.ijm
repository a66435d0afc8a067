// Turn a clean page by 4 degrees with OCR Rotate, straighten it again with OCR Deskew, and check that the text is
// back where it was. The angle found is in the Log ("OCR Deskew: slice 1: 4.00°"), in the table "Deskew" (headless:
// the Results table) and returned by call("org.ijocr.ij1.CommandBridge.output", "angle").
// Headless:   target/dist/ij-ocr macro macros/deskew.ijm "samples/01-clean.png,out/deskew"
args = split(getArgument(), ",");
input = "samples/01-clean.png";  output = "out/deskew";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
open(input);
original = getImageID();
w = getWidth();  h = getHeight();
open(input); // a second copy to turn and straighten
page = getImageID();
if (page == original) exit("deskew: could not open a second copy of " + input);
run("OCR Rotate", "angle=4");
saveAs("PNG", output + File.separator + "rotated.png");
before = interiorDifference(original, page);
selectImage(page);
run("OCR Deskew");
angle = parseFloat(call("org.ijocr.ij1.CommandBridge.output", "angle"));
if (!(abs(angle - 4) < 0.1)) exit("deskew: found " + angle + "° instead of 4°");
if (getWidth() != w || getHeight() != h) exit("deskew: the page changed size");
after = interiorDifference(original, page);
if (!(after < before / 3)) exit("deskew: the page did not come back straight (mean difference "
	+ d2s(before, 2) + " before, " + d2s(after, 2) + " after)");
selectImage(page);
saveAs("PNG", output + File.separator + "deskewed.png");
print("deskew: found " + d2s(angle, 2) + "°; mean difference to the original page " + d2s(before, 2)
	+ " when turned by 4°, " + d2s(after, 2) + " after OCR Deskew");

// Mean absolute difference of two images inside the middle 70 % (the corners were cut off by the rotation).
function interiorDifference(a, b) {
	imageCalculator("Difference create", a, b);
	makeRectangle(round(0.15 * w), round(0.15 * h), round(0.7 * w), round(0.7 * h));
	getStatistics(area, mean);
	close();
	return mean;
}
