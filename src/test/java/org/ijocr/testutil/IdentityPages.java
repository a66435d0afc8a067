package org.ijocr.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Pages on which a faster implementation is compared byte for byte with its reference (the earlier implementation
 * kept in the test sources): rendered text pages at 150 and 300 dpi, degraded copies (impulse noise, low contrast,
 * shadow, blur, glare), odd small sizes with random content (borders, windows wider than the image), and, when the
 * shared data is present, three DIBCO pages.
 */
public final class IdentityPages {

	/** One test page: name, 8-bit row-major pixels, size. */
	public record Page(String name, byte[] px, int w, int h) {
		@Override
		public String toString() {
			return name + " " + w + "x" + h;
		}
	}

	private IdentityPages() {}

	private static List<Page> cached;

	/** The pages (built once per test JVM). */
	public static synchronized List<Page> all() {
		if (cached != null) return cached;
		final List<Page> pages = new ArrayList<>();
		// A5 at 300 and 150 dpi
		final int w3 = 1748, h3 = 2480, w1 = 874, h1 = 1240;
		final byte[] p300 = Pages.pixels(Pages.textPage(w3, h3, 300, 7001).image());
		final byte[] p150 = Pages.pixels(Pages.page(w1, h1, 150, 2, 7002));
		pages.add(new Page("text 300 dpi", p300, w3, h3));
		pages.add(new Page("text 150 dpi", p150, w1, h1));
		final byte[] low300 = DegradedPages.degrade(p300, w3, h3, 300, DegradedPages.Defect.LOW_CONTRAST, 60, 1);
		pages.add(new Page("300 dpi low contrast 60 + noise 5 %", DegradedPages.degrade(low300, w3, h3, 300,
			DegradedPages.Defect.NOISE, 0.05, 2), w3, h3));
		pages.add(new Page("150 dpi noise 5 %", DegradedPages.degrade(p150, w1, h1, 150, DegradedPages.Defect.NOISE,
			0.05, 3), w1, h1));
		pages.add(new Page("150 dpi low contrast 40", DegradedPages.degrade(p150, w1, h1, 150,
			DegradedPages.Defect.LOW_CONTRAST, 40, 4), w1, h1));
		pages.add(new Page("150 dpi shadow 0.7", DegradedPages.degrade(p150, w1, h1, 150, DegradedPages.Defect.SHADOW,
			0.7, 5), w1, h1));
		pages.add(new Page("150 dpi blur 2", DegradedPages.degrade(p150, w1, h1, 150,
			DegradedPages.Defect.GAUSSIAN_BLUR, 2, 6), w1, h1));
		pages.add(new Page("150 dpi glare 0.8", DegradedPages.degrade(p150, w1, h1, 150, DegradedPages.Defect.GLARE,
			0.8, 7), w1, h1));
		pages.add(new Page("blank grey 200", filled(300, 200, 200), 300, 200));
		// small and odd sizes: random blobs on noise, so that every border case of the windows is reached
		final Random rnd = new Random(42);
		for (final int[] s : new int[][] { { 1, 1 }, { 1, 9 }, { 9, 1 }, { 2, 3 }, { 7, 5 }, { 23, 17 }, { 64, 3 }, {
			97, 131 }, { 250, 41 } })
			pages.add(new Page("random", blobs(s[0], s[1], rnd), s[0], s[1]));
		pages.addAll(dibco());
		cached = List.copyOf(pages);
		return cached;
	}

	private static List<Page> noisy;

	/**
	 * {@link #all} and three more impulse-noise levels (150 dpi with 2 % and 10 %, 300 dpi with 10 %), for the steps
	 * that work on noise (built once per test JVM).
	 */
	public static synchronized List<Page> noisy() {
		if (noisy != null) return noisy;
		final List<Page> pages = new ArrayList<>(all());
		final Page p150 = all().get(1), p300 = all().get(0);
		for (final double d : new double[] { 0.02, 0.10 })
			pages.add(new Page("150 dpi noise " + Math.round(100 * d) + " %", DegradedPages.degrade(p150.px(), p150.w(),
				p150.h(), 150, DegradedPages.Defect.NOISE, d, 8), p150.w(), p150.h()));
		pages.add(new Page("300 dpi noise 10 %", DegradedPages.degrade(p300.px(), p300.w(), p300.h(), 300,
			DegradedPages.Defect.NOISE, 0.10, 9), p300.w(), p300.h()));
		noisy = List.copyOf(pages);
		return noisy;
	}

	/** A w×h image of one grey level. */
	public static byte[] filled(final int w, final int h, final int v) {
		final byte[] px = new byte[w * h];
		java.util.Arrays.fill(px, (byte) v);
		return px;
	}

	/** Dark rectangles on a light noisy background. */
	private static byte[] blobs(final int w, final int h, final Random rnd) {
		final byte[] px = new byte[w * h];
		for (int i = 0; i < px.length; i++)
			px[i] = (byte) (190 + rnd.nextInt(40));
		for (int k = 0; k < 1 + w * h / 60; k++) {
			final int x0 = rnd.nextInt(w), y0 = rnd.nextInt(h), bw = 1 + rnd.nextInt(6), bh = 1 + rnd.nextInt(6);
			final int v = rnd.nextInt(90);
			for (int y = y0; y < Math.min(h, y0 + bh); y++)
				for (int x = x0; x < Math.min(w, x0 + bw); x++)
					px[y * w + x] = (byte) v;
		}
		return px;
	}

	/** Three DIBCO pages (one each of 2009, 2012 and 2014), or none without the shared data. */
	private static List<Page> dibco() {
		final Path root = Path.of(System.getProperty("ijocr.shared.data", "../shared/data"));
		if (!Files.isDirectory(root.resolve("dibco"))) return List.of();
		final List<Page> pages = new ArrayList<>();
		try {
			for (final String year : new String[] { "2009", "2012", "2014" }) {
				final Path dir = root.resolve("dibco").resolve(year).resolve("Originals");
				final Path first;
				try (Stream<Path> s = Files.list(dir)) {
					first = s.filter(f -> f.toString().endsWith(".png")).sorted().findFirst().orElseThrow();
				}
				final ArrayImg<UnsignedByteType, ByteArray> g = TestImages.readGray(first);
				pages.add(new Page("DIBCO " + first.getFileName(), Pages.pixels(g), (int) g.dimension(0), (int) g
					.dimension(1)));
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return pages;
	}
}
