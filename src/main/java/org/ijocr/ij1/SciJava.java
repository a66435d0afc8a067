package org.ijocr.ij1;

import ij.IJ;

import org.ijocr.defect.DefectDetectorService;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;

/**
 * The one SciJava {@link Context} the suite's ImageJ 1 commands share: Fiji's own context when the suite runs
 * inside Fiji (ImageJ legacy hands it out), else a small context of our own made once (creating one costs about
 * 0.3 s, far too much per call in a macro over thousands of pages).
 */
public final class SciJava {

	private static volatile Context context;

	private SciJava() {}

	/** The shared context, created on first use. */
	public static Context context() {
		Context c = context;
		if (c == null) {
			synchronized (SciJava.class) {
				c = context;
				if (c == null) context = c = create();
			}
		}
		return c;
	}

	private static Context create() {
		final Context fiji = fijiContext();
		if (fiji != null) return fiji;
		// Plugin discovery reads the thread's context class loader; inside ImageJ 1 that must be the loader
		// that sees plugins/ and plugins/jars/, i.e. the one that loaded this class.
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(SciJava.class.getClassLoader());
		try {
			return new Context(CommandService.class, ModuleService.class, DefectDetectorService.class);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static Context fijiContext() {
		try {
			Class.forName("net.imagej.legacy.LegacyService", false, SciJava.class.getClassLoader());
		}
		catch (final ClassNotFoundException | LinkageError e) {
			return null; // plain ImageJ 1 or the command line
		}
		final Object o = IJ.runPlugIn("org.scijava.Context", "");
		return o instanceof Context ? (Context) o : null;
	}
}
