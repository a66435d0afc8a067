// Prepares the glare sample for OCR (finds the defects, fixes each area, deskews, enlarges small text, binarizes),
// then reads it.
// Headless:   target/dist/ij-ocr macro macros/auto-prepare.ijm "samples/05-glare.png,out/auto-prepare"
args = split(getArgument(), ",");
input = "samples/05-glare.png";  output = "out/auto-prepare";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
open(input);
original = getTitle();
w = getWidth();  h = getHeight();
run("OCR Auto Prepare");
prepared = getTitle();
if (prepared == original) exit("auto-prepare: no new image (the original must stay as it was)");
// small text is enlarged (the sample is A4 at 150 dpi): the same page, at least as large
if (getWidth() < w || abs(getWidth() / w - getHeight() / h) > 0.01) exit("auto-prepare: the prepared page is " + getWidth() + "x" + getHeight() + " for " + w + "x" + h);
getHistogram(values, counts, 256);
if (counts[0] + counts[255] != getWidth() * getHeight()) exit("auto-prepare: the prepared page is not black and white");
// the log "Prepare Log" (headless, where ImageJ 1 has no named tables, it is the Results table)
t = "Results";  if (isOpen("Prepare Log")) t = "Prepare Log";
steps = "";
for (i = 0; i < Table.size(t); i++) steps = steps + Table.getString("Step", i, t) + "; ";
if (indexOf(steps, "Detect defects") < 0 || indexOf(steps, "Binarize") < 0)
	exit("auto-prepare: the log lacks detection or binarization: " + steps);
saveAs("PNG", output + "/" + prepared + ".png");
// read the prepared page
run("OCR Recognize", "language=eng level=Word psm=Auto");
text = getInfo("OCR Text");
if (lengthOf(text) < 200) exit("auto-prepare: too little text read from the prepared page: " + lengthOf(text) + " characters");
print("auto-prepare: " + steps + lengthOf(text) + " characters read");
