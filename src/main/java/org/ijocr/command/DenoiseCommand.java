package org.ijocr.command;

import ij.ImagePlus;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.Storage;
import org.ijocr.core.filter.ImpulseNoise;
import org.ijocr.core.morph.Despeckle;
import org.ijocr.core.threshold.Binarize;
import org.ijocr.core.threshold.BinarizeParams;
import org.ijocr.ij1.ImageFilters;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Denoise}: automatic noise removal with a black-and-white result. Three steps, each automatic:
 * salt-and-pepper impulses are replaced on the grey page ({@link ImpulseNoise}: a switching median that leaves
 * clean pixels alone; where the noise is sparse, an estimated density of at most
 * {@value ImpulseNoise#SPARSE_DENSITY}, the end pixels of strokes one pixel wide are put back,
 * {@link ImpulseNoise#keepStrokeEnds}, so thin print such as receipts keeps its stroke ends, colons and periods), the
 * page is binarized with the suite's {@code Auto} method, and specks and pinholes below sizes derived from the page's
 * own stroke width and text height are removed ({@link Despeckle}), keeping punctuation and thin strokes. Input and
 * output conventions as {@code OCR Binarize}.
 */
@Plugin(type = Command.class, label = "OCR Denoise",
	description = "Remove salt-and-pepper noise and specks; black-and-white result")
public class DenoiseCommand implements Command {

	@Parameter(persist = false)
	private ImagePlus imp;

	@Override
	public void run() {
		ImageFilters.toBinary(imp, 8, (grey, binary) -> {
			final ArrayImg<UnsignedByteType, ByteArray> clean = ArrayImgs.unsignedBytes(grey.dimensionsAsLongArray());
			final ImpulseNoise.Result r = ImpulseNoise.remove(grey, clean);
			if (r.estimatedDensity() <= ImpulseNoise.SPARSE_DENSITY && r.pixelsChanged() > 0) {
				final int w = (int) grey.dimension(0), h = (int) grey.dimension(1);
				ImpulseNoise.keepStrokeEnds(Storage.bytes(grey), Storage.bytes(clean), w, h, ImpulseNoise.DEFAULT_TOLERANCE,
					r);
			}
			Binarize.binarize(BinarizeParams.DEFAULT, clean, binary);
			Despeckle.despeckle(binary, binary);
		});
	}
}
