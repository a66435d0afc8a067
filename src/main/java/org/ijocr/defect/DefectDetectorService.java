package org.ijocr.defect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.Storage;
import org.ijocr.core.defect.DefectArea;
import org.ijocr.core.defect.DefectType;
import org.ijocr.core.defect.Page;
import org.ijocr.core.defect.TileHistograms;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.plugin.PluginService;
import org.scijava.service.AbstractService;
import org.scijava.service.SciJavaService;
import org.scijava.service.Service;

/**
 * The registered {@link DefectDetector}s: lists them in {@link DefectType} order, finds one by type and runs a set
 * of them on a page. One detector serves each type; when several plugins claim the same type, the one of highest
 * SciJava priority wins (so a plugin can replace a shipped detector by declaring a higher priority). A new detector
 * is one class with {@code @Plugin(type = DefectDetector.class)}: it appears here, among the {@code type} choices of
 * {@code OCR Detect Defects} and in {@code ij-ocr detect}, with no other change.
 */
@Plugin(type = Service.class)
public class DefectDetectorService extends AbstractService implements SciJavaService {

	/** The choice meaning every registered detector. */
	public static final String ALL = "All";

	@Parameter
	private PluginService plugins;

	private volatile List<DefectDetector> detectors;

	/** The detectors, one per type, in {@link DefectType} order. */
	public List<DefectDetector> detectors() {
		List<DefectDetector> list = detectors;
		if (list == null) {
			// instances come sorted by priority, highest first: the first claim of a type wins
			final Map<DefectType, DefectDetector> byType = new EnumMap<>(DefectType.class);
			for (final DefectDetector d : plugins.createInstancesOfType(DefectDetector.class)) {
				if (d.type() == null) throw new IllegalStateException(d.getClass().getName() + " has no defect type");
				byType.putIfAbsent(d.type(), d);
			}
			detectors = list = List.copyOf(byType.values());
		}
		return list;
	}

	/** The detector of that type, or {@code null} if none is registered. */
	public DefectDetector detector(final DefectType type) {
		for (final DefectDetector d : detectors())
			if (d.type() == type) return d;
		return null;
	}

	/** The user-facing labels of the registered types, in {@link DefectType} order (the command's choices). */
	public List<String> labels() {
		return detectors().stream().map(d -> d.type().label()).toList();
	}

	/**
	 * The detectors a {@code type} choice names: {@code "All"} (case-insensitive) = every registered detector, else
	 * the one of that label or code; {@link IllegalArgumentException} naming the registered choices if none.
	 */
	public List<DefectDetector> select(final String type) {
		if (type == null || type.isBlank() || type.trim().equalsIgnoreCase(ALL)) return detectors();
		DefectType t = null;
		try {
			t = DefectType.fromLabel(type.trim());
		}
		catch (final IllegalArgumentException e) {
			// not a known type at all: reported below with the registered choices
		}
		final DefectDetector d = t == null ? null : detector(t);
		if (d == null) {
			final List<String> choices = new ArrayList<>();
			choices.add(ALL);
			choices.addAll(labels());
			throw new IllegalArgumentException("no detector for defect type '" + type.trim() + "' (registered: "
				+ String.join(", ", choices) + ")");
		}
		return List.of(d);
	}

	/**
	 * Runs {@code chosen} on one 2-D grey page (0 = black), the detectors side by side on ImgLib2's current
	 * {@link Parallelization} executor. Areas are relative to the page's minimum, clipped to the page (a box that
	 * lies wholly outside is dropped), sorted by type, then top to bottom, then left to right. When the page is an
	 * 8-bit {@code ArrayImg}, the detectors share its tile histograms ({@link TileHistograms#sharing}): low contrast,
	 * blur and glare compute them once per call.
	 *
	 * @throws IllegalStateException if a detector reports an area of another type than its own
	 */
	public List<DefectArea> detect(final RandomAccessibleInterval<UnsignedByteType> page,
		final Collection<DefectDetector> chosen)
	{
		if (page.numDimensions() != 2) throw new IllegalArgumentException("a page is 2-D, not " + page
			.numDimensions() + "-D");
		final List<DefectDetector> list = List.copyOf(chosen);
		final List<List<DefectArea>> found = new ArrayList<>();
		for (int i = 0; i < list.size(); i++)
			found.add(null);
		final List<Integer> indices = new ArrayList<>();
		for (int i = 0; i < list.size(); i++)
			indices.add(i);
		final Runnable run = () -> Parallelization.getTaskExecutor().forEach(indices, i -> found.set(i, list.get(i)
			.detect(page)));
		// the detectors that read tile histograms of the page's own pixels (no copy) compute them once
		if (list.size() > 1 && Storage.bytes(page) != null) TileHistograms.sharing(Page.of(page), () -> {
			run.run();
			return null;
		});
		else run.run();
		final int w = (int) page.dimension(0), h = (int) page.dimension(1);
		final List<DefectArea> areas = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			final DefectDetector d = list.get(i);
			for (final DefectArea a : found.get(i)) {
				if (a.type() != d.type()) throw new IllegalStateException(d.getClass().getName() + " reported an area of "
					+ "type " + a.type().name() + ", not " + d.type().name());
				final DefectArea c = clip(a, w, h);
				if (c != null) areas.add(c);
			}
		}
		areas.sort(Comparator.comparing(DefectArea::type).thenComparingInt(DefectArea::y).thenComparingInt(
			DefectArea::x));
		return areas;
	}

	private static DefectArea clip(final DefectArea a, final int w, final int h) {
		final int x0 = Math.max(0, a.x()), y0 = Math.max(0, a.y());
		final int x1 = Math.min(w, a.x() + a.width()), y1 = Math.min(h, a.y() + a.height());
		if (x1 <= x0 || y1 <= y0) return null;
		if (x0 == a.x() && y0 == a.y() && x1 - x0 == a.width() && y1 - y0 == a.height()) return a;
		return new DefectArea(a.type(), x0, y0, x1 - x0, y1 - y0, a.score());
	}
}
