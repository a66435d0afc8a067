package org.ijocr.testutil;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.filter.Gauss;

/**
 * Makes the sample pages shipped in {@code samples/} (the README's quick start runs the suite on them): rendered
 * text pages at 150 dpi, one clean and one per defect, with fixed seeds so they can be made again exactly:
 * {@code mvn -B -Pbench test-compile exec:exec -Dbench.main=org.ijocr.testutil.SamplePages -Dbench.args=samples}.
 */
public final class SamplePages {

	private SamplePages() {}

	public static void main(final String[] args) throws IOException {
		final Path dir = Path.of(args.length > 0 ? args[0] : "samples");
		Files.createDirectories(dir);
		final int w = 1240, h = 1754; // A4 at 150 dpi

		final ArrayImg<UnsignedByteType, ByteArray> clean = Pages.page(w, h, 150, 2, 11L);
		write(clean, w, h, dir.resolve("01-clean.png"));

		final ArrayImg<UnsignedByteType, ByteArray> noisy = Pages.page(w, h, 150, 1, 12L);
		Pages.addImpulseNoise(noisy, 0.05, 1212L);
		write(noisy, w, h, dir.resolve("02-salt-and-pepper.png"));

		// uneven light: a dark corner shadow and grey paper, faint ink
		final ArrayImg<UnsignedByteType, ByteArray> shadow = Pages.page(w, h, 150, 2, 13L);
		final byte[] p = Pages.pixels(shadow);
		final Random grain = new Random(1313L);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double light = 0.45 + 0.55 * Math.min(1, Math.hypot(x - w * 1.1, y - h * 1.1) / (0.9 * h));
				final double paper = 205 * light + grain.nextGaussian() * 4;
				final double ink = 70 * light;
				final double v = (p[y * w + x] & 0xff) / 255.0;
				p[y * w + x] = (byte) Math.max(0, Math.min(255, Math.round(ink + (paper - ink) * v)));
			}
		write(shadow, w, h, dir.resolve("03-uneven-light.png"));

		// blur: the lower half out of focus (Gaussian, sigma 2 px = 0.34 mm at 150 dpi)
		final ArrayImg<UnsignedByteType, ByteArray> blur = Pages.page(w, h, 150, 1, 14L);
		final byte[] b = Pages.pixels(blur), soft = new byte[w * h];
		Gauss.gauss(2, b, soft, w, h);
		System.arraycopy(soft, w * (h / 2), b, w * (h / 2), w * (h - h / 2));
		write(blur, w, h, dir.resolve("04-blur.png"));

		// glare: a bright elliptical highlight with a soft edge that washes the ink out
		final ArrayImg<UnsignedByteType, ByteArray> glare = Pages.page(w, h, 150, 2, 15L);
		final byte[] g = Pages.pixels(glare);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double dx = (x - 0.62 * w) / (0.22 * w), dy = (y - 0.4 * h) / (0.12 * h);
				final double k = 0.82 * Math.max(0, Math.min(1, 1.8 * (1 - Math.hypot(dx, dy))));
				final int ink = 20 + (g[y * w + x] & 0xff) * 215 / 255; // ink 20, paper 235
				g[y * w + x] = (byte) Math.round(ink + (255 - ink) * k);
			}
		write(glare, w, h, dir.resolve("05-glare.png"));

		// low contrast: faded print, ink 125 on paper 180, with scanner noise
		final ArrayImg<UnsignedByteType, ByteArray> faded = Pages.page(w, h, 150, 2, 16L);
		final byte[] f = Pages.pixels(faded);
		final Random sensor = new Random(1616L);
		for (int i = 0; i < f.length; i++)
			f[i] = (byte) Math.max(0, Math.min(255, Math.round(125 + (f[i] & 0xff) * 55 / 255.0 + 2.5 * sensor
				.nextGaussian())));
		write(faded, w, h, dir.resolve("06-low-contrast.png"));
	}

	private static void write(final ArrayImg<UnsignedByteType, ByteArray> img, final int w, final int h,
		final Path file) throws IOException
	{
		final BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		System.arraycopy(Pages.pixels(img), 0, ((DataBufferByte) bi.getRaster().getDataBuffer()).getData(), 0, w * h);
		final File f = file.toFile();
		if (!ImageIO.write(bi, "png", f)) throw new IOException("cannot write " + f);
		System.out.println("wrote " + f + " (" + f.length() / 1024 + " KiB)");
	}
}
