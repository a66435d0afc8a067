// A manual global threshold inside a selection: only the selected block is binarized (pixels lighter than
// 150 become white); the rest of the page stays grey.
// Headless:   target/dist/ij-ocr macro macros/manual-threshold.ijm "samples/03-uneven-light.png,out/manual-threshold"
args = split(getArgument(), ",");
input = "samples/03-uneven-light.png";  output = "out/manual-threshold";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
open(input);
makeRectangle(60, 60, 560, 520);
run("OCR Binarize", "threshold=150");
getHistogram(values, counts, 256);
if (counts[0] + counts[255] != 560 * 520) exit("manual-threshold: the block is not black and white");
run("Select None");
getHistogram(values, counts, 256);
if (counts[0] + counts[255] == getWidth() * getHeight()) exit("manual-threshold: pixels outside the block changed");
saveAs("PNG", output + File.separator + "page.png");
print("manual-threshold: binarized a 560x520 block of " + getTitle());
