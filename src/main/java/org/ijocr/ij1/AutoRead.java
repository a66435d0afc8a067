package org.ijocr.ij1;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.Storage;
import org.ijocr.core.Tasks;
import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.DefectType;
import org.ijocr.core.geometry.Scale;
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
import org.ijocr.ocr.Thresholding;

/**
 * Reading with {@code prepare=Auto}:
 * <ol>
 * <li>the page's defects are found and fixed where they are, the page is deskewed and, when its text is small,
 * enlarged ({@link AutoPrepare} without binarization);</li>
 * <li>that grey page is read (Tesseract's own thresholding). A page without defects other than blur, or an enlarged
 * page without low contrast, that reads with a mean confidence of at least {@value #GOOD_CONFIDENCE} is done
 * ({@link #readBinarized}): on a clean page this is Tesseract alone, plus deskew and enlargement; a sharpened blur
 * reads as well grey;</li>
 * <li>otherwise the page is also binarized ({@link AutoPrepare#binarize}: the suite's {@code Auto} method, specks
 * removed in noise areas) and read, and the reading with more confidently read text is kept ({@link #better}). When
 * the defects alone call for the binarized page, it is made and read on another thread while the grey page is read
 * (Tesseract reads on one core), so that on a machine with a free core the reading waits neither for it nor for its
 * reading;</li>
 * <li>every line that still reads with a mean confidence below {@value #RETRY_CONFIDENCE} is read again, alone: from
 * the page not chosen as a single line (or, with no second page, the grey page with Tesseract's Sauvola
 * thresholding) and from the chosen page as a block or line; the reading with the higher mean confidence is kept.
 * At most {@value #MAX_RETRIES} lines are retried per page, the least confident first, shared between this thread
 * and one beside it.</li>
 * </ol>
 * Item boxes are in the input's coordinates (divided by the enlargement), rotated about the page centre by the skew
 * angle when the page was deskewed (typically under a degree). Exports describe the chosen prepared page (its size)
 * and its reading before the weak lines were read again: Tesseract's state of each reading is kept until the choice
 * ({@link OcrEngine#recognizeKept}), so the page is not recognised once more for them.
 */
public final class AutoRead {

	/** Lines whose mean confidence is below this are read again. */
	public static final double RETRY_CONFIDENCE = 70;

	/** Most lines read again per page. */
	public static final int MAX_RETRIES = 40;

	/**
	 * A grey reading with at least this mean confidence needs no binarized page unless the defects call for one
	 * ({@link #readBinarized}); below it the binarized page is read too and the better reading kept. Faint small print
	 * enlarged (receipts) reads with 66&ndash;83 and its binarized page reads worse (on the ten SROIE receipts: worse
	 * on 7, never better), while a page the reading is lost on (a stain or bleed-through no detector names) reads far
	 * lower.
	 */
	public static final double GOOD_CONFIDENCE = 65;

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
	 * @param prepareMillis the time of the defect detection and of every preparation step, binarization included
	 *          when it ran (whether or not its page was kept)
	 * @param waitedMillis the part of {@code prepareMillis} the reading waited for: all of it but the part of a
	 *          binarization that ran beside the first recognition ({@link #run})
	 */
	public record Result(OcrPage page, AutoPrepare.Result prepared, List<DefectArea> defects, int retried,
		int improved, double prepareMillis, double waitedMillis)
	{}

	/**
	 * Threads that binarize and read a page while its grey copy is read, and that share the reading of its weak lines
	 * again (daemons: an idle one ends after a minute, and none keeps the JVM alive).
	 */
	private static final ExecutorService BESIDE = Lanes.daemons("ij-ocr reading beside");

	private AutoRead() {}

	/**
	 * A prepared page, its reading, and when the page was ready ({@link System#nanoTime}); {@code kept}: the reading
	 * with Tesseract's state, for the exports (or {@code null}), to be closed.
	 */
	private record Reading(AutoPrepare.Result page, OcrPage reading, OcrEngine.Kept kept, long made) {

		/** Reads a page; with {@code keep}, keeping Tesseract's state for the exports ({@link OcrEngine.Kept}). */
		static Reading of(final AutoPrepare.Result page, final OcrParams q, final Rectangle area, final boolean keep,
			final long made)
		{
			final byte[] px = Storage.bytes(page.image());
			final int w = (int) page.image().dimension(0), h = (int) page.image().dimension(1);
			if (!keep) return new Reading(page, OcrEngine.recognize(q, px, w, h, area, null), null, made);
			final OcrEngine.Kept k = OcrEngine.recognizeKept(q, px, w, h, area);
			return new Reading(page, k.page(), k, made);
		}

		/** Gives the kept state back, if any. */
		void close() {
			if (kept != null) kept.close();
		}
	}

	/** Binarizes the prepared grey page ({@link AutoPrepare#binarize}) and reads it. */
	private static Reading binarizeAndRead(final AutoPrepare.Result grey, final List<DefectArea> areas,
		final OcrParams q, final Rectangle area, final boolean keep)
	{
		final AutoPrepare.Result bin = AutoPrepare.binarize(grey, areas);
		return Reading.of(bin, q, area, keep, System.nanoTime());
	}

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
		return run(page, p, service, roi, document, Double.NaN);
	}

	/**
	 * As {@link #run(ArrayImg, OcrParams, DefectDetectorService, Rectangle, OcrDocument)} with the upscaling factor
	 * given ({@code NaN}: from the page's text size).
	 */
	static Result run(final ArrayImg<UnsignedByteType, ByteArray> page, final OcrParams p,
		final DefectDetectorService service, final Rectangle roi, final OcrDocument document, final double scale)
	{
		final long t0 = System.nanoTime();
		final List<DefectArea> areas = service.detect(page, service.detectors());
		final double detectMs = (System.nanoTime() - t0) / 1e6;
		final AutoPrepare.Result grey = AutoPrepare.prepare(page, areas, PrepareParams.DEFAULT.withoutBinarize(), scale);
		final double f = grey.scale();
		final int w = (int) grey.image().dimension(0), h = (int) grey.image().dimension(1);
		final OcrParams q = f == 1 ? p : p.withDpi((int) Math.min(10000, Math.round(p.dpi() * f)));
		final Rectangle area = roi == null || f == 1 ? roi : rectangle(Scale.enclosing(roi.x, roi.y, roi.width,
			roi.height, f));
		// the exports get the chosen page's reading: with a document, the readings keep Tesseract's state until the
		// choice, so that the chosen one is added without recognising the page again
		final boolean keep = document != null;
		// when the defects alone call for the binarized page, it is made and read on another thread (with the
		// caller's ImgLib2 executor, and a Tesseract handle of its own) while the grey page is read: Tesseract reads on
		// one core
		final TaskExecutor ex = Parallelization.getTaskExecutor();
		final Future<Reading> beside = binarizedForDefects(areas, f) ? BESIDE.submit(() -> Tasks.withExecutor(ex,
			() -> binarizeAndRead(grey, areas, q, area, keep))) : null;
		final Reading greyReading;
		try {
			greyReading = Reading.of(grey, q, area, keep, System.nanoTime());
		}
		catch (final RuntimeException | Error e) {
			if (beside != null) closeWhenDone(beside);
			throw e;
		}
		final long read = System.nanoTime();
		double prepMs = detectMs + millis(grey.log()), waitedMs = prepMs;
		OcrPage first = greyReading.reading();
		AutoPrepare.Result prep = grey, other = null;
		Reading binReading = null;
		try {
			Reading chosen = greyReading;
			if (readBinarized(areas, f, first.meanConfidence())) { // always when it was made beside
				final Reading b = binReading = beside != null ? Tasks.result(beside, "the binarized page's reading")
					: binarizeAndRead(grey, areas, q, area, keep);
				waitedMs += Math.max(0, b.made() - read) / 1e6; // what the reading waited (or would have waited) for it
				final AutoPrepare.Result bin = b.page();
				prepMs = detectMs + millis(bin.log());
				final OcrPage second = b.reading();
				if (better(second.items(), first.items())) {
					first = second;
					prep = bin;
					other = grey;
					chosen = b;
				}
				else other = bin;
			}
			if (document != null) chosen.kept().addTo(document);
		}
		finally {
			greyReading.close();
			if (binReading != null) binReading.close();
		}
		// the weak lines, least confident first
		final Map<String, List<OcrItem>> lines = new LinkedHashMap<>();
		for (final OcrItem it : first.items())
			lines.computeIfAbsent(lineKey(it), k -> new ArrayList<>()).add(it);
		final List<List<OcrItem>> weak = new ArrayList<>();
		for (final List<OcrItem> l : lines.values())
			if (mean(l) < RETRY_CONFIDENCE && !l.isEmpty()) weak.add(l);
		weak.sort((a, b) -> Double.compare(mean(a), mean(b)));
		// read again: the page not chosen as one line and the chosen page as one block; with no second page, the grey
		// page with Tesseract's Sauvola as one block and as one line
		final byte[] chosen = Storage.bytes(prep.image());
		final List<Attempt> attempts = other != null ? List.of(new Attempt(q.withPsm(PageSegMode.SINGLE_LINE), Storage
			.bytes(other.image())), new Attempt(q.withPsm(PageSegMode.SINGLE_BLOCK), chosen)) : List.of(new Attempt(q
				.withPsm(PageSegMode.SINGLE_BLOCK).withThresholding(Thresholding.SAUVOLA), chosen), new Attempt(q.withPsm(
					PageSegMode.SINGLE_LINE), chosen));
		final List<List<OcrItem>> retry = weak.subList(0, Math.min(MAX_RETRIES, weak.size()));
		final List<List<OcrItem>> best = reread(retry, attempts, w, h);
		final Map<List<OcrItem>, List<OcrItem>> replaced = new LinkedHashMap<>();
		for (int i = 0; i < retry.size(); i++)
			if (best.get(i) != retry.get(i)) replaced.put(retry.get(i), renumber(best.get(i), retry.get(i).get(0)));
		final int retried = retry.size();
		final List<OcrItem> items = new ArrayList<>();
		for (final List<OcrItem> l : lines.values())
			items.addAll(replaced.getOrDefault(l, l));
		final double conf = items.stream().mapToDouble(OcrItem::confidence).average().orElse(0);
		final String text = replaced.isEmpty() ? first.text() : text(items, first.text(), lines, replaced);
		return new Result(new OcrPage(text, unscaled(items, f), replaced.isEmpty() ? first.meanConfidence() : (int) Math
			.round(conf), first.orientation()), prep, areas, retried, replaced.size(), prepMs, waitedMs);
	}

	/**
	 * Whether the binarized page is made and read too, after the grey page read with mean confidence {@code confidence}:
	 * when that is below {@value #GOOD_CONFIDENCE}, when low contrast was found (a shadow or uneven light over part of
	 * the page: Tesseract's global threshold loses whole paragraphs there while the mean confidence of what it reads
	 * stays high), or when the page's other defects call for it ({@link #binarizedMayHelp}) and the page was not
	 * enlarged ({@code scale} 1). Small print enlarged (receipts, screen captures) is smooth grey that Tesseract's own
	 * threshold cuts well, while the binarizer, working at the enlarged size, thins its faint strokes: on the 46
	 * enlarged SROIE evaluation readings the binarized page read worse than the grey one on 33 and better on 11. On
	 * those pages the binarization was about 60 % of the preparation time.
	 */
	public static boolean readBinarized(final List<DefectArea> areas, final double scale, final double confidence) {
		return confidence < GOOD_CONFIDENCE || binarizedForDefects(areas, scale);
	}

	/**
	 * Whether the defects alone call for the binarized page, however the grey page reads ({@link #readBinarized}): low
	 * contrast, or defects other than blur on a page that was not enlarged.
	 */
	static boolean binarizedForDefects(final List<DefectArea> areas, final double scale) {
		for (final DefectArea a : areas)
			if (a.type() == DefectType.LOW_CONTRAST) return true;
		return scale == 1 && binarizedMayHelp(areas);
	}

	/**
	 * Whether the page's defects call for a reading of the binarized page even when the grey page reads well: every
	 * type but blur (noise: specks are removed on the binary page only; low contrast and glare: a shadow, often found
	 * as either, keeps a shaded column from Tesseract's global Otsu threshold). A sharpened blur reads as well grey
	 * when the reading is confident.
	 */
	public static boolean binarizedMayHelp(final List<DefectArea> areas) {
		for (final DefectArea a : areas)
			if (a.type() != DefectType.BLUR) return true;
		return false;
	}

	/**
	 * Whether reading {@code a} is better than {@code b}: more confidently read text, {@code Σ characters ·
	 * max(0, confidence − }{@value #SURE}{@code )} over the items. A mean confidence alone would prefer a reading that
	 * leaves out what it cannot read (a shadowed column read as nothing), and counting characters alone would prefer
	 * noise read as letters.
	 */
	static boolean better(final List<OcrItem> a, final List<OcrItem> b) {
		return sureText(a) > sureText(b);
	}

	/** The confidence from which characters count for {@link #better}. */
	static final double SURE = 50;

	private static double sureText(final List<OcrItem> items) {
		double s = 0;
		for (final OcrItem it : items)
			s += it.text().strip().length() * Math.max(0, it.confidence() - SURE);
		return s;
	}

	/**
	 * After a failure: waits for the binarized page's reading made beside and gives its Tesseract state back (a
	 * reading in native code cannot be cancelled; left alone, its handle would never return).
	 */
	private static void closeWhenDone(final Future<Reading> beside) {
		try {
			Tasks.result(beside, "the binarized page's reading").close();
		}
		catch (final RuntimeException | Error e) {
			// it failed too: nothing is kept; the first failure is the one reported
		}
	}

	private static double millis(final List<PrepareStep> log) {
		return log.stream().mapToDouble(PrepareStep::millis).sum();
	}

	/** A second reading of a weak line: the settings and the page. */
	private record Attempt(OcrParams params, byte[] page) {}

	/**
	 * The best reading of each line: the line itself, or the attempt with the higher mean confidence that keeps about
	 * as much text (a line read as nothing is not better). The lines are shared between this thread and one beside
	 * it (each with its own Tesseract handle); each line's result depends on that line alone.
	 */
	private static List<List<OcrItem>> reread(final List<List<OcrItem>> lines, final List<Attempt> attempts,
		final int w, final int h)
	{
		final AtomicReferenceArray<List<OcrItem>> best = new AtomicReferenceArray<>(lines.size());
		final AtomicInteger next = new AtomicInteger();
		final Runnable worker = () -> {
			try {
				for (int i; (i = next.getAndIncrement()) < lines.size();) {
					final List<OcrItem> l = lines.get(i);
					final Rectangle box = bounds(l, w, h);
					List<OcrItem> b = l;
					for (final Attempt a : attempts) {
						final List<OcrItem> again = OcrEngine.recognize(a.params(), a.page(), w, h, box, null).items();
						if (!again.isEmpty() && mean(again) > mean(b) && chars(again) >= 0.7 * chars(l)) b = again;
					}
					best.set(i, b);
				}
			}
			catch (final RuntimeException | Error e) {
				next.set(lines.size()); // a failure on either thread: the other takes no further line
				throw e;
			}
		};
		final Future<?> other = lines.size() > 1 ? BESIDE.submit(worker) : null;
		worker.run();
		if (other != null) Tasks.result(other, "the lines read again");
		final List<List<OcrItem>> out = new ArrayList<>(lines.size());
		for (int i = 0; i < lines.size(); i++)
			out.add(best.get(i));
		return out;
	}

	private static Rectangle rectangle(final int[] b) {
		return new Rectangle(b[0], b[1], b[2], b[3]);
	}

	/** The items' boxes in the coordinates of the page before it was enlarged by {@code f}. */
	private static List<OcrItem> unscaled(final List<OcrItem> items, final double f) {
		if (f == 1) return items;
		final List<OcrItem> out = new ArrayList<>();
		for (final OcrItem it : items) {
			final int[] b = Scale.enclosing(it.x(), it.y(), it.width(), it.height(), 1 / f);
			out.add(new OcrItem(it.text(), it.confidence(), b[0], b[1], b[2], b[3], it.level(), it.block(), it
				.paragraph(), it.line()));
		}
		return out;
	}

	/**
	 * What {@code prepare=Auto} made of every slice of an image.
	 *
	 * @param pages the reading of each slice
	 * @param prepared the prepared slices (a new 8-bit image titled {@code <title>-prepared}), or {@code null} when
	 *          each slice was handed on as it was read
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
		return read(imp, p, service, document, null);
	}

	/**
	 * About what one slice being read takes in memory, in bytes per input pixel: the grey page, its prepared copies
	 * (enlarged up to 2×2) and the detectors' work images ({@link Lanes#inOrder}).
	 */
	private static final long SLICE_BYTES = 24;

	/** A slice's reading and the time it took. */
	private record Timed(Result result, double millis) {}

	/** Receives each slice's reading as soon as it is done. */
	@FunctionalInterface
	public interface SliceDone {

		/**
		 * @param slice the slice (1-based)
		 * @param r its reading and prepared page
		 * @param found its defect areas, with their mitigations
		 */
		void done(int slice, Result r, List<Defects.Found> found);
	}

	/**
	 * As {@link #read(ImagePlus, OcrParams, DefectDetectorService, OcrDocument)}, each slice handed to {@code each}
	 * as soon as it is read (e.g. to write its prepared page and its picture). With {@code each}, the prepared slices
	 * are not kept ({@link Pages#prepared()} is {@code null}): the memory a stack takes no longer grows with its
	 * length (on a stack read from the file page by page, one page at a time). Several slices are read at once when
	 * there are {@link Lanes} to spare; they are handed on, and added to {@code document}, in slice order.
	 */
	public static Pages read(final ImagePlus imp, final OcrParams p, final DefectDetectorService service,
		final OcrDocument document, final SliceDone each)
	{
		final Roi roi = imp.getRoi();
		final Rectangle area = roi != null && roi.isArea() ? roi.getBounds() : null;
		final int w = imp.getWidth(), h = imp.getHeight(), n = imp.getStackSize();
		final List<OcrPage> pages = new ArrayList<>();
		final List<Prepare.Row> log = new ArrayList<>();
		final List<Defects.Found> found = new ArrayList<>();
		final Prepare.Slices prepared = new Prepare.Slices(imp, each == null);
		// several slices at once when there are lanes ({@link Lanes}); slice 1 first: its enlargement is every slice's
		ImageFilters.withImageJThreads(() -> Lanes.inOrder(n, true, SLICE_BYTES * w * h, document, (s, page) -> {
			final long t0 = System.nanoTime();
			final Result r = run(ImgWrap.bytes(OcrImages.grey(imp, s), w, h), p, service, area, page, prepared.scale());
			return new Timed(r, (System.nanoTime() - t0) / 1e6);
		}, (t, s) -> {
			final Result r = t.result();
			pages.add(r.page());
			log.add(new Prepare.Row(s, new PrepareStep("Detect, prepare and read", 0, 0, w, h, "defects=" + r.defects()
				.size() + ", lines read again=" + r.retried() + ", kept=" + r.improved(), t.millis())));
			for (final PrepareStep st : r.prepared().log())
				log.add(new Prepare.Row(s, st));
			final List<Defects.Found> here = new ArrayList<>();
			for (final DefectArea a : r.defects())
				here.add(new Defects.Found(s, a, service.detector(a.type()).mitigation(a)));
			found.addAll(here);
			prepared.add(s, r.prepared());
			if (n > 1) IJ.showProgress(s, n);
			if (each != null) each.done(s, r, here);
		}));
		return new Pages(pages, prepared.image(), log, found);
	}

	/**
	 * A picture of slice {@code slice} of the page that was read: the original as RGB with the defect areas (in their
	 * type colours, with the legend) and the items' boxes (in their confidence colours) drawn in.
	 */
	public static ImagePlus annotated(final ImagePlus imp, final Pages r, final int slice) {
		final List<Defects.Found> here = new ArrayList<>();
		for (final Defects.Found f : r.defects())
			if (f.slice() == slice) here.add(f);
		return annotated(imp, slice, r.pages().get(slice - 1), here);
	}

	/**
	 * As {@link #annotated(ImagePlus, Pages, int)}, from that slice's reading and defect areas alone.
	 */
	public static ImagePlus annotated(final ImagePlus imp, final int slice, final OcrPage page,
		final List<Defects.Found> found)
	{
		final ImagePlus copy = new ImagePlus(imp.getTitle(), imp.getStack());
		copy.setCalibration(imp.getCalibration());
		final Overlay ov = OcrImages.overlay(List.of(page)); // on every slice: only this one is drawn
		for (final Roi roi : DefectsOverlay.rois(copy, found))
			ov.add(roi);
		for (final Roi roi : DefectsOverlay.legend(copy, found))
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
