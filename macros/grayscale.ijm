// OCR Grayscale on a colour page with a red stamp: channel=Red makes the stamp vanish, Luminance keeps it.
// Headless:   target/dist/ij-ocr macro macros/grayscale.ijm "samples/01-clean.png,out/grayscale"
args = split(getArgument(), ",");
input = "samples/01-clean.png";  output = "out/grayscale";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
stamped("red");
stamped("luminance"); // a second copy (Duplicate... needs a dialog, which plain ImageJ 1 cannot show headless)
run("OCR Grayscale", "channel=Luminance");
makeOval(780, 230, 140, 140);
getStatistics(area, lum);
selectImage("red");
run("OCR Grayscale", "channel=Red");
if (bitDepth() != 8) exit("grayscale: the page is not 8-bit");
makeOval(780, 230, 140, 140);
getStatistics(area, red);
run("Select None");
if (red < 200 || lum > 120) exit("grayscale: stamp mean " + red + " (Red) and " + lum + " (Luminance)");
saveAs("PNG", output + File.separator + "red-channel.png");
print("grayscale: the red stamp has mean " + d2s(lum, 0) + " by luminance and " + d2s(red, 0) + " in the red channel");

// Opens the page as RGB with a red stamp over the text, titled t.
function stamped(t) {
	open(input);
	run("RGB Color");
	setColor(220, 40, 40);
	fillOval(700, 150, 300, 300);
	rename(t);
}
