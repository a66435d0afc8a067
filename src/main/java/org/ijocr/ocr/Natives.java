package org.ijocr.ocr;

import java.io.File;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.bytedeco.javacpp.Loader;

/**
 * Loads Tesseract and Leptonica for Tess4J from the {@code org.bytedeco} artifacts on the class path (Maven
 * Central; nothing for the user to install): JavaCPP's {@link Loader#load(Class)} unpacks the platform's natives
 * into its cache and loads them, then their folders go on {@code jna.library.path}, where Tess4J's JNA binding finds
 * them on its first call. Supported: {@value #SUPPORTED}.
 * <p>
 * Tesseract's LSTM uses OpenMP; several OpenMP teams on a two-core machine run several times slower than one thread
 * each, so unless the user set {@code OMP_THREAD_LIMIT} it is set to 1 in the process environment (POSIX
 * {@code setenv}, before the OpenMP runtime is loaded): the suite parallelises over pages and files instead, one
 * Tesseract handle per thread.
 */
public final class Natives {

	/** The platforms with natives in the suite's dependencies (JavaCPP platform names). */
	public static final String SUPPORTED = "linux-x86_64, macosx-x86_64, macosx-arm64, windows-x86_64";

	private static volatile boolean loaded;

	private Natives() {}

	/** The JavaCPP name of this platform, e.g. {@code linux-x86_64}. */
	public static String platform() {
		return Loader.getPlatform();
	}

	/**
	 * Loads the natives once (later calls return at once).
	 *
	 * @throws IllegalStateException naming this platform and the supported ones when there are no natives for it,
	 *           or the reason loading failed
	 */
	public static void load() {
		if (loaded) return;
		synchronized (Natives.class) {
			if (loaded) return;
			final String platform = platform();
			checkSupported(platform);
			quietLogging();
			limitOpenMp();
			final String tess, lept;
			try {
				lept = Loader.load(org.bytedeco.leptonica.global.leptonica.class);
				tess = Loader.load(org.bytedeco.tesseract.global.tesseract.class);
			}
			catch (final UnsatisfiedLinkError | RuntimeException e) {
				throw new IllegalStateException("OCR: cannot load the Tesseract natives for " + platform + ": " + e
					.getMessage(), e);
			}
			if (tess == null || lept == null) throw new IllegalStateException("OCR: the Tesseract natives for "
				+ platform + " are not on the class path (the org.bytedeco tesseract/leptonica jars with classifier "
				+ platform + ")");
			final Set<String> path = new LinkedHashSet<>();
			path.add(new File(tess).getParent());
			path.add(new File(lept).getParent());
			final String old = System.getProperty("jna.library.path");
			if (old != null && !old.isEmpty()) path.add(old);
			System.setProperty("jna.library.path", String.join(File.pathSeparator, path));
			loaded = true;
		}
	}

	/** Keeps SLF4J (used by Tess4J) from warning on stderr that no logger is installed; call before Tess4J. */
	static void quietLogging() {
		if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity",
			"ERROR");
	}

	/**
	 * Checks that the suite has natives for a JavaCPP platform name.
	 *
	 * @throws IllegalStateException naming the platform, this machine's OS and architecture, and the supported ones
	 */
	static void checkSupported(final String platform) {
		if (!Set.of(SUPPORTED.split(", ")).contains(platform)) throw new IllegalStateException("OCR: no Tesseract "
			+ "natives for this platform (" + platform + ", " + System.getProperty("os.name") + " " + System.getProperty(
				"os.arch") + "); supported: " + SUPPORTED);
	}

	/** Sets OMP_THREAD_LIMIT=1 in the process environment unless it is set (POSIX only; Windows keeps its own). */
	private static void limitOpenMp() {
		if (System.getenv("OMP_THREAD_LIMIT") != null) return;
		if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) return;
		try {
			final com.sun.jna.NativeLibrary c = com.sun.jna.NativeLibrary.getInstance(com.sun.jna.Platform.C_LIBRARY_NAME);
			c.getFunction("setenv").invokeInt(new Object[] { "OMP_THREAD_LIMIT", "1", 0 });
		}
		catch (final UnsatisfiedLinkError | RuntimeException e) {
			// no setenv: Tesseract then runs with OpenMP's default team size
		}
	}
}
