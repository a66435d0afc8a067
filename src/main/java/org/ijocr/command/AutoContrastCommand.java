package org.ijocr.command;

import ij.ImagePlus;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;

import org.ijocr.core.tone.Contrast;
import org.ijocr.core.tone.ContrastMethod;
import org.ijocr.core.tone.ContrastParams;
import org.ijocr.ij1.ImageFilters;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Auto Contrast}: contrast correction ({@link Contrast}). {@code method=Stretch} (default) is a global
 * linear stretch with {@code saturated} % of the pixels saturated, pixel-identical to ImageJ's Process&gt;Enhance
 * Contrast with "normalize" on 8-bit images; {@code method=CLAHE} equalizes locally (Zuiderveld 1994) with Fiji's
 * defaults {@code blocksize=127 bins=256 clip_limit=3}. The image type is kept: 16-bit results span 0–65535 and
 * 32-bit results 0–1 (the display range is reset), RGB pages are corrected by luminance with their colours kept (or
 * each channel on its own with {@code per_channel}). Stacks: every slice on its own; a selection: its own pixels
 * only.
 */
@Plugin(type = Command.class, label = "OCR Auto Contrast",
	description = "Contrast correction: global stretch with saturation, or local CLAHE")
public class AutoContrastCommand implements Command {

	@Parameter(persist = false)
	private ImagePlus imp;

	/** The choices are {@link ContrastMethod}'s labels, in order (a test keeps the two in step). */
	@Parameter(label = "Method", description = "Stretch = global linear stretch; CLAHE = local, contrast-limited "
		+ "adaptive histogram equalization", choices = { "Stretch", "CLAHE" })
	private String method = "Stretch";

	@Parameter(label = "Saturated (%)", description = "Stretch: share of pixels allowed to saturate, half at each "
		+ "end (ImageJ's default 0.35)", min = "0", max = "99", stepSize = "0.05")
	private double saturated = Contrast.DEFAULT_SATURATED;

	@Parameter(label = "Block size", description = "CLAHE: side of the tiles in pixels (Fiji's default 127)",
		min = "2", max = "100000")
	private int blocksize = Contrast.DEFAULT_BLOCKSIZE;

	@Parameter(label = "Histogram bins", description = "CLAHE: histogram bins, 2–256 (Fiji's default 256)", min = "2",
		max = "256")
	private int bins = Contrast.DEFAULT_BINS;

	@Parameter(label = "Clip limit", description = "CLAHE: maximum slope of the mapping; 1 = no change (Fiji's "
		+ "default 3)", min = "1", max = "1000", stepSize = "0.5")
	private double clip_limit = Contrast.DEFAULT_CLIP_LIMIT;

	@Parameter(label = "Per channel", description = "RGB: correct R, G and B each on its own (default: by luminance, "
		+ "colours kept)")
	private boolean per_channel = false;

	@Override
	public void run() {
		final ContrastParams p = new ContrastParams(ContrastMethod.fromLabel(method), saturated, blocksize, bins,
			clip_limit);
		ImageFilters.filterInPlace(imp, 0, new ImageFilters.PlaneOp() {

			@Override
			public <T extends RealType<T> & NativeType<T>> void apply(final ArrayImg<T, ?> src,
				final ArrayImg<T, ?> dst)
			{
				Contrast.apply(p, src, dst);
			}
		}, per_channel ? null : (src, dst) -> Contrast.apply(p, src, dst));
		if (imp.getBitDepth() == 16 || imp.getBitDepth() == 32) imp.resetDisplayRange();
	}
}
