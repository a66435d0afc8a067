package org.ijocr.defect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.DefectType;
import org.ijocr.ij1.SciJava;
import org.junit.jupiter.api.Test;

/** The detector service: listing, choosing, running (clipped, sorted, checked) with the test-only detector. */
class DefectDetectorServiceTest {

	private static DefectDetectorService service() {
		return SciJava.context().service(DefectDetectorService.class);
	}

	/** A detector that reports fixed areas. */
	private static DefectDetector fixed(final DefectType type, final DefectArea... areas) {
		return new DefectDetector() {

			@Override
			public DefectType type() {
				return type;
			}

			@Override
			public List<DefectArea> detect(final RandomAccessibleInterval<UnsignedByteType> page) {
				return List.of(areas);
			}

			@Override
			public String mitigation(final DefectArea area) {
				return "none";
			}
		};
	}

	@Test
	void listsTheRegisteredDetectorsInTypeOrderOnePerType() {
		final List<DefectDetector> list = service().detectors();
		assertEquals(List.of(SaltPepperNoiseDetector.class, LowContrastDetector.class, BlurDetector.class,
			GlareDetector.class), list.stream().map(Object::getClass).toList(), "the four real detectors, in type order");
		assertEquals(list.stream().map(d -> d.type().label()).toList(), service().labels());
		// the test-only detector claims GLARE with a low priority: the real one keeps its type
		assertTrue(service().detector(DefectType.GLARE) instanceof GlareDetector, "the higher-priority plugin wins");
	}

	@Test
	void aDetectorRunsDirectlyWithExactBoxes() {
		final byte[] px = new byte[80 * 60];
		java.util.Arrays.fill(px, (byte) 230);
		for (int y = 12; y < 20; y++)
			for (int x = 10; x < 18; x++)
				px[y * 80 + x] = 0;
		final List<DefectArea> a = service().detect(ArrayImgs.unsignedBytes(px, 80, 60), List.of(
			new FakeDarkSquareDetector()));
		assertEquals(List.of(new DefectArea(DefectType.GLARE, 10, 12, 8, 8, 1.0)), a);
	}

	@Test
	void selectsByLabelOrCodeOrAll() {
		final DefectDetectorService s = service();
		assertEquals(s.detectors(), s.select("All"));
		assertEquals(s.detectors(), s.select("all"));
		assertSame(s.detector(DefectType.GLARE), s.select("Glare").get(0));
		assertSame(s.detector(DefectType.GLARE), s.select("GLARE").get(0));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.select("Smudges"));
		assertTrue(e.getMessage().contains("'Smudges'") && e.getMessage().contains("All, ") && e.getMessage()
			.contains("Glare"), e.getMessage());
		for (final DefectType t : DefectType.values())
			if (s.detector(t) == null) assertThrows(IllegalArgumentException.class, () -> s.select(t.label()),
				"an unregistered type is refused");
	}

	@Test
	void detectClipsToThePageAndSortsByTypeThenPosition() {
		final RandomAccessibleInterval<UnsignedByteType> page = ArrayImgs.unsignedBytes(50, 40);
		final DefectDetector blur = fixed(DefectType.BLUR, new DefectArea(DefectType.BLUR, 30, 5, 10, 10, 0.5),
			new DefectArea(DefectType.BLUR, 45, 35, 10, 10, 0.7), // sticks out: clipped to 5×5
			new DefectArea(DefectType.BLUR, 60, 0, 5, 5, 0.1), // wholly outside: dropped
			new DefectArea(DefectType.BLUR, 0, 5, 4, 4, 0.2));
		final DefectDetector noise = fixed(DefectType.SALT_PEPPER_NOISE, new DefectArea(DefectType.SALT_PEPPER_NOISE,
			-3, 20, 6, 6, 1));
		final List<DefectArea> found = new ArrayList<>();
		Parallelization.runWithNumThreads(2, () -> found.addAll(service().detect(page, List.of(blur, noise))));
		assertEquals(List.of(new DefectArea(DefectType.SALT_PEPPER_NOISE, 0, 20, 3, 6, 1), //
			new DefectArea(DefectType.BLUR, 0, 5, 4, 4, 0.2), //
			new DefectArea(DefectType.BLUR, 30, 5, 10, 10, 0.5), //
			new DefectArea(DefectType.BLUR, 45, 35, 5, 5, 0.7)), found);
	}

	@Test
	void aDetectorReportingAnotherTypeIsABug() {
		final DefectDetector liar = fixed(DefectType.BLUR, new DefectArea(DefectType.GLARE, 0, 0, 2, 2, 0.5));
		final IllegalStateException e = assertThrows(IllegalStateException.class, () -> service().detect(ArrayImgs
			.unsignedBytes(10, 10), List.of(liar)));
		assertTrue(e.getMessage().contains("GLARE"), e.getMessage());
	}
}
