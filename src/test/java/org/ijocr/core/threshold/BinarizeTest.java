package org.ijocr.core.threshold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.cell.CellImgFactory;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/** The {@link Binarize} facade, {@link BinarizeParams} and {@link BinarizeMethod}: exact pixels on small images. */
class BinarizeTest {

	private static final byte I = 0, P = (byte) 255;

	private static ArrayImg<UnsignedByteType, ByteArray> img(final int w, final int h, final int... v) {
		final byte[] b = new byte[v.length];
		for (int i = 0; i < v.length; i++)
			b[i] = (byte) v[i];
		return ArrayImgs.unsignedBytes(b, w, h);
	}

	private static byte[] bytes(final ArrayImg<UnsignedByteType, ByteArray> img) {
		return img.update(null).getCurrentStorageArray();
	}

	@Test
	void otsuExactPixelsFastPath() {
		final ArrayImg<UnsignedByteType, ByteArray> src = img(4, 2, 10, 200, 10, 200, 200, 10, 200, 10);
		final ArrayImg<UnsignedByteType, ByteArray> dst = ArrayImgs.unsignedBytes(4, 2);
		assertEquals(10.0, Binarize.binarize(BinarizeParams.of(BinarizeMethod.OTSU), src, dst));
		assertArrayEquals(new byte[] { I, P, I, P, P, I, P, I }, bytes(dst));
	}

	/** Manual threshold: a pixel lighter than it (value &gt; t) becomes paper; equal stays ink. */
	@Test
	void manualThreshold() {
		final ArrayImg<UnsignedByteType, ByteArray> src = img(3, 1, 99, 100, 101);
		final ArrayImg<UnsignedByteType, ByteArray> dst = ArrayImgs.unsignedBytes(3, 1);
		assertEquals(100.0, Binarize.binarize(new BinarizeParams(BinarizeMethod.OTSU, 100), src, dst));
		assertArrayEquals(new byte[] { I, I, P }, bytes(dst));
		assertEquals(255.0, Binarize.binarize(BinarizeParams.manual(255), src, dst));
		assertArrayEquals(new byte[] { I, I, I }, bytes(dst));
	}

	/** The generic path (views, cell images, float data) gives the same pixels as the byte fast path. */
	@Test
	void genericPathMatchesFastPath() {
		final ArrayImg<UnsignedByteType, ByteArray> src = img(4, 3, 30, 40, 200, 210, 35, 220, 45, 205, 50, 190, 60,
			230);
		final ArrayImg<UnsignedByteType, ByteArray> fast = ArrayImgs.unsignedBytes(4, 3);
		for (final BinarizeMethod m : BinarizeMethod.values()) {
			if (!m.isGlobal()) continue;
			final double t = Binarize.binarize(BinarizeParams.of(m), src, fast);
			// same values through a view and into a cell image
			final RandomAccessibleInterval<UnsignedByteType> view = Views.translate(src, 5, 7);
			final RandomAccessibleInterval<UnsignedByteType> cells = new CellImgFactory<>(new UnsignedByteType(), 2)
				.create(4, 3);
			assertEquals(t, Binarize.binarize(BinarizeParams.of(m), view, cells), m.label());
			final byte[] got = new byte[12];
			int i = 0;
			for (final UnsignedByteType v : Views.flatIterable(cells))
				got[i++] = (byte) v.get();
			assertArrayEquals(bytes(fast), got, m.label());
		}
	}

	/** Float data outside 0..255 is mapped linearly from [min, max] onto 0..255 levels. */
	@Test
	void floatDataIsScaledToLevels() {
		final float[] v = { -1f, -0.9f, 0.5f, 1f };
		final ArrayImg<FloatType, FloatArray> src = ArrayImgs.floats(v, 4, 1);
		final byte[] levels = Histogram.levels(src);
		// round(255·(v + 1)/2): 0, 12.75 → 13, 191.25 → 191, 255
		assertArrayEquals(new byte[] { 0, 13, (byte) 191, (byte) 255 }, levels);
		final ArrayImg<UnsignedByteType, ByteArray> dst = ArrayImgs.unsignedBytes(4, 1);
		assertEquals(13.0, Binarize.binarize(BinarizeParams.of(BinarizeMethod.OTSU), src, dst));
		assertArrayEquals(new byte[] { I, I, P, P }, bytes(dst));
		// float data already holding integer levels 0..255 keeps them
		assertArrayEquals(new byte[] { 3, (byte) 250 }, Histogram.levels(ArrayImgs.floats(new float[] { 3, 250 }, 2,
			1)));
	}

	/** With a mask the histogram comes from the masked pixels only; the threshold applies to the whole image. */
	@Test
	void maskedHistogram() {
		// left column 50/60 (dark), right column 150/250; the mask covers the right column only
		final ArrayImg<UnsignedByteType, ByteArray> src = img(2, 2, 50, 150, 60, 250);
		final ArrayImg<BitType, ?> mask = ArrayImgs.bits(2, 2);
		final var ra = mask.randomAccess();
		ra.setPosition(new long[] { 1, 0 });
		ra.get().set(true);
		ra.setPosition(new long[] { 1, 1 });
		ra.get().set(true);
		final ArrayImg<UnsignedByteType, ByteArray> dst = ArrayImgs.unsignedBytes(2, 2);
		assertEquals(150.0, Binarize.binarize(BinarizeParams.of(BinarizeMethod.OTSU), src, mask, dst));
		assertArrayEquals(new byte[] { I, I, I, P }, bytes(dst));
		// whole image: Otsu on {50, 60, 150, 250} splits after 60
		assertEquals(60.0, Binarize.binarize(BinarizeParams.of(BinarizeMethod.OTSU), src, dst));
		assertArrayEquals(new byte[] { I, P, I, P }, bytes(dst));
		assertThrows(IllegalArgumentException.class, () -> Binarize.binarize(BinarizeParams.of(BinarizeMethod.OTSU),
			src, ArrayImgs.bits(3, 2), dst));
	}

	@Test
	void autoReturnsNaNAndNeeds2D() {
		final ArrayImg<UnsignedByteType, ByteArray> src = img(3, 1, 0, 255, 0);
		assertTrue(Double.isNaN(Binarize.binarize(BinarizeParams.DEFAULT, src, ArrayImgs.unsignedBytes(3, 1))));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Binarize.binarize(
			BinarizeParams.DEFAULT, ArrayImgs.unsignedBytes(2, 2, 2), ArrayImgs.unsignedBytes(2, 2, 2)));
		assertTrue(e.getMessage().contains("3D"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Binarize.binarize(BinarizeParams.DEFAULT, src, ArrayImgs
			.unsignedBytes(3, 2)));
	}

	/** Binarizing in place (destination = source) works for Auto too. */
	@Test
	void inPlace() {
		final byte[] page = PageFixtures.renderedPage(300, 200, true);
		final ArrayImg<UnsignedByteType, ByteArray> a = ArrayImgs.unsignedBytes(page.clone(), 300, 200);
		final ArrayImg<UnsignedByteType, ByteArray> expected = ArrayImgs.unsignedBytes(300, 200);
		Binarize.binarize(BinarizeParams.DEFAULT, a, expected);
		Binarize.binarize(BinarizeParams.DEFAULT, a, a);
		assertArrayEquals(bytes(expected), bytes(a));
		final ArrayImg<UnsignedByteType, ByteArray> copy = ArrayImgs.unsignedBytes(300, 200);
		LoopBuilder.setImages(ArrayImgs.unsignedBytes(page, 300, 200), copy).forEachPixel((s, d) -> d.set(s));
		assertEquals(GlobalThresholds.otsu(Histogram.of(page)), Binarize.binarize(BinarizeParams.of(
			BinarizeMethod.OTSU), copy, copy));
	}

	@Test
	void paramsValidation() {
		assertEquals(BinarizeMethod.AUTO, BinarizeParams.DEFAULT.method());
		assertEquals(0, BinarizeParams.DEFAULT.threshold());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BinarizeParams(
			BinarizeMethod.OTSU, 256));
		assertTrue(e.getMessage().contains("256"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> new BinarizeParams(BinarizeMethod.OTSU, -1));
		assertTrue(e.getMessage().contains("-1"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> new BinarizeParams(null, 0));
		assertTrue(e.getMessage().contains("Otsu"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> BinarizeParams.manual(0));
		assertTrue(BinarizeParams.manual(1).isManual());
		assertTrue(!BinarizeParams.of(BinarizeMethod.LI).isManual());
	}

	@Test
	void methodLabels() {
		assertEquals("Auto", BinarizeMethod.labels()[0]);
		assertEquals("Otsu", BinarizeMethod.labels()[1]);
		for (final BinarizeMethod m : BinarizeMethod.values())
			assertEquals(m, BinarizeMethod.fromLabel(m.label()));
		assertEquals(BinarizeMethod.MAX_ENTROPY, BinarizeMethod.fromLabel("maxentropy"));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BinarizeMethod
			.fromLabel("Sauvolla"));
		assertTrue(e.getMessage().contains("Sauvolla") && e.getMessage().contains("IsoData"), e.getMessage());
		assertThrows(IllegalStateException.class, () -> BinarizeMethod.AUTO.threshold(new int[256]));
		assertThrows(IllegalStateException.class, () -> BinarizeMethod.SAUVOLA.threshold(new int[256]));
		// "Mean" is the local mean; the histogram's mean is "Global mean"
		assertEquals(BinarizeMethod.MEAN, BinarizeMethod.fromLabel("Mean"));
		assertEquals(BinarizeMethod.GLOBAL_MEAN, BinarizeMethod.fromLabel("global MEAN"));
		assertEquals(BinarizeMethod.GAUSSIAN_ADAPTIVE, BinarizeMethod.fromLabel("Gaussian adaptive"));
		for (final BinarizeMethod m : BinarizeMethod.values()) {
			assertTrue(m == BinarizeMethod.AUTO ^ (m.isGlobal() ^ m.isLocal()), m + ": Auto, global or local");
			assertEquals(m.isLocal(), !m.params().isEmpty(), m + " has local parameters iff local");
			assertTrue(!m.isLocal() || m.params().contains(LocalParam.RADIUS), m + " takes a radius");
		}
	}

	@Test
	void localParametersDefaultToThePapersAndValidate() {
		final BinarizeParams s = BinarizeParams.of(BinarizeMethod.SAUVOLA);
		assertEquals(7.0, s.resolved(LocalParam.RADIUS));
		assertEquals(0.5, s.resolved(LocalParam.K));
		assertEquals(128.0, s.resolved(LocalParam.R));
		assertEquals(-0.2, BinarizeParams.of(BinarizeMethod.NIBLACK).resolved(LocalParam.K));
		assertEquals(20.0, BinarizeParams.of(BinarizeMethod.WOLF).resolved(LocalParam.RADIUS));
		assertEquals(15.0, BinarizeParams.of(BinarizeMethod.BERNSEN).resolved(LocalParam.CONTRAST));
		assertEquals(0.25, BinarizeParams.of(BinarizeMethod.PHANSALKAR).resolved(LocalParam.K));
		assertEquals(0.5, BinarizeParams.of(BinarizeMethod.PHANSALKAR).resolved(LocalParam.R));
		// a real 0 is kept; NaN means "default"
		assertEquals(0.0, s.with(LocalParam.K, 0).resolved(LocalParam.K));
		assertEquals(0.0, s.with(LocalParam.RADIUS, 0).resolved(LocalParam.RADIUS));
		assertEquals(0.0, BinarizeParams.of(BinarizeMethod.MEAN).with(LocalParam.OFFSET, 0).resolved(
			LocalParam.OFFSET));
		assertEquals(0.5, s.with(LocalParam.K, 0).with(LocalParam.K, Double.NaN).resolved(LocalParam.K));
		assertTrue(Double.isNaN(s.value(LocalParam.K)));
		assertEquals("r does not apply to Niblack (it takes radius, k)", assertThrows(IllegalArgumentException.class,
			() -> BinarizeParams.of(BinarizeMethod.NIBLACK).with(LocalParam.R, 100)).getMessage());
		assertEquals("k does not apply to Otsu (a global method takes no local parameters)", assertThrows(
			IllegalArgumentException.class, () -> BinarizeParams.of(BinarizeMethod.OTSU).with(LocalParam.K, 0.2))
			.getMessage());
		assertEquals("radius does not apply to Auto (Auto takes no parameters)", assertThrows(
			IllegalArgumentException.class, () -> BinarizeParams.DEFAULT.with(LocalParam.RADIUS, 3)).getMessage());
		assertEquals("offset does not apply to a manual threshold (threshold=100)", assertThrows(
			IllegalArgumentException.class, () -> new BinarizeParams(BinarizeMethod.MEAN, 100, Double.NaN, Double.NaN,
				Double.NaN, 3, Double.NaN)).getMessage());
		assertEquals("k=1.5 is out of range for Sauvola (0 to 1)", assertThrows(IllegalArgumentException.class,
			() -> s.with(LocalParam.K, 1.5)).getMessage());
		assertEquals("r=0 is out of range for Sauvola (above 0 up to 255)", assertThrows(
			IllegalArgumentException.class, () -> s.with(LocalParam.R, 0)).getMessage());
		assertEquals("radius=2.5 is out of range for Sauvola (a whole number 0 to 1000)", assertThrows(
			IllegalArgumentException.class, () -> s.with(LocalParam.RADIUS, 2.5)).getMessage());
		assertThrows(IllegalArgumentException.class, () -> s.with(LocalParam.K, Double.POSITIVE_INFINITY));
		assertThrows(IllegalStateException.class, () -> s.resolved(LocalParam.OFFSET));
	}

	/** The eight-at-a-time apply and the interleaved histogram equal their definitions, on 1 and 2 threads. */
	@Test
	void applyAndHistogramMatchTheirDefinitions() {
		final java.util.Random r = new java.util.Random(3);
		for (final int n : new int[] { 0, 1, 7, 8, 9, 1003, (1 << 21) + 5 }) {
			final byte[] g = new byte[n], out = new byte[n];
			r.nextBytes(g);
			final int[] hist = new int[256];
			for (final byte b : g)
				hist[b & 0xff]++;
			for (final int threads : new int[] { 1, 2 })
				net.imglib2.parallel.Parallelization.runWithNumThreads(threads, () -> {
					assertArrayEquals(hist, Histogram.of(g), n + " pixels");
					for (int t = -1; t <= 255; t += n > 10000 ? 37 : 1) {
						Binarize.apply(g, t, out);
						for (int i = 0; i < n; i++)
							if (out[i] != ((g[i] & 0xff) <= t ? 0 : (byte) 255)) assertEquals((g[i] & 0xff) <= t ? 0
								: 255, out[i] & 0xff, "t " + t + " level " + (g[i] & 0xff) + " at " + i);
					}
				});
		}
		assertThrows(IllegalArgumentException.class, () -> Binarize.apply(new byte[3], 256, new byte[3]));
	}

	/** Local methods through the facade: planes of a 3-D image, in place, and the generic path. */
	@Test
	void localMethodsThroughTheFacade() {
		final ArrayImg<UnsignedByteType, ByteArray> src = ArrayImgs.unsignedBytes(9, 7, 2);
		final byte[] b = bytes(src);
		for (int i = 0; i < b.length; i++)
			b[i] = (byte) ((i * 37) % 251);
		final BinarizeParams p = BinarizeParams.of(BinarizeMethod.SAUVOLA).with(LocalParam.RADIUS, 2);
		final ArrayImg<UnsignedByteType, ByteArray> dst = ArrayImgs.unsignedBytes(9, 7, 2);
		assertTrue(Double.isNaN(Binarize.binarize(p, src, dst)));
		final byte[] expected = new byte[b.length];
		LocalThresholds.sauvola(2, 0.5, 128, b, 9, 7, expected);
		assertArrayEquals(expected, bytes(dst));
		final RandomAccessibleInterval<UnsignedByteType> view = Views.translate(src, 2, 3, 4);
		final ArrayImg<UnsignedByteType, ByteArray> viaView = ArrayImgs.unsignedBytes(9, 7, 2);
		Binarize.binarize(p, view, viaView);
		assertArrayEquals(expected, bytes(viaView));
		Binarize.binarize(p, src, src); // in place
		assertArrayEquals(expected, b);
	}
}
