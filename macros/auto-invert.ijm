// OCR Auto Invert: a negative page is turned back to black on white, exactly; then a dark banner with white text
// drawn on the page is found and inverted on its own, the rest of the page stays as it is.
// Headless:   target/dist/ij-ocr macro macros/auto-invert.ijm "samples/01-clean.png,out/auto-invert"
args = split(getArgument(), ",");
input = "samples/01-clean.png";  output = "out/auto-invert";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
open(input);
original = getImageID();
open(input);
negative = getImageID();
if (negative == original) exit("auto-invert: could not open the page twice");
run("Invert");
getStatistics(area, mean);
if (mean > 128) exit("auto-invert: the page did not become negative");
run("OCR Auto Invert", "scope=Page");
imageCalculator("Difference create", original, negative);
getStatistics(area, mean, min, max);
if (max != 0) exit("auto-invert: the negative page did not come back exactly");
close();
selectImage(negative);
// a banner: dark box with white text
setColor(20);
fillRect(100, 600, 1040, 120);
setColor(240);
setFont("SansSerif", 40, "bold antialiased");
drawString("INVERTED HEADING ACROSS THE PAGE", 130, 685);
run("OCR Auto Invert", "scope=Areas");
makeRectangle(100, 600, 1040, 120);
getStatistics(area, banner);
run("Select None");
imageCalculator("Difference create", original, negative);
makeRectangle(0, 0, getWidth(), 590);
getStatistics(area, mean, min, above);
makeRectangle(0, 730, getWidth(), getHeight() - 730);
getStatistics(area, mean, min, below);
close();
if (banner < 180) exit("auto-invert: the banner was not inverted (mean " + banner + ")");
if (above != 0 || below != 0) exit("auto-invert: pixels away from the banner changed");
selectImage(negative);
saveAs("PNG", output + File.separator + "banner.png");
print("auto-invert: negative page restored exactly; banner mean now " + d2s(banner, 0) + ", rest of the page unchanged");
