package org.greenledger.core.table;

import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@link CsvTokenizer}'s records read from checked UTF-8 bytes ({@link Utf8Bytes})
 * instead of decoded characters: the same fields, limits and errors, but a cell is
 * decoded only when it is kept and its value was not seen before in its column
 * ({@link ByteColumnValues}), and the file is never decoded as a whole. Delimiters,
 * quotes and line ends are ASCII, which UTF-8 never uses inside another character.
 * Lengths are counted in characters, as in the decoded text.
 */
final class ByteCsvTokenizer implements CsvRecords {

	private static final int BUFFER = 1 << 16;

	private final Utf8Bytes input;

	private final InputLimits limits;

	/** Three bytes beyond the buffer, so that a read has room for a whole character. */
	private final byte[] buffer = new byte[BUFFER + 3];

	private int position;

	private int limit;

	private boolean eof;

	/** The bytes of a quoted (or very long) field, and their number of characters. */
	private byte[] quoted = new byte[256];

	private int quotedLength;

	private int quotedChars;

	/** The doubled quotes in {@link #quoted} (kept there as they are in the file). */
	private int doubled;

	private long record;

	private long recordChars;

	/** Whether each column's cells are materialised, or null for all. */
	private boolean @Nullable [] read;

	/** The length in characters of the field last read (also when it was skipped). */
	private int fieldLength;

	/** The columns' tables of values, and the numbers of the current record's values. */
	private final ByteColumns columns = new ByteColumns();

	/** The room for fields a record starts with: what the widest record before needed. */
	private int width = 8;

	ByteCsvTokenizer(Utf8Bytes input, InputLimits limits) {
		this.input = input;
		this.limits = limits;
	}

	@Override
	public void readOnly(BitSet columns) {
		boolean[] read = new boolean[columns.length()];
		columns.stream().forEach(column -> read[column] = true);
		this.read = read;
	}

	@Override
	public @Nullable List<String> next() throws IOException {
		if (!fill()) {
			return null;
		}
		this.record++;
		this.recordChars = 0;
		ByteRecord fields = new ByteRecord(this, this.width, this.record);
		while (true) {
			if (fields.size() >= this.limits.maxColumns()) {
				throw tooManyFields();
			}
			int column = fields.size();
			this.columns.notRemembered(column);
			fields.append(field(column));
			this.recordChars += this.fieldLength + 1;
			if (this.recordChars > this.limits.maxLineChars()) {
				throw new RefusedTextException(where() + " is longer than " + this.limits.maxLineChars()
						+ " characters (greenledger.ingestion.limits.max-line-chars)");
			}
			if (!fill()) {
				return fields;
			}
			byte c = this.buffer[this.position];
			if (c == ',') {
				this.position++;
				if (!fill()) {
					if (fields.size() >= this.limits.maxColumns()) {
						throw tooManyFields();
					}
					this.columns.notRemembered(fields.size());
					fields.append("");
					return fields;
				}
				continue;
			}
			if (c == '\r') {
				this.position++;
				if (fill() && this.buffer[this.position] == '\n') {
					this.position++;
				}
				return fields;
			}
			if (c == '\n') {
				this.position++;
				return fields;
			}
			throw new MalformedTableException("invalid character '" + Utf8.firstChar(this.buffer, this.position)
					+ "' after a quoted field in record " + this.record
					+ "; a quoted field must be followed by a comma or the end of the line");
		}
	}

	private RefusedTextException tooManyFields() {
		return new RefusedTextException(where() + " has more than " + this.limits.maxColumns()
				+ " fields (greenledger.ingestion.limits.max-columns)");
	}

	/** "the header" or "row 12", for messages. */
	private String where() {
		return (this.record == 1) ? "the header" : "row " + (this.record - 1);
	}

	/** One field, positioned before a delimiter, line end or the end of the input. */
	private String field(int column) throws IOException {
		this.fieldLength = 0;
		if (!fill()) {
			return "";
		}
		boolean[] read = this.read;
		boolean skip = read != null && (column >= read.length || !read[column]);
		if (this.buffer[this.position] == '"') {
			this.position++;
			return quotedField(column, skip);
		}
		int start = this.position;
		while (true) {
			byte[] bytes = this.buffer;
			int i = ByteScan.delimiter(bytes, this.position, this.limit);
			if (i < this.limit) {
				this.position = i;
				if (skip && bytes[i] == ',') {
					return skipped(column, chars(start, i));
				}
				return value(column, bytes, start, i - start);
			}
			// the field continues beyond the buffer: keep its start, read more
			int length = this.limit - start;
			if (start > 0) {
				System.arraycopy(bytes, start, bytes, 0, length);
			}
			else if (length >= BUFFER) {
				return longField(column, start);
			}
			this.position = length;
			this.limit = length;
			start = 0;
			if (!read()) {
				return value(column, bytes, 0, length);
			}
		}
	}

	/** An unquoted field longer than the buffer. */
	private String longField(int column, int start) throws IOException {
		this.quotedLength = 0;
		this.quotedChars = 0;
		this.doubled = 0;
		append(start, this.limit);
		this.quotedChars = chars(start, this.limit);
		this.position = this.limit;
		while (fill()) {
			byte c = this.buffer[this.position];
			if (c == ',' || c == '\n' || c == '\r') {
				break;
			}
			// a character outside the Basic Multilingual Plane is two Java characters
			int chars = ((c & 0xC0) == 0x80) ? 0 : ((c & 0xF8) == 0xF0) ? 2 : 1;
			if (chars > 0 && this.quotedChars + chars > this.limits.maxCellChars()) {
				throw tooLong(column);
			}
			append(this.position, this.position + 1);
			this.quotedChars += chars;
			this.position++;
		}
		return text(column);
	}

	/** A cell of a column not read: only its length is checked. */
	private String skipped(int column, int length) throws RefusedTextException {
		if (length > this.limits.maxCellChars()) {
			throw tooLong(column);
		}
		this.fieldLength = length;
		return "";
	}

	private String quotedField(int column, boolean skip) throws IOException {
		String inBuffer = quotedInBuffer(column, skip);
		if (inBuffer != null) {
			return inBuffer;
		}
		this.quotedLength = 0;
		this.quotedChars = 0;
		this.doubled = 0;
		while (true) {
			if (!fill()) {
				throw new MalformedTableException(
						"the input ends inside a quoted field of record " + this.record + " (a quote is not closed)");
			}
			// the bytes up to the next quote (or the buffer's end) in one go
			int run = ByteScan.quote(this.buffer, this.position, this.limit);
			if (run > this.position) {
				int chars = chars(this.position, run);
				if (this.quotedChars + chars > this.limits.maxCellChars()) {
					throw tooLong(column);
				}
				append(this.position, run);
				this.quotedChars += chars;
				this.position = run;
				continue;
			}
			// a quote: doubled, it is a quote character; alone, it ends the field
			this.position++;
			if (fill() && this.buffer[this.position] == '"') {
				// kept doubled, as in the file: the value is looked up by those bytes
				this.quoted = appendQuote(this.quoted, this.quotedLength);
				this.quotedLength += 2;
				this.quotedChars++;
				this.doubled++;
				this.position++;
				continue;
			}
			if (skip && this.position < this.limit && this.buffer[this.position] == ',') {
				return skipped(column, this.quotedChars);
			}
			return text(column);
		}
	}

	/**
	 * A quoted field whose closing quote, and the byte after it, are in the buffer, taken
	 * where it is (the usual case); null when it must be read the long way. The value is
	 * looked up by the bytes between the quotes, doubled quotes and all, so that a field
	 * seen before is not unescaped again.
	 */
	private @Nullable String quotedInBuffer(int column, boolean skip) throws RefusedTextException {
		byte[] bytes = this.buffer;
		int start = this.position;
		int limit = this.limit;
		int doubled = 0;
		int end = ByteScan.quote(bytes, start, limit);
		while (end + 1 < limit && bytes[end + 1] == '"') {
			doubled++;
			end = ByteScan.quote(bytes, end + 2, limit);
		}
		if (end + 1 >= limit) {
			return null;
		}
		int chars = chars(start, end) - doubled;
		if (chars > this.limits.maxCellChars()) {
			throw tooLong(column);
		}
		this.position = end + 1;
		if (skip && bytes[end + 1] == ',') {
			return skipped(column, chars);
		}
		this.fieldLength = chars;
		return this.columns.value(column, bytes, start, end - start, doubled > 0);
	}

	/** Appends a doubled quote. */
	private static byte[] appendQuote(byte[] quoted, int length) {
		byte[] room = (length + 2 > quoted.length) ? Arrays.copyOf(quoted, Math.max(quoted.length * 2, length + 2))
				: quoted;
		room[length] = '"';
		room[length + 1] = '"';
		return room;
	}

	private void append(int from, int to) {
		int length = to - from;
		if (this.quotedLength + length > this.quoted.length) {
			this.quoted = Arrays.copyOf(this.quoted, Math.max(this.quoted.length * 2, this.quotedLength + length));
		}
		System.arraycopy(this.buffer, from, this.quoted, this.quotedLength, length);
		this.quotedLength += length;
	}

	private RefusedTextException tooLong(int column) {
		return new RefusedTextException(
				where() + ", field " + (column + 1) + ": the field is longer than " + this.limits.maxCellChars()
						+ " characters (a quote that is never closed?) (greenledger.ingestion.limits.max-cell-chars)");
	}

	/** The quoted (or long) field's bytes as a value. */
	private String text(int column) throws RefusedTextException {
		if (this.quotedChars > this.limits.maxCellChars()) {
			throw tooLong(column);
		}
		this.fieldLength = this.quotedChars;
		return this.columns.value(column, this.quoted, 0, this.quotedLength, this.doubled > 0);
	}

	private String value(int column, byte[] bytes, int offset, int length) throws RefusedTextException {
		int chars = this.input.nonAscii() ? Utf8.chars(bytes, offset, offset + length) : length;
		if (chars > this.limits.maxCellChars()) {
			throw tooLong(column);
		}
		this.fieldLength = chars;
		return this.columns.value(column, bytes, offset, length, false);
	}

	/** The number of characters of buffered bytes. */
	private int chars(int from, int to) {
		return this.input.nonAscii() ? Utf8.chars(this.buffer, from, to) : to - from;
	}

	/** Whether a byte is available, reading more when the buffer is used up. */
	private boolean fill() throws IOException {
		if (this.position < this.limit) {
			return true;
		}
		this.position = 0;
		this.limit = 0;
		return read();
	}

	/** Reads more bytes after {@code limit}; false at the end of the input. */
	private boolean read() throws IOException {
		if (this.eof) {
			return false;
		}
		int count = this.input.read(this.buffer, this.limit, this.buffer.length - this.limit);
		if (count < 0) {
			this.eof = true;
			return false;
		}
		this.limit += count;
		return true;
	}

	/**
	 * The number of the value at the position of the given record ({@link ByteColumns}),
	 * or -1 when it has none or the record is not the last read.
	 */
	int number(long record, int position) {
		return (record == this.record) ? this.columns.number(position) : -1;
	}

	/** Notes that a record needed room for more fields than records start with. */
	void widen(int fields) {
		this.width = Math.min(fields, 1024);
	}

}
