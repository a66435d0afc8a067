package org.ijocr.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.VirtualStack;
import ij.io.FileInfo;
import ij.io.FileOpener;
import ij.io.TiffDecoder;
import ij.process.ImageProcessor;

/**
 * The pages of a multi-page TIFF read from the file one at a time, when asked for: a book scanned to one file is read
 * in the memory of one page, not of all of them (a 300-page A4 book at 300 dpi is 2.6 GB of grey pixels, more than
 * Java's default heap on most machines). Used for 8-bit and RGB TIFFs; pages of different sizes (a bundle of forms,
 * receipts and letters scanned to one file) come as runs of consecutive pages of one size, where ImageJ's opener
 * reads only the first page and says nothing. Every other file is opened whole by ImageJ, as before. Unlike ImageJ's
 * own {@code File › Import › TIFF Virtual Stack}, a page that cannot be read fails with a message instead of reading
 * as blank.
 */
final class TiffPages extends VirtualStack {

	/** The file types read page by page: those whose pages ImageJ reads the same way alone as in a stack. */
	private static boolean supported(final int fileType) {
		return switch (fileType) {
			case FileInfo.GRAY8, FileInfo.COLOR8, FileInfo.BITMAP, FileInfo.RGB, FileInfo.BGR, FileInfo.ARGB,
				FileInfo.ABGR, FileInfo.BARG, FileInfo.RGB_PLANAR -> true;
			default -> false;
		};
	}

	private final FileInfo[] pages;
	private final String name;
	/** The number in the file of this stack's first page, less one, and the file's pages (for messages). */
	private final int before, total;

	private TiffPages(final FileInfo[] pages, final String name, final int before, final int total) {
		super(pages[0].width, pages[0].height);
		this.pages = pages;
		this.name = name;
		this.before = before;
		this.total = total;
	}

	/**
	 * A TIFF some of whose pages cannot be read: they lie beyond the end of a truncated file, or differ in size or type
	 * and are of a type not read page by page (ImageJ would read the first pages alone and say nothing).
	 */
	static final class BadPages extends IOException {

		private static final long serialVersionUID = 1L;

		BadPages(final String message) {
			super(message);
		}
	}

	/**
	 * A run of consecutive pages of one size and type: an image whose pages are read when asked for, and the number
	 * (1-based) of its first page in the file.
	 */
	record Run(ImagePlus image, int first) {}

	/**
	 * The pages of a TIFF, as runs of consecutive pages of one size and type (a bundle of forms, receipts and letters
	 * scanned to one file), without the thumbnails and masks stored beside them, or {@code null} when it is not a TIFF
	 * of several pages (or of one page and a thumbnail) of a supported type (then ImageJ opens it).
	 *
	 * @throws IOException if its pages differ in size or type and are not of a type read here: ImageJ would read only
	 *           the first page and say nothing
	 */
	static List<Run> runs(final Path file) throws IOException {
		final String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (!n.endsWith(".tif") && !n.endsWith(".tiff")) return null;
		final Path abs = file.toAbsolutePath();
		final FileInfo[] info = new TiffDecoder(abs.getParent() + java.io.File.separator, abs.getFileName().toString())
			.getTiffInfo();
		if (info == null || info.length == 0) return null;
		// thumbnails and masks stored beside the pages (scanners and cameras write them) are not pages
		final boolean[] extra = info.length > 1 ? notPages(abs, info.length) : null;
		final List<FileInfo> kept = new ArrayList<>();
		for (int i = 0; i < info.length; i++)
			if (extra == null || !extra[i]) kept.add(info[i]);
		final FileInfo[] all = kept.toArray(new FileInfo[0]);
		final FileInfo[] pages = all.length == 0 ? null : pages(all);
		if (pages == null) {
			if (all.length > 1 && !oneSizeAndType(all)) throw new BadPages("its " + all.length + " pages differ in"
				+ " size or type and are not 8-bit grey or RGB: ImageJ would read only the first (split the file, or make"
				+ " its pages 8-bit)");
			return null;
		}
		if (pages.length < 2 && all.length == info.length) return null; // one page, nothing beside it: ImageJ opens it
		// a truncated file is refused before any page is read, not after the pages before the cut
		final long length = abs.toFile().length();
		for (int i = 0; i < pages.length; i++)
			if (end(pages[i]) > length) throw new BadPages(unreadable(i + 1, pages.length, abs.toString()));
		final List<Run> runs = new ArrayList<>();
		for (int i = 0, j; i < pages.length; i = j) {
			for (j = i + 1; j < pages.length && sameSizeAndType(pages[i], pages[j]);)
				j++;
			runs.add(new Run(image(Arrays.copyOfRange(pages, i, j), abs.toString(), i, pages.length), i + 1));
		}
		return runs;
	}

	/**
	 * Per image file directory of a TIFF, whether it holds no page: a reduced-resolution copy (a thumbnail) or a
	 * transparency mask (bits 0 and 2 of the NewSubfileType tag, 254, of TIFF 6.0); {@code null} when the chain of
	 * directories cannot be followed or does not have {@code n} of them (as ImageJ read it).
	 */
	static boolean[] notPages(final Path file, final int n) {
		try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
			final byte[] head = new byte[8];
			f.readFully(head);
			final boolean little = head[0] == 'I' && head[1] == 'I';
			if (!little && !(head[0] == 'M' && head[1] == 'M')) return null;
			final boolean[] out = new boolean[n];
			long ifd = uint(head, 4, 4, little);
			for (int i = 0; i < n; i++) {
				if (ifd <= 0 || ifd + 2 > f.length()) return null;
				f.seek(ifd);
				final byte[] two = new byte[2];
				f.readFully(two);
				final int entries = (int) uint(two, 0, 2, little);
				final byte[] e = new byte[12 * entries + 4];
				f.readFully(e);
				for (int k = 0; k < entries; k++)
					if (uint(e, 12 * k, 2, little) == 254) { // NewSubfileType, a LONG (or SHORT) held in the entry
						final int type = (int) uint(e, 12 * k + 2, 2, little);
						final long v = uint(e, 12 * k + 8, type == 3 ? 2 : 4, little);
						out[i] = (v & 0b101) != 0;
					}
				ifd = uint(e, 12 * entries, 4, little);
			}
			return out;
		}
		catch (final IOException e) {
			return null;
		}
	}

	/** An unsigned integer of {@code len} bytes at {@code at}. */
	private static long uint(final byte[] b, final int at, final int len, final boolean little) {
		long v = 0;
		for (int i = 0; i < len; i++)
			v |= (b[at + i] & 0xffL) << 8 * (little ? i : len - 1 - i);
		return v;
	}

	/** Pages read when asked for, as an image calibrated as ImageJ opens the first of them. */
	private static ImagePlus image(final FileInfo[] pages, final String path, final int before, final int total)
		throws IOException
	{
		// the first page opened alone gives what ImageJ makes of the file's tags: calibration (dpi), lookup table,
		// display range
		final TiffPages stack = new TiffPages(pages, path, before, total);
		final ImagePlus first = new FileOpener((FileInfo) pages[0].clone()).openImage();
		if (first == null) throw new IOException("a page of " + path + " cannot be read (damaged or truncated file?)");
		stack.setBitDepth(first.getBitDepth());
		final ImagePlus imp = new ImagePlus(pages[0].fileName, stack);
		imp.setCalibration(first.getCalibration());
		imp.setDisplayRange(first.getDisplayRangeMin(), first.getDisplayRangeMax());
		imp.setFileInfo(pages[0]);
		return imp;
	}

	private static boolean sameSizeAndType(final FileInfo a, final FileInfo b) {
		return a.fileType == b.fileType && a.width == b.width && a.height == b.height;
	}

	private static boolean oneSizeAndType(final FileInfo[] info) {
		for (final FileInfo f : info)
			if (!sameSizeAndType(info[0], f)) return false;
		return true;
	}

	/**
	 * One {@link FileInfo} per page, or {@code null} when a page is not of a supported type, or the pages are stored
	 * in a way ImageJ reads differently as a stack (strips in reverse order, which it flips; channels).
	 */
	private static FileInfo[] pages(final FileInfo[] info) {
		final FileInfo f0 = info[0];
		if (f0.description != null && f0.description.matches("(?s).*channels=([2-9]|\\d\\d+).*")) return null;
		if (info.length == 1) {
			if (!supported(f0.fileType) || f0.compression == FileInfo.JPEG) return null;
			if (f0.nImages < 2 || f0.compression > FileInfo.COMPRESSION_NONE) return null;
			// contiguous uncompressed images (ImageJ's own stacks): one page every width·height·bytes, as ImageJ reads
			// them (the strips are the first page's)
			final long bytes = (long) f0.width * f0.height * f0.getBytesPerPixel();
			final FileInfo[] out = new FileInfo[f0.nImages];
			for (int i = 0; i < out.length; i++) {
				out[i] = (FileInfo) f0.clone();
				out[i].nImages = 1;
				out[i].longOffset = f0.getOffset() + i * (bytes + f0.getGap());
				out[i].offset = 0;
				out[i].stripOffsets = null;
				out[i].stripLengths = null;
			}
			return out;
		}
		for (final FileInfo f : info) {
			if (!supported(f.fileType) || f.compression == FileInfo.JPEG) return null;
			final int[] o = f.stripOffsets;
			if (o != null && o.length > 1 && (o[o.length - 1] & 0xffffffffL) < (o[0] & 0xffffffffL)) return null;
		}
		final FileInfo[] out = new FileInfo[info.length];
		for (int i = 0; i < info.length; i++) {
			out[i] = (FileInfo) info[i].clone();
			out[i].nImages = 1;
		}
		return out;
	}

	@Override
	public ImageProcessor getProcessor(final int n) {
		if (n < 1 || n > pages.length) throw new IllegalArgumentException("page " + n + " of 1–" + pages.length);
		// a truncated file was refused when opened (runs); this is a file changed or damaged since
		final ImageProcessor ip = new FileOpener((FileInfo) pages[n - 1].clone()).openProcessor();
		if (ip == null) throw new UncheckedIOException(new IOException(unreadable(before + n, total, name)));
		return ip;
	}

	private static String unreadable(final int page, final int pages, final String path) {
		return "page " + page + " of " + pages + " of " + path + " cannot be read (damaged or truncated file?)";
	}

	/** Where the page's pixel data ends in the file (its last strip's end, or its offset plus its raw size). */
	private static long end(final FileInfo fi) {
		final int[] o = fi.stripOffsets, l = fi.stripLengths;
		if (o != null && l != null && o.length == l.length && o.length > 0) {
			long end = 0;
			for (int i = 0; i < o.length; i++)
				end = Math.max(end, (o[i] & 0xffffffffL) + (l[i] & 0xffffffffL));
			return end;
		}
		return fi.getOffset() + (long) fi.width * fi.height * fi.getBytesPerPixel();
	}

	@Override
	public Object getPixels(final int n) {
		return getProcessor(n).getPixels();
	}

	@Override
	public int getSize() {
		return pages.length;
	}

	@Override
	public String getSliceLabel(final int n) {
		final String[] labels = pages[0].sliceLabels;
		return labels != null && labels.length == pages.length ? labels[n - 1] : null;
	}

	@Override
	public String getFileName(final int n) {
		return name;
	}

	@Override
	public String getDirectory() {
		return null;
	}
}
