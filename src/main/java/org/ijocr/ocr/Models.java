package org.ijocr.ocr;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.sourceforge.tess4j.util.LoadLibs;

/**
 * Where Tesseract's models ({@code <language>.traineddata}) are: the folder the user gives (option
 * {@code tessdata}), else the environment variable {@code TESSDATA_PREFIX}, else the English ({@code eng}, "fast"
 * LSTM model) and orientation ({@code osd}) models bundled in Tess4J's jar, unpacked once into
 * {@code <java.io.tmpdir>/tess4j/tessdata} by {@link LoadLibs#extractTessResources(String)}. More languages: download
 * {@code <lang>.traineddata} from github.com/tesseract-ocr/tessdata_fast (or _best) into a folder and point
 * {@code tessdata} or {@code TESSDATA_PREFIX} at it.
 */
public final class Models {

	/** The model file name ending. */
	public static final String EXTENSION = ".traineddata";

	private static volatile Path bundled;

	private Models() {}

	/**
	 * The model folder: {@code option} if not blank, else {@code TESSDATA_PREFIX} if set, else the bundled models.
	 * A {@code TESSDATA_PREFIX} that names the parent of a {@code tessdata} folder (Tesseract 3's convention) is
	 * followed into it.
	 *
	 * @throws IllegalArgumentException if the folder given does not exist
	 */
	public static Path folder(final String option) {
		return folder(option, System.getenv("TESSDATA_PREFIX"));
	}

	/** {@link #folder(String)} with the value of {@code TESSDATA_PREFIX} given. */
	static Path folder(final String option, final String env) {
		if (option != null && !option.isBlank()) return existing(Path.of(option.trim()), "tessdata");
		if (env != null && !env.isBlank()) {
			final Path p = existing(Path.of(env.trim()), "TESSDATA_PREFIX");
			return languages(p).isEmpty() && Files.isDirectory(p.resolve("tessdata")) ? p.resolve("tessdata") : p;
		}
		return bundled();
	}

	/** The folder holding Tess4J's bundled {@code eng}, {@code osd} and {@code pdf.ttf}, unpacked once. */
	public static Path bundled() {
		Path b = bundled;
		if (b == null) synchronized (Models.class) {
			b = bundled;
			if (b == null || !Files.isRegularFile(b.resolve("eng" + EXTENSION))) {
				Natives.quietLogging();
				final File f = LoadLibs.extractTessResources("tessdata");
				if (f == null || !new File(f, "eng" + EXTENSION).isFile()) throw new IllegalStateException(
					"OCR: cannot unpack the bundled English model from Tess4J's jar into " + f);
				bundled = b = f.toPath();
			}
		}
		return b;
	}

	/** The languages with a model in {@code folder}, sorted (e.g. {@code [eng, osd]}). */
	public static List<String> languages(final Path folder) {
		final List<String> list = new ArrayList<>();
		try (Stream<Path> s = Files.list(folder)) {
			s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(EXTENSION) && n.length() > EXTENSION
				.length()).map(n -> n.substring(0, n.length() - EXTENSION.length())).sorted().forEach(list::add);
		}
		catch (final IOException e) {
			// an unreadable folder has no models
		}
		return list;
	}

	/**
	 * Checks a language setting such as {@code eng} or {@code eng+deu} against the models in {@code folder}.
	 *
	 * @return the setting, trimmed
	 * @throws IllegalArgumentException naming the missing language, the folder searched and the languages there
	 */
	public static String check(final String language, final Path folder) {
		final String lang = language == null ? "" : language.trim();
		if (lang.isEmpty()) throw new IllegalArgumentException("no language given (e.g. language=eng)");
		final List<String> there = languages(folder);
		for (final String part : lang.split("\\+")) {
			if (part.isEmpty()) throw new IllegalArgumentException("bad language '" + lang
				+ "': use model names joined by '+', e.g. eng+deu");
			if (!there.contains(part)) throw new IllegalArgumentException("no model for language '" + part
				+ "': " + part + EXTENSION + " is not in " + folder.toAbsolutePath() + " (models there: " + (there
					.isEmpty() ? "none" : String.join(", ", there)) + "; set the tessdata folder or TESSDATA_PREFIX)");
		}
		return lang;
	}

	private static Path existing(final Path p, final String what) {
		if (!Files.isDirectory(p)) throw new IllegalArgumentException(what + " folder " + p.toAbsolutePath()
			+ " does not exist");
		return p;
	}
}
