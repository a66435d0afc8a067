package org.ijocr.testutil;

import java.awt.Rectangle;
import java.util.Random;

import ij.process.ByteProcessor;

/**
 * Small pages for the user-facing defect tests with the real detectors: blank paper (grey {@value #PAPER}) with
 * salt-and-pepper noise in given rectangles. The salt-and-pepper detector reports a noisy rectangle exactly when it
 * lies on its tile grid (24-pixel tiles on pages up to 864 pixels on their shorter side) and covers at least two
 * tiles; the other three detectors report nothing on such a page.
 */
public final class NoisePatches {

	private NoisePatches() {}

	/** The paper's grey level. */
	public static final int PAPER = 230;

	/** A noisy rectangle: {@code density} of its pixels set to 0 or 255 (equally likely). */
	public record Patch(Rectangle box, double density) {}

	/** A {@code w}×{@code h} page of paper with the patches, deterministic from the patches. */
	public static ByteProcessor page(final int w, final int h, final Patch... patches) {
		final ByteProcessor bp = new ByteProcessor(w, h);
		bp.setValue(PAPER);
		bp.fill();
		final Random rnd = new Random(4242);
		for (final Patch p : patches)
			for (int y = p.box().y; y < p.box().y + p.box().height; y++)
				for (int x = p.box().x; x < p.box().x + p.box().width; x++)
					if (rnd.nextDouble() < p.density()) bp.set(x, y, rnd.nextBoolean() ? 0 : 255);
		return bp;
	}
}
