package org.ijocr.core.convert;

import org.ijocr.core.Labels;

/**
 * How {@link Grayscale#convert} turns a colour pixel into one grey level. The label is the user-facing name and the
 * macro value (stable; never rename it). Black and grey ink stays dark with every choice; they differ on coloured
 * ink and coloured paper.
 */
public enum Channel {
	/**
	 * {@code Y = 0.299 R + 0.587 G + 0.114 B}, rounded: ITU-R BT.601 luma weights (Recommendation ITU-R BT.601-7,
	 * 2011), brightness as the eye sees it; ImageJ's "weighted" 8-bit conversion. The default.
	 */
	LUMINANCE("Luminance"),
	/** {@code (R + G + B) / 3}, rounded: ImageJ's default (unweighted) 8-bit conversion of RGB images. */
	AVERAGE("Average"),
	/**
	 * The red channel: red ink (stamps, corrections, red pen) becomes nearly as light as the paper and vanishes from
	 * the page; blue ink becomes darker.
	 */
	RED("Red"),
	/** The green channel: red and blue ink both stay dark; close to luminance on most pages. */
	GREEN("Green"),
	/** The blue channel: blue ink (pen, blue stamps) vanishes; yellow highlighter becomes dark. */
	BLUE("Blue"),
	/**
	 * {@code max(R, G, B)} (the "value" of HSV, A. R. Smith, "Color gamut transform pairs", SIGGRAPH 1978): any
	 * saturated coloured ink (red, green or blue stamps and pens) becomes light while black ink stays black, so only
	 * the black print is kept.
	 */
	MAX("Max");

	private final String label;

	Channel(final String label) {
		this.label = label;
	}

	/** The user-facing name and macro value, e.g. {@code "Red"}. */
	public String label() {
		return label;
	}

	/** The grey level (0&ndash;255) of one packed RGB value ({@code 0xRRGGBB}; alpha ignored). */
	public int grey(final int rgb) {
		final int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
		return switch (this) {
			case LUMINANCE -> Grayscale.luminance(rgb);
			case AVERAGE -> (r + g + b + 1) / 3;
			case RED -> r;
			case GREEN -> g;
			case BLUE -> b;
			case MAX -> Math.max(r, Math.max(g, b));
		};
	}

	/** All labels in declaration order, e.g. for a dialog's choice list. */
	public static String[] labels() {
		return Labels.of(values(), Channel::label);
	}

	/** The constant with this label (case-insensitive); {@link IllegalArgumentException} naming the choices if none. */
	public static Channel fromLabel(final String label) {
		return Labels.find(values(), Channel::label, "channel", label);
	}

	@Override
	public String toString() {
		return label;
	}
}
