package org.ijocr.defect;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.DefectType;
import org.ijocr.core.morph.ConnectedComponents;
import org.scijava.Priority;
import org.scijava.plugin.Plugin;

/**
 * TEST-ONLY detector for the user-facing side of defect detection: reports the box of every dark square (8-connected
 * pixels below {@value #DARK}, box at least {@value #MIN_SIDE}×{@value #MIN_SIDE}, filled to at least 90 %), with
 * score {@code 1 − mean grey / 255} of its pixels. It claims the {@link DefectType#GLARE} type with a LOW priority, so
 * the real {@link GlareDetector} wins in the service and every test of the whole (macros, command line, samples)
 * sees the four real detectors; tests that need exact boxes of a detector run it directly through
 * {@link DefectDetectorService#detect(net.imglib2.RandomAccessibleInterval, java.util.Collection)}.
 */
@Plugin(type = DefectDetector.class, priority = Priority.LOW)
public class FakeDarkSquareDetector implements DefectDetector {

	/** Pixels below this are dark. */
	static final int DARK = 64;

	/** Smallest side of a square. */
	static final int MIN_SIDE = 6;

	/** The mitigation it reports. */
	static final String MITIGATION = "OCR Median; re-capture";

	@Override
	public DefectType type() {
		return DefectType.GLARE;
	}

	@Override
	public List<DefectArea> detect(final RandomAccessibleInterval<UnsignedByteType> page) {
		final int w = (int) page.dimension(0), h = (int) page.dimension(1);
		final byte[] grey = new byte[w * h], dark = new byte[w * h];
		final Cursor<UnsignedByteType> c = Views.flatIterable(page).cursor();
		for (int i = 0; i < grey.length; i++) {
			final int v = c.next().get();
			grey[i] = (byte) v;
			dark[i] = (byte) (v < DARK ? 0 : 255);
		}
		final ConnectedComponents cc = ConnectedComponents.label(dark, w, h, 0, true, null);
		final double[] sum = new double[cc.count() + 1];
		final int[] labels = cc.labels();
		for (int i = 0; i < grey.length; i++)
			if (labels[i] != 0) sum[labels[i]] += grey[i] & 0xff;
		final List<DefectArea> areas = new ArrayList<>();
		for (int l = 1; l <= cc.count(); l++) {
			final int bw = cc.width(l), bh = cc.height(l);
			if (bw < MIN_SIDE || bh < MIN_SIDE || cc.area(l) < 0.9 * bw * bh) continue;
			areas.add(new DefectArea(DefectType.GLARE, cc.minX(l), cc.minY(l), bw, bh, 1 - sum[l] / cc.area(l) / 255));
		}
		return areas;
	}

	@Override
	public String mitigation(final DefectArea area) {
		return MITIGATION;
	}
}
