// Contrast correction of a faint, unevenly lit page: a global stretch (ImageJ's Enhance Contrast with normalize,
// 0.35 % saturated), then local CLAHE on the original page (Fiji's defaults: blocks of 127 pixels, 256 bins, clip limit 3).
// Headless:   target/dist/ij-ocr macro macros/auto-contrast.ijm "samples/03-uneven-light.png,out/auto-contrast"
args = split(getArgument(), ",");
input = "samples/03-uneven-light.png";  output = "out/auto-contrast";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
open(input);
getStatistics(area, mean0, min0, max0, sd0);
run("OCR Auto Contrast", "method=Stretch saturated=0.35");
getStatistics(area, mean1, min1, max1, sd1);
if (min1 != 0 || max1 != 255 || sd1 <= sd0)
	exit("auto-contrast: the stretch did not spread the levels (" + min1 + "-" + max1 + ", sd " + sd1 + ")");
saveAs("PNG", output + File.separator + "stretch.png");
close();
// CLAHE on the original: the dark, shadowed corner gains local contrast
open(input);
makeRectangle(getWidth() - 400, getHeight() - 400, 300, 300);
getStatistics(area, meanS0, minS0, maxS0, sdShadow0);
run("Select None");
run("OCR Auto Contrast", "method=CLAHE blocksize=127 bins=256 clip_limit=3");
makeRectangle(getWidth() - 400, getHeight() - 400, 300, 300);
getStatistics(area, meanS1, minS1, maxS1, sdShadow1);
run("Select None");
if (sdShadow1 < 1.2 * sdShadow0)
	exit("auto-contrast: CLAHE did not raise the contrast in the shadow (sd " + sdShadow0 + " -> " + sdShadow1 + ")");
saveAs("PNG", output + File.separator + "clahe.png");
print("auto-contrast: stretch " + min0 + "-" + max0 + " -> 0-255; CLAHE shadow sd " + d2s(sdShadow0, 1) + " -> "
	+ d2s(sdShadow1, 1));
