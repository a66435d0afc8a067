package org.ijocr.core.threshold;

/**
 * Binarization methods. The label is the user-facing name and the macro value (stable; never rename it).
 * {@link #AUTO} is the default: the suite's document-grade local method ({@link DocumentBinarizer}); all the others
 * are global thresholds from {@link GlobalThresholds}.
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
	/** {@link GlobalThresholds#mean(int[])}. */
	MEAN("Mean"),
	/** {@link GlobalThresholds#minimum(int[])}. */
	MINIMUM("Minimum");

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
		return this != AUTO;
	}

	/** The global threshold of this method for a histogram; {@link IllegalStateException} for {@link #AUTO}. */
	public int threshold(final int[] hist) {
		return switch (this) {
			case OTSU -> GlobalThresholds.otsu(hist);
			case LI -> GlobalThresholds.li(hist);
			case TRIANGLE -> GlobalThresholds.triangle(hist);
			case HUANG -> GlobalThresholds.huang(hist);
			case MAX_ENTROPY -> GlobalThresholds.maxEntropy(hist);
			case ISODATA -> GlobalThresholds.isoData(hist);
			case MEAN -> GlobalThresholds.mean(hist);
			case MINIMUM -> GlobalThresholds.minimum(hist);
			case AUTO -> throw new IllegalStateException("Auto is a local method without a global threshold");
		};
	}

	/** All labels in declaration order, e.g. for a dialog's choice list. */
	public static String[] labels() {
		final BinarizeMethod[] v = values();
		final String[] s = new String[v.length];
		for (int i = 0; i < v.length; i++)
			s[i] = v[i].label;
		return s;
	}

	/** The method with this label (case-insensitive); {@link IllegalArgumentException} naming the choices if none. */
	public static BinarizeMethod fromLabel(final String label) {
		for (final BinarizeMethod m : values())
			if (m.label.equalsIgnoreCase(label)) return m;
		throw new IllegalArgumentException("unknown binarization method '" + label + "'; choose one of "
			+ String.join(", ", labels()));
	}

	@Override
	public String toString() {
		return label;
	}
}
