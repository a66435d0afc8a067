// Binarize every page of a folder with the suite's automatic document method and save black-on-white PNGs.
// Headless:   target/dist/ij-ocr macro macros/binarize-folder.ijm "samples,out/binarize-folder"
// In ImageJ:  Plugins>Macros>Run..., or drag onto the ImageJ window (uses the default folders below).
args = split(getArgument(), ",");
input = "samples";  output = "out/binarize-folder";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
files = getFileList(input);
n = 0;
for (i = 0; i < files.length; i++) {
	if (!endsWith(toLowerCase(files[i]), ".png") && !endsWith(toLowerCase(files[i]), ".tif")) continue;
	open(input + File.separator + files[i]);
	run("OCR Binarize", "method=Auto");
	getHistogram(values, counts, 256);
	if (bitDepth() != 8 || counts[0] + counts[255] != getWidth() * getHeight() || counts[0] == 0)
		exit("binarize-folder: " + files[i] + " did not become black text on white");
	saveAs("PNG", output + File.separator + File.getNameWithoutExtension(files[i]) + ".png");
	close();
	n++;
}
if (n == 0) exit("binarize-folder: no .png or .tif page in " + input);
print("binarize-folder: wrote " + n + " page(s) to " + output);
