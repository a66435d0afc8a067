package org.ijocr.command;

import org.ijocr.core.morph.MorphOp;
import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Dilate}: ink grows by the element: strokes become bolder, small breaks and gaps close, letters may merge. Keys and conventions: {@link MorphologyCommand}.
 */
@Plugin(type = Command.class, label = "OCR Dilate", description = "Dilate the black text (bolder strokes, closed breaks)")
public class DilateCommand extends MorphologyCommand {

	@Override
	protected MorphOp operation() {
		return MorphOp.DILATE;
	}
}
