package org.ijocr.command;

import org.ijocr.core.morph.MorphOp;
import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Open}: erosion then dilation: ink specks and thin spurs smaller than the element go, larger strokes keep their shape. Keys and conventions: {@link MorphologyCommand}.
 */
@Plugin(type = Command.class, label = "OCR Open", description = "Open the black text: remove specks smaller than the element")
public class OpenCommand extends MorphologyCommand {

	@Override
	protected MorphOp operation() {
		return MorphOp.OPEN;
	}
}
