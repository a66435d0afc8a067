package org.ijocr.command;

import org.ijocr.core.morph.MorphOp;
import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Close}: dilation then erosion: pinholes and breaks narrower than the element are filled, strokes keep their width. Keys and conventions: {@link MorphologyCommand}.
 */
@Plugin(type = Command.class, label = "OCR Close", description = "Close the black text: fill gaps smaller than the element")
public class CloseCommand extends MorphologyCommand {

	@Override
	protected MorphOp operation() {
		return MorphOp.CLOSE;
	}
}
