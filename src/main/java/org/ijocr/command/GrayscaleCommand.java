package org.ijocr.command;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;

import org.ijocr.core.convert.Channel;
import org.ijocr.core.convert.Grayscale;
import org.ijocr.ij1.ImageFilters;
import org.ijocr.ij1.ImgWrap;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Grayscale}: converts the image to 8-bit grey in place, as Image&gt;Type&gt;8-bit does. RGB (and 8-bit
 * colour) by the chosen {@link Channel} ({@code channel=Luminance} by default; {@code Red} makes red stamps and
 * corrections vanish, {@code Max} drops any coloured ink and keeps the black print); 16- and 32-bit through the
 * display range (ImageJ's convention: the displayed minimum becomes 0 and the maximum 255; {@code channel} does
 * not apply). A grey 8-bit image is left as it is. The whole image is converted whatever the selection (an image
 * has one type); all stack slices; Undo for single images.
 */
@Plugin(type = Command.class, label = "OCR Grayscale", description = "Convert to 8-bit grey (luminance or one channel)")
public class GrayscaleCommand implements Command {

	@Parameter(persist = false)
	private ImagePlus imp;

	/** The choices are {@link Channel}'s labels, in order (a test keeps the two in step). */
	@Parameter(label = "Channel", description = "colour images: Luminance (0.299 R + 0.587 G + 0.114 B); Average; "
		+ "Red (red ink vanishes); Green; Blue (blue ink vanishes); Max (all coloured ink vanishes)",
		choices = { "Luminance", "Average", "Red", "Green", "Blue", "Max" })
	private String channel = "Luminance";

	@Override
	public void run() {
		final Channel c = Channel.fromLabel(channel);
		final boolean indexedColour = imp.getType() == ImagePlus.COLOR_256;
		if (imp.getBitDepth() == 8 && !indexedColour) {
			IJ.log("OCR Grayscale: " + imp.getTitle() + " is already 8-bit grey");
			return;
		}
		ImageFilters.toEightBit(imp, (ip, min, max) -> {
			if (ip instanceof ColorProcessor || indexedColour) {
				final ColorProcessor cp = ip instanceof ColorProcessor ? (ColorProcessor) ip : (ColorProcessor) ip
					.convertToRGB();
				final ByteProcessor grey = new ByteProcessor(ip.getWidth(), ip.getHeight());
				Grayscale.convert(c, ImgWrap.argbs(cp), ImgWrap.bytes(grey));
				return grey;
			}
			return ImageFilters.toGrey(ip, min, max, false);
		});
	}
}
