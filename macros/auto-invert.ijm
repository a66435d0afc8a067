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
original = getTitle();
open(input); rename("negative"); // a second copy (Duplicate... needs a dialog, which plain ImageJ 1 cannot show headless)
run("Invert");
run("OCR Auto Invert", "scope=Page");
imageCalculator("Difference create", original, "negative");
getStatistics(area, mean, min, max);
if (max != 0) exit("auto-invert: the negative page did not come back exactly");
close();
selectImage("negative");
// a banner: dark box with white text
setColor(20);
fillRect(100, 600, 1040, 120);
setColor(240);
setFont("SansSerif", 40, "bold antialiased");
drawString("INVERTED HEADING ACROSS THE PAGE", 130, 685);
run("OCR Auto Invert", "scope=Areas");
makeRectangle(100, 600, 1040, 120);
getStatistics(area, banner);
makeRectangle(100, 900, 1040, 400);
getStatistics(area, text);
run("Select None");
if (banner < 180) exit("auto-invert: the banner was not inverted (mean " + banner + ")");
if (text < 180) exit("auto-invert: the text below the banner was inverted (mean " + text + ")");
saveAs("PNG", output + File.separator + "banner.png");
print("auto-invert: negative page restored exactly; banner mean now " + d2s(banner, 0));
