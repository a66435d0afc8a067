package org.ijocr.ocr;

import java.awt.Rectangle;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI1;

import org.ijocr.core.geometry.Scale;

/**
 * Tesseract through Tess4J's low-level C API ({@link TessAPI1}), kept native. An engine keeps one initialised
 * {@code TessBaseAPI} handle per model folder and language; {@link #recognize} lends each calling thread an engine of
 * its own for the page (from a pool: an idle one, else a new one), so threads never share a handle, and a model is
 * loaded once per engine and reused for every later page — also by the short-lived threads ImageJ runs each command
 * on (Tess4J's {@code Tesseract} class re-loads the model and re-recognises the page for every result it is asked
 * for; this class never does). The pool holds as many engines as pages were ever read at once.
 * <p>
 * One page = {@code SetImage} (8-bit grey bytes, no conversion; a selection is cut out first),
 * {@code SetSourceResolution} (always: without it Tesseract assumes 70 dpi), one {@code Recognize}, then the result iterator at
 * the chosen level for text, confidence, box and layout numbers, {@code GetUTF8Text} for the page text, and — when an
 * {@link OcrDocument} is given — Tesseract's renderers for the exports, all from that one recognition.
 * <p>
 * With {@link PageSegMode#AUTO} the page's orientation is found first by Tesseract's orientation and script detection
 * ({@code osd.traineddata}, a second handle, {@code TessBaseAPIDetectOrientationScript}); a page found turned by a
 * quarter, half or three-quarter turn with an orientation confidence of at least {@link #MIN_ORIENTATION_CONFIDENCE}
 * is turned upright exactly before recognition, and the boxes are mapped back to the image.
 */
public final class OcrEngine {

	/**
	 * The orientation confidence OSD must reach before a page is turned: Tesseract's own
	 * {@code min_orientation_margin} (7.0), the margin it requires in mode 1 ({@code tesseract/src/ccmain/osdetect.cpp}).
	 */
	public static final double MIN_ORIENTATION_CONFIDENCE = 7.0;

	/** The resolution from which orientation detection looks at the page at half size. */
	static final int OSD_FULL_DPI = 250;

	/** Tesseract's {@code OEM_DEFAULT}: LSTM where the model has it. */
	private static final int OEM_DEFAULT = 3;
	/** {@code OEM_TESSERACT_ONLY}: the OSD model is a legacy-engine model. */
	private static final int OEM_LEGACY = 0;
	private static final String OSD = "osd";

	/** Engines not in use, the most recently used first. */
	private static final Deque<OcrEngine> IDLE = new ConcurrentLinkedDeque<>();
	/** Every engine made, freed at exit (Tesseract complains about leaked models otherwise). */
	private static final Set<OcrEngine> ALL = ConcurrentHashMap.newKeySet();
	static {
		try {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(OcrEngine.STOP_WAIT_MILLIS),
				"OCR engine cleanup"));
		}
		catch (final IllegalStateException e) {
			// first used while the program stops (a stopped run that read no page): there is nothing to free
		}
	}

	/**
	 * How long a stopped program waits for the pages being read to finish before it frees Tesseract's models
	 * ({@link #shutdown}).
	 */
	public static final long STOP_WAIT_MILLIS = 20_000;

	/** Recognitions run so far ({@link #recognitions}). */
	private static final AtomicLong RECOGNITIONS = new AtomicLong();

	/** Set when the program is stopping: no page is started any more. */
	private static boolean stopping;
	/** Pages being read now. */
	private static int reading;

	private final Map<String, TessBaseAPI> handles = new HashMap<>();
	private ByteBuffer buffer;
	private byte[] turned, cut, half;

	private OcrEngine() {
		Natives.load();
		ALL.add(this);
	}

	/** The number of pages (or parts of pages) Tesseract has recognised so far in this program. */
	public static long recognitions() {
		return RECOGNITIONS.get();
	}

	/** The number of engines made so far (each holds its own handles). */
	public static int engines() {
		return ALL.size();
	}

	/** Frees the models of the engines not in use (the next page loads them again). */
	public static void releaseIdle() {
		OcrEngine e;
		while ((e = IDLE.poll()) != null) {
			e.close();
			ALL.remove(e);
		}
	}

	/**
	 * Stops the reading for good, as the program ends (Ctrl-C, SIGTERM, or its end): no page is started any more (one
	 * asked for fails, saying so), the pages being read are waited for, up to {@code waitMillis}, and then the models
	 * are freed. Freeing a model while Tesseract reads with it, or letting the process exit under a reading, makes
	 * Tesseract's native code abort the process ("pix not defined", an assertion in {@code control.cpp}, a JVM crash
	 * report). Engines still reading after the wait are left as they are.
	 *
	 * @return whether no page was being read any more
	 */
	public static boolean shutdown(final long waitMillis) {
		synchronized (OcrEngine.class) {
			stopping = true;
			final long end = System.nanoTime() + waitMillis * 1_000_000;
			boolean interrupted = false;
			while (reading > 0) {
				final long left = (end - System.nanoTime()) / 1_000_000;
				if (left <= 0) break;
				try {
					OcrEngine.class.wait(left);
				}
				catch (final InterruptedException e) {
					interrupted = true;
				}
			}
			releaseIdle();
			if (interrupted) Thread.currentThread().interrupt();
			return reading == 0;
		}
	}

	/** Pages being read now, kept readings ({@link Kept}) included. */
	static synchronized int inWork() {
		return reading;
	}

	/** Counts a page in, or refuses it when the program is stopping. */
	private static synchronized void starting() {
		if (stopping) throw new IllegalStateException("OCR: stopped (the program is ending)");
		reading++;
	}

	private static synchronized void finished() {
		reading--;
		OcrEngine.class.notifyAll();
	}

	/**
	 * Recognises an 8-bit grey page (dark text on light paper is best; 0 = black).
	 *
	 * @param grey the pixels, row by row, {@code w·h} bytes
	 * @param roi the part to read (image coordinates), or {@code null} for all; the items' boxes are in image
	 *          coordinates, the exports describe the part read
	 * @param document exports to add this page to, or {@code null}
	 */
	public static OcrPage recognize(final OcrParams p, final byte[] grey, final int w, final int h,
		final Rectangle roi, final OcrDocument document)
	{
		return onEngine(e -> e.read(p, grey, w, h, roi, document, false), false);
	}

	/**
	 * Runs {@code work} on an idle engine (a new one if none is idle), counted as a page being read; the engine is
	 * given back and the page counted out afterwards, or, with {@code hold}, only if {@code work} fails (a {@link Kept}
	 * reading then does both when it is closed).
	 */
	private static <T> T onEngine(final Function<OcrEngine, T> work, final boolean hold) {
		starting();
		boolean held = false;
		try {
			OcrEngine e = IDLE.pollFirst();
			if (e == null) e = new OcrEngine();
			try {
				final T result = work.apply(e);
				held = hold;
				return result;
			}
			finally {
				if (!held) IDLE.offerFirst(e);
			}
		}
		finally {
			if (!held) finished();
		}
	}

	/**
	 * Recognises a page as {@link #recognize} does and keeps Tesseract's state of that recognition, so that the exports
	 * can be given this reading later ({@link Kept#addTo}) instead of recognising the page once more: for a reader that
	 * decides which of several readings to export after it has read them. The reading holds a Tesseract handle (and
	 * counts as a page being read, {@link #shutdown}) until it is closed.
	 */
	public static Kept recognizeKept(final OcrParams p, final byte[] grey, final int w, final int h,
		final Rectangle roi)
	{
		return onEngine(e -> new Kept(e, e.read(p, grey, w, h, roi, null, true), e.handle(p.tessdata(), p.language(),
			OEM_DEFAULT)), true);
	}

	/**
	 * A reading whose Tesseract state is kept ({@link #recognizeKept}); close it (from any thread) to give its handle
	 * back.
	 */
	public static final class Kept implements AutoCloseable {

		private final OcrEngine engine;
		private final OcrPage page;
		private final TessBaseAPI api;
		private boolean closed;

		private Kept(final OcrEngine engine, final OcrPage page, final TessBaseAPI api) {
			this.engine = engine;
			this.page = page;
			this.api = api;
		}

		/** The text and items read. */
		public OcrPage page() {
			return page;
		}

		/** Adds this reading to the exports, as {@link #recognize} with the document would have. */
		public synchronized void addTo(final OcrDocument document) {
			if (closed) throw new IllegalStateException("the reading was closed");
			document.add(api);
		}

		@Override
		public synchronized void close() {
			if (closed) return;
			closed = true;
			try {
				TessAPI1.TessBaseAPIClear(api);
			}
			finally {
				IDLE.offerFirst(engine);
				finished();
			}
		}
	}

	/** One recognition; with {@code keep}, Tesseract's state is not cleared when it succeeds ({@link Kept}). */
	private OcrPage read(final OcrParams p, final byte[] grey, final int w, final int h, final Rectangle roi,
		final OcrDocument document, final boolean keep)
	{
		if (w <= 0 || h <= 0 || grey.length < w * h) throw new IllegalArgumentException("bad page size " + w + "×"
			+ h);
		final Rectangle area = roi == null ? null : roi.intersection(new Rectangle(w, h));
		if (area != null && area.isEmpty()) throw new IllegalArgumentException("the selection is outside the image");
		final int rw = area == null ? w : area.width, rh = area == null ? h : area.height;
		if (rw > Scale.MAX_OCR_SIDE || rh > Scale.MAX_OCR_SIDE) throw new IllegalArgumentException("Tesseract reads at most "
			+ Scale.MAX_OCR_SIDE + " pixels a side, and " + (area == null ? "the page" : "the selection") + " is " + rw
			+ "×" + rh + ": select a part of it, or scale it down");
		final TessBaseAPI api = handle(p.tessdata(), p.language(), OEM_DEFAULT);
		// a selection is cut out rather than passed to SetRectangle: Tesseract 5.5 misreads a rectangle that spans
		// the full width of the image but not its height (measured on phototest.tif)
		final byte[] src;
		final int sw, sh;
		if (area == null || area.equals(new Rectangle(w, h))) {
			src = grey;
			sw = w;
			sh = h;
		}
		else {
			sw = area.width;
			sh = area.height;
			if (cut == null || cut.length < sw * sh) cut = new byte[sw * sh];
			for (int y = 0; y < sh; y++)
				System.arraycopy(grey, (area.y + y) * w + area.x, cut, y * sw, sw);
			src = cut;
		}
		final int turns = p.psm().detectsOrientation() ? uprightTurns(p, src, sw, sh) : 0;
		final byte[] page;
		final int pw, ph;
		if (turns == 0) {
			page = src;
			pw = sw;
			ph = sh;
		}
		else {
			if (turned == null || turned.length < sw * sh) turned = new byte[sw * sh];
			QuarterTurns.rotate(src, sw, sh, turns, turned);
			page = turned;
			pw = (turns & 1) == 1 ? sh : sw;
			ph = (turns & 1) == 1 ? sw : sh;
		}
		TessAPI1.TessBaseAPISetPageSegMode(api, p.psm().code());
		TessAPI1.TessBaseAPISetVariable(api, "tessedit_char_whitelist", p.whitelist());
		TessAPI1.TessBaseAPISetVariable(api, "user_defined_dpi", Integer.toString(p.dpi()));
		TessAPI1.TessBaseAPISetVariable(api, "thresholding_method", Integer.toString(p.thresholding().code()));
		setImage(api, page, pw, ph, p.dpi());
		boolean done = false;
		try {
			RECOGNITIONS.incrementAndGet();
			if (TessAPI1.TessBaseAPIRecognize(api, null) != 0) throw new IllegalStateException(
				"OCR: Tesseract could not recognise the page");
			final List<OcrItem> items = items(api, p, sw, sh, turns, area == null ? 0 : area.x, area == null ? 0
				: area.y);
			final String text = text(TessAPI1.TessBaseAPIGetUTF8Text(api));
			final int mean = TessAPI1.TessBaseAPIMeanTextConf(api);
			if (document != null) document.add(api);
			done = true;
			return new OcrPage(text, items, mean, turns * 90);
		}
		finally {
			if (!(keep && done)) TessAPI1.TessBaseAPIClear(api);
		}
	}

	/** The clockwise quarter turns that make the page upright (0 when OSD is unsure or finds too little text). */
	private int uprightTurns(final OcrParams p, final byte[] grey, final int w, final int h) {
		final Path folder = Files.isRegularFile(p.tessdata().resolve(OSD + Models.EXTENSION)) ? p.tessdata()
			: Models.bundled();
		final TessBaseAPI osd = handle(folder, OSD, OEM_LEGACY);
		// OSD needs only the shapes of letters: above OSD_FULL_DPI it looks at the page at half size (2×2 means),
		// which cuts its cost to about a quarter on a 300-dpi page
		if (p.dpi() >= OSD_FULL_DPI && w >= 64 && h >= 64) {
			final int hw = w / 2, hh = h / 2;
			if (half == null || half.length < hw * hh) half = new byte[hw * hh];
			for (int y = 0; y < hh; y++) {
				final int r0 = 2 * y * w, r1 = r0 + w, o = y * hw;
				for (int x = 0; x < hw; x++)
					half[o + x] = (byte) (((grey[r0 + 2 * x] & 0xff) + (grey[r0 + 2 * x + 1] & 0xff) + (grey[r1 + 2 * x]
						& 0xff) + (grey[r1 + 2 * x + 1] & 0xff) + 2) >> 2);
			}
			TessAPI1.TessBaseAPISetVariable(osd, "user_defined_dpi", Integer.toString(p.dpi() / 2));
			setImage(osd, half, hw, hh, p.dpi() / 2);
		}
		else {
			TessAPI1.TessBaseAPISetVariable(osd, "user_defined_dpi", Integer.toString(p.dpi()));
			setImage(osd, grey, w, h, p.dpi());
		}
		try {
			final IntBuffer deg = IntBuffer.allocate(1);
			final FloatBuffer conf = FloatBuffer.allocate(1), scriptConf = FloatBuffer.allocate(1);
			final PointerByReference script = new PointerByReference();
			if (TessAPI1.TessBaseAPIDetectOrientationScript(osd, deg, conf, script, scriptConf) == 0) return 0;
			if (conf.get(0) < MIN_ORIENTATION_CONFIDENCE) return 0;
			// deg = the clockwise rotation the page shows; turning it back is (360 - deg) clockwise
			return ((360 - deg.get(0)) / 90) & 3;
		}
		finally {
			TessAPI1.TessBaseAPIClear(osd);
		}
	}

	private void setImage(final TessBaseAPI api, final byte[] grey, final int w, final int h, final int dpi) {
		final int n = w * h;
		if (buffer == null || buffer.capacity() < n) buffer = ByteBuffer.allocateDirect(n);
		buffer.clear();
		buffer.put(grey, 0, n).flip();
		TessAPI1.TessBaseAPISetImage(api, buffer, w, h, 1, w); // Tesseract copies the pixels
		TessAPI1.TessBaseAPISetSourceResolution(api, dpi);
	}

	/** The items of the chosen level, in reading order, with TSV-style block/paragraph/line numbers. */
	private static List<OcrItem> items(final TessBaseAPI api, final OcrParams p, final int w, final int h,
		final int turns, final int dx, final int dy)
	{
		final List<OcrItem> items = new ArrayList<>();
		final TessResultIterator ri = TessAPI1.TessBaseAPIGetIterator(api);
		if (ri == null) return items;
		try {
			final TessPageIterator pi = TessAPI1.TessResultIteratorGetPageIterator(ri);
			final int level = p.level().ril();
			final IntBuffer l = IntBuffer.allocate(1), t = IntBuffer.allocate(1), r = IntBuffer.allocate(1),
				b = IntBuffer.allocate(1);
			int block = 0, para = 0, line = 0;
			boolean newBlock = false, newPara = false, newLine = false;
			TessAPI1.TessPageIteratorBegin(pi);
			do {
				// a block starts with a paragraph, a paragraph with a line: the wider levels are asked only at a line
				// start (each question costs ~20 µs; three per word were 3 % of a page's time)
				final boolean atLine = level <= 2 || TessAPI1.TessPageIteratorIsAtBeginningOf(pi, 2) != 0;
				final boolean atPara = atLine && (level <= 1 || TessAPI1.TessPageIteratorIsAtBeginningOf(pi, 1) != 0);
				newBlock |= atPara && (level == 0 || TessAPI1.TessPageIteratorIsAtBeginningOf(pi, 0) != 0);
				newPara |= atPara;
				newLine |= atLine;
				final String s = text(TessAPI1.TessResultIteratorGetUTF8Text(ri, level));
				if (s.isBlank()) continue; // an empty element (e.g. an image block) starts nothing
				if (newBlock) {
					block++;
					para = 0;
					line = 0;
				}
				if (newPara || newBlock) {
					para++;
					line = 0;
				}
				if (newLine || newPara || newBlock) line++;
				newBlock = newPara = newLine = false;
				final double conf = TessAPI1.TessResultIteratorConfidence(ri, level);
				if (conf < p.minConfidence()) continue;
				if (TessAPI1.TessPageIteratorBoundingBox(pi, level, l, t, r, b) == 0) continue;
				final Rectangle box = QuarterTurns.unturn(new Rectangle(l.get(0), t.get(0), r.get(0) - l.get(0), b
					.get(0) - t.get(0)), w, h, turns);
				items.add(new OcrItem(s.strip(), Math.max(0, Math.min(100, conf)), box.x + dx, box.y + dy, box.width,
					box.height, p.level(), block, para, line));
			}
			while (TessAPI1.TessPageIteratorNext(pi, level) != 0);
		}
		finally {
			TessAPI1.TessResultIteratorDelete(ri);
		}
		return items;
	}

	/** A native UTF-8 string, freed; "" for null. */
	private static String text(final Pointer p) {
		if (p == null) return "";
		try {
			return p.getString(0, StandardCharsets.UTF_8.name());
		}
		finally {
			TessAPI1.TessDeleteText(p);
		}
	}

	/** The handle for that folder and language on this thread, initialised on first use. */
	private TessBaseAPI handle(final Path folder, final String language, final int oem) {
		final String key = folder.toAbsolutePath() + "|" + language + "|" + oem;
		TessBaseAPI api = handles.get(key);
		if (api == null) {
			api = TessAPI1.TessBaseAPICreate();
			final String dir = folder.toAbsolutePath().toString();
			if (TessAPI1.TessBaseAPIInit2(api, dir.endsWith("/") || dir.endsWith("\\") ? dir : dir + java.io.File.separator,
				language, oem) != 0)
			{
				TessAPI1.TessBaseAPIDelete(api);
				throw new IllegalArgumentException("OCR: Tesseract cannot load the model(s) '" + language + "' from "
					+ dir);
			}
			TessAPI1.TessBaseAPISetVariable(api, "debug_file", nullDevice());
			handles.put(key, api);
		}
		return api;
	}

	private static String nullDevice() {
		return System.getProperty("os.name", "").startsWith("Windows") ? "nul" : "/dev/null";
	}

	private synchronized void close() {
		for (final TessBaseAPI api : handles.values()) {
			TessAPI1.TessBaseAPIEnd(api);
			TessAPI1.TessBaseAPIDelete(api);
		}
		handles.clear();
	}
}
