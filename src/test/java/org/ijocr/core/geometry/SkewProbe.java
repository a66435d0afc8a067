package org.ijocr.core.geometry;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.ijocr.testutil.Pages;
import org.junit.jupiter.api.Test;

class SkewProbe {
	static final double[] ANGLES = false ? new double[] { 0, 2.2 } : new double[] { -15, -9.3, -3.7, -0.4, 0, 0.25, 2.2, 7.7, 14.9 };
	@Test
	void probe() {
		Skew.DEBUG = false;
		for (final int dpi : new int[] { 300, 150 }) {
			final ArrayImg<UnsignedByteType, ByteArray> page = dpi == 300 ? Pages.a4() : Pages.page(1240, 1754, 150, 1, 7);
			final ArrayImg<UnsignedByteType, ByteArray> rot = ArrayImgs.unsignedBytes(page.dimensionsAsLongArray());
			double maxErr = 0;
			for (final double a : ANGLES) {
				Rotate.rotate(new RotateParams(a, Interpolation.BILINEAR, 255), page, rot);
				final long t0 = System.nanoTime();
				final Skew.Result r = Skew.estimate(SkewParams.DEFAULT, rot);
				final double ms = (System.nanoTime() - t0) / 1e6;
				maxErr = Math.max(maxErr, Math.abs(r.angle() - a));
				System.out.printf("dpi %d angle %6.2f found %8.4f err %7.4f conf %.3f vert %b glyphs %d %.1f ms%n", dpi, a, r.angle(), r.angle() - a, r.confidence(), r.vertical(), r.glyphs(), ms);
			}
			System.out.println("max err " + maxErr);
			for (int k = 0; k < 30; k++) Skew.estimate(SkewParams.DEFAULT, rot);
			final long t1 = System.nanoTime();
			for (int k = 0; k < 10; k++) Skew.estimate(SkewParams.DEFAULT, rot);
			System.out.println("warm ms " + (System.nanoTime() - t1) / 1e7);
		}
	}
}
