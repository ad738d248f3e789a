package org.greenledger.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.InputLimits;

/**
 * The splits of the input files: a plain (uncompressed, UTF-8) CSV file larger than the
 * split size is read by several tasks, each a range of whole records; every other file
 * (gzip, Parquet, JSON lines, a small CSV) by one task. Where the records start is found
 * by one task per large file that scans its bytes once as core's CSV reader reads them
 * (RFC 4180: quoted fields may hold commas and line breaks, {@code ""} is a quote,
 * records end with LF, CRLF or CR) and counts the rows before each split as the reader
 * numbers them (the first record is the header; blank records are not rows), so that a
 * split's rows keep the file's row numbers. A file whose bytes leave any doubt (a quote
 * followed by something else than a delimiter, a one-field record with non-ASCII
 * characters, more lines than the reader accepts) is read by one task, so that the reader
 * decides as it does for an upload.
 */
final class CsvSplits {

	private static final int BUFFER = 1 << 16;

	private CsvSplits() {
	}

	static List<FileSplit> of(List<SourceFile> files, Map<String, String> hadoop, JavaSparkContext spark,
			long splitSize) {
		List<SourceFile> large = files.stream().filter(file -> file.size() > splitSize).toList();
		List<FileSplit> planned = new ArrayList<>();
		if (!large.isEmpty()) {
			planned.addAll(spark.parallelize(large, large.size()).flatMap(file -> {
				Configuration configuration = new Configuration();
				hadoop.forEach(configuration::set);
				return plan(file, configuration, splitSize).iterator();
			}).collect());
		}
		List<FileSplit> splits = new ArrayList<>();
		for (SourceFile file : files) {
			List<FileSplit> ofFile = planned.stream().filter(split -> split.file().equals(file)).toList();
			splits.addAll(ofFile.isEmpty() ? List.of(FileSplit.whole(file)) : ofFile);
		}
		return splits;
	}

	/**
	 * The splits of one file: several when it is a plain CSV larger than the split size.
	 */
	static List<FileSplit> plan(SourceFile file, Configuration hadoop, long splitSize) {
		Path path = new Path(file.uri());
		try (InputStream in = path.getFileSystem(hadoop).open(path)) {
			List<long[]> boundaries = new Scanner(splitSize, InputLimits.current().maxRows()).scan(in);
			if (boundaries == null || boundaries.size() < 3) {
				return List.of(FileSplit.whole(file));
			}
			List<FileSplit> splits = new ArrayList<>();
			long headerEnd = boundaries.get(0)[0];
			for (int i = 1; i < boundaries.size(); i++) {
				long start = (i == 1) ? 0 : boundaries.get(i - 1)[0];
				long rowsBefore = (i == 1) ? 0 : boundaries.get(i - 1)[1];
				splits.add(new FileSplit(file, i - 1, boundaries.size() - 1, start, boundaries.get(i)[0], rowsBefore,
						headerEnd));
			}
			return splits;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file.uri() + " to split it", ex);
		}
	}

	/**
	 * The record scanner: {@code [headerEnd, 0]}, then {@code [offset, rows before]} at
	 * the first record start after each multiple of the split size, and last
	 * {@code [length, rows]}; or null when the file is not split.
	 */
	static final class Scanner {

		private final long splitSize;

		private final long maxLines;

		private final List<long[]> boundaries = new ArrayList<>();

		private long position;

		private long rows;

		private long records;

		private long lines;

		private int fields;

		/** The record so far has an ASCII character that is not white space. */
		private boolean text;

		/** The record so far has a non-ASCII character (white space or not). */
		private boolean nonAscii;

		/** A one-field record of white space and non-ASCII characters: blank or not? */
		private boolean doubt;

		Scanner(long splitSize, long maxLines) {
			this.splitSize = splitSize;
			this.maxLines = maxLines;
		}

		@Nullable List<long[]> scan(InputStream in) throws IOException {
			byte[] buffer = new byte[BUFFER];
			int length = in.readNBytes(buffer, 0, BUFFER);
			if (!plainText(buffer, length)) {
				return null;
			}
			int i = 0;
			boolean fieldStart = true;
			boolean quoted = false;
			boolean afterQuote = false;
			boolean pendingCr = false;
			while (length > 0) {
				for (; i < length; i++) {
					int b = buffer[i] & 0xff;
					if (pendingCr) {
						pendingCr = false;
						if (b == '\n') {
							this.position++;
							this.lines++;
							endRecord();
							continue;
						}
						endRecord();
					}
					this.position++;
					if (quoted) {
						if (b == '"') {
							quoted = false;
							afterQuote = true;
						}
						else {
							content(b);
							if (b == '\n') {
								this.lines++;
							}
						}
						continue;
					}
					if (afterQuote) {
						afterQuote = false;
						if (b == '"') {
							// a doubled quote inside the quoted field
							quoted = true;
							content(b);
							continue;
						}
						if (b != ',' && b != '\r' && b != '\n') {
							return null;
						}
					}
					else if (fieldStart && b == '"') {
						quoted = true;
						fieldStart = false;
						continue;
					}
					if (b == ',') {
						this.fields++;
						fieldStart = true;
					}
					else if (b == '\n') {
						this.lines++;
						endRecord();
						fieldStart = true;
					}
					else if (b == '\r') {
						// CR ends the record; a following LF belongs to it
						pendingCr = true;
						fieldStart = true;
					}
					else {
						content(b);
						fieldStart = false;
					}
				}
				length = in.readNBytes(buffer, 0, BUFFER);
				i = 0;
			}
			if (quoted) {
				return null;
			}
			if (pendingCr || !fieldStart || this.fields > 0 || afterQuote) {
				endRecord();
			}
			if (this.lines + 1 > this.maxLines || this.doubt) {
				return null;
			}
			if (this.boundaries.isEmpty()) {
				return null;
			}
			long[] last = this.boundaries.get(this.boundaries.size() - 1);
			if (last[0] != this.position) {
				this.boundaries.add(new long[] { this.position, this.rows });
			}
			return this.boundaries;
		}

		private void content(int b) {
			if (b >= 0x80) {
				this.nonAscii = true;
			}
			else if (!(b == ' ' || (b >= 9 && b <= 13) || (b >= 28 && b <= 31))) {
				this.text = true;
			}
		}

		/**
		 * A record ends: it is a row unless it is the header or blank (one field of white
		 * space, which core's CSV reader skips).
		 */
		private void endRecord() {
			this.records++;
			boolean oneField = this.fields == 0;
			if (oneField && !this.text && this.nonAscii) {
				this.doubt = true;
			}
			if (this.records > 1 && !(oneField && !this.text && !this.nonAscii)) {
				this.rows++;
			}
			this.fields = 0;
			this.text = false;
			this.nonAscii = false;
			if (this.records == 1) {
				this.boundaries.add(new long[] { this.position, 0 });
			}
			else if (this.position >= this.splitSize * this.boundaries.size()) {
				this.boundaries.add(new long[] { this.position, this.rows });
			}
		}

		private static boolean plainText(byte[] head, int length) {
			if (length < 2) {
				return false;
			}
			int b0 = head[0] & 0xff;
			int b1 = head[1] & 0xff;
			if ((b0 == 0x1f && b1 == 0x8b) || b0 == 0xFF || b0 == 0xFE || (length >= 4
					&& ((b0 == 'P' && b1 == 'A' && head[2] == 'R' && head[3] == '1') || (b0 == 'P' && b1 == 'K')))) {
				return false;
			}
			for (int i = 0; i < length; i++) {
				int b = head[i] & 0xff;
				if (b == 0) {
					return false;
				}
				if (b == 0xEF || b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xBB || b == 0xBF) {
					continue;
				}
				return b != '{' && b != '[';
			}
			return false;
		}

	}

}
