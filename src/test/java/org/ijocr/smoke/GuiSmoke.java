package org.ijocr.smoke;

import java.awt.Button;
import java.awt.Menu;
import java.awt.MenuBar;
import java.awt.MenuItem;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;

/**
 * Smoke test in a real ImageJ 1 window (run under Xvfb by {@code .ci/run}, with {@code -Dplugins.dir} pointing at
 * {@code target/dist}, so the suite loads exactly as a user's installed copy): every {@code OCR} command is in
 * the menus exactly once under Plugins&gt;OCR; clicking {@code OCR Median} opens its dialog, OK runs it and the
 * recorder writes {@code run("OCR Median", "radius=2");}; a batch-mode macro runs the suite's commands. Uses only
 * ImageJ's API: the suite itself must come from the plugins folder. Exit status 0 when all checks pass.
 */
public final class GuiSmoke {

	private static final List<String> failures = new ArrayList<>();

	public static void main(final String[] args) throws Exception {
		final String expectedCommands = args.length > 0 ? args[0] : "OCR Binarize,OCR Median";
		final ImageJ ij = new ImageJ(ImageJ.NO_SHOW);
		final MenuBar bar = Menus.getMenuBar();
		check(bar != null, "ImageJ built its menu bar");

		// 1. each command once, under Plugins>OCR
		for (final String command : expectedCommands.split(",")) {
			final List<String> paths = new ArrayList<>();
			for (int i = 0; i < bar.getMenuCount(); i++)
				find(bar.getMenu(i), bar.getMenu(i).getLabel(), command, paths);
			check(paths.equals(List.of("Plugins>OCR>" + command)), command + " appears once under Plugins>OCR: "
				+ paths);
		}

		// 2. the menu item opens the dialog; OK runs the command; the recorder records field-name keys
		final ImagePlus imp = IJ.createImage("page", "8-bit noise", 64, 48, 1);
		imp.show();
		IJ.wait(500);
		WindowManager.setCurrentWindow(imp.getWindow());
		new Recorder();
		Recorder.record = true;
		final byte[] before = ((byte[]) imp.getProcessor().getPixels()).clone();
		ij.actionPerformed(new ActionEvent(new MenuItem("OCR Median"), ActionEvent.ACTION_PERFORMED, "OCR Median"));
		final GenericDialog gd = waitForDialog("OCR Median", 20000);
		check(gd != null, "OCR Median opened a dialog");
		if (gd != null) {
			final TextField radius = (TextField) gd.getNumericFields().get(0);
			radius.setText("2");
			final Button ok = gd.getButtons()[0];
			gd.actionPerformed(new ActionEvent(ok, ActionEvent.ACTION_PERFORMED, ok.getLabel()));
			final long t0 = System.currentTimeMillis();
			String recorded = "";
			while (System.currentTimeMillis() - t0 < 20000) {
				recorded = Recorder.getInstance() != null ? Recorder.getInstance().getText() : "";
				if (recorded.contains("OCR Median")) break;
				IJ.wait(100);
			}
			check(recorded.contains("run(\"OCR Median\", \"radius=2\");"), "recorder wrote run(\"OCR Median\", "
				+ "\"radius=2\"): " + recorded.trim());
			// the recorder writes the line when the command starts; the filter may still be running (a loaded machine).
			// A median of uniform noise leaves a pixel as it was with a chance of about one in a hundred, so this
			// counts the changed pixels of the whole image (checking one pixel failed a CI run by that chance)
			final long t1 = System.currentTimeMillis();
			double changed = changedFraction(imp, before);
			while (changed < 0.5 && System.currentTimeMillis() - t1 < 20000) {
				IJ.wait(100);
				changed = changedFraction(imp, before);
			}
			check(changed >= 0.5, "the median changed the noise image: " + Math.round(100 * changed)
				+ " % of its pixels");
		}
		Recorder.record = false;

		// 3. a macro in batch mode, as a user's batch script
		final String result = IJ.runMacro(String.join("\n", //
			"setBatchMode(true);", //
			"newImage('t', '8-bit white', 80, 60, 1);", //
			"setColor(0); fillRect(20, 20, 30, 10);", //
			"run('OCR Median', 'radius=1');", //
			"run('OCR Binarize', 'method=Otsu');", //
			"if (bitDepth() != 8 || getPixel(25, 25) != 0 || getPixel(5, 5) != 255) exit('wrong pixels');", //
			"run('Measure');", //
			"v = Table.get('Mean', 0, 'Results');", //
			"return 'ok ' + v;"));
		check(result != null && result.startsWith("ok "), "batch macro ran the suite's commands: " + result);

		// 4. with a display, a command's table is shown under its own title and macros find it there
		final String table = IJ.runMacro(String.join("\n", //
			"setBatchMode(true);", //
			"newImage('t', '8-bit ramp', 120, 90, 1);", //
			"run('OCR Compare Binarizations', 'output=Stack');", //
			"if (!isOpen('Binarizations')) exit('no Binarizations table');", //
			"return 'rows ' + Table.size('Binarizations') + ' ' + nSlices;"));
		check(table != null && table.matches("rows (\\d+) \\1"), "the Binarizations table is open by title, a row per "
			+ "slice: " + table);

		for (final String f : failures)
			System.err.println("SMOKE FAILED: " + f);
		System.err.println(failures.isEmpty() ? "smoke: all checks passed" : "smoke: " + failures.size()
			+ " check(s) failed");
		System.exit(failures.isEmpty() ? 0 : 1);
	}

	private static double changedFraction(final ImagePlus imp, final byte[] before) {
		final byte[] now = (byte[]) imp.getProcessor().getPixels();
		int changed = 0;
		for (int i = 0; i < before.length; i++)
			if (now[i] != before[i]) changed++;
		return changed / (double) before.length;
	}

	private static void find(final Menu menu, final String path, final String command, final List<String> found) {
		for (int i = 0; i < menu.getItemCount(); i++) {
			final MenuItem item = menu.getItem(i);
			if (item instanceof Menu) find((Menu) item, path + ">" + item.getLabel(), command, found);
			else if (command.equals(item.getLabel())) found.add(path + ">" + command);
		}
	}

	private static GenericDialog waitForDialog(final String title, final long ms) {
		final long t0 = System.currentTimeMillis();
		while (System.currentTimeMillis() - t0 < ms) {
			for (final Window w : Window.getWindows())
				if (w instanceof GenericDialog && w.isVisible() && title.equals(((GenericDialog) w).getTitle()))
					return (GenericDialog) w;
			IJ.wait(100);
		}
		return null;
	}

	private static void check(final boolean ok, final String what) {
		System.err.println((ok ? "ok   " : "FAIL ") + what);
		if (!ok) failures.add(what);
	}
}
