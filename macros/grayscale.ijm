// OCR Grayscale on a colour page with a red stamp: channel=Red makes the stamp vanish, Luminance keeps it.
// Headless:   target/dist/ij-ocr macro macros/grayscale.ijm "samples/01-clean.png,out/grayscale"
args = split(getArgument(), ",");
input = "samples/01-clean.png";  output = "out/grayscale";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
channels = newArray("Luminance", "Red");
means = newArray(2);
for (i = 0; i < 2; i++) {   // the same colour page, converted both ways
	open(input);
	run("RGB Color");
	setColor(220, 40, 40);
	fillOval(700, 150, 300, 300);   // a red stamp over the text
	if (bitDepth() != 24) exit("grayscale: the test page is not RGB");
	run("OCR Grayscale", "channel=" + channels[i]);
	if (bitDepth() != 8) exit("grayscale: the page is not 8-bit after channel=" + channels[i]);
	makeOval(780, 230, 140, 140);
	getStatistics(area, mean);
	means[i] = mean;
	run("Select None");
}
if (means[1] < 200 || means[0] > 120)
	exit("grayscale: stamp mean " + means[0] + " (Luminance) and " + means[1] + " (Red)");
saveAs("PNG", output + File.separator + "red-channel.png");
print("grayscale: the red stamp has mean " + d2s(means[0], 0) + " by luminance and " + d2s(means[1], 0) + " in the red channel");
