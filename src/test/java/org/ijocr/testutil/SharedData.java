package org.ijocr.testutil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates the evaluation data in {@code ../shared/data} (read in place, never copied into the repository).
 * Surefire passes the folder as the system property {@code ijocr.shared.data}; benchmarks run from the project
 * root fall back to {@code ../shared/data}.
 */
public final class SharedData {

	private SharedData() {}

	/** The shared data folder; fails with a clear message when it is missing. */
	public static Path root() {
		final Path p = configured();
		if (!Files.isDirectory(p)) {
			throw new IllegalStateException("Shared evaluation data not found at " + p.toAbsolutePath()
				+ " (expected ../shared/data beside the project, or -Dijocr.shared.data=DIR)");
		}
		return p.toAbsolutePath().normalize();
	}

	private static Path configured() {
		final String prop = System.getProperty("ijocr.shared.data");
		return prop != null ? Paths.get(prop) : Paths.get("..", "shared", "data");
	}

	/**
	 * A file below the shared data folder, e.g. {@code path("tesseract", "phototest.tif")}. Without the folder a test
	 * using it is skipped (as with {@link #requireRoot()}); a missing file inside it is an error.
	 */
	public static Path path(final String first, final String... more) {
		final Path p = requireRoot().resolve(Paths.get(first, more));
		if (!Files.exists(p)) throw new IllegalStateException("Shared data file missing: " + p);
		return p;
	}

	/** For tests: skips (rather than fails) when the shared data is absent, e.g. on a machine without it. */
	public static Path requireRoot() {
		final Path p = configured();
		Assumptions.assumeTrue(Files.isDirectory(p), "shared data not present at " + p.toAbsolutePath());
		return p.toAbsolutePath().normalize();
	}
}
