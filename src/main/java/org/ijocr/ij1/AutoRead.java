package org.ijocr.ij1;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.Storage;
import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.prepare.AutoPrepare;
import org.ijocr.core.prepare.PrepareParams;
import org.ijocr.defect.DefectDetectorService;
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
		return run(ImgWrap.bytes(grey, w, h), p, SciJava.context().getService(DefectDetectorService.class), null)
			.page();
	}

	/**
	 * Detects, prepares and reads one page.
	 *
	 * @param roi the part to read (page coordinates) or {@code null}
	 */
	public static Result run(final ArrayImg<UnsignedByteType, ByteArray> page, final OcrParams p,
		final DefectDetectorService service, final Rectangle roi)
	{
		final int w = (int) page.dimension(0), h = (int) page.dimension(1);
		final List<DefectArea> areas = service.detect(page, service.detectors());
		final AutoPrepare.Result prep = AutoPrepare.prepare(page, areas, PrepareParams.DEFAULT);
		final byte[] bin = Storage.bytes(prep.image()), grey = Storage.bytes(prep.grey());
		final OcrEngine engine = OcrEngine.forThread();
		final OcrPage first = engine.recognize(p, bin, w, h, roi, null);
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
				final List<OcrItem> again = engine.recognize(q, img, w, h, box, null).items();
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
