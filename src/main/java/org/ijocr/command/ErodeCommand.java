package org.ijocr.command;

import org.ijocr.core.morph.MorphOp;
import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

/**
 * {@code OCR Erode}: ink shrinks by the element: strokes become thinner, specks smaller than the element vanish, touching letters part. Keys and conventions: {@link MorphologyCommand}.
 */
@Plugin(type = Command.class, label = "OCR Erode", description = "Erode the black text (thinner strokes, specks removed)")
public class ErodeCommand extends MorphologyCommand {

	@Override
	protected MorphOp operation() {
		return MorphOp.ERODE;
	}
}
