package org.ijocr.ocr;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.bytedeco.javacpp.Loader;

import net.sourceforge.tess4j.util.LoadLibs;

/**
 * Loads Tesseract and Leptonica for Tess4J from the {@code org.bytedeco} artifacts on the class path (Maven
 * Central; nothing for the user to install): JavaCPP's {@link Loader#load(Class)} unpacks the platform's natives
 * into its cache and loads them, then their folders go on {@code jna.library.path}, where Tess4J's JNA binding finds
 * them on its first call. Supported: {@value #SUPPORTED}.
 * <p>
 * Tess4J asks JNA for the library by a fixed name ({@code tesseract}; {@code libtesseract553} on Windows), while the
 * artifacts name the file by version ({@code libtesseract.so.5.5}, {@code libtesseract.5.5.dylib},
 * {@code libtesseract55.dll}). JNA matches versioned names only on Linux, so beside the unpacked library an alias
 * under the name Tess4J asks for is made (a symbolic link, or a copy where links are not allowed, e.g. Windows
 * without developer mode); without it macOS would find no Tesseract and Windows would load the other build that
 * Tess4J bundles.
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
			final String name = tess4jFileName(System.getProperty("os.name", ""));
			path.add(alias(tesseractLibrary(Path.of(tess).getParent(), name), name).getParent().toString());
			path.add(new File(tess).getParent());
			path.add(new File(lept).getParent());
			final String old = System.getProperty("jna.library.path");
			if (old != null && !old.isEmpty()) path.add(old);
			System.setProperty("jna.library.path", String.join(File.pathSeparator, path));
			loaded = true;
		}
	}

	/** The file name Tess4J's JNA binding looks for on an OS (by {@code os.name}). */
	static String tess4jFileName(final String osName) {
		final String os = osName.toLowerCase(Locale.ROOT);
		if (os.startsWith("windows")) return LoadLibs.LIB_NAME + ".dll";
		if (os.startsWith("mac") || os.startsWith("darwin")) return "lib" + LoadLibs.LIB_NAME_NON_WIN + ".dylib";
		return "lib" + LoadLibs.LIB_NAME_NON_WIN + ".so";
	}

	/**
	 * The Tesseract library JavaCPP unpacked into {@code folder} beside its JNI wrapper (whose path
	 * {@link Loader#load(Class)} returns): {@code libtesseract} with a version in its name.
	 *
	 * @param alias the alias name, not taken for the library itself
	 */
	static Path tesseractLibrary(final Path folder, final String alias) {
		final String[] names = folder.toFile().list();
		if (names != null) for (final String n : names)
			if (n.startsWith("libtesseract") && !n.equals(alias) && (n.contains(".so") || n.endsWith(".dylib") || n
				.endsWith(".dll")))
				return folder.resolve(n);
		throw new IllegalStateException("OCR: no Tesseract library (libtesseract…) in " + folder);
	}

	/**
	 * Makes {@code name} an alias of the library {@code lib}: beside it when its folder is writable, else in a new
	 * temporary folder; an existing alias of the same file is kept.
	 *
	 * @return the alias
	 * @throws IllegalStateException when no alias can be made anywhere
	 */
	static Path alias(final Path lib, final String name) {
		if (lib.getFileName().toString().equals(name)) return lib;
		try {
			return alias(lib, lib.resolveSibling(name), lib.getFileName());
		}
		catch (final IOException e) {
			try {
				return alias(lib, Files.createTempDirectory("ij-ocr-natives").resolve(name), lib.toAbsolutePath());
			}
			catch (final IOException e2) {
				throw new IllegalStateException("OCR: cannot make " + name + " for Tess4J beside " + lib + " ("
					+ e.getMessage() + ") or in a temporary folder (" + e2.getMessage() + ")", e2);
			}
		}
	}

	private static Path alias(final Path lib, final Path alias, final Path target) throws IOException {
		if (Files.exists(alias) && Files.isSameFile(alias, lib)) return alias;
		if (Files.exists(alias) && Files.size(alias) == Files.size(lib) && Files.mismatch(alias, lib) == -1)
			return alias;
		Files.deleteIfExists(alias); // a stale alias (broken link, other file)
		try {
			Files.createSymbolicLink(alias, target);
		}
		catch (final FileAlreadyExistsException e) {
			// another JVM made it at the same moment
		}
		catch (final UnsupportedOperationException | IOException e) {
			final Path tmp = Files.createTempFile(alias.getParent(), "alias", ".tmp");
			Files.copy(lib, tmp, StandardCopyOption.REPLACE_EXISTING);
			try {
				Files.move(tmp, alias, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (final IOException moved) {
				Files.deleteIfExists(tmp);
				if (!Files.exists(alias)) throw moved;
			}
		}
		return alias;
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
