package org.ijocr.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import ij.ImagePlus;
import ij.Macro;
import ij.plugin.filter.Analyzer;
import ij.process.ByteProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandBridgeTest {

	private static ImagePlus image() {
		return new ImagePlus("page", new ByteProcessor(5, 5));
	}

	@Test
	void optionsSetParametersByFieldName() {
		final CommandBridge.Outcome out = CommandBridge.execute(ProbeCommand.class, image(),
			"radius=2.5 count=7 method=[gaussian ADAPTIVE] dark_background title=[my page]");
		assertEquals("radius=2.5 count=7 method=Gaussian adaptive dark_background=true title=my page imp=page",
			ProbeCommand.seen);
		assertEquals(1, out.images().size());
		assertEquals("my page", out.images().get(0).getTitle());
		assertEquals(1, out.tables().size());
		assertEquals("Probe Table", out.tables().get(0).title());
		assertEquals(7, out.tables().get(0).table().getValue("Count", 0));
	}

	@Test
	void scalarOutputsAreValues() {
		final CommandBridge.Outcome out = CommandBridge.execute(ProbeCommand.class, image(), "radius=2.25");
		assertEquals(List.of(new CommandBridge.Value("twice", "Twice the radius", 4.5)), out.values());
		assertEquals("4.5", out.values().get(0).text());
		assertEquals("4", new CommandBridge.Value("n", "N", 4.0).text());
	}

	@Test
	void fromAMacroHeadlessOutputsReachTheMacro() throws InterruptedException {
		// as run("OCR Probe", "radius=3 count=9") does: options on a "Run$_" thread, the bridge as the plugin
		final Thread run = new Thread(() -> {
			ij.WindowManager.setTempCurrentImage(image());
			Macro.setOptions("radius=3 count=9");
			ij.macro.Interpreter.batchMode = true;
			try {
				new CommandBridge().run(ProbeCommand.class.getName());
			}
			finally {
				Macro.setOptions(null);
				ij.macro.Interpreter.batchMode = false;
			}
		}, "Run$_probe");
		run.start();
		run.join();
		assertEquals(null, CommandBridge.lastFailure());
		assertEquals("6", CommandBridge.output("twice")); // call("org.ijocr.ij1.CommandBridge.output", "twice")
		assertEquals("", CommandBridge.output("nothing"));
		// headless, ImageJ 1 has no named tables: the command's table is the Results table
		assertEquals(9, Analyzer.getResultsTable().getValue("Count", 0));
	}

	@Test
	void missingKeysTakeTheDeclaredDefaults() {
		CommandBridge.execute(ProbeCommand.class, image(), "");
		assertEquals("radius=1.5 count=3 method=Auto dark_background=false title=probe imp=page", ProbeCommand.seen);
		CommandBridge.execute(ProbeCommand.class, null, "dark_background=false count=2");
		assertEquals("radius=1.5 count=2 method=Auto dark_background=false title=probe imp=none", ProbeCommand.seen);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { //
		"radius=-1                 | radius=-1 is out of range (0 to 10)", //
		"radius=11                 | radius=11 is out of range (0 to 10)", //
		"radius=abc                | radius=abc is not a number", //
		"count=2.5                 | count=2.5 must be a whole number", //
		"count=0                   | count=0 is out of range (1 to …)", //
		"method=Sauvolla           | unknown method 'Sauvolla' (choose one of: Auto, Otsu, Gaussian adaptive)", //
		"radiuss=2                 | unknown option 'radiuss' (options: radius, count, method, dark_background, title, weight)", //
		"radius=NaN                | radius=NaN is not a finite number", //
		"count=default             | count=default is not a number", //
		"weight=abc                | weight=abc is not a number", //
		"weight=Infinity           | weight=Infinity is not a finite number", //
		"dark_background=maybe     | dark_background=maybe is not true or false", //
		"count                     | option 'count' needs a value (count=…)", //
		"method=Otsu count=13      | count 13 is unlucky" })
	void badOptionsAreRejectedByName(final String options, final String message) {
		final CommandFailure e = assertThrows(CommandFailure.class, () -> CommandBridge.execute(ProbeCommand.class,
			image(), options));
		assertEquals(message, e.getMessage());
	}

	/** A number whose declared default is NaN is optional: NaN, blank or "default" leave it unset; 0 is a value. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { //
		"''                  | radius=1.5 count=3 method=Auto dark_background=false title=probe imp=page", //
		"weight=default      | radius=1.5 count=3 method=Auto dark_background=false title=probe imp=page", //
		"weight=DEFAULT      | radius=1.5 count=3 method=Auto dark_background=false title=probe imp=page", //
		"weight=NaN          | radius=1.5 count=3 method=Auto dark_background=false title=probe imp=page", //
		"weight=             | radius=1.5 count=3 method=Auto dark_background=false title=probe imp=page", //
		"weight=[]           | radius=1.5 count=3 method=Auto dark_background=false title=probe imp=page", //
		"weight=0            | radius=1.5 count=3 method=Auto dark_background=false title=probe weight=0.0 imp=page", //
		"weight=-2.5         | radius=1.5 count=3 method=Auto dark_background=false title=probe weight=-2.5 imp=page" })
	void optionalNumbers(final String options, final String seen) {
		CommandBridge.execute(ProbeCommand.class, image(), options);
		assertEquals(seen, ProbeCommand.seen);
	}

	@Test
	void validateChecksWithoutRunning() {
		ProbeCommand.seen = null;
		CommandBridge.validate(ProbeCommand.class, "radius=3 method=Otsu");
		assertEquals(null, ProbeCommand.seen);
		assertThrows(CommandFailure.class, () -> CommandBridge.validate(ProbeCommand.class, "radius=30"));
	}

	@Test
	void paramsDescribeTheDialogAndMacroKeys() {
		final List<CommandBridge.Param> ps = CommandBridge.params(ProbeCommand.class);
		assertEquals(List.of("radius", "count", "method", "dark_background", "title", "weight"), ps.stream().map(
			CommandBridge.Param::key).toList());
		assertTrue(Double.isNaN((Double) ps.get(5).defaultValue()));
		assertEquals(1.5, ps.get(0).defaultValue());
		assertEquals(0.0, ps.get(0).min());
		assertEquals(10.0, ps.get(0).max());
		assertEquals(List.of("Auto", "Otsu", "Gaussian adaptive"), ps.get(2).choices());
		assertEquals(Boolean.class, ps.get(3).type());
		assertEquals("OCR Probe", CommandBridge.title(ProbeCommand.class));
	}

	@Test
	void oneSharedContext() {
		assertNotNull(SciJava.context());
		assertTrue(SciJava.context() == SciJava.context());
	}
}
