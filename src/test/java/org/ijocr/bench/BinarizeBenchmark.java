package org.ijocr.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

import org.ijocr.core.threshold.Binarize;
import org.ijocr.core.threshold.BinarizeMethod;
import org.ijocr.core.threshold.BinarizeParams;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Times {@link Binarize} on an A4 300-dpi page (2480×3508): anti-aliased text on a shaded, noisy background.
 * Run from the project root:
 * <pre>
 * mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.ijocr.bench.BinarizeBenchmark
 * </pre>
 */
public final class BinarizeBenchmark {

	private BinarizeBenchmark() {}

	public static void main(final String[] args) {
		final int w = 2480, h = 3508;
		final ArrayImg<UnsignedByteType, ByteArray> page = ArrayImgs.unsignedBytes(a4Page(w, h), w, h);
		final ArrayImg<UnsignedByteType, ByteArray> out = ArrayImgs.unsignedBytes(w, h);
		for (final BinarizeMethod m : new BinarizeMethod[] { BinarizeMethod.AUTO, BinarizeMethod.OTSU }) {
			final BinarizeParams p = BinarizeParams.of(m);
			System.out.println(Parallelization.runSingleThreaded(() -> Bench.measureBudget(m.label()
				+ " A4, 1 thread", 15000, () -> Binarize.binarize(p, page, out))));
			// the common ForkJoinPool has cores − 1 workers, so ask for one thread per core explicitly
			final int cores = Runtime.getRuntime().availableProcessors();
			System.out.println(Parallelization.runWithNumThreads(cores, () -> Bench.measureBudget(m.label() + " A4, "
				+ cores + " threads", 15000, () -> Binarize.binarize(p, page, out))));
		}
	}

	private static byte[] a4Page(final int w, final int h) {
		final BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		final Graphics2D g = bi.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.setColor(Color.BLACK);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setFont(new Font(Font.SERIF, Font.PLAIN, 42));
		final String line = "The quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs.";
		for (int y = 200; y < h - 200; y += 60)
			g.drawString(line, 200, y);
		g.dispose();
		final byte[] px = ((DataBufferByte) bi.getRaster().getDataBuffer()).getData();
		final Random rnd = new Random(1);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int i = y * w + x;
				final double paper = 0.75 + 0.2 * x / w; // uneven light
				px[i] = (byte) Math.max(0, Math.min(255, (int) Math.round((px[i] & 0xff) * paper + 3 * rnd
					.nextGaussian())));
			}
		return px;
	}
}
