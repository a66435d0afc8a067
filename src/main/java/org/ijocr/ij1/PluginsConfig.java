package org.ijocr.ij1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's menu entries, read from the {@code plugins.config} that ImageJ 1 reads from the jar (the one source
 * of menus). The command line and the headless command table use the same entries, so a command has one name
 * everywhere.
 */
public final class PluginsConfig {

	/** One menu entry: {@code Plugins>OCR, "OCR Median", org.ijocr.ij1.CommandBridge("...MedianCommand")}. */
	public record Entry(String menu, String command, String className, String arg) {

		/** The plugin as ImageJ 1's command table writes it: {@code class("arg")}, or the class alone. */
		public String plugin() {
			return arg == null ? className : className + "(\"" + arg + "\")";
		}
	}

	private static final Pattern LINE = Pattern.compile(
		"^\\s*([^,#][^,]*?)\\s*,\\s*\"([^\"]+)\"\\s*,\\s*([\\w.$]+)\\s*(?:\\(\\s*\"([^\"]*)\"\\s*\\))?\\s*$");

	private static volatile List<Entry> entries;

	private PluginsConfig() {}

	/** The entries of the suite's {@code plugins.config}. */
	public static List<Entry> entries() {
		List<Entry> e = entries;
		if (e == null) {
			try (InputStream in = PluginsConfig.class.getResourceAsStream("/plugins.config")) {
				if (in == null) throw new IllegalStateException("plugins.config is missing from the IJ-OCR jar");
				entries = e = parse(in);
			}
			catch (final IOException ex) {
				throw new IllegalStateException("cannot read plugins.config: " + ex.getMessage(), ex);
			}
		}
		return e;
	}

	/** The entry of a command name, e.g. {@code "OCR Median"}. */
	public static Optional<Entry> find(final String command) {
		return entries().stream().filter(x -> x.command().equals(command)).findFirst();
	}

	/** Parses plugins.config text: comments ({@code #}) and blank lines are skipped. */
	public static List<Entry> parse(final InputStream in) throws IOException {
		final List<Entry> list = new ArrayList<>();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = r.readLine()) != null) {
				if (line.isBlank() || line.trim().startsWith("#")) continue;
				final Matcher m = LINE.matcher(line);
				if (!m.matches()) throw new IOException("unreadable plugins.config line: " + line);
				list.add(new Entry(m.group(1), m.group(2), m.group(3), m.group(4)));
			}
		}
		return Collections.unmodifiableList(list);
	}
}
