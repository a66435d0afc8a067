package org.ijocr.command;

import ij.ImagePlus;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;

import org.ijocr.core.tone.Background;
import org.ijocr.core.tone.FlattenParams;
import org.ijocr.ij1.ImageFilters;
import org.ijocr.ij1.ImgWrap;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Flatten Background}: removes uneven illumination (gradients, vignetting, curved-page gutter shadows,
 * glare) and keeps the page grey: the page is divided by a text-robust estimate of its paper ({@link Background}),
 * so the paper gets one level and the ink keeps its contrast. {@code radius}: background scale in pixels (dark areas
 * narrower than about twice it are ink), 0 = automatic ({@link Background#autoRadius}: from the page size and its
 * stroke width; 31 at A4 300 dpi), taken from the current slice for the whole stack; {@code paper}: the paper level
 * afterwards, 0 = automatic (the page's typical, median paper level). 8-, 16- and 32-bit, and RGB (each channel: a
 * tinted paper keeps its tint with the automatic level and turns neutral with a given one); for 16/32-bit images
 * {@code paper} is a level of the display range. Stacks: every slice; a selection: only its pixels change.
 */
@Plugin(type = Command.class, label = "OCR Flatten Background",
	description = "Remove uneven illumination, shadows and glare; the page stays grey")
public class FlattenBackgroundCommand implements Command {

	@Parameter(persist = false)
	private ImagePlus imp;

	@Parameter(label = "Radius", description = "background scale in pixels: dark areas narrower than about twice "
		+ "it are ink (0 = automatic, from the page size and its stroke width)", min = "0", max = "10000")
	private double radius = 0;

	@Parameter(label = "Paper level", description = "grey level of the paper afterwards, 1–255 (0 = automatic: the "
		+ "page's typical paper); 16/32-bit: a level of the display range", min = "0", max = "255")
	private double paper = 0;

	@Override
	public void run() {
		// the automatic radius of the current plane, for every plane (and the selection's context)
		final double r = radius > 0 ? radius : Background.autoRadius(ImgWrap.bytes(ImageFilters.toGrey(imp
			.getProcessor(), imp.getDisplayRangeMin(), imp.getDisplayRangeMax(), false)));
		final int bits = imp.getBitDepth();
		final double level = paper == 0 || bits == 8 || bits == 24 ? paper : imp.getDisplayRangeMin() + paper / 255
			* (imp.getDisplayRangeMax() - imp.getDisplayRangeMin());
		final FlattenParams p = new FlattenParams(r, Math.max(0, level));
		ImageFilters.filterInPlace(imp, (int) Math.ceil(2 * r), new ImageFilters.PlaneOp() {

			@Override
			public <T extends RealType<T> & NativeType<T>> void apply(final ArrayImg<T, ?> src,
				final ArrayImg<T, ?> dst)
			{
				Background.flatten(p, src, dst);
			}
		});
	}
}
