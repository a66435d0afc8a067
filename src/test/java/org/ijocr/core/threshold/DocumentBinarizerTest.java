package org.ijocr.core.threshold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;

import org.ijocr.core.metrics.DibcoMetrics;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;

import net.imglib2.parallel.Parallelization;

/**
 * The Auto method on synthetic pages: crisp pages, anti-aliased pages, pages without ink, degraded renderings
 * (scanner noise, uneven light, faint ink, a stain, bleed-through) against the clean rendering, thread independence.
 */
class DocumentBinarizerTest {

	private static final int W = 1200, H = 700;

	private static byte[] auto(final byte[] g, final int w, final int h) {
		final byte[] out = new byte[g.length];
		DocumentBinarizer.binarize(g, w, h, out);
		return out;
	}

	private static int ink(final byte[] out) {
		int n = 0;
		for (final byte b : out)
			if (b == 0) n++;
		return n;
	}

	/** A crisp black-on-white page (no anti-aliasing, bold heading, solid box) comes out exactly as thresholded. */
	@Test
	void crispPageEqualsSimpleThreshold() {
		final byte[] g = PageFixtures.renderedPage(W, H, false);
		final byte[] simple = new byte[g.length];
		Binarize.apply(g, 127, simple);
		assertTrue(ink(simple) > 20000, "fixture has ink");
		assertArrayEquals(simple, auto(g, W, H));
	}

	/**
	 * Anti-aliased page: Auto may only differ from Otsu on fringe pixels; every pixel at most 64 is ink, every
	 * pixel of at least 224 paper, and the differing pixels are fewer than 15 % of the ink.
	 */
	@Test
	void antialiasedPageDiffersOnlyOnFringe() {
		final byte[] g = PageFixtures.renderedPage(W, H, true);
		final byte[] out = auto(g, W, H);
		final byte[] otsu = new byte[g.length];
		Binarize.apply(g, GlobalThresholds.otsu(Histogram.of(g)), otsu);
		int diff = 0;
		for (int i = 0; i < g.length; i++) {
			final int v = g[i] & 0xff;
			if (v <= 64) assertEquals(0, out[i], "dark pixel " + i + " must be ink");
			if (v >= 224) assertEquals((byte) 255, out[i], "light pixel " + i + " must be paper");
			if (out[i] != otsu[i]) diff++;
		}
		assertTrue(diff < 0.15 * ink(otsu), diff + " pixels differ from Otsu's " + ink(otsu) + " ink pixels");
	}

	/** Pages without ink — uniform, noisy, a smooth shading — stay blank. */
	@Test
	void blankPagesStayBlank() {
		for (final double sd : new double[] { 0, 2, 5, 10, 20 })
			assertEquals(0, ink(auto(PageFixtures.blankPage(W, H, 200, sd, 7), W, H)), "noise sd " + sd);
		final byte[] shade = new byte[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				shade[y * W + x] = (byte) (120 + 120 * x / W);
		assertEquals(0, ink(auto(shade, W, H)), "shading");
		assertEquals(0, ink(auto(new byte[W * H], W, H)), "black page");
	}

	/**
	 * Text on a noisy (σ 4) page lit from 90 on the left to 240 on the right, ink 70 levels below the paper: Auto
	 * gets fewer than 1.2 % of the pixels wrong against the rendered mask (the solid box included: its interior, far
	 * from any edge, is grown from its border by its depth below the background) and at least ten times fewer than
	 * Otsu's single threshold.
	 */
	@Test
	void unevenIllumination() {
		final byte[] text = PageFixtures.renderedPage(W, H, false);
		final byte[] noise = PageFixtures.blankPage(W, H, 0, 4, 3);
		final byte[] g = new byte[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final int i = y * W + x;
				final int paper = 90 + 150 * x / W; // dark on the left, light on the right
				final int v = (text[i] == 0 ? paper - 70 : paper) + noise[i];
				g[i] = (byte) Math.max(0, Math.min(255, v));
			}
		final byte[] out = auto(g, W, H);
		final byte[] otsu = new byte[g.length];
		Binarize.apply(g, GlobalThresholds.otsu(Histogram.of(g)), otsu);
		int errAuto = 0, errOtsu = 0;
		for (int i = 0; i < g.length; i++) {
			if ((out[i] == 0) != (text[i] == 0)) errAuto++;
			if ((otsu[i] == 0) != (text[i] == 0)) errOtsu++;
		}
		assertTrue(errAuto < 0.012 * g.length, "Auto errors " + errAuto + ", Otsu " + errOtsu);
		assertTrue(errAuto * 10 < errOtsu, "Auto " + errAuto + " vs Otsu " + errOtsu);
	}

	/** The result does not depend on the number of threads. */
	@Test
	void singleAndMultiThreadedAgree() {
		final byte[] g = PageFixtures.renderedPage(W, H, true);
		final byte[] one = Parallelization.runSingleThreaded(() -> auto(g, W, H));
		final byte[] many = Parallelization.runWithNumThreads(4, () -> auto(g, W, H));
		assertArrayEquals(one, many);
	}

	/** The defaults are the documented constants; out-of-range constants are refused. */
	@Test
	void constants() {
		final DocumentBinarizer.Constants d = DocumentBinarizer.Constants.DEFAULTS;
		assertEquals(DocumentBinarizer.LIGHT_WEIGHT, d.lightWeight());
		assertEquals(DocumentBinarizer.FILL_FRACTION, d.fillFraction());
		assertEquals(DocumentBinarizer.NMIN_FACTOR, d.nminFactor());
		assertEquals(DocumentBinarizer.FIRST_RADIUS, d.firstRadius());
		final byte[] g = PageFixtures.renderedPage(W, H, true);
		final byte[] viaDefaults = new byte[g.length];
		DocumentBinarizer.binarize(g, W, H, viaDefaults, d);
		assertArrayEquals(auto(g, W, H), viaDefaults);
		assertThrows(IllegalArgumentException.class, () -> new DocumentBinarizer.Constants(0.5, 8, 4, 10, 1.5, 1.2, 2,
			0.3));
		assertThrows(IllegalArgumentException.class, () -> new DocumentBinarizer.Constants(0.5, 0, 4, 10, 1.5, 0.75, 2,
			0.3));
		assertThrows(IllegalArgumentException.class, () -> new DocumentBinarizer.Constants(0.5, 8, 4, 10, 1.5, 0.75,
			Double.NaN, 0.3));
	}

	@Test
	void noiseSigmaEstimate() {
		assertEquals(0.0, DocumentBinarizer.noiseSigma(new byte[100], 10, 10));
		for (final double sd : new double[] { 2, 8, 20 }) {
			final double s = DocumentBinarizer.noiseSigma(PageFixtures.blankPage(500, 500, 128, sd, 1), 500, 500);
			assertTrue(Math.abs(s - sd) < 0.1 * sd, "noise " + sd + " estimated " + s);
		}
	}

	// --- degraded renderings of one text page, scored against the clean rendering ---

	/** Rendered text page: 300 dpi, 8–14 pt serif and sans, anti-aliased. */
	private static final int PW = 1200, PH = 1600;

	/**
	 * Ground truth of the rendered page: pixels at least a third covered by ink (clean level ≤ 170). DIBCO's ground
	 * truth, which Auto follows, counts stroke-boundary pixels as text; Su et al.'s threshold (mean edge level plus half
	 * the standard deviation) puts the boundary at a quarter to a third of the way from paper to ink.
	 */
	private static final int GT_LEVEL = 170;

	/** Minimum FM (percent) of Auto on every degraded rendering. */
	private static final double MIN_FM = 97;

	private static final byte[] CLEAN = Pages.pixels(Pages.page(PW, PH, 300, 1, 11));

	private static boolean[] truth() {
		final boolean[] gt = new boolean[CLEAN.length];
		for (int i = 0; i < gt.length; i++)
			gt[i] = (CLEAN[i] & 0xff) <= GT_LEVEL;
		return gt;
	}

	private static double fm(final byte[] out) {
		final boolean[] text = new boolean[out.length];
		for (int i = 0; i < out.length; i++)
			text[i] = out[i] == 0;
		return DibcoMetrics.evaluate(text, truth(), PW, PH, null, null).fm();
	}

	private static double otsuFm(final byte[] g) {
		final byte[] out = new byte[g.length];
		Binarize.apply(g, GlobalThresholds.otsu(Histogram.of(g)), out);
		return fm(out);
	}

	/** The level of a degraded page at (x, y), given the clean rendering's level there. */
	@FunctionalInterface
	private interface Degradation {

		double level(int x, int y, int clean);
	}

	/**
	 * A degraded copy of the clean rendering: {@code d}'s level plus Gaussian noise of standard deviation
	 * {@code sigma} (seeded), rounded and clamped to 0..255.
	 */
	private static byte[] degraded(final Degradation d, final double sigma, final long seed) {
		final Random rnd = new Random(seed);
		final byte[] g = new byte[PW * PH];
		for (int y = 0; y < PH; y++)
			for (int x = 0; x < PW; x++) {
				final double v = d.level(x, y, CLEAN[y * PW + x] & 0xff) + sigma * rnd.nextGaussian();
				g[y * PW + x] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
			}
		return g;
	}

	/** Light falling off towards the left edge (as at a book's spine) to 35 %, and to 85 % at the top. */
	private static double shadow(final int x, final int y) {
		return (0.35 + 0.65 * (1 - Math.exp(-x / 250.0))) * (0.85 + 0.15 * y / PH);
	}

	/** Asserts Auto's FM on {@code g} and returns it with Otsu's for the message. */
	private static double[] assertAutoFm(final String name, final byte[] g) {
		final double auto = fm(auto(g, PW, PH)), otsu = otsuFm(g);
		assertTrue(auto >= MIN_FM, String.format(Locale.ROOT, "%s: Auto FM %.2f < %.0f (Otsu %.2f)", name, auto,
			MIN_FM, otsu));
		return new double[] { auto, otsu };
	}

	@Test
	void cleanRendering() {
		assertAutoFm("clean", CLEAN);
	}

	/** Scanner noise of σ 8 grey levels on paper and ink. */
	@Test
	void scannedNoise() {
		assertAutoFm("noise", Pages.pixels(Pages.scanned(Pages.page(PW, PH, 300, 1, 11), 8, 1)));
	}

	/**
	 * Uneven light: a shadow falling off from the left edge (as at a book's spine) to 35 % of the light, and 15 %
	 * darker at the top than at the bottom, with noise σ 4. Otsu's single threshold blackens the shadow.
	 */
	@Test
	void unevenLightAndShadow() {
		final double[] fm = assertAutoFm("uneven light", degraded((x, y, v) -> v * shadow(x, y), 4, 2));
		assertTrue(fm[1] < 60, "Otsu " + fm[1] + " should fail on this page");
	}

	/** Faint ink: a quarter of the contrast (ink at level 191 on 255 paper), noise σ 3. */
	@Test
	void faintInk() {
		assertAutoFm("faint ink", degraded((x, y, v) -> 255 - 0.25 * (255 - v), 3, 3));
	}

	/**
	 * A stain over the text: an ellipse (600×400 pixels) darkening the page to 55 % in its middle, with a darker
	 * rim, noise σ 4. Otsu's single threshold blackens the middle of the stain.
	 */
	@Test
	void stainBlob() {
		final double[] fm = assertAutoFm("stain", degraded((x, y, v) -> v * stain(x, y, 0.25), 4, 4));
		assertTrue(fm[1] < 80, "Otsu " + fm[1] + " should fail on this page");
	}

	/**
	 * Transmittance of the stain at (x, y): 0.55 in the middle, rising to 1 at the edge, where a rim (about 6–9 pixels
	 * wide) is darker by {@code rim}.
	 */
	private static double stain(final int x, final int y, final double rim) {
		final double dx = (x - 600) / 300.0, dy = (y - 700) / 200.0, r = Math.sqrt(dx * dx + dy * dy);
		final double body = r < 1 ? 0.55 + 0.45 * Math.pow(r, 6) : 1;
		return body - rim * Math.exp(-Math.pow((r - 1) / 0.03, 2));
	}

	/**
	 * Bleed-through: another page, mirrored and blurred, shows through at 30 % of its contrast (multiplying the
	 * front page), noise σ 4. The bleed-through text must stay paper.
	 */
	@Test
	void bleedThrough() {
		byte[] blurred = Pages.pixels(Pages.page(PW, PH, 300, 1, 12));
		for (int k = 0; k < 3; k++)
			blurred = DocumentBinarizer.binomial3(blurred, PW, PH);
		final byte[] back = blurred;
		final byte[] g = degraded((x, y, v) -> v * (1 - 0.3 * (1 - (back[y * PW + PW - 1 - x] & 0xff) / 255.0)), 4, 5);
		assertAutoFm("bleed-through", g);
	}

	/**
	 * A stain (without a dark rim, which would be a drawn curve) and a shadow on a page without text stay paper.
	 */
	@Test
	void stainAndShadowWithoutTextStayBlank() {
		final byte[] g = degraded((x, y, v) -> 230 * stain(x, y, 0) * shadow(x, y), 4, 6);
		assertEquals(0, ink(auto(g, PW, PH)), "ink pixels on a page without text");
	}
}
