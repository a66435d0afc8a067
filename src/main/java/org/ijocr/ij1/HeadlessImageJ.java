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
 * from its {@code IJ_Props.txt} and the suite's from {@code plugins.config}. Built-in commands that open a dialog
 * still cannot run headless (ImageJ 1's dialogs need a display); the suite's commands never build a dialog when
 * given options.
 */
public final class HeadlessImageJ {

	private static final Pattern PROP = Pattern.compile("^\"(.+?)(?:\\[[^\\]]*\\])?\",(.+)$");

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
	}
}
