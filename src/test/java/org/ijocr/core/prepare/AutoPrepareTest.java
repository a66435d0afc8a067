package org.ijocr.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.DefectType;
import org.ijocr.core.defect.LowContrastDetector;
import org.ijocr.core.filter.Gauss;
import org.ijocr.core.geometry.Interpolation;
import org.ijocr.core.geometry.Rotate;
import org.ijocr.core.geometry.RotateParams;
import org.ijocr.core.geometry.Scale;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every mitigation path of {@link AutoPrepare}, measured against the clean page, and the steps around them. */
class AutoPrepareTest {

	private static final int W = 1240, H = 1754;

	/** The defect rectangle: x, y, width, height. */
	private static final int RX = 200, RY = 300, RW = 600, RH = 500;

	private static final PrepareParams FIX_ONLY = new PrepareParams(true, false, false, false);

	private static ArrayImg<UnsignedByteType, ByteArray> clean;

	@BeforeAll
	static void render() {
		clean = Pages.page(W, H, 150, 1, 7L);
	}

	private static boolean inside(final int x, final int y, final int margin) {
		return x >= RX - margin && x < RX + RW + margin && y >= RY - margin && y < RY + RH + margin;
	}

	private static DefectArea area(final DefectType t, final double score) {
		return new DefectArea(t, RX, RY, RW, RH, score);
	}

	/** Pixels outside the area and its reach are the input's, bit for bit. */
	private static void assertUntouchedOutside(final byte[] in, final byte[] out, final int reach) {
		int changed = 0;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				if (!inside(x, y, reach) && in[y * W + x] != out[y * W + x]) changed++;
		assertEquals(0, changed, "pixels changed outside the defect area");
	}

	/**
	 * Noise of 10 and 5 % in the area, with the scores the detector gives such pages (0.72–0.83 and 0.40–0.46 on the
	 * evaluation's pages): the dense case takes the plain switching median, the sparse one keeps stroke ends.
	 */
	@ParameterizedTest
	@CsvSource({ "0.10, 0.8", "0.05, 0.45" })
	void noiseIsRemovedInItsAreaOnly(final double density, final double score) {
		final ArrayImg<UnsignedByteType, ByteArray> noisy = Pages.copy(clean);
		final byte[] n = Pages.pixels(noisy), c = Pages.pixels(clean);
		final Random rnd = new Random(3);
		for (int y = RY; y < RY + RH; y++)
			for (int x = RX; x < RX + RW; x++)
				if (rnd.nextDouble() < density) n[y * W + x] = rnd.nextBoolean() ? 0 : (byte) 255;
		final byte[] before = n.clone();
		final AutoPrepare.Result r = AutoPrepare.prepare(noisy, List.of(area(DefectType.SALT_PEPPER_NOISE, score)),
			FIX_ONLY);
		assertArrayEquals(before, n, "the input page must not change");
		final byte[] o = Pages.pixels(r.image());
		// impulses on open paper (the clean 3x3 neighbourhood is paper): stroke-touching ones are left to despeckling
		int wrongBefore = 0, wrongAfter = 0;
		for (int y = RY + 1; y < RY + RH - 1; y++)
			for (int x = RX + 1; x < RX + RW - 1; x++) {
				final int i = y * W + x;
				if (!openPaper(c, i)) continue;
				if (n[i] != c[i]) wrongBefore++;
				if (Math.abs((o[i] & 0xff) - (c[i] & 0xff)) > 64) wrongAfter++;
			}
		assertTrue(wrongBefore > 25_000 * density, "test setup: noise added " + wrongBefore);
		assertTrue(wrongAfter < 0.05 * wrongBefore, "impulses left " + wrongAfter + " of " + wrongBefore);
		assertUntouchedOutside(n, o, AutoPrepare.feather(W, H) + 1);
		// with binarization, the clusters the switching median leaves are despeckled
		final byte[] bin = Pages.pixels(AutoPrepare.prepare(noisy, List.of(area(DefectType.SALT_PEPPER_NOISE, score)),
			new PrepareParams(true, false, false, true)).image());
		int specks = 0, paper = 0;
		for (int y = RY + 1; y < RY + RH - 1; y++)
			for (int x = RX + 1; x < RX + RW - 1; x++)
				if (openPaper(c, y * W + x)) {
					paper++;
					if (bin[y * W + x] == 0) specks++;
				}
		assertTrue(specks < 0.002 * paper, "black specks left on open paper: " + specks + " of " + paper);
		assertEquals("Remove noise", r.log().get(0).step());
		assertEquals(RX, r.log().get(0).x());
	}

	/**
	 * Thin print (strokes one pixel wide, as on receipts and faxes) under sparse noise: the impulses on the paper go,
	 * the strokes keep their end pixels; under dense noise (score above {@link AutoPrepare#SPARSE_NOISE_SCORE}) the
	 * switching median alone decides and the ends go too.
	 */
	@Test
	void thinStrokesKeepTheirEndsUnderSparseNoise() {
		final byte[] thin = new byte[W * H];
		java.util.Arrays.fill(thin, (byte) 255);
		final int strokes = Pages.thinStrokes(thin, W, RX + 10, RY + 10, RX + RW - 20, RY + RH - 20, 20, 8);
		final byte[] noisy = thin.clone();
		final int pepper = Pages.pepperAwayFromInk(thin, noisy, W, RX + 2, RY + 2, RX + RW - 2, RY + RH - 2, 0.01, 5);
		assertTrue(pepper > 2_000, "test setup: pepper added " + pepper);
		for (final double score : new double[] { 0.2, 0.9 }) {
			final byte[] o = Pages.pixels(AutoPrepare.prepare(ArrayImgs.unsignedBytes(noisy.clone(), W, H), List.of(
				area(DefectType.SALT_PEPPER_NOISE, score)), FIX_ONLY).image());
			int lost = 0, ink = 0, left = 0;
			for (int i = 0; i < W * H; i++) {
				if (thin[i] == 0) {
					ink++;
					if ((o[i] & 0xff) > 128) lost++;
				}
				else if (noisy[i] == 0 && (o[i] & 0xff) < 128) left++;
			}
			assertTrue(left < 0.02 * pepper, "score " + score + ": impulses left " + left + " of " + pepper);
			if (score <= AutoPrepare.SPARSE_NOISE_SCORE) assertEquals(0, lost, "stroke pixels lost of " + ink);
			else assertTrue(lost >= strokes, "dense noise: the switching median alone takes the ends, lost " + lost);
		}
	}

	private static boolean openPaper(final byte[] c, final int i) {
		for (int dy = -W; dy <= W; dy += W)
			for (int dx = -1; dx <= 1; dx++)
				if (c[i + dy + dx] != (byte) 255) return false;
		return true;
	}

	@Test
	void glareIsRemovedAndTheInkComesBack() {
		final ArrayImg<UnsignedByteType, ByteArray> glare = Pages.copy(clean);
		final byte[] g = Pages.pixels(glare), c = Pages.pixels(clean);
		final double cx = RX + RW / 2.0, cy = RY + RH / 2.0;
		for (int y = RY; y < RY + RH; y++)
			for (int x = RX; x < RX + RW; x++) {
				final double dx = (x - cx) / (RW / 2.0), dy = (y - cy) / (RH / 2.0);
				final double k = 0.85 * Math.max(0, Math.min(1, 1.6 * (1 - Math.sqrt(dx * dx + dy * dy))));
				final int v = c[y * W + x] & 0xff;
				g[y * W + x] = (byte) Math.round(v + (255 - v) * k);
			}
		final double[] before = inkAndPaper(c, g, true), after = inkAndPaper(c, Pages.pixels(AutoPrepare.prepare(glare,
			List.of(area(DefectType.GLARE, 0.8)), FIX_ONLY).image()), true);
		assertTrue(before[0] < 0.05, "test setup: glare washes the ink out, ink kept " + before[0]);
		assertTrue(after[0] > 0.85, "ink restored under the glare: " + after[0]);
		assertTrue(after[1] > 0.98, "paper stays paper under the glare: " + after[1]);
	}

	/**
	 * A low-contrast page gets full contrast, and faint print is faint everywhere: a low-contrast area scoring at least
	 * {@link LowContrastDetector#FAINT_SCORE} (here found over a part of a page whose print is squeezed to 60 levels
	 * everywhere) is restored over the whole page, and the log says so; a shadow's area (a low score) is restored there
	 * only.
	 */
	@Test
	void faintPrintIsRestoredOverTheWholePageAShadowWhereItIs() {
		final ArrayImg<UnsignedByteType, ByteArray> low = Pages.copy(clean);
		final byte[] l = Pages.pixels(low), c = Pages.pixels(clean);
		for (int i = 0; i < l.length; i++)
			l[i] = (byte) (110 + (c[i] & 0xff) * 60 / 255);
		assertTrue(inkAndPaper(c, l, false)[1] < 0.01, "test setup: no paper above 200");
		final AutoPrepare.Result r = AutoPrepare.prepare(low, List.of(area(DefectType.LOW_CONTRAST, 0.7)), FIX_ONLY);
		final double[] after = inkAndPaper(c, Pages.pixels(r.image()), false);
		assertTrue(after[0] > 0.9 && after[1] > 0.98, "ink and paper over the whole page: " + after[0] + ", " + after[1]);
		assertEquals(1, r.log().size());
		final PrepareStep s = r.log().get(0);
		assertEquals("Restore contrast", s.step());
		assertEquals(List.of(0, 0, W, H), List.of(s.x(), s.y(), s.width(), s.height()));
		assertTrue(s.parameters().endsWith(", faint print: the whole page"), s.parameters());
		// a shadow over the rectangle: its ink keeps some contrast, the score is low, the fix stays there
		final ArrayImg<UnsignedByteType, ByteArray> shadow = Pages.copy(clean);
		final byte[] sh = Pages.pixels(shadow);
		for (int y = RY; y < RY + RH; y++)
			for (int x = RX; x < RX + RW; x++)
				sh[y * W + x] = (byte) ((sh[y * W + x] & 0xff) * 45 / 100);
		final AutoPrepare.Result local = AutoPrepare.prepare(shadow, List.of(area(DefectType.LOW_CONTRAST, 0.3)),
			FIX_ONLY);
		assertUntouchedOutside(sh, Pages.pixels(local.image()), AutoPrepare.feather(W, H) + 2 * Math.max(4, Math.min(W,
			H) / 80) + 1);
		assertEquals(RX, local.log().get(0).x());
		assertTrue(inkAndPaper(c, Pages.pixels(local.image()), true)[1] > 0.98, "paper in the shadow restored");
	}

	/**
	 * {ink kept, paper kept}: the share of the clean page's ink pixels (below 64) that are below 128 in {@code out},
	 * and of its paper pixels (255) above 200, inside the rectangle's core (or the whole page).
	 */
	private static double[] inkAndPaper(final byte[] cleanPx, final byte[] out, final boolean core) {
		long ink = 0, inkKept = 0, paper = 0, paperKept = 0;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				if (core && !(x >= RX + RW / 4 && x < RX + 3 * RW / 4 && y >= RY + RH / 4 && y < RY + 3 * RH / 4)) continue;
				final int i = y * W + x, v = cleanPx[i] & 0xff, o = out[i] & 0xff;
				if (v < 64) {
					ink++;
					if (o < 128) inkKept++;
				}
				else if (v == 255) {
					paper++;
					if (o > 200) paperKept++;
				}
			}
		return new double[] { (double) inkKept / ink, (double) paperKept / paper };
	}

	@Test
	void blurIsSharpenedInItsAreaOnly() {
		final byte[] c = Pages.pixels(clean), blurred = new byte[c.length];
		Gauss.gauss(2, c, blurred, W, H);
		final byte[] b = c.clone();
		for (int y = RY; y < RY + RH; y++)
			System.arraycopy(blurred, y * W + RX, b, y * W + RX, RW);
		final AutoPrepare.Result r = AutoPrepare.prepare(ArrayImgs.unsignedBytes(b, W, H), List.of(area(DefectType.BLUR,
			0.5)), FIX_ONLY);
		final byte[] o = Pages.pixels(r.image());
		final double g0 = gradient(b), g1 = gradient(o), gc = gradient(c);
		assertTrue(g1 > 1.4 * g0, "edges steeper after sharpening: " + g0 + " -> " + g1 + " (clean " + gc + ")");
		assertUntouchedOutside(b, o, AutoPrepare.feather(W, H) + Gauss.kernelRadius(2) + 1);
	}

	/** Mean absolute horizontal difference inside the rectangle's core. */
	private static double gradient(final byte[] p) {
		long s = 0, n = 0;
		for (int y = RY + 20; y < RY + RH - 20; y++)
			for (int x = RX + 20; x < RX + RW - 20; x++) {
				s += Math.abs((p[y * W + x] & 0xff) - (p[y * W + x - 1] & 0xff));
				n++;
			}
		return (double) s / n;
	}

	@Test
	void deskewsAndBinarizes() {
		final byte[] turned = new byte[W * H];
		Rotate.rotate(RotateParams.of(2.5), clean, ArrayImgs.unsignedBytes(turned, W, H));
		final AutoPrepare.Result r = AutoPrepare.prepare(ArrayImgs.unsignedBytes(turned, W, H), List.of(),
			new PrepareParams(true, true, false, true));
		assertEquals(2.5, r.skew(), 0.1);
		assertEquals(List.of("Deskew", "Binarize"), r.log().stream().map(PrepareStep::step).toList());
		final byte[] o = Pages.pixels(r.image());
		long ink = 0;
		for (final byte v : o) {
			assertTrue(v == 0 || v == (byte) 255, "binary output");
			if (v == 0) ink++;
		}
		final long cleanInk = java.util.stream.IntStream.range(0, W * H).filter(i -> (Pages.pixels(clean)[i]
			& 0xff) < 128).count();
		assertEquals(1, (double) ink / cleanInk, 0.25, "about as much ink as the clean page");
	}

	/**
	 * A long strip of small text (12000×200, capitals of 9 px) would be enlarged past the 32767 pixels a side that
	 * Tesseract reads: it is enlarged only that far, and the log says why.
	 */
	@Test
	void upscalingStopsWhereTesseractStopsReading() {
		final int w = 12000, h = 200;
		final double[] cap = new double[1];
		final byte[] strip = org.ijocr.core.geometry.ScaleTestAccess.textPage(w, h, 9, cap);
		final double measured = Scale.capHeight(strip, w, h);
		assertTrue(Scale.autoFactor(measured, Scale.TARGET_CAP_HEIGHT) * w > Scale.MAX_OCR_SIDE + 1,
			"test setup: capitals of " + measured + " px");
		final AutoPrepare.Result r = AutoPrepare.prepare(ArrayImgs.unsignedBytes(strip, w, h), List.of(),
			new PrepareParams(false, false, true, false));
		assertEquals(Scale.MAX_OCR_SIDE, r.image().dimension(0), 2);
		assertTrue(r.image().dimension(0) <= Scale.MAX_OCR_SIDE);
		assertEquals(Scale.scaledLength(h, r.scale()), r.image().dimension(1));
		assertEquals("Upscale", r.log().get(0).step());
		assertTrue(r.log().get(0).parameters().endsWith(String.format(java.util.Locale.ROOT,
			"factor=%.2f (limited by the page size: at most 32767 px a side and 268 million pixels)", r.scale())), r.log()
				.get(0).parameters());
		// already wider than Tesseract reads: not enlarged, and the log says why
		final byte[] wide = org.ijocr.core.geometry.ScaleTestAccess.textPage(33000, 60, 9, cap);
		final AutoPrepare.Result same = AutoPrepare.prepare(ArrayImgs.unsignedBytes(wide, 33000, 60), List.of(),
			new PrepareParams(false, false, true, false));
		assertEquals(1, same.scale());
		assertEquals("Upscale (page too large)", same.log().get(0).step());
	}

	@Test
	void skippedStepsLeaveThePageAsItIs() {
		final AutoPrepare.Result r = AutoPrepare.prepare(clean, List.of(area(DefectType.BLUR, 0.9)), new PrepareParams(
			false, false, false, false));
		assertArrayEquals(Pages.pixels(clean), Pages.pixels(r.image()));
		assertTrue(r.log().isEmpty());
	}

	/** Small text (a page at 150 dpi): enlarged so that capitals are about 30 px; the input is not changed. */
	@Test
	void smallTextIsEnlarged() {
		final byte[] before = Pages.pixels(clean).clone();
		final double cap = Scale.capHeight(before, W, H);
		assertTrue(cap > 10 && cap < 23, "test setup: capitals of " + cap + " px");
		final AutoPrepare.Result r = AutoPrepare.prepare(clean, List.of(), new PrepareParams(false, false, true,
			false));
		assertArrayEquals(before, Pages.pixels(clean), "the input page must not change");
		assertEquals(Scale.TARGET_CAP_HEIGHT / cap, r.scale(), 1e-9);
		final int w = (int) Math.round(W * r.scale()), h = (int) Math.round(H * r.scale());
		assertEquals(w, r.image().dimension(0));
		assertEquals(h, r.image().dimension(1));
		final byte[] expected = new byte[w * h];
		Scale.resize(Interpolation.BICUBIC, clean, ArrayImgs.unsignedBytes(expected, w, h));
		assertArrayEquals(expected, Pages.pixels(r.image()));
		assertEquals(Scale.TARGET_CAP_HEIGHT, Scale.capHeight(Pages.pixels(r.image()), w, h), 3);
		assertEquals("Upscale", r.log().get(0).step());
		assertTrue(r.log().get(0).parameters().contains(String.format(java.util.Locale.ROOT, "factor=%.2f", r.scale())),
			r.log().get(0).parameters());
		// a factor given (a stack's first slice's) is used as it is; 1 keeps the size
		final AutoPrepare.Result one = AutoPrepare.prepare(clean, List.of(), PrepareParams.DEFAULT, 1);
		assertEquals(1, one.scale());
		assertEquals(W, one.image().dimension(0));
		assertTrue(one.log().stream().anyMatch(s -> s.step().equals("Upscale (not needed)")), one.log().toString());
		// binarized at the new size, with about the ink of the enlarged page
		final AutoPrepare.Result bin = AutoPrepare.prepare(clean, List.of(), PrepareParams.DEFAULT.withoutDeskew(), r
			.scale());
		long ink = 0, greyInk = 0;
		final byte[] b = Pages.pixels(bin.image());
		for (int i = 0; i < b.length; i++) {
			if (b[i] == 0) ink++;
			if ((expected[i] & 0xff) < 128) greyInk++;
		}
		assertEquals(1, (double) ink / greyInk, 0.25, "ink of the binarized enlarged page");
	}

	/** Text at 300 dpi (capitals of about 30 px) keeps its size. */
	@Test
	void normalTextKeepsItsSize() {
		final ArrayImg<UnsignedByteType, ByteArray> page = Pages.page(1240, 1754, 300, 1, 9L);
		final AutoPrepare.Result r = AutoPrepare.prepare(page, List.of(), new PrepareParams(false, false, true, false));
		assertEquals(1, r.scale());
		assertEquals(1240, r.image().dimension(0));
		assertEquals("Upscale (not needed)", r.log().get(0).step());
	}
}
