// Every binarization method side by side on a few lines of the uneven-light sample, to choose one by eye.
// Headless:   target/dist/ij-ocr macro macros/compare-binarizations.ijm "samples/03-uneven-light.png,out/compare"
args = split(getArgument(), ",");
input = "samples/03-uneven-light.png";  output = "out/compare";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
open(input);
page = getTitle();
makeRectangle(60, 60, 600, 300);
run("OCR Compare Binarizations", "output=Montage");
if (getTitle() != "Binarizations of " + page) exit("compare-binarizations: no montage (active image: " + getTitle() + ")");
// the table "Binarizations" (headless, where ImageJ 1 has no named tables, it is the Results table)
t = "Results";  if (isOpen("Binarizations")) t = "Binarizations";
n = Table.size(t);
if (n < 9) exit("compare-binarizations: expected a row per method, got " + n);
otsu = "";
for (i = 0; i < n; i++) if (Table.getString("Method", i, t) == "Otsu") otsu = Table.get("Threshold", i, t);
if (otsu == "") exit("compare-binarizations: no Otsu row");
saveAs("PNG", output + File.separator + "montage.png");
print("compare-binarizations: " + n + " methods, Otsu threshold " + otsu);
