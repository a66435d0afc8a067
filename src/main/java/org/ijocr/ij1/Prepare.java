package org.ijocr.ij1;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.DefectType;
import org.ijocr.core.prepare.AutoPrepare;
import org.ijocr.core.prepare.PrepareParams;
import org.ijocr.core.prepare.PrepareStep;
import org.ijocr.defect.DefectDetector;
import org.ijocr.defect.DefectDetectorService;

/**
 * {@link AutoPrepare} on an {@link ImagePlus}: every registered defect detector runs on each slice, each area gets its
 * mitigation there, then the slice is deskewed, enlarged when its text is small (every slice by the first slice's
 * factor) and binarized. The result is a new 8-bit image (the original is never
 * changed): the whole image, or the bounding box of an area selection. The log lists every step per slice, the
 * detection included, in image coordinates.
 */
public final class Prepare {

	/** The title of the log table. */
	public static final String LOG_TITLE = "Prepare Log";

	/** The log's columns, in order. */
	public static final List<String> COLUMNS = List.of("Slice", "Step", "X", "Y", "Width", "Height", "Parameters",
		"Time (ms)");

	/** One line of the log: the slice (1-based) and the step, in image coordinates. */
	public record Row(int slice, PrepareStep step) {}

	/**
	 * The prepared image, the log, and what was found.
	 *
	 * @param prepared a new 8-bit image titled {@code <title>-prepared}
	 * @param log every step of every slice
	 * @param defects the defect areas found, per slice, in image coordinates
	 */
	public record Outcome(ImagePlus prepared, List<Row> log, List<Defects.Found> defects) {}

	private Prepare() {}

	/**
	 * Prepares every slice of {@code imp} (inside the bounds of its area selection, if any).
	 *
	 * @param service the detectors (not used when {@code p.fixDefects()} is false)
	 */
	public static Outcome run(final ImagePlus imp, final DefectDetectorService service, final PrepareParams p) {
		final Rectangle all = new Rectangle(imp.getWidth(), imp.getHeight());
		final Roi roi = imp.getRoi();
		final Rectangle b = roi != null && roi.isArea() ? roi.getBounds().intersection(all) : all;
		if (b.isEmpty()) throw new IllegalArgumentException("the selection lies outside the image");
		final List<DefectDetector> detectors = p.fixDefects() ? service.detectors() : List.of();
		final Map<DefectType, DefectDetector> byType = new EnumMap<>(DefectType.class);
		for (final DefectDetector d : detectors)
			byType.put(d.type(), d);
		final int n = imp.getStackSize();
		final ImageStack[] out = { null };
		final double[] scale = { Double.NaN }; // the first slice's upscaling factor, kept for the others
		final List<Row> log = new ArrayList<>();
		final List<Defects.Found> found = new ArrayList<>();
		ImageFilters.withImageJThreads(() -> {
			for (int s = 1; s <= n; s++) {
				final ByteProcessor grey = Defects.greyPlane(imp, s, b);
				final ArrayImg<UnsignedByteType, ByteArray> page = ImgWrap.bytes(grey);
				List<DefectArea> areas = List.of();
				if (p.fixDefects()) {
					final long t0 = System.nanoTime();
					areas = service.detect(page, detectors);
					log.add(new Row(s, new PrepareStep("Detect defects", b.x, b.y, b.width, b.height, summary(areas),
						(System.nanoTime() - t0) / 1e6)));
					for (final DefectArea a : areas) {
						final DefectArea moved = a.translate(b.x, b.y);
						found.add(new Defects.Found(s, moved, byType.get(a.type()).mitigation(moved)));
					}
				}
				final AutoPrepare.Result r = AutoPrepare.prepare(page, areas, p, scale[0]);
				scale[0] = r.scale();
				for (final PrepareStep st : r.log())
					log.add(new Row(s, new PrepareStep(st.step(), st.x() + b.x, st.y() + b.y, st.width(), st.height(), st
						.parameters(), st.millis())));
				final int pw = (int) r.image().dimension(0), ph = (int) r.image().dimension(1);
				if (out[0] == null) out[0] = new ImageStack(pw, ph);
				out[0].addSlice(imp.getStack().getSliceLabel(s), new ByteProcessor(pw, ph, ImgWrap.storage(r.image())
					instanceof byte[] px ? px : null));
				if (n > 1) IJ.showProgress(s, n);
			}
		});
		final ImagePlus prepared = new ImagePlus(title(imp.getTitle()), out[0]);
		prepared.setCalibration(scaled(imp.getCalibration(), scale[0]));
		return new Outcome(prepared, log, found);
	}

	/** A copy of {@code cal} for an image enlarged by {@code f}: pixels {@code f} times smaller. */
	static Calibration scaled(final Calibration cal, final double f) {
		final Calibration c = cal.copy();
		if (f != 1 && !Double.isNaN(f)) {
			c.pixelWidth /= f;
			c.pixelHeight /= f;
			c.xOrigin *= f;
			c.yOrigin *= f;
		}
		return c;
	}

	/** {@code found=3 (SALT_PEPPER_NOISE 2, BLUR 1)}. */
	private static String summary(final List<DefectArea> areas) {
		final Map<DefectType, Integer> count = new EnumMap<>(DefectType.class);
		for (final DefectArea a : areas)
			count.merge(a.type(), 1, Integer::sum);
		final StringBuilder sb = new StringBuilder("found=").append(areas.size());
		if (!count.isEmpty()) {
			sb.append(" (");
			count.forEach((t, c) -> sb.append(sb.charAt(sb.length() - 1) == '(' ? "" : ", ").append(t.name()).append(' ')
				.append(c));
			sb.append(')');
		}
		return sb.toString();
	}

	/** {@code page.png} → {@code page-prepared}. */
	static String title(final String title) {
		final int dot = title.lastIndexOf('.');
		return (dot > 0 ? title.substring(0, dot) : title) + "-prepared";
	}

	/** The log as a table titled {@link #LOG_TITLE} with {@link #COLUMNS}. */
	public static ResultsTable table(final List<Row> log) {
		final ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		for (final String c : COLUMNS)
			rt.getFreeColumn(c); // the columns exist even without rows
		for (final Row r : log) {
			final PrepareStep st = r.step();
			rt.incrementCounter();
			rt.addValue("Slice", r.slice());
			rt.addValue("Step", st.step());
			rt.addValue("X", st.x());
			rt.addValue("Y", st.y());
			rt.addValue("Width", st.width());
			rt.addValue("Height", st.height());
			rt.addValue("Parameters", st.parameters());
			rt.addValue("Time (ms)", String.format(Locale.ROOT, "%.1f", st.millis()));
		}
		return rt;
	}
}
