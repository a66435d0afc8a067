package org.ijocr.core.geometry;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.ijocr.core.morph.ConnectedComponents;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;

class GlyphProbe {
	@Test
	void probe() throws Exception {
		final ArrayImg<UnsignedByteType, ByteArray> page = Pages.a4();
		final byte[] g = Pages.pixels(page);
		final int w = 2480, h = 3508;
		final int[] hist = org.ijocr.core.threshold.Histogram.of(g);
		final int t = org.ijocr.core.threshold.GlobalThresholds.otsu(hist);
		final byte[] bin = new byte[w * h];
		for (int i = 0; i < bin.length; i++) bin[i] = (g[i] & 0xff) <= t ? 0 : (byte) 255;
		final ConnectedComponents cc = ConnectedComponents.label(bin, w, h, 0, true, null);
		System.out.println("t " + t + " count " + cc.count());
		final int[] hh = new int[200], ww = new int[400];
		for (int l = 1; l <= cc.count(); l++) { hh[Math.min(199, cc.height(l))]++; ww[Math.min(399, cc.width(l))]++; }
		for (int i = 0; i < 100; i++) if (hh[i] > 0) System.out.print(i + ":" + hh[i] + " ");
		System.out.println();
		for (int i = 0; i < 400; i += 1) if (ww[i] > 0) System.out.print(i + ":" + ww[i] + " ");
		System.out.println();
		final Glyphs gl = Glyphs.find(g, w, h, 0.4, 3, 3);
		System.out.println("glyphs " + gl.count + " med " + gl.medianHeight);
		final java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(w / 2, h / 2, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
		final byte[] r = Glyphs.reduce(g, w, h, 2);
		bi.getRaster().setDataElements(0, 0, w / 2, h / 2, r);
		javax.imageio.ImageIO.write(bi.getSubimage(0, 0, 600, 400), "png", new java.io.File("/tmp/geo/a4crop.png"));
	}
}
