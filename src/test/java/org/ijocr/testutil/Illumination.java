package org.ijocr.testutil;

import java.util.Random;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Smooth illumination fields that multiply a clean rendered page, as uneven light does on a scan or a photograph:
 * each maps a pixel position to a factor (1 = full light). {@link #apply} turns a clean black-on-white page into a
 * lit one with grey ink and paper: reflectance {@code ink + (paper - ink) · v / 255}, times the field, plus sensor
 * noise.
 */
public enum Illumination {
	/** Corners darker: {@code 1 - 0.55 (r / r_max)²} from the centre. */
	VIGNETTE {
		@Override
		public double at(final double x, final double y, final int w, final int h) {
			final double r2 = ((x - w / 2.0) * (x - w / 2.0) + (y - h / 2.0) * (y - h / 2.0)) / (w * w / 4.0 + h * h
				/ 4.0);
			return 1 - 0.55 * r2;
		}
	},
	/** A linear gradient from 0.4 on the left to 1 on the right. */
	GRADIENT {
		@Override
		public double at(final double x, final double y, final int w, final int h) {
			return 0.4 + 0.6 * x / (w - 1);
		}
	},
	/**
	 * A curved page's gutter down the middle: light falls to 0.35 at the fold, with a half-width of 6 % of the
	 * page, plus a slight overall fall towards the fold.
	 */
	GUTTER {
		@Override
		public double at(final double x, final double y, final int w, final int h) {
			final double d = (x - w / 2.0) / (0.06 * w);
			return (1 - 0.65 * Math.exp(-d * d)) * (1 - 0.1 * Math.exp(-Math.abs(x - w / 2.0) / (0.25 * w)));
		}
	},
	/** Glare: paper lit at 0.75 with a bright blob up to 1.0 (σ 12 % of the width) above the centre. */
	GLARE {
		@Override
		public double at(final double x, final double y, final int w, final int h) {
			final double dx = x - 0.45 * w, dy = y - 0.35 * h, s = 0.12 * w;
			return 0.75 + 0.25 * Math.exp(-(dx * dx + dy * dy) / (2 * s * s));
		}
	};

	/** The light factor at pixel {@code (x, y)} of a {@code w×h} page. */
	public abstract double at(double x, double y, int w, int h);

	/**
	 * A lit copy of a clean page (ink 0, paper 255): reflectance {@code ink + (paper - ink) · v / 255} times the
	 * field, plus Gaussian noise {@code sigma}, rounded and clamped.
	 */
	public ArrayImg<UnsignedByteType, ByteArray> apply(final ArrayImg<UnsignedByteType, ByteArray> clean,
		final double ink, final double paper, final double sigma, final long seed)
	{
		final int w = (int) clean.dimension(0), h = (int) clean.dimension(1);
		final byte[] c = Pages.pixels(clean), p = new byte[c.length];
		final Random r = new Random(seed);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double v = (ink + (paper - ink) * (c[y * w + x] & 0xff) / 255) * at(x, y, w, h) + sigma * r
					.nextGaussian();
				p[y * w + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
			}
		return ArrayImgs.unsignedBytes(p, w, h);
	}
}
