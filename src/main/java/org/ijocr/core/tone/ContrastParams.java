package org.ijocr.core.tone;

/**
 * Parameters of {@link Contrast}.
 *
 * @param method {@link ContrastMethod#STRETCH} or {@link ContrastMethod#CLAHE}; never {@code null}
 * @param saturated Stretch: the percentage of pixels allowed to saturate, half at each end, in [0, 100) (ImageJ's
 *          Process&gt;Enhance Contrast default {@value Contrast#DEFAULT_SATURATED})
 * @param blocksize CLAHE: side of the contextual regions (tiles) in pixels, &ge; 2 (Fiji's Enhance Local Contrast
 *          default {@value Contrast#DEFAULT_BLOCKSIZE})
 * @param bins CLAHE: histogram bins, 2..256 (Fiji's default {@value Contrast#DEFAULT_BINS})
 * @param clipLimit CLAHE: the maximum slope of the mapping, as a multiple of the mean bin height, in [1, 1000]; 1
 *          leaves the image as it is (Fiji's "maximum slope", default {@value Contrast#DEFAULT_CLIP_LIMIT}; OpenCV's
 *          {@code clipLimit})
 */
public record ContrastParams(ContrastMethod method, double saturated, int blocksize, int bins, double clipLimit) {

	/** Default: Stretch with 0.35 % saturation; CLAHE settings 127 / 256 / 3 when the method is switched. */
	public static final ContrastParams DEFAULT = new ContrastParams(ContrastMethod.STRETCH, Contrast.DEFAULT_SATURATED,
		Contrast.DEFAULT_BLOCKSIZE, Contrast.DEFAULT_BINS, Contrast.DEFAULT_CLIP_LIMIT);

	/** Validates every field (see the record description for the ranges). */
	public ContrastParams {
		if (method == null) throw new IllegalArgumentException("method must not be null; choose one of "
			+ String.join(", ", ContrastMethod.labels()));
		if (!(saturated >= 0 && saturated < 100)) throw new IllegalArgumentException(
			"saturated must be a percentage in [0, 100), got " + saturated);
		if (blocksize < 2) throw new IllegalArgumentException("blocksize must be at least 2 pixels, got " + blocksize);
		if (bins < 2 || bins > 256) throw new IllegalArgumentException("bins must be 2..256, got " + bins);
		if (!(clipLimit >= 1 && clipLimit <= 1000)) throw new IllegalArgumentException(
			"clip limit (maximum slope) must be in [1, 1000], got " + clipLimit);
	}

	/** The default CLAHE settings (blocksize 127, 256 bins, clip limit 3). */
	public static ContrastParams clahe() {
		return DEFAULT.with(ContrastMethod.CLAHE);
	}

	/** A copy with another method. */
	public ContrastParams with(final ContrastMethod m) {
		return new ContrastParams(m, saturated, blocksize, bins, clipLimit);
	}
}
