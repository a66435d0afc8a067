// Finds the areas of the salt-and-pepper sample that would make OCR misread it, and saves the page with them drawn.
// Headless:   target/dist/ij-ocr macro macros/detect-defects.ijm "samples/02-salt-and-pepper.png,out/defects"
args = split(getArgument(), ",");
input = "samples/02-salt-and-pepper.png";  output = "out/defects";
if (args.length > 0 && args[0] != "") input = args[0];
if (args.length > 1) output = args[1];
File.makeDirectory(output);
setBatchMode(true);
open(input);
page = getTitle();
run("OCR Detect Defects", "type=All");
// the table "Defects" (headless, where ImageJ 1 has no named tables, it is the Results table)
t = "Results";  if (isOpen("Defects")) t = "Defects";
headings = split(Table.headings(t), "\t");
columns = newArray("Type", "X", "Y", "Width", "Height", "Score", "Slice", "Mitigation");
for (c = 0; c < columns.length; c++) {
	found = false;
	for (h = 0; h < headings.length; h++) if (headings[h] == columns[c]) found = true;
	if (!found) exit("detect-defects: no column " + columns[c] + " in the table (" + Table.headings(t) + ")");
}
n = Table.size(t);
// one rectangle per row, named by its type, on the row's box; then one legend line per type present
types = "";  ntypes = 0;
for (i = 0; i < n; i++) {
	type = Table.getString("Type", i, t);
	if (indexOf(" " + types + ",", " " + type + ",") < 0) {
		if (ntypes > 0) types = types + ", ";
		types = types + type;  ntypes++;
	}
	Overlay.activateSelection(i);
	getSelectionBounds(x, y, w, h);
	if (Roi.getName != type || x != Table.get("X", i, t) || y != Table.get("Y", i, t) || w != Table.get("Width", i, t) || h != Table.get("Height", i, t))
		exit("detect-defects: overlay element " + i + " (" + Roi.getName + " " + x + "," + y + " " + w + "x" + h + ") is not row " + i + " of the table");
	score = Table.get("Score", i, t);
	if (score < 0 || score > 1) exit("detect-defects: score " + score + " outside [0, 1] in row " + i);
	if (Table.getString("Mitigation", i, t) == "") exit("detect-defects: no mitigation in row " + i);
}
run("Select None");
if (n == 0 && Overlay.size > 0) exit("detect-defects: no defects but " + Overlay.size + " overlay elements");
if (n > 0 && Overlay.size != n + ntypes) exit("detect-defects: " + n + " areas and " + ntypes + " types, but " + Overlay.size + " overlay elements");
run("Flatten");
saveAs("PNG", output + File.separator + "defects.png");
print("detect-defects: " + n + " defect area(s) in " + page + " (types: " + types + ")");
