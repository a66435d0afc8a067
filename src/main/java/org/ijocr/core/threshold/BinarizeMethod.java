package org.ijocr.core.threshold;

import org.ijocr.core.Labels;

import java.util.ArrayList;
import java.util.List;

import org.ijocr.core.threshold.LocalParam.Spec;

/**
 * Binarization methods. The label is the user-facing name and the macro value (stable; never rename it).
 * {@link #AUTO} is the default: the suite's document-grade local method ({@link DocumentBinarizer}); then come the
 * global thresholds of {@link GlobalThresholds} and the classic local thresholds of {@link LocalThresholds}, whose
 * parameters ({@link LocalParam}) default to each paper's published values ({@link #spec(LocalParam)}).
 */
public enum BinarizeMethod {
	/** Document-grade local binarization: {@link DocumentBinarizer}. */
	AUTO("Auto"),
	/** {@link GlobalThresholds#otsu(int[])}. */
	OTSU("Otsu"),
	/** {@link GlobalThresholds#li(int[])}. */
	LI("Li"),
	/** {@link GlobalThresholds#triangle(int[])}. */
	TRIANGLE("Triangle"),
	/** {@link GlobalThresholds#huang(int[])}. */
	HUANG("Huang"),
	/** {@link GlobalThresholds#maxEntropy(int[])}. */
	MAX_ENTROPY("MaxEntropy"),
	/** {@link GlobalThresholds#isoData(int[])}. */
	ISODATA("IsoData"),
	/** The mean grey level of the histogram, {@link GlobalThresholds#mean(int[])} (not the local {@link #MEAN}). */
	GLOBAL_MEAN("Global mean"),
	/** {@link GlobalThresholds#minimum(int[])}. */
	MINIMUM("Minimum"),
	/**
	 * {@link LocalThresholds#sauvola}: radius 7 (the paper's 15×15 window), k 0.5, r (= R) 128 — J. Sauvola &amp;
	 * M. Pietikäinen, Pattern Recognition 33(2), 2000.
	 */
	SAUVOLA("Sauvola"),
	/**
	 * {@link LocalThresholds#wolf}: radius 20 (≈ the authors' 40×40 window for pages), k 0.5 — C. Wolf &amp;
	 * J.-M. Jolion, Pattern Analysis &amp; Applications 6(4), 2004.
	 */
	WOLF("Wolf"),
	/** {@link LocalThresholds#niblack}: radius 7 (15×15 window), k −0.2 — W. Niblack, 1986. */
	NIBLACK("Niblack"),
	/** {@link LocalThresholds#bernsen}: radius 15 (31×31 window), contrast 15 — J. Bernsen, ICPR 1986. */
	BERNSEN("Bernsen"),
	/**
	 * {@link LocalThresholds#phansalkar}: radius 15, k 0.25, r 0.5 (p 2, q 10 fixed) — N. Phansalkar et al., ICCSP
	 * 2011.
	 */
	PHANSALKAR("Phansalkar"),
	/**
	 * {@link LocalThresholds#gaussian}: Gaussian-weighted local mean minus an offset, as OpenCV's {@code
	 * ADAPTIVE_THRESH_GAUSSIAN_C}; radius 15 (G. Landini's Auto Local Threshold), offset 2 (OpenCV's thresholding
	 * tutorial).
	 */
	GAUSSIAN_ADAPTIVE("Gaussian adaptive"),
	/**
	 * {@link LocalThresholds#mean}: local mean minus an offset, as OpenCV's {@code ADAPTIVE_THRESH_MEAN_C} and
	 * Landini's "Mean"; radius 15 (Landini), offset 2 (OpenCV's thresholding tutorial).
	 */
	MEAN("Mean");

	/** Largest accepted window radius of the local methods. */
	public static final int MAX_RADIUS = LocalThresholds.MAX_RADIUS;

	private final String label;

	BinarizeMethod(final String label) {
		this.label = label;
	}

	/** The user-facing name and macro value, e.g. {@code "Otsu"}. */
	public String label() {
		return label;
	}

	/** Whether the method picks one threshold for the whole image from its histogram. */
	public boolean isGlobal() {
		return ordinal() >= OTSU.ordinal() && ordinal() <= MINIMUM.ordinal();
	}

	/** Whether the method is one of the parameterised local thresholds of {@link LocalThresholds}. */
	public boolean isLocal() {
		return ordinal() >= SAUVOLA.ordinal();
	}

	/** The global threshold of this method for a histogram; {@link IllegalStateException} for a local method. */
	public int threshold(final int[] hist) {
		return switch (this) {
			case OTSU -> GlobalThresholds.otsu(hist);
			case LI -> GlobalThresholds.li(hist);
			case TRIANGLE -> GlobalThresholds.triangle(hist);
			case HUANG -> GlobalThresholds.huang(hist);
			case MAX_ENTROPY -> GlobalThresholds.maxEntropy(hist);
			case ISODATA -> GlobalThresholds.isoData(hist);
			case GLOBAL_MEAN -> GlobalThresholds.mean(hist);
			case MINIMUM -> GlobalThresholds.minimum(hist);
			default -> throw new IllegalStateException(label + " is a local method without a global threshold");
		};
	}

	/**
	 * This method's default and accepted range for a local parameter, or {@code null} when the method does not take
	 * it. Radii are whole numbers 0..{@link #MAX_RADIUS}; the defaults are the papers' (see each constant).
	 */
	public Spec spec(final LocalParam p) {
		return switch (this) {
			case SAUVOLA -> switch (p) {
				case RADIUS -> radius(7);
				case K -> Spec.of(0.5, 0, 1);
				case R -> new Spec(128, 0, 255, true, false);
				default -> null;
			};
			case WOLF -> switch (p) {
				case RADIUS -> radius(20);
				case K -> Spec.of(0.5, 0, 1);
				default -> null;
			};
			case NIBLACK -> switch (p) {
				case RADIUS -> radius(7);
				case K -> Spec.of(-0.2, -1, 1);
				default -> null;
			};
			case BERNSEN -> switch (p) {
				case RADIUS -> radius(15);
				case CONTRAST -> Spec.of(15, 0, 255);
				default -> null;
			};
			case PHANSALKAR -> switch (p) {
				case RADIUS -> radius(15);
				case K -> Spec.of(0.25, 0, 1);
				case R -> new Spec(0.5, 0, 1, true, false);
				default -> null;
			};
			case GAUSSIAN_ADAPTIVE, MEAN -> switch (p) {
				case RADIUS -> radius(15);
				case OFFSET -> Spec.of(2, -255, 255);
				default -> null;
			};
			default -> null;
		};
	}

	/** The local parameters this method takes, in {@link LocalParam} order (empty for Auto and global methods). */
	public List<LocalParam> params() {
		final List<LocalParam> list = new ArrayList<>();
		for (final LocalParam p : LocalParam.values())
			if (spec(p) != null) list.add(p);
		return list;
	}

	private static Spec radius(final int def) {
		return new Spec(def, 0, MAX_RADIUS, false, true);
	}

	/** All labels in declaration order, e.g. for a dialog's choice list. */
	public static String[] labels() {
		return Labels.of(values(), BinarizeMethod::label);
	}

	/** The method with this label (case-insensitive); {@link IllegalArgumentException} naming the choices if none. */
	public static BinarizeMethod fromLabel(final String label) {
		return Labels.find(values(), BinarizeMethod::label, "binarization method", label);
	}

	@Override
	public String toString() {
		return label;
	}
}
