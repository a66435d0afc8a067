package org.ijocr.ij1;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.process.ByteProcessor;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.Storage;
import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.prepare.AutoPrepare;
import org.ijocr.core.prepare.PrepareParams;
import org.ijocr.core.prepare.PrepareStep;
import org.ijocr.defect.DefectDetectorService;
import org.ijocr.ocr.OcrDocument;
import org.ijocr.ocr.OcrEngine;
import org.ijocr.ocr.OcrItem;
import org.ijocr.ocr.OcrLevel;
import org.ijocr.ocr.OcrPage;
import org.ijocr.ocr.OcrParams;
import org.ijocr.ocr.PageSegMode;

/**
 * Reading with {@code prepare=Auto}: the page's defects are found and fixed where they are, the page is deskewed and
 * binarized ({@link AutoPrepare}), and read; then every line that still reads with a mean confidence below
 * {@value #RETRY_CONFIDENCE} is read again, alone, from the prepared page before binarization (Tesseract's own
 * thresholding of just that line) and from the binarized page as a single text line, and the reading with the higher
 * mean confidence is kept. At most {@value #MAX_RETRIES} lines are retried per page, the least confident first.
 * <p>
 * Item boxes are in the coordinates of the prepared page, which are the input's unless the page was deskewed (then
 * rotated about the page centre by the skew angle, typically under a degree).
 */
public final class AutoRead {

	/** Lines whose mean confidence is below this are read again. */
	public static final double RETRY_CONFIDENCE = 70;

	/** Most lines read again per page. */
	public static final int MAX_RETRIES = 40;

	/** Pixels added around a line's box when it is read again. */
	public static final int LINE_MARGIN = 6;

	/**
	 * What the reading did.
	 *
	 * @param page the text and items
	 * @param prepared the preparation (its log, the prepared page)
	 * @param defects the defect areas found
	 * @param retried lines read again
	 * @param improved lines whose second reading was kept
	 */
	public record Result(OcrPage page, AutoPrepare.Result prepared, List<DefectArea> defects, int retried,
		int improved)
	{}

	private AutoRead() {}

	/** Reads a grey page (0 = black) with {@code prepare=Auto}, using the suite's registered defect detectors. */
	public static OcrPage read(final byte[] grey, final int w, final int h, final OcrParams p) {
		return run(ImgWrap.bytes(grey, w, h), p, SciJava.context().getService(DefectDetectorService.class), null, null)
			.page();
	}

	/**
	 * Detects, prepares and reads one page.
	 *
	 * @param roi the part to read (page coordinates) or {@code null}
	 * @param document exports to add the first reading of the prepared page to, or {@code null}
	 */
	public static Result run(final ArrayImg<UnsignedByteType, ByteArray> page, final OcrParams p,
		final DefectDetectorService service, final Rectangle roi, final OcrDocument document)
	{
		final int w = (int) page.dimension(0), h = (int) page.dimension(1);
		final List<DefectArea> areas = service.detect(page, service.detectors());
		final AutoPrepare.Result prep = AutoPrepare.prepare(page, areas, PrepareParams.DEFAULT);
		final byte[] bin = Storage.bytes(prep.image()), grey = Storage.bytes(prep.grey());
		final OcrPage first = OcrEngine.recognize(p, bin, w, h, roi, document);
		// the weak lines, least confident first
		final Map<String, List<OcrItem>> lines = new LinkedHashMap<>();
		for (final OcrItem it : first.items())
			lines.computeIfAbsent(lineKey(it), k -> new ArrayList<>()).add(it);
		final List<List<OcrItem>> weak = new ArrayList<>();
		for (final List<OcrItem> l : lines.values())
			if (mean(l) < RETRY_CONFIDENCE && !l.isEmpty()) weak.add(l);
		weak.sort((a, b) -> Double.compare(mean(a), mean(b)));
		final Map<List<OcrItem>, List<OcrItem>> replaced = new LinkedHashMap<>();
		int retried = 0;
		for (final List<OcrItem> l : weak.subList(0, Math.min(MAX_RETRIES, weak.size()))) {
			final Rectangle box = bounds(l, w, h);
			retried++;
			List<OcrItem> best = l;
			double bestConf = mean(l);
			for (final byte[] img : new byte[][] { grey, bin }) {
				if (img == bin && grey == bin) continue;
				final OcrParams q = img == bin ? p.withPsm(PageSegMode.SINGLE_LINE) : p.withPsm(PageSegMode.SINGLE_BLOCK);
				final List<OcrItem> again = OcrEngine.recognize(q, img, w, h, box, null).items();
				// a reading must keep about as much text to count (a line read as nothing is not better)
				if (!again.isEmpty() && mean(again) > bestConf && chars(again) >= 0.7 * chars(l)) {
					best = again;
					bestConf = mean(again);
				}
			}
			if (best != l) replaced.put(l, renumber(best, l.get(0)));
		}
		if (replaced.isEmpty()) return new Result(first, prep, areas, retried, 0);
		final List<OcrItem> items = new ArrayList<>();
		for (final List<OcrItem> l : lines.values())
			items.addAll(replaced.getOrDefault(l, l));
		final double conf = items.stream().mapToDouble(OcrItem::confidence).average().orElse(0);
		return new Result(new OcrPage(text(items, first.text(), lines, replaced), items, (int) Math.round(conf), first
			.orientation()), prep, areas, retried, replaced.size());
	}

	/**
	 * What {@code prepare=Auto} made of every slice of an image.
	 *
	 * @param pages the reading of each slice
	 * @param prepared the prepared slices (a new 8-bit image titled {@code <title>-prepared})
	 * @param log the preparation steps, per slice (detection included)
	 * @param defects the defect areas found, per slice, with their mitigations
	 */
	public record Pages(List<OcrPage> pages, ImagePlus prepared, List<Prepare.Row> log, List<Defects.Found> defects) {}

	/**
	 * Reads every slice of {@code imp} with {@code prepare=Auto} (within the bounds of its area selection); the image
	 * is not changed.
	 *
	 * @param document exports to add each slice's first reading of the prepared page to, or {@code null}
	 */
	public static Pages read(final ImagePlus imp, final OcrParams p, final DefectDetectorService service,
		final OcrDocument document)
	{
		final Roi roi = imp.getRoi();
		final Rectangle area = roi != null && roi.isArea() ? roi.getBounds() : null;
		final int w = imp.getWidth(), h = imp.getHeight(), n = imp.getStackSize();
		final List<OcrPage> pages = new ArrayList<>();
		final List<Prepare.Row> log = new ArrayList<>();
		final List<Defects.Found> found = new ArrayList<>();
		final ImageStack prepared = new ImageStack(w, h);
		ImageFilters.withImageJThreads(() -> {
			for (int s = 1; s <= n; s++) {
				final long t0 = System.nanoTime();
				final Result r = run(ImgWrap.bytes(OcrImages.grey(imp, s), w, h), p, service, area, document);
				pages.add(r.page());
				log.add(new Prepare.Row(s, new PrepareStep("Detect, prepare and read", 0, 0, w, h, "defects=" + r
					.defects().size() + ", lines read again=" + r.retried() + ", kept=" + r.improved(), (System.nanoTime()
						- t0) / 1e6)));
				for (final PrepareStep st : r.prepared().log())
					log.add(new Prepare.Row(s, st));
				for (final DefectArea a : r.defects())
					found.add(new Defects.Found(s, a, service.detector(a.type()).mitigation(a)));
				prepared.addSlice(imp.getStack().getSliceLabel(s), new ByteProcessor(w, h, Storage.bytes(r.prepared()
					.image())));
			}
		});
		final ImagePlus out = new ImagePlus(Prepare.title(imp.getTitle()), prepared);
		out.setCalibration(imp.getCalibration().copy());
		return new Pages(pages, out, log, found);
	}

	/**
	 * A picture of slice {@code slice} of the page that was read: the original as RGB with the defect areas (in their
	 * type colours, with the legend) and the items' boxes (in their confidence colours) drawn in.
	 */
	public static ImagePlus annotated(final ImagePlus imp, final Pages r, final int slice) {
		final ImagePlus copy = new ImagePlus(imp.getTitle(), imp.getStack());
		copy.setCalibration(imp.getCalibration());
		final Overlay ov = OcrImages.overlay(r.pages());
		final List<Defects.Found> here = new ArrayList<>();
		for (final Defects.Found f : r.defects())
			if (f.slice() == slice) here.add(f);
		for (final Roi roi : DefectsOverlay.rois(copy, here))
			ov.add(roi);
		for (final Roi roi : DefectsOverlay.legend(copy, here))
			ov.add(roi);
		copy.setOverlay(ov);
		return DefectsOverlay.flatten(copy, slice);
	}

	private static String lineKey(final OcrItem it) {
		return it.level() == OcrLevel.WORD || it.level() == OcrLevel.LINE ? it.block() + "/" + it.paragraph() + "/" + it
			.line() : it.block() + "/" + it.paragraph() + "/" + it.line() + "@" + it.x() + "," + it.y();
	}

	private static double mean(final List<OcrItem> items) {
		return items.stream().mapToDouble(OcrItem::confidence).average().orElse(0);
	}

	private static int chars(final List<OcrItem> items) {
		int n = 0;
		for (final OcrItem it : items)
			n += it.text().strip().length();
		return n;
	}

	private static Rectangle bounds(final List<OcrItem> items, final int w, final int h) {
		Rectangle r = null;
		for (final OcrItem it : items) {
			final Rectangle b = new Rectangle(it.x(), it.y(), it.width(), it.height());
			r = r == null ? b : r.union(b);
		}
		r.grow(LINE_MARGIN, LINE_MARGIN);
		return r.intersection(new Rectangle(w, h));
	}

	/** The second reading's items with the layout numbers of the line they replace. */
	private static List<OcrItem> renumber(final List<OcrItem> items, final OcrItem line) {
		final List<OcrItem> out = new ArrayList<>();
		for (final OcrItem it : items)
			out.add(new OcrItem(it.text(), it.confidence(), it.x(), it.y(), it.width(), it.height(), it.level(), line
				.block(), line.paragraph(), line.line()));
		return out;
	}

	/**
	 * The page text with each replaced line's words swapped for the new reading: the first occurrence of the old
	 * line's words (joined by single spaces) in the text, searched from where the previous line was found.
	 */
	private static String text(final List<OcrItem> items, final String original,
		final Map<String, List<OcrItem>> lines, final Map<List<OcrItem>, List<OcrItem>> replaced)
	{
		final StringBuilder sb = new StringBuilder();
		int from = 0;
		for (final List<OcrItem> l : lines.values()) {
			final List<OcrItem> r = replaced.get(l);
			if (r == null) continue;
			final String old = join(l), now = join(r);
			final int at = original.indexOf(old, from);
			if (at < 0) continue;
			sb.append(original, from, at).append(now);
			from = at + old.length();
		}
		sb.append(original.substring(from));
		return sb.toString();
	}

	private static String join(final List<OcrItem> items) {
		final StringBuilder sb = new StringBuilder();
		for (final OcrItem it : items)
			sb.append(sb.length() > 0 ? " " : "").append(it.text().strip());
		return sb.toString();
	}
}
