package org.ijocr.ij1;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.Prefs;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.service.Service;

/**
 * The one ImageJ 1 plugin behind every menu entry of the suite: {@code plugins.config} lists
 * {@code org.ijocr.ij1.CommandBridge("<command class>")} for each SciJava {@link Command}. It
 * <ul>
 * <li>builds a dialog from the command's {@code @Parameter}s when run from the menu, whose labels make the
 * macro recorder write {@code key=value} with the parameter field names as keys (ImageJ shows underscores as
 * spaces);</li>
 * <li>reads {@code run("OCR …", "key=value …")} options without building a dialog (so it works headless), with
 * unknown keys, unknown choices, malformed numbers and values out of range rejected by name; a number parameter
 * whose declared default is NaN is optional: NaN, an empty value or {@code default} leave it unset (the dialog shows
 * {@code default}), while every other number parameter rejects NaN;</li>
 * <li>hands the current image to the command's {@link ImagePlus} input, shows images the command creates (they
 * become the active image, in batch mode too) and tables under their output parameter's label;</li>
 * <li>shares one SciJava context across calls ({@link SciJava}).</li>
 * </ul>
 */
public class CommandBridge implements PlugIn {

	/** What the dialog shows, and macros may pass, for an optional number that is not set. */
	public static final String DEFAULT = "default";

	private static volatile String lastFailure;

	/** What a command produced. */
	public record Outcome(List<ImagePlus> images, List<Table> tables, List<Value> values, boolean canceled) {}

	/** A scalar output of a command (a number, text or truth value): its key (field name), label and value. */
	public record Value(String key, String label, Object value) {

		/** The value as macros see it: numbers to 6 significant digits without trailing zeros, others as text. */
		public String text() {
			if (value instanceof Double || value instanceof Float) {
				final double d = ((Number) value).doubleValue();
				if (Double.isNaN(d) || Double.isInfinite(d)) return String.valueOf(d);
				return new java.math.BigDecimal(d).round(new java.math.MathContext(6)).stripTrailingZeros()
					.toPlainString();
			}
			return String.valueOf(value);
		}
	}

	private static final java.util.Map<String, String> lastOutputs = new java.util.concurrent.ConcurrentHashMap<>();

	/** A table a command produced, with the title it is shown under (its output parameter's label). */
	public record Table(String title, ResultsTable table) {}

	/** A user-settable parameter of a command: its macro key is the field name. */
	public record Param(String key, String label, String description, Class<?> type, Object defaultValue,
		List<String> choices, Double min, Double max, String style) {}

	@Override
	public void run(final String arg) {
		final String options = Macro.getOptions();
		String title = arg;
		try {
			final Class<? extends Command> cls = commandClass(arg);
			title = title(cls);
			lastFailure = null;
			final Outcome outcome = execute(cls, WindowManager.getCurrentImage(), options, options == null
				&& !GraphicsEnvironment.isHeadless());
			display(title, outcome);
		}
		catch (final CommandFailure e) {
			report(title, e);
		}
	}

	/** The message of the last failed command run through the menus or a macro, or {@code null}. */
	public static String lastFailure() {
		return lastFailure;
	}

	/**
	 * A scalar output of the last command run through the menus or a macro, by key (its field name, e.g.
	 * {@code angle}), as text; the empty string if it produced none. Macros read it with
	 * {@code call("org.ijocr.ij1.CommandBridge.output", "angle")}.
	 */
	public static String output(final String key) {
		return key == null ? "" : lastOutputs.getOrDefault(key.trim().toLowerCase(Locale.ROOT), "");
	}

	/** Clears {@link #lastFailure()}. */
	public static void clearLastFailure() {
		lastFailure = null;
	}

	/**
	 * Runs a command on {@code imp} with macro-style {@code options} (no dialog), returning what it produced. The
	 * entry point of the command line and of tests.
	 */
	public static Outcome execute(final Class<? extends Command> cls, final ImagePlus imp, final String options) {
		return execute(cls, imp, options, false);
	}

	/**
	 * Checks macro-style options against a command's parameters without running it (unknown keys, unknown
	 * choices, malformed or out-of-range numbers), so a batch can refuse a bad pipeline before the first file.
	 */
	public static void validate(final Class<? extends Command> cls, final String options) {
		final Context ctx = SciJava.context();
		final CommandInfo info = info(ctx, cls);
		final Module module = ctx.service(ModuleService.class).createModule(info);
		applyOptions(module, initialized(module, userItems(info)), options);
	}

	/** The user-settable parameters of a command, in declaration order. */
	public static List<Param> params(final Class<? extends Command> cls) {
		final Context ctx = SciJava.context();
		final CommandInfo info = info(ctx, cls);
		final Module module = ctx.service(ModuleService.class).createModule(info);
		final List<Param> list = new ArrayList<>();
		for (final ModuleItem<?> item : initialized(module, userItems(info))) {
			list.add(new Param(item.getName(), label(item), item.getDescription(), boxed(item.getType()),
				item.getValue(module), choices(item), number(item.getMinimumValue()), number(item.getMaximumValue()),
				item.getWidgetStyle()));
		}
		return list;
	}

	/** The display title of a command: its {@code @Plugin(label)}, e.g. {@code "OCR Median"}. */
	public static String title(final Class<? extends Command> cls) {
		return title(info(SciJava.context(), cls), cls);
	}

	private static String title(final CommandInfo info, final Class<? extends Command> cls) {
		final String t = info.getLabel();
		return t == null || t.isEmpty() ? cls.getSimpleName() : t;
	}

	// -- the run --

	private static Outcome execute(final Class<? extends Command> cls, final ImagePlus imp, final String options,
		final boolean dialog)
	{
		final Context ctx = SciJava.context();
		final CommandInfo info = info(ctx, cls);
		final String title = title(info, cls);
		final Module module = ctx.service(ModuleService.class).createModule(info);
		if (module == null) throw new CommandFailure("cannot create the command " + cls.getName());
		final List<ModuleItem<?>> userItems = new ArrayList<>();
		for (final ModuleItem<?> item : info.inputs()) {
			final Class<?> type = item.getType();
			if (Service.class.isAssignableFrom(type)) {
				@SuppressWarnings("unchecked")
				final Object service = ctx.service((Class<? extends Service>) type);
				set(module, item, service);
			}
			else if (Context.class.isAssignableFrom(type)) set(module, item, ctx);
			else if (ImagePlus.class.isAssignableFrom(type)) {
				if (imp == null && item.isRequired()) throw new CommandFailure("there is no image open");
				set(module, item, imp);
			}
			else if (isUserParam(item)) userItems.add(item);
		}
		final List<ModuleItem<?>> items = initialized(module, userItems);
		if (dialog) {
			if (!showDialog(title, module, items)) return new Outcome(List.of(), List.of(), List.of(), true);
		}
		else applyOptions(module, items, options);
		try {
			module.run();
		}
		catch (final IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
			throw new CommandFailure(e.getMessage() != null ? e.getMessage() : e.toString(), e);
		}
		catch (final OutOfMemoryError e) {
			throw new CommandFailure("out of memory: " + Heap.MORE + ", or work on a smaller image or fewer slices", e);
		}
		catch (final RuntimeException e) {
			throw new CommandFailure("failed: " + e, e);
		}
		final List<ImagePlus> images = new ArrayList<>();
		final List<Table> tables = new ArrayList<>();
		final List<Value> values = new ArrayList<>();
		for (final ModuleItem<?> item : info.outputs()) {
			final Object value = item.getValue(module);
			if (value instanceof ImagePlus && value != imp) images.add((ImagePlus) value);
			else if (value instanceof ResultsTable) tables.add(new Table(label(item), (ResultsTable) value));
			else if (value instanceof Number || value instanceof String || value instanceof Boolean) values.add(
				new Value(item.getName(), label(item), value));
		}
		return new Outcome(images, tables, values, false);
	}

	/**
	 * Initializes the module and returns its user items as it now sees them: a {@code DynamicCommand}'s initializers
	 * may change its items (e.g. fill a parameter's choices from the registered plugins), and the dialog and the
	 * option checks must read them after that.
	 */
	private static List<ModuleItem<?>> initialized(final Module module, final List<ModuleItem<?>> items) {
		try {
			module.initialize();
		}
		catch (final org.scijava.module.MethodCallException e) {
			throw new CommandFailure("cannot initialize: " + e.getMessage(), e);
		}
		final List<ModuleItem<?>> current = new ArrayList<>();
		for (final ModuleItem<?> item : items) {
			final ModuleItem<?> now = module.getInfo().getInput(item.getName());
			current.add(now != null ? now : item);
		}
		return current;
	}

	private static void applyOptions(final Module module, final List<ModuleItem<?>> items, final String options) {
		final MacroOptions opts;
		try {
			opts = MacroOptions.parse(options);
		}
		catch (final IllegalArgumentException e) {
			throw new CommandFailure("bad options \"" + options + "\": " + e.getMessage());
		}
		final List<String> keys = new ArrayList<>();
		for (final ModuleItem<?> item : items)
			keys.add(item.getName().toLowerCase(Locale.ROOT));
		for (final String k : opts.keys())
			if (!keys.contains(k)) throw new CommandFailure("unknown option '" + k + "'" + (keys.isEmpty()
				? " (this command takes no options)" : " (options: " + String.join(", ", keys) + ")"));
		for (final ModuleItem<?> item : items) {
			final String key = item.getName();
			final Class<?> type = boxed(item.getType());
			if (type == Boolean.class) {
				final String v = opts.value(key);
				final boolean b = v == null ? opts.has(key) : parseBoolean(key, v);
				set(module, item, b);
			}
			else if (opts.value(key) != null) set(module, item, convert(item, opts.value(key)));
			else if (opts.has(key)) throw new CommandFailure("option '" + key + "' needs a value (" + key + "=…)");
			else set(module, item, item.getValue(module)); // the declared default
		}
	}

	private static boolean showDialog(final String title, final Module module, final List<ModuleItem<?>> items) {
		final GenericDialog gd = new GenericDialog(title);
		for (final ModuleItem<?> item : items) {
			final String label = dialogLabel(item);
			final Object def = remembered(title, item, item.getValue(module));
			final Class<?> type = boxed(item.getType());
			final List<String> choices = choices(item);
			if (!choices.isEmpty()) gd.addChoice(label, choices.toArray(new String[0]), String.valueOf(def));
			else if (type == Boolean.class) gd.addCheckbox(label, Boolean.TRUE.equals(def));
			else if (optional(item)) gd.addStringField(label, Double.isNaN(((Number) def).doubleValue()) ? DEFAULT
				: format(((Number) def).doubleValue()), 8);
			else if (isInteger(type)) gd.addNumericField(label, ((Number) def).doubleValue(), 0);
			else if (Number.class.isAssignableFrom(type)) gd.addNumericField(label, ((Number) def).doubleValue(), 2);
			else if (type == File.class) {
				if (item.getWidgetStyle() != null && item.getWidgetStyle().contains("directory"))
					gd.addDirectoryField(label, def == null ? "" : def.toString());
				else gd.addFileField(label, def == null ? "" : def.toString());
			}
			else gd.addStringField(label, def == null ? "" : def.toString(), 20);
		}
		final String help = items.stream().filter(i -> i.getDescription() != null && !i.getDescription().isEmpty())
			.map(i -> label(i) + ": " + i.getDescription()).reduce((a, b) -> a + "\n" + b).orElse(null);
		if (help != null) gd.addMessage(help);
		gd.showDialog();
		if (gd.wasCanceled()) return false;
		for (final ModuleItem<?> item : items) {
			final Class<?> type = boxed(item.getType());
			final Object value;
			if (!choices(item).isEmpty()) value = gd.getNextChoice();
			else if (type == Boolean.class) value = gd.getNextBoolean();
			else if (optional(item)) value = gd.getNextString();
			else if (Number.class.isAssignableFrom(type)) {
				final double d = gd.getNextNumber();
				if (gd.invalidNumber()) throw new CommandFailure(item.getName() + ": not a number");
				value = convert(item, format(d));
			}
			else if (type == File.class) value = new File(gd.getNextString());
			else value = gd.getNextString();
			set(module, item, convert(item, String.valueOf(value)));
			Prefs.set(prefKey(title, item), String.valueOf(value));
		}
		return true;
	}

	/**
	 * Shows what a command produced: images become active (in batch mode too); tables are shown under their
	 * titles — without a display ImageJ 1 keeps no named tables, so there the last one becomes the "Results"
	 * table, where {@code getResult}/{@code nResults}/{@code saveAs("Results", …)} find it; scalar outputs go to
	 * the Log and to {@link #output(String)}.
	 */
	private static void display(final String title, final Outcome outcome) {
		lastOutputs.clear();
		for (final ImagePlus out : outcome.images()) {
			if (GraphicsEnvironment.isHeadless() && !ij.macro.Interpreter.isBatchMode()) WindowManager
				.setTempCurrentImage(out); // no window without a display, and outside batch mode show() would fail
			else out.show(); // in batch mode this makes it the active image
		}
		for (final Table t : outcome.tables()) {
			if (GraphicsEnvironment.isHeadless()) ij.plugin.filter.Analyzer.setResultsTable(t.table());
			else t.table().show(t.title());
		}
		for (final Value v : outcome.values()) {
			lastOutputs.put(v.key().toLowerCase(Locale.ROOT), v.text());
			IJ.log(title + ": " + v.label() + " = " + v.text());
		}
	}

	private static void report(final String title, final CommandFailure e) {
		lastFailure = title + ": " + e.getMessage();
		if (IJ.debugMode && e.getCause() != null) IJ.handleException(e.getCause());
		if (GraphicsEnvironment.isHeadless()) {
			System.err.println(lastFailure);
			Macro.abort();
			ij.macro.Interpreter.abort(); // stop the running macro (ImageJ's error dialog needs a display)
		}
		else IJ.error(title, e.getMessage());
	}

	// -- values --

	private static Object convert(final ModuleItem<?> item, final String raw) {
		final String key = item.getName();
		final Class<?> type = boxed(item.getType());
		final String s = raw.trim();
		final List<String> choices = choices(item);
		if (!choices.isEmpty()) {
			for (final String c : choices)
				if (c.equalsIgnoreCase(s)) return c;
			throw new CommandFailure("unknown " + key + " '" + s + "' (choose one of: " + String.join(", ", choices)
				+ ")");
		}
		if (type == String.class) return raw;
		if (type == File.class) return new File(raw);
		if (type == Boolean.class) return parseBoolean(key, s);
		if (Number.class.isAssignableFrom(type)) {
			if (optional(item) && (s.isEmpty() || s.equalsIgnoreCase(DEFAULT) || s.equalsIgnoreCase("NaN")))
				return type == Float.class ? (Object) Float.NaN : (Object) Double.NaN;
			final double d;
			try {
				d = Double.parseDouble(s);
			}
			catch (final NumberFormatException e) {
				throw new CommandFailure(key + "=" + s + " is not a number");
			}
			if (Double.isNaN(d) || Double.isInfinite(d)) throw new CommandFailure(key + "=" + s + " is not a finite number");
			final Double min = number(item.getMinimumValue()), max = number(item.getMaximumValue());
			if ((min != null && d < min) || (max != null && d > max)) throw new CommandFailure(key + "=" + s
				+ " is out of range (" + format(min) + " to " + format(max) + ")");
			if (isInteger(type)) {
				if (d != Math.rint(d)) throw new CommandFailure(key + "=" + s + " must be a whole number");
				if (type == Integer.class) return (int) d;
				if (type == Long.class) return (long) d;
				if (type == Short.class) return (short) d;
				return (byte) d;
			}
			if (type == Float.class) return (float) d;
			return d;
		}
		throw new CommandFailure("option '" + key + "' has a type the bridge cannot set: " + type.getSimpleName());
	}

	/**
	 * Whether a number parameter is optional: its declared default is NaN, meaning "not set" (e.g. "the method's own
	 * default"). Such a parameter also accepts NaN, an empty value or {@code default}, and the dialog shows it as a
	 * text field reading {@code default} when not set; any other number parameter rejects NaN.
	 */
	private static boolean optional(final ModuleItem<?> item) {
		final Class<?> type = boxed(item.getType());
		if (type != Double.class && type != Float.class) return false;
		try {
			return item.getDefaultValue() instanceof Number n && Double.isNaN(n.doubleValue());
		}
		catch (final RuntimeException e) {
			return false; // no default instance to ask
		}
	}

	private static boolean parseBoolean(final String key, final String v) {
		if (v.equalsIgnoreCase("true") || v.equals("1")) return true;
		if (v.equalsIgnoreCase("false") || v.equals("0")) return false;
		throw new CommandFailure(key + "=" + v + " is not true or false");
	}

	@SuppressWarnings("unchecked")
	private static <T> void set(final Module module, final ModuleItem<T> item, final Object value) {
		item.setValue(module, (T) value);
		module.resolveInput(item.getName());
	}

	private static Object remembered(final String title, final ModuleItem<?> item, final Object def) {
		// optional numbers ("default" = the chosen method's own value) are not carried over: a k typed for Sauvola
		// would otherwise come back as an explicit key that does not apply when Otsu is chosen next time
		if (def instanceof Double && ((Double) def).isNaN()) return def;
		final String saved = Prefs.get(prefKey(title, item), null);
		if (saved == null) return def;
		try {
			return convert(item, saved);
		}
		catch (final CommandFailure e) {
			return def; // a stale preference: fall back to the default
		}
	}

	private static String prefKey(final String title, final ModuleItem<?> item) {
		return "ijocr." + title.replace(' ', '_') + "." + item.getName();
	}

	// -- metadata --

	/** The command class of that name, loaded as the suite's own classes are; {@link CommandFailure} if none. */
	@SuppressWarnings("unchecked")
	public static Class<? extends Command> commandClass(final String name) {
		if (name == null || name.isBlank()) throw new CommandFailure("no command class given to the bridge");
		try {
			final Class<?> c = Class.forName(name.trim(), true, CommandBridge.class.getClassLoader());
			if (!Command.class.isAssignableFrom(c)) throw new CommandFailure(name + " is not a SciJava command");
			return (Class<? extends Command>) c;
		}
		catch (final ClassNotFoundException e) {
			throw new CommandFailure("command class not found: " + name);
		}
	}

	private static CommandInfo info(final Context ctx, final Class<? extends Command> cls) {
		final CommandInfo info = ctx.service(CommandService.class).getCommand(cls);
		return info != null ? info : new CommandInfo(cls);
	}

	private static List<ModuleItem<?>> userItems(final CommandInfo info) {
		final List<ModuleItem<?>> items = new ArrayList<>();
		for (final ModuleItem<?> item : info.inputs())
			if (isUserParam(item)) items.add(item);
		return items;
	}

	private static boolean isUserParam(final ModuleItem<?> item) {
		final Class<?> t = item.getType();
		return item.isInput() && !Service.class.isAssignableFrom(t) && !Context.class.isAssignableFrom(t)
			&& !ImagePlus.class.isAssignableFrom(t) && item.getVisibility() != org.scijava.ItemVisibility.MESSAGE
			&& item.getVisibility() != org.scijava.ItemVisibility.INVISIBLE;
	}

	private static String label(final ModuleItem<?> item) {
		final String l = item.getLabel();
		return l == null || l.isEmpty() ? item.getName() : l;
	}

	/** ImageJ derives the macro key from the label's first word, lower-cased, and shows '_' as a space. */
	private static String dialogLabel(final ModuleItem<?> item) {
		final String n = item.getName();
		return Character.toUpperCase(n.charAt(0)) + n.substring(1);
	}

	private static List<String> choices(final ModuleItem<?> item) {
		final List<?> c = item.getChoices();
		final List<String> list = new ArrayList<>();
		if (c != null) for (final Object o : c)
			list.add(String.valueOf(o));
		return list;
	}

	private static Double number(final Object o) {
		return o instanceof Number ? ((Number) o).doubleValue() : null;
	}

	private static boolean isInteger(final Class<?> t) {
		return t == Integer.class || t == Long.class || t == Short.class || t == Byte.class;
	}

	private static Class<?> boxed(final Class<?> t) {
		if (!t.isPrimitive()) return t;
		if (t == int.class) return Integer.class;
		if (t == double.class) return Double.class;
		if (t == boolean.class) return Boolean.class;
		if (t == long.class) return Long.class;
		if (t == float.class) return Float.class;
		if (t == short.class) return Short.class;
		if (t == byte.class) return Byte.class;
		return t;
	}

	private static String format(final Double d) {
		if (d == null) return "…";
		return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
	}
}
