package org.ijocr.core.morph;

/**
 * Connected-component labelling of one value in an 8-bit row-major image, by the two-pass algorithm with union-find
 * on provisional labels (A. Rosenfeld, J. L. Pfaltz, "Sequential operations in digital picture processing", J. ACM
 * 13(4), 1966) working on runs rather than pixels: the first pass cuts each row into runs of the value and unites
 * each run with the runs it touches in the row above; the second paints the runs and gathers statistics per run
 * (L. He, Y. Chao, K. Suzuki, "A run-based two-scan labeling algorithm", IEEE Trans. Image Process. 17(5), 2008;
 * union-find with path halving as in K. Wu, E. Otoo, K. Suzuki, "Optimizing two-pass connected-component labeling
 * algorithms", Pattern Anal. Appl. 12, 2009).
 * <p>
 * Labels are 1..{@link #count()}, in raster order of each component's first pixel; 0 marks the other pixels.
 * Per-component area and bounding box are gathered during the second pass. The runs are found eight pixels at a time
 * and labelled by {@link Runs}, which callers inside this package use directly when they need no label image.
 */
public final class ConnectedComponents {

	private final int count;
	private final int[] labels;
	private final int[] area, minX, minY, maxX, maxY;

	private ConnectedComponents(final int count, final int[] labels, final int[] area, final int[] minX,
		final int[] minY, final int[] maxX, final int[] maxY)
	{
		this.count = count;
		this.labels = labels;
		this.area = area;
		this.minX = minX;
		this.minY = minY;
		this.maxX = maxX;
		this.maxY = maxY;
	}

	/**
	 * Labels the pixels equal to {@code value}.
	 *
	 * @param pixels row-major 8-bit pixels, {@code width*height}
	 * @param width image width
	 * @param height image height
	 * @param value the grey value (0..255) whose components are labelled
	 * @param eightConnected 8-connectivity if true (use for ink), else 4-connectivity (use for its background)
	 * @param labels reusable label buffer of at least {@code width*height} ints, or null to allocate one
	 * @return the labelling
	 */
	public static ConnectedComponents label(final byte[] pixels, final int width, final int height, final int value,
		final boolean eightConnected, final int[] labels)
	{
		final int n = width * height;
		if (pixels.length < n) throw new IllegalArgumentException("pixels shorter than width*height");
		final int[] lab = labels != null && labels.length >= n ? labels : new int[n];
		final Runs runs = Runs.of(pixels, width, height, value, eightConnected);
		runs.paint(lab);
		return new ConnectedComponents(runs.components, lab, runs.area, runs.minX, runs.minY, runs.maxX, runs.maxY);
	}

	/**
	 * The components of the pixels at or below {@code level} (the ink of a grey page cut at a global threshold),
	 * labelled as by {@link #label} on the image binarized at {@code level} (same labels, areas and boxes), without
	 * building the binary image or painting a label image: {@link #labels()} is null.
	 *
	 * @param pixels row-major 8-bit pixels, {@code width*height}
	 * @param width image width
	 * @param height image height
	 * @param level the highest grey level (0..254) that belongs to the components
	 * @param eightConnected 8-connectivity if true, else 4-connectivity
	 * @return the components, without a label image
	 */
	public static ConnectedComponents atMost(final byte[] pixels, final int width, final int height, final int level,
		final boolean eightConnected)
	{
		if (pixels.length < width * height) throw new IllegalArgumentException("pixels shorter than width*height");
		if (level < 0 || level > 254) throw new IllegalArgumentException("level must be 0..254, got " + level);
		final Runs runs = Runs.atMost(pixels, width, height, level, eightConnected);
		return new ConnectedComponents(runs.components, null, runs.area, runs.minX, runs.minY, runs.maxX, runs.maxY);
	}

	/** Number of components. */
	public int count() {
		return count;
	}

	/**
	 * The label image (0 = not the labelled value, else 1..count); the buffer passed in, if one was; null from
	 * {@link #atMost}.
	 */
	public int[] labels() {
		return labels;
	}

	/** Pixel count of component {@code l} (1..count). */
	public int area(final int l) {
		return area[l];
	}

	/** Leftmost column of component {@code l}. */
	public int minX(final int l) {
		return minX[l];
	}

	/** Top row of component {@code l}. */
	public int minY(final int l) {
		return minY[l];
	}

	/** Rightmost column of component {@code l}. */
	public int maxX(final int l) {
		return maxX[l];
	}

	/** Bottom row of component {@code l}. */
	public int maxY(final int l) {
		return maxY[l];
	}

	/** Bounding-box width of component {@code l}. */
	public int width(final int l) {
		return maxX[l] - minX[l] + 1;
	}

	/** Bounding-box height of component {@code l}. */
	public int height(final int l) {
		return maxY[l] - minY[l] + 1;
	}
}
