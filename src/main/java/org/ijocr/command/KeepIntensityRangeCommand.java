package org.ijocr.command;

import ij.ImagePlus;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;

import org.ijocr.core.tone.IntensityRange;
import org.ijocr.core.tone.RangeFill;
import org.ijocr.ij1.ImageFilters;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Keep Intensity Range}: keeps the pixels with grey levels {@code lower..upper} as they are and turns all
 * others into paper ({@link IntensityRange}); {@code lower=0 upper=0} (default) finds the band itself: the darkest
 * significant layer of ink in the histogram, e.g. text at grey 100–105 over lighter background words, or black text
 * under a lighter stamp. {@code fill}: {@code White} or {@code Paper} (the page's paper grey). 16/32-bit images are
 * read through their display range (levels 0–255 of what is shown) and keep their raw values where kept (white =
 * the display maximum); RGB pages are decided by luminance and removed pixels become neutral. Stacks: every slice
 * (the automatic band per slice); a selection: its own histogram, only its pixels change.
 */
@Plugin(type = Command.class, label = "OCR Keep Intensity Range",
	description = "Keep one band of grey levels (e.g. the text layer), turn the rest into paper")
public class KeepIntensityRangeCommand implements Command {

	@Parameter(persist = false)
	private ImagePlus imp;

	@Parameter(label = "Lower", description = "darkest grey level kept, 0–255 (lower = upper = 0: automatic band)",
		min = "0", max = "255")
	private int lower = 0;

	@Parameter(label = "Upper", description = "lightest grey level kept, 0–255 (lower = upper = 0: automatic band)",
		min = "0", max = "255")
	private int upper = 0;

	/** The choices are {@link RangeFill}'s labels, in order (a test keeps the two in step). */
	@Parameter(label = "Fill", description = "what removed pixels become: White, or Paper (the page's paper grey)",
		choices = { "White", "Paper" })
	private String fill = "White";

	@Override
	public void run() {
		if (lower > upper) throw new IllegalArgumentException("lower=" + lower + " is above upper=" + upper);
		final IntensityRange.Params p = new IntensityRange.Params(lower == 0 && upper == 0 ? null
			: new IntensityRange.Band(lower, upper), RangeFill.fromLabel(fill));
		final double min = imp.getDisplayRangeMin(), max = imp.getDisplayRangeMax();
		ImageFilters.filterInPlace(imp, 0, new ImageFilters.PlaneOp() {

			@Override
			public <T extends RealType<T> & NativeType<T>> void apply(final ArrayImg<T, ?> src,
				final ArrayImg<T, ?> dst)
			{
				IntensityRange.keep(p, min, max, src, dst);
			}
		}, (src, dst) -> IntensityRange.keep(p, src, dst));
	}
}
