package org.greenledger.reports.xlsx;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * POI's streaming workbook with compressed temporary files, compressed for speed: rows
 * that leave the window go to a temporary file per worksheet, gzip-compressed at
 * {@link Deflater#BEST_SPEED} rather than POI's default level, and the worksheets are
 * deflated into the XLSX at {@link Deflater#BEST_SPEED} too. Both cut the time of a
 * million-row workbook by about half for a file about a fifth larger. Inline strings, no
 * shared strings table, so memory does not grow with the number of distinct texts.
 */
final class StreamingWorkbook extends SXSSFWorkbook {

	StreamingWorkbook(int rowWindow) {
		super(null, rowWindow, true, false);
	}

	@Override
	protected SheetDataWriter createSheetDataWriter() throws IOException {
		return new FastGzipSheetDataWriter();
	}

	@Override
	protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
		ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
		zip.setLevel(Deflater.BEST_SPEED);
		return zip;
	}

	/**
	 * A temporary sheet file compressed at {@link Deflater#BEST_SPEED}.
	 */
	private static final class FastGzipSheetDataWriter extends GZIPSheetDataWriter {

		FastGzipSheetDataWriter() throws IOException {
		}

		@Override
		protected OutputStream decorateOutputStream(FileOutputStream out) throws IOException {
			return new GZIPOutputStream(out, 64 * 1024) {
				{
					this.def.setLevel(Deflater.BEST_SPEED);
				}
			};
		}

	}

}
