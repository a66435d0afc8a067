package org.ijocr.testutil;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import javax.imageio.ImageIO;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Test-scope readers for the evaluation fixtures: PBM (P1 plain and P4 raw; ImageIO has no PBM reader), any image
 * ImageIO reads (PNG, BMP — converted to grey by luminance 0.299 R + 0.587 G + 0.114 B, rounded) and gzipped
 * whitespace-separated weight files ({@code .dat.gz}).
 */
public final class TestImages {

	/** A binary image: row-major text mask ({@code true} = text / ink / black). */
	public record Binary(int width, int height, boolean[] text) {}

	private TestImages() {}

	/** Reads a P1 or P4 PBM; in PBM 1 means black, i.e. text. */
	public static Binary readPbm(final Path file) throws IOException {
		final byte[] b = Files.readAllBytes(file);
		final int[] pos = { 0 };
		final String magic = token(b, pos);
		if (!magic.equals("P1") && !magic.equals("P4")) throw new IOException(file + ": not a PBM (" + magic + ")");
		final int w = Integer.parseInt(token(b, pos));
		final int h = Integer.parseInt(token(b, pos));
		final boolean[] text = new boolean[w * h];
		if (magic.equals("P4")) {
			int p = pos[0] + 1; // exactly one whitespace byte after the height
			final int rowBytes = (w + 7) / 8;
			if (b.length < p + rowBytes * h) throw new IOException(file + ": truncated P4 data");
			for (int y = 0; y < h; y++, p += rowBytes)
				for (int x = 0; x < w; x++)
					text[y * w + x] = (b[p + (x >> 3)] & (0x80 >> (x & 7))) != 0;
		}
		else {
			int p = pos[0];
			for (int i = 0; i < w * h; i++) {
				while (p < b.length && (b[p] != '0' && b[p] != '1')) {
					if (b[p] == '#') while (p < b.length && b[p] != '\n') p++;
					else p++;
				}
				if (p >= b.length) throw new IOException(file + ": truncated P1 data");
				text[i] = b[p++] == '1';
			}
		}
		return new Binary(w, h, text);
	}

	/** Whitespace-separated token, skipping {@code #} comments. */
	private static String token(final byte[] b, final int[] pos) {
		int p = pos[0];
		while (p < b.length) {
			if (b[p] == '#') while (p < b.length && b[p] != '\n') p++;
			else if (Character.isWhitespace(b[p])) p++;
			else break;
		}
		final int s = p;
		while (p < b.length && !Character.isWhitespace(b[p])) p++;
		pos[0] = p;
		return new String(b, s, p - s, java.nio.charset.StandardCharsets.US_ASCII);
	}

	/** Reads an image through ImageIO as 8-bit grey (luminance, rounded). */
	public static ArrayImg<UnsignedByteType, ByteArray> readGray(final Path file) throws IOException {
		final BufferedImage bi = ImageIO.read(file.toFile());
		if (bi == null) throw new IOException("ImageIO cannot read " + file);
		final int w = bi.getWidth(), h = bi.getHeight();
		final int[] rgb = bi.getRGB(0, 0, w, h, null, 0, w);
		final byte[] g = new byte[w * h];
		for (int i = 0; i < g.length; i++) {
			final int c = rgb[i];
			final double l = 0.299 * ((c >> 16) & 0xff) + 0.587 * ((c >> 8) & 0xff) + 0.114 * (c & 0xff);
			g[i] = (byte) Math.min(255, (int) Math.round(l));
		}
		return ArrayImgs.unsignedBytes(g, w, h);
	}

	/** Reads a binary image through ImageIO (PNG, BMP): text where the grey value is below 128. */
	public static Binary readBinary(final Path file) throws IOException {
		final ArrayImg<UnsignedByteType, ByteArray> g = readGray(file);
		final byte[] px = g.update(null).getCurrentStorageArray();
		final boolean[] text = new boolean[px.length];
		for (int i = 0; i < px.length; i++)
			text[i] = (px[i] & 0xff) < 128;
		return new Binary((int) g.dimension(0), (int) g.dimension(1), text);
	}

	/** Reads a gzipped file of whitespace-separated floats; fails unless it holds exactly {@code n} values. */
	public static float[] readWeights(final Path file, final int n) throws IOException {
		final byte[] b;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
			final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
			in.transferTo(out);
			b = out.toByteArray();
		}
		final float[] v = new float[n];
		int count = 0, p = 0;
		while (true) {
			while (p < b.length && Character.isWhitespace(b[p])) p++;
			if (p >= b.length) break;
			final int s = p;
			while (p < b.length && !Character.isWhitespace(b[p])) p++;
			if (count == n) throw new IOException(file + ": more than " + n + " values");
			v[count++] = Float.parseFloat(new String(b, s, p - s, java.nio.charset.StandardCharsets.US_ASCII));
		}
		if (count != n) throw new IOException(file + ": " + count + " values, expected " + n);
		return v;
	}
}
