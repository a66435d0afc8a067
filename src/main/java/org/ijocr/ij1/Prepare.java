package org.ijocr.ij1;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ObjIntConsumer;

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

import org.ijocr.core.Storage;
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
	public record Row(int slice, PrepareStep step) {

		/** The same step on the slice {@code slices} further on (e.g. numbered in a file read in several parts). */
		public Row moved(final int slices) {
			return new Row(slice + slices, step);
		}
	}

	/**
	 * The prepared image, the log, and what was found.
	 *
	 * @param prepared a new 8-bit image titled {@code <title>-prepared}, or {@code null} when each slice was handed on
	 *          as it was made
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
		return run(imp, service, p, null);
	}

	/**
	 * As {@link #run(ImagePlus, DefectDetectorService, PrepareParams)}, each prepared slice handed to {@code each} as
	 * soon as it is made (with its 1-based number). With {@code each}, the slices are not kept ({@link
	 * Outcome#prepared()} is {@code null}): the memory a stack takes no longer grows with its length.
	 */
	public static Outcome run(final ImagePlus imp, final DefectDetectorService service, final PrepareParams p,
		final ObjIntConsumer<AutoPrepare.Result> each)
	{
		final Rectangle all = new Rectangle(imp.getWidth(), imp.getHeight());
		final Roi roi = imp.getRoi();
		final Rectangle b = roi != null && roi.isArea() ? roi.getBounds().intersection(all) : all;
		if (b.isEmpty()) throw new IllegalArgumentException("the selection lies outside the image");
		final List<DefectDetector> detectors = p.fixDefects() ? service.detectors() : List.of();
		final Map<DefectType, DefectDetector> byType = new EnumMap<>(DefectType.class);
		for (final DefectDetector d : detectors)
			byType.put(d.type(), d);
		final int n = imp.getStackSize();
		final Slices out = new Slices(imp, each == null);
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
				final AutoPrepare.Result r = AutoPrepare.prepare(page, areas, p, out.scale());
				for (final PrepareStep st : r.log())
					log.add(new Row(s, new PrepareStep(st.step(), st.x() + b.x, st.y() + b.y, st.width(), st.height(), st
						.parameters(), st.millis())));
				out.add(s, r);
				if (each != null) each.accept(r, s);
				if (n > 1) IJ.showProgress(s, n);
			}
		});
		return new Outcome(out.image(), log, found);
	}

	/**
	 * The prepared slices of an image, gathered into a new 8-bit stack titled {@code <title>-prepared}: the first
	 * slice's upscaling factor is kept for the others (a stack has one size), and the calibration follows it.
	 */
	static final class Slices {

		private final ImagePlus imp;
		private final boolean keep;
		private ImageStack stack;
		private double scale = Double.NaN;

		/** @param keep whether the slices are kept for {@link #image} (else only the first slice's factor is) */
		Slices(final ImagePlus imp, final boolean keep) {
			this.imp = imp;
			this.keep = keep;
		}

		/** The factor the next slice must be enlarged by, or {@code NaN} before the first slice. */
		double scale() {
			return scale;
		}

		/**
		 * Adds the prepared page of slice {@code s} (1-based). With the first slice of a stack whose slices are kept,
		 * checks that the others will fit in the Java heap (after a garbage collection when it looks short), so that a
		 * stack too large fails at once with what to do instead of running out of memory after minutes of work.
		 *
		 * @throws IllegalStateException if they will not
		 */
		void add(final int s, final AutoPrepare.Result r) {
			final int w = (int) r.image().dimension(0), h = (int) r.image().dimension(1);
			if (Double.isNaN(scale)) scale = r.scale();
			if (!keep) return;
			if (stack == null) {
				checkRoom((long) w * h * (imp.getStackSize() - 1), w, h);
				stack = new ImageStack(w, h);
			}
			stack.addSlice(imp.getStack().getSliceLabel(s), new ByteProcessor(w, h, Storage.bytes(r.image())));
		}

		/** Fails when the {@code bytes} the other prepared slices of {@code w}×{@code h} take cannot be held. */
		private void checkRoom(final long bytes, final int w, final int h) {
			if (bytes <= Heap.free()) return;
			System.gc(); // what looks used may be garbage
			final long free = Heap.free();
			if (bytes <= free) return;
			final int n = imp.getStackSize();
			throw new IllegalStateException(String.format(Locale.ROOT, "the prepared stack (%d slices of %d×%d, %d MB)"
				+ " does not fit in the memory left to ImageJ (%d MB of %d MB): " + Heap.MORE + ", prepare fewer slices at a"
				+ " time (Image>Stacks>Tools>Make Substack), or prepare the file with the command line ('ij-ocr prepare --out"
				+ " DIR FILE'), which writes each prepared page as it is made", n, w, h, (bytes + (long) w * h) >> 20,
				free >> 20, Runtime.getRuntime().maxMemory() >> 20));
		}

		/** The slices gathered, or {@code null} when they were not kept. */
		ImagePlus image() {
			if (!keep) return null;
			final ImagePlus out = new ImagePlus(title(imp.getTitle()), stack);
			out.setCalibration(calibration(imp, scale));
			return out;
		}
	}

	/**
	 * One prepared slice of {@code imp} as an image titled {@code <title>-prepared}, calibrated as {@code imp} with the
	 * enlargement taken into account.
	 */
	public static ImagePlus page(final ImagePlus imp, final AutoPrepare.Result r) {
		final ImagePlus out = new ImagePlus(title(imp.getTitle()), new ByteProcessor((int) r.image().dimension(0),
			(int) r.image().dimension(1), Storage.bytes(r.image())));
		out.setCalibration(calibration(imp, r.scale()));
		return out;
	}

	/** {@code imp}'s calibration for its copy enlarged by {@code scale}. */
	private static Calibration calibration(final ImagePlus imp, final double scale) {
		final Calibration c = imp.getCalibration().copy();
		if (scale != 1 && !Double.isNaN(scale)) {
			c.pixelWidth /= scale;
			c.pixelHeight /= scale;
			c.xOrigin *= scale;
			c.yOrigin *= scale;
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
