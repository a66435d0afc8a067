package org.ijocr.ij1;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.Hashtable;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.IJ;
import ij.Menus;

/**
 * Lets plain ImageJ 1 run {@code run("Command", "options")} without a display. ImageJ 1 builds its table of
 * commands while building AWT menus, which throws {@code HeadlessException} when there is no display, so no
 * macro can call a command headless. This installs the same table without menus: ImageJ's built-in commands
 * from its {@code IJ_Props.txt} and the suite's from {@code plugins.config}. ImageJ 1.54's own dialogs read macro
 * options without a display, so built-in commands run headless when given their options; the suite's commands
 * never build a dialog when given options.
 */
public final class HeadlessImageJ {

	private static final Pattern PROP = Pattern.compile("^\"(.+?)(?:\\[[^\\]]*\\])?\",(.+)$");

	/** Image-processing commands that ImageJ 1.54p adds to its menus in code (name, plugin). */
	private static final String[][] BUILT_IN_CODE = { //
		{ "8-bit", "ij.plugin.Converter(\"8-bit\")" }, { "16-bit", "ij.plugin.Converter(\"16-bit\")" }, //
		{ "32-bit", "ij.plugin.Converter(\"32-bit\")" }, { "8-bit Color", "ij.plugin.Converter(\"8-bit Color\")" }, //
		{ "RGB Color", "ij.plugin.Converter(\"RGB Color\")" }, { "RGB Stack", "ij.plugin.Converter(\"RGB Stack\")" }, //
		{ "HSB Stack", "ij.plugin.Converter(\"HSB Stack\")" }, { "HSB (32-bit)", "ij.plugin.Converter(\"HSB (32-bit)\")" }, //
		{ "Lab Stack", "ij.plugin.Converter(\"Lab Stack\")" }, { "Invert", "ij.plugin.filter.Filters(\"invert\")" }, //
		{ "Smooth", "ij.plugin.filter.Filters(\"smooth\")" }, { "Sharpen", "ij.plugin.filter.Filters(\"sharpen\")" }, //
		{ "Find Edges", "ij.plugin.filter.Filters(\"edge\")" }, { "Crop", "ij.plugin.Resizer(\"crop\")" }, //
		{ "Duplicate...", "ij.plugin.Duplicator" }, { "Rename...", "ij.plugin.SimpleCommands(\"rename\")" }, //
		{ "Fill", "ij.plugin.filter.Filler(\"fill\")" }, { "Clear", "ij.plugin.filter.Filler(\"clear\")" }, //
		{ "Clear Outside", "ij.plugin.filter.Filler(\"outside\")" }, { "Draw", "ij.plugin.filter.Filler(\"draw\")" }, //
		{ "Measure", "ij.plugin.filter.Analyzer" }, { "Clear Results", "ij.plugin.filter.Analyzer(\"clear\")" }, //
		{ "Summarize", "ij.plugin.filter.Analyzer(\"sum\")" }, { "Set Measurements...", "ij.plugin.filter.Analyzer(\"set\")" }, //
		{ "Set Scale...", "ij.plugin.filter.ScaleDialog" }, { "Scale...", "ij.plugin.Scaler" }, //
		{ "Enhance Contrast...", "ij.plugin.ContrastEnhancer" }, { "Subtract Background...", "ij.plugin.filter.BackgroundSubtracter" }, //
		{ "Image Calculator...", "ij.plugin.ImageCalculator" }, { "Analyze Particles...", "ij.plugin.filter.ParticleAnalyzer" }, //
		{ "Find Maxima...", "ij.plugin.filter.MaximumFinder" }, { "Properties...", "ij.plugin.filter.ImageProperties" }, //
		{ "Calibrate...", "ij.plugin.filter.Calibrator" }, { "Revert", "ij.plugin.Commands(\"revert\")" }, //
		{ "Close", "ij.plugin.Commands(\"close\")" }, { "Close All", "ij.plugin.Commands(\"close-all\")" } };

	private HeadlessImageJ() {}

	/** Installs the command table if there is no display and ImageJ has none yet; safe to call repeatedly. */
	public static synchronized void install() {
		if (!GraphicsEnvironment.isHeadless() || Menus.getCommands() != null) return;
		final Hashtable<String, String> table = new Hashtable<>();
		builtIns(table);
		for (final PluginsConfig.Entry e : PluginsConfig.entries())
			table.put(e.command(), e.plugin());
		try {
			final Field f = Menus.class.getDeclaredField("pluginsTable");
			f.setAccessible(true);
			f.set(null, table);
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			throw new IllegalStateException("cannot install ImageJ's headless command table ("
				+ e.getMessage() + "); this ImageJ version is not supported headless", e);
		}
	}

	private static void builtIns(final Map<String, String> table) {
		final Properties props = new Properties();
		try (InputStream in = IJ.class.getResourceAsStream("/IJ_Props.txt")) {
			if (in != null) props.load(in);
		}
		catch (final IOException e) {
			return; // only the suite's own commands then
		}
		for (final String key : props.stringPropertyNames()) {
			final Matcher m = PROP.matcher(props.getProperty(key));
			if (m.matches()) table.put(m.group(1), m.group(2).trim());
		}
		// commands ImageJ builds in code rather than listing in IJ_Props.txt (Menus.addMenuBar, ImageJ 1.54p)
		for (final String[] c : BUILT_IN_CODE)
			table.put(c[0], c[1]);
	}
}
