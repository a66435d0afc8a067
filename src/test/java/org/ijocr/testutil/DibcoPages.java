package org.ijocr.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * The shared DIBCO pages ({@code dibco/<year>/Originals/<name>.png}, ground truth {@code GT/<name>_gt.png}, text
 * black), read in place: originals converted to grey by luminance.
 */
public final class DibcoPages {

	/** The contest years in the shared data. */
	public static final String[] YEARS = { "2009", "2010", "2012", "2014" };

	/** One page: grey original and ground-truth text mask. */
	public record Page(String year, String name, ArrayImg<UnsignedByteType, ByteArray> gray, TestImages.Binary gt) {}

	private DibcoPages() {}

	/** All pages of one year, sorted by name. */
	public static List<Page> load(final Path root, final String year) throws IOException {
		final Path dir = root.resolve("dibco").resolve(year);
		final List<Path> originals;
		try (Stream<Path> s = Files.list(dir.resolve("Originals"))) {
			originals = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
		}
		final List<Page> pages = new ArrayList<>();
		for (final Path o : originals) {
			final String name = o.getFileName().toString().replaceFirst("\\.png$", "");
			final ArrayImg<UnsignedByteType, ByteArray> g = TestImages.readGray(o);
			final TestImages.Binary gt = TestImages.readBinary(dir.resolve("GT").resolve(name + "_gt.png"));
			if (gt.width() != g.dimension(0) || gt.height() != g.dimension(1))
				throw new IOException(name + ": ground truth size differs from the original");
			pages.add(new Page(year, name, g, gt));
		}
		return pages;
	}
}
