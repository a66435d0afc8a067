package org.ijocr.ij1;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.Undo;
import ij.gui.Roi;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ijocr.core.Storage;
import org.ijocr.core.convert.Grayscale;

/**
 * Applies core (ImgLib2) operations to an {@link ImagePlus} the way ImageJ users expect a filter to behave:
 * <ul>
 * <li>every slice of a stack is processed;</li>
 * <li>an area selection limits the change to the selected pixels (neighbourhood operations still see
 * {@code margin} pixels of context around it);</li>
 * <li>the core runs on as many threads as ImageJ's Memory &amp; Threads setting allows;</li>
 * <li>a single image can be restored with Edit&gt;Undo (ImageJ 1 keeps no undo buffer for stacks);</li>
 * <li>grey operations keep the image type (RGB: each channel, or the whole colour plane by an operation of its
 * own, e.g. one that decides by luminance); binary operations convert to 8-bit first
 * (RGB by luminance 0.299/0.587/0.114, 16- and 32-bit through the display range, inverted LUTs are
 * undone) and leave an 8-bit image with ink 0 and paper 255 under a normal grey LUT;</li>
 * <li>type conversions ({@link #toEightBit}) change the whole image, like Image&gt;Type; masked inversions
 * ({@link #invertWhere}) keep the type and leave the image untouched when nothing is inverted.</li>
 * </ul>
 */
public final class ImageFilters {

	/** A same-type operation on one grey plane; {@code src} and {@code dst} have the same size and never alias. */
	public interface PlaneOp {

		<T extends RealType<T> & NativeType<T>> void apply(ArrayImg<T, ?> src, ArrayImg<T, ?> dst);
	}

	/**
	 * An operation on one whole RGB plane (packed ARGB); {@code src} and {@code dst} have the same size and never
	 * alias.
	 */
	@FunctionalInterface
	public interface ColourOp {

		void apply(ArrayImg<ARGBType, IntArray> src, ArrayImg<ARGBType, IntArray> dst);
	}

	/** An operation from one 8-bit grey plane to an 8-bit binary plane (ink 0, paper 255) of the same size. */
	@FunctionalInterface
	public interface BinaryOp {

		void apply(ArrayImg<UnsignedByteType, ByteArray> grey, ArrayImg<UnsignedByteType, ByteArray> binary);
	}

	/**
	 * An operation from one grey plane to a plane of another size (the same for every plane); {@code src} and
	 * {@code dst} never alias.
	 */
	public interface TransformOp {

		/**
		 * @param slice the stack slice, 1-based (RGB images call this once per channel, with the same slice)
		 */
		<T extends RealType<T> & NativeType<T>> void apply(int slice, ArrayImg<T, ?> src, ArrayImg<T, ?> dst);
	}

	/** The 8-bit grey version of one plane of any type; {@code min}/{@code max} are the image's display range. */
	@FunctionalInterface
	public interface GreyConversion {

		ByteProcessor apply(ImageProcessor plane, double min, double max);
	}

	/**
	 * Decides from an 8-bit grey plane (ink dark) which of its pixels to invert: a mask of the same size (non-zero =
	 * invert), or {@code null} for none.
	 */
	@FunctionalInterface
	public interface InvertDecision {

		byte[] apply(ArrayImg<UnsignedByteType, ByteArray> grey);
	}

	private ImageFilters() {}

	/**
	 * Throws when a plane of {@code width}&times;{@code height} pixels is more than an ImageJ image holds, saying what
	 * ({@code what}, e.g. "the result") would be that large.
	 */
	public static void requirePlane(final long width, final long height, final String what) {
		if (width * height > Storage.MAX_PIXELS) throw new IllegalArgumentException(what + " would be " + width + "×"
			+ height + " pixels, more than an ImageJ image can hold (" + Storage.MAX_PIXELS + " per plane)");
	}

	/**
	 * Replaces every plane of {@code imp} with {@code op}'s result of size {@code width}&times;{@code height},
	 * keeping the image type (RGB: each channel), the slice labels and the display range of 16- and 32-bit images.
	 * Selections do not limit the change (a geometric operation moves every pixel); when the size changes the
	 * selection is removed. A single image can be restored, size and calibration included, with Edit&gt;Undo.
	 */
	public static void transform(final ImagePlus imp, final int width, final int height, final TransformOp op) {
		if (width < 1 || height < 1) throw new IllegalArgumentException("the result would be empty (" + width + "×"
			+ height + ")");
		requirePlane(width, height, "the result");
		withImageJThreads(() -> transformNow(imp, width, height, op));
	}

	private static void transformNow(final ImagePlus imp, final int width, final int height, final TransformOp op) {
		final ImageStack stack = imp.getStack();
		final int n = stack.getSize();
		final ImageStack out = new ImageStack(width, height);
		for (int s = 1; s <= n; s++) {
			final ImageProcessor ip = stack.getProcessor(s);
			final ImageProcessor res;
			if (ip instanceof ColorProcessor) {
				final int len = ip.getPixelCount();
				final byte[][] in = { new byte[len], new byte[len], new byte[len] };
				((ColorProcessor) ip).getRGB(in[0], in[1], in[2]);
				final byte[][] o = new byte[3][];
				for (int c = 0; c < 3; c++) {
					final ByteProcessor r = new ByteProcessor(width, height);
					transformTyped(s, new ByteProcessor(ip.getWidth(), ip.getHeight(), in[c]), r, op);
					o[c] = (byte[]) r.getPixels();
				}
				final ColorProcessor cp = new ColorProcessor(width, height);
				cp.setRGB(o[0], o[1], o[2]);
				res = cp;
			}
			else {
				res = ip.createProcessor(width, height);
				transformTyped(s, ip, res, op);
			}
			out.addSlice(stack.getSliceLabel(s), res);
			if (n > 1) IJ.showProgress(s, n);
		}
		final double min = imp.getDisplayRangeMin(), max = imp.getDisplayRangeMax();
		final boolean keepRange = imp.getBitDepth() == 16 || imp.getBitDepth() == 32;
		if (n == 1) Undo.setup(Undo.TYPE_CONVERSION, imp); // keeps the old processor and calibration
		else Undo.reset();
		if (width != imp.getWidth() || height != imp.getHeight()) imp.deleteRoi();
		replacePixels(imp, out);
		if (keepRange) imp.setDisplayRange(min, max);
		finish(imp);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void transformTyped(final int slice, final ImageProcessor src, final ImageProcessor dst,
		final TransformOp op)
	{
		op.apply(slice, (ArrayImg) ImgWrap.real(src), (ArrayImg) ImgWrap.real(dst));
	}

	/**
	 * Runs {@code op} on every plane of {@code imp} in place, keeping the image type.
	 *
	 * @param margin context in pixels the operation needs around a selection (e.g. the filter radius)
	 */
	public static void filterInPlace(final ImagePlus imp, final int margin, final PlaneOp op) {
		filterInPlace(imp, margin, op, null);
	}

	/**
	 * As {@link #filterInPlace(ImagePlus, int, PlaneOp)}, but RGB planes go whole to {@code colour} (each channel to
	 * {@code op} when {@code colour} is {@code null}).
	 */
	public static void filterInPlace(final ImagePlus imp, final int margin, final PlaneOp op, final ColourOp colour) {
		withImageJThreads(() -> filterInPlaceNow(imp, margin, op, colour));
	}

	private static void filterInPlaceNow(final ImagePlus imp, final int margin, final PlaneOp op,
		final ColourOp colour)
	{
		final Region region = Region.of(imp, margin);
		final ImageStack stack = imp.getStack();
		final int n = stack.getSize();
		prepareUndo(imp);
		for (int s = 1; s <= n; s++) {
			final ImageProcessor ip = stack.getProcessor(s);
			final ImageProcessor work = region.work(ip);
			final ImageProcessor res;
			if (!(work instanceof ColorProcessor)) res = greyPlane(work, op);
			else if (colour == null) res = perChannel((ColorProcessor) work, op);
			else {
				res = new ColorProcessor(work.getWidth(), work.getHeight());
				colour.apply(ImgWrap.argbs((ColorProcessor) work), ImgWrap.argbs((ColorProcessor) res));
			}
			region.writeBack(res, ip);
			if (n > 1) IJ.showProgress(s, n);
		}
		finish(imp);
	}

	/** Runs {@code op} on the 8-bit grey version of every plane, leaving {@code imp} as an 8-bit binary image. */
	public static void toBinary(final ImagePlus imp, final int margin, final BinaryOp op) {
		withImageJThreads(() -> toBinaryNow(imp, margin, op));
	}

	/**
	 * Replaces every plane of {@code imp} by its 8-bit version, as Image&gt;Type&gt;8-bit does: the whole image,
	 * whatever the selection (a type cannot change for part of an image); Undo for single images.
	 */
	public static void toEightBit(final ImagePlus imp, final GreyConversion op) {
		withImageJThreads(() -> {
			final ImageStack stack = imp.getStack();
			final int n = stack.getSize();
			final double min = imp.getDisplayRangeMin(), max = imp.getDisplayRangeMax();
			final ImageStack out = new ImageStack(imp.getWidth(), imp.getHeight());
			for (int s = 1; s <= n; s++) {
				out.addSlice(stack.getSliceLabel(s), op.apply(stack.getProcessor(s), min, max));
				if (n > 1) IJ.showProgress(s, n);
			}
			prepareUndo(imp);
			replacePixels(imp, out);
			finish(imp);
		});
	}

	/**
	 * Inverts, in each plane's own type, the pixels that {@code op} picks from the plane's 8-bit grey version (see
	 * {@link #toGrey}): 8-bit {@code 255 - v}, RGB each channel, 16- and 32-bit mirrored in the display range
	 * ({@code min + max - v}, clamped to the type). With an area selection, {@code op} sees the selection's bounding
	 * rectangle and only selected pixels change. The image is left untouched (no Undo, no change flag) when nothing
	 * is inverted; Undo for single images otherwise.
	 *
	 * @return the numbers of the slices (1-based) in which pixels were inverted
	 */
	public static List<Integer> invertWhere(final ImagePlus imp, final InvertDecision op) {
		final List<Integer> changed = new ArrayList<>();
		withImageJThreads(() -> {
			final Region region = Region.of(imp, 0);
			final ImageStack stack = imp.getStack();
			final int n = stack.getSize();
			final double min = imp.getDisplayRangeMin(), max = imp.getDisplayRangeMax();
			final boolean invertedLut = imp.getBitDepth() == 8 && imp.isInvertedLut();
			for (int s = 1; s <= n; s++) {
				final ImageProcessor ip = stack.getProcessor(s);
				final ImageProcessor work = region.work(ip);
				final byte[] mask = op.apply(ImgWrap.bytes(toGrey(work, min, max, invertedLut)));
				if (n > 1) IJ.showProgress(s, n);
				if (mask == null) continue;
				if (changed.isEmpty()) prepareUndo(imp);
				final ImageProcessor res = work.duplicate();
				invert(res, mask, min, max);
				region.writeBack(res, ip);
				changed.add(s);
			}
			if (!changed.isEmpty()) finish(imp);
		});
		return changed;
	}

	private static void invert(final ImageProcessor ip, final byte[] mask, final double min, final double max) {
		final Object px = ip.getPixels();
		if (px instanceof byte[]) {
			final byte[] p = (byte[]) px;
			for (int i = 0; i < mask.length; i++)
				if (mask[i] != 0) p[i] = (byte) ~p[i];
		}
		else if (px instanceof int[]) {
			final int[] p = (int[]) px;
			for (int i = 0; i < mask.length; i++)
				if (mask[i] != 0) p[i] ^= 0xffffff;
		}
		else if (px instanceof short[]) {
			final short[] p = (short[]) px;
			for (int i = 0; i < mask.length; i++)
				if (mask[i] != 0) p[i] = (short) Math.max(0, Math.min(65535, Math.round(min + max - (p[i] & 0xffff))));
		}
		else {
			final float[] p = (float[]) px;
			for (int i = 0; i < mask.length; i++)
				if (mask[i] != 0) p[i] = (float) (min + max - p[i]);
		}
	}

	/**
	 * Runs the core's ImgLib2 {@code Parallelization} with ImageJ's thread setting (Edit&gt;Options&gt;Memory &amp;
	 * Threads), so the suite uses the cores a user gave ImageJ (ImgLib2's own default can be a single thread).
	 */
	static void withImageJThreads(final Runnable r) {
		final int threads = Math.max(1, ij.Prefs.getThreads());
		if (threads == 1) Parallelization.runSingleThreaded(r);
		else Parallelization.runWithNumThreads(threads, r);
	}

	private static void toBinaryNow(final ImagePlus imp, final int margin, final BinaryOp op) {
		final Region region = Region.of(imp, margin);
		final ImageStack stack = imp.getStack();
		final int n = stack.getSize();
		final double min = imp.getDisplayRangeMin(), max = imp.getDisplayRangeMax();
		final boolean invertedLut = imp.getBitDepth() == 8 && imp.isInvertedLut();
		final ImageStack out = new ImageStack(imp.getWidth(), imp.getHeight());
		for (int s = 1; s <= n; s++) {
			final ByteProcessor grey = toGrey(stack.getProcessor(s), min, max, invertedLut);
			final ImageProcessor work = region.work(grey);
			final ByteProcessor binary = new ByteProcessor(work.getWidth(), work.getHeight());
			op.apply(ImgWrap.bytes((ByteProcessor) work), ImgWrap.bytes(binary));
			region.writeBack(binary, grey);
			out.addSlice(stack.getSliceLabel(s), grey);
			if (n > 1) IJ.showProgress(s, n);
		}
		prepareUndo(imp);
		replacePixels(imp, out);
		finish(imp);
	}

	/**
	 * The 8-bit grey version of one plane: 8-bit as is (values inverted if the LUT is inverted), 16/32-bit mapped
	 * from {@code [min, max]}, RGB by luminance. Always a new processor.
	 */
	public static ByteProcessor toGrey(final ImageProcessor ip, final double min, final double max,
		final boolean invertedLut)
	{
		final int w = ip.getWidth(), h = ip.getHeight();
		final ByteProcessor grey = new ByteProcessor(w, h);
		if (ip instanceof ByteProcessor) {
			final byte[] src = (byte[]) ip.getPixels(), dst = (byte[]) grey.getPixels();
			if (invertedLut) for (int i = 0; i < src.length; i++)
				dst[i] = (byte) (255 - (src[i] & 0xff));
			else System.arraycopy(src, 0, dst, 0, src.length);
		}
		else if (ip instanceof ColorProcessor) Grayscale.luminance(ImgWrap.argbs((ColorProcessor) ip), ImgWrap.bytes(grey));
		else scale(ip, min, max, grey);
		return grey;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void scale(final ImageProcessor ip, final double min, final double max, final ByteProcessor grey) {
		Grayscale.scaleToBytes((ArrayImg) ImgWrap.real(ip), min, max, ImgWrap.bytes(grey));
	}

	private static ImageProcessor greyPlane(final ImageProcessor work, final PlaneOp op) {
		final ImageProcessor res = work.createProcessor(work.getWidth(), work.getHeight());
		applyTyped(work, res, op);
		return res;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void applyTyped(final ImageProcessor src, final ImageProcessor dst, final PlaneOp op) {
		op.apply((ArrayImg) ImgWrap.real(src), (ArrayImg) ImgWrap.real(dst));
	}

	private static ColorProcessor perChannel(final ColorProcessor work, final PlaneOp op) {
		final int w = work.getWidth(), h = work.getHeight(), n = w * h;
		final byte[][] in = { new byte[n], new byte[n], new byte[n] };
		final byte[][] out = { new byte[n], new byte[n], new byte[n] };
		work.getRGB(in[0], in[1], in[2]);
		for (int c = 0; c < 3; c++)
			applyTyped(new ByteProcessor(w, h, in[c]), new ByteProcessor(w, h, out[c]), op);
		final ColorProcessor res = new ColorProcessor(w, h);
		res.setRGB(out[0], out[1], out[2]);
		return res;
	}

	private static void prepareUndo(final ImagePlus imp) {
		if (imp.getStackSize() == 1) Undo.setup(Undo.TRANSFORM, imp);
		else Undo.reset();
	}

	private static void replacePixels(final ImagePlus imp, final ImageStack out) {
		if (out.getSize() == 1) {
			imp.setProcessor(out.getProcessor(1));
		}
		else {
			final int c = imp.getNChannels(), z = imp.getNSlices(), t = imp.getNFrames();
			if (imp.isComposite()) imp.setStack(out, c, z, t);
			else imp.setStack(out);
		}
		imp.getProcessor().resetMinAndMax();
	}

	private static void finish(final ImagePlus imp) {
		imp.changes = true;
		imp.updateAndDraw();
	}

	/** Where an operation works: the whole plane, or a selection's bounds plus a context margin. */
	private record Region(Rectangle bounds, ImageProcessor mask, Rectangle work, boolean whole) {

		static Region of(final ImagePlus imp, final int margin) {
			final Rectangle all = new Rectangle(imp.getWidth(), imp.getHeight());
			final Roi roi = imp.getRoi();
			if (roi == null || !roi.isArea()) return new Region(all, null, all, true);
			final Rectangle b = roi.getBounds().intersection(all);
			if (b.isEmpty()) throw new IllegalArgumentException("the selection lies outside the image");
			final ImageProcessor mask = roi.getType() == Roi.RECTANGLE && roi.getCornerDiameter() == 0 ? null
				: roi.getMask();
			final Rectangle w = new Rectangle(b.x - margin, b.y - margin, b.width + 2 * margin, b.height + 2 * margin)
				.intersection(all);
			return new Region(b, mask, w, b.equals(all) && mask == null);
		}

		/** The pixels the operation reads: the plane itself (whole) or a cropped copy. */
		ImageProcessor work(final ImageProcessor ip) {
			if (whole) return ip;
			ip.setRoi(work);
			final ImageProcessor crop = ip.crop();
			ip.resetRoi();
			return crop;
		}

		/** Copies the result into {@code ip}: everything, or only the selected pixels. */
		void writeBack(final ImageProcessor res, final ImageProcessor ip) {
			if (whole) {
				System.arraycopy(res.getPixels(), 0, ip.getPixels(), 0, ip.getPixelCount());
				return;
			}
			final boolean rgb = ip instanceof ColorProcessor;
			for (int y = bounds.y; y < bounds.y + bounds.height; y++)
				for (int x = bounds.x; x < bounds.x + bounds.width; x++) {
					if (mask != null && mask.get(x - bounds.x, y - bounds.y) == 0) continue;
					if (rgb) ip.set(x, y, res.get(x - work.x, y - work.y));
					else ip.setf(x, y, res.getf(x - work.x, y - work.y));
				}
		}
	}
}
