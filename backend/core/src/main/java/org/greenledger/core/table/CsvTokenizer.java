package org.greenledger.core.table;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An RFC 4180 record reader over a character buffer: comma-separated fields, optionally
 * in double quotes (with {@code ""} for a quote, and line breaks inside), records ended
 * by LF or CRLF. Billing exports repeat a few values per column on millions of rows, so
 * each column keeps a small table of the values it has seen and hands out the same
 * {@code String} for the same characters: fewer objects, and hash codes computed once. A
 * column whose values rarely repeat stops being looked up once its table is full.
 */
final class CsvTokenizer implements CsvRecords {

	private static final int BUFFER = 1 << 16;

	private final Reader reader;

	private final InputLimits limits;

	private final char[] buffer = new char[BUFFER];

	private int position;

	private int limit;

	private boolean eof;

	private final List<ColumnValues> columns = new ArrayList<>();

	private final StringBuilder quoted = new StringBuilder(64);

	private long record;

	private long recordChars;

	/** The columns whose cells are materialised, or null for all. */
	private java.util.@Nullable BitSet read;

	/** The length of the field last read (also when it was skipped). */
	private int fieldLength;

	CsvTokenizer(Reader reader, InputLimits limits) {
		this.reader = reader;
		this.limits = limits;
	}

	@Override
	public void readOnly(java.util.BitSet columns) {
		this.read = (java.util.BitSet) columns.clone();
	}

	@Override
	public @Nullable List<String> next() throws IOException {
		if (!fill()) {
			return null;
		}
		this.record++;
		this.recordChars = 0;
		List<String> fields = new ArrayList<>(Math.max(8, Math.min(this.columns.size(), 1024)));
		while (true) {
			if (fields.size() >= this.limits.maxColumns()) {
				throw new RefusedTextException(where() + " has more than " + this.limits.maxColumns()
						+ " fields (greenledger.ingestion.limits.max-columns)");
			}
			String field = field(fields.size());
			fields.add(field);
			this.recordChars += this.fieldLength + 1;
			if (this.recordChars > this.limits.maxLineChars()) {
				throw new RefusedTextException(where() + " is longer than " + this.limits.maxLineChars()
						+ " characters (greenledger.ingestion.limits.max-line-chars)");
			}
			if (!fill()) {
				return fields;
			}
			char c = this.buffer[this.position];
			if (c == ',') {
				this.position++;
				if (!fill()) {
					if (fields.size() >= this.limits.maxColumns()) {
						throw new RefusedTextException(where() + " has more than " + this.limits.maxColumns()
								+ " fields (greenledger.ingestion.limits.max-columns)");
					}
					fields.add("");
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
			throw new MalformedTableException("invalid character '" + c + "' after a quoted field in record "
					+ this.record + "; a quoted field must be followed by a comma or the end of the line");
		}
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
		boolean skip = this.read != null && !this.read.get(column);
		if (this.buffer[this.position] == '"') {
			this.position++;
			return quotedField(column, skip);
		}
		int start = this.position;
		while (true) {
			for (int i = this.position; i < this.limit; i++) {
				char c = this.buffer[i];
				if (c == ',' || c == '\n' || c == '\r') {
					this.position = i;
					if (skip && c == ',') {
						return skipped(column, i - start);
					}
					return value(column, this.buffer, start, i - start);
				}
			}
			// the field continues beyond the buffer: keep its start, read more
			int length = this.limit - start;
			if (start > 0) {
				System.arraycopy(this.buffer, start, this.buffer, 0, length);
			}
			else if (length == this.buffer.length) {
				return longField(column, start);
			}
			this.position = length;
			this.limit = length;
			start = 0;
			if (!read()) {
				return value(column, this.buffer, 0, length);
			}
		}
	}

	/** An unquoted field longer than the buffer. */
	private String longField(int column, int start) throws IOException {
		this.quoted.setLength(0);
		this.quoted.append(this.buffer, start, this.limit - start);
		this.position = this.limit;
		while (fill()) {
			char c = this.buffer[this.position];
			if (c == ',' || c == '\n' || c == '\r') {
				break;
			}
			append(column, c);
			this.position++;
		}
		return text(column, this.quoted);
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
		this.quoted.setLength(0);
		while (true) {
			if (!fill()) {
				throw new MalformedTableException(
						"the input ends inside a quoted field of record " + this.record + " (a quote is not closed)");
			}
			// the characters up to the next quote (or the buffer's end) in one go
			int run = this.position;
			while (run < this.limit && this.buffer[run] != '"') {
				run++;
			}
			if (run > this.position) {
				if (this.quoted.length() + (run - this.position) > this.limits.maxCellChars()) {
					throw tooLong(column);
				}
				this.quoted.append(this.buffer, this.position, run - this.position);
				this.position = run;
				continue;
			}
			// a quote: doubled, it is a quote character; alone, it ends the field
			this.position++;
			if (fill() && this.buffer[this.position] == '"') {
				this.quoted.append('"');
				this.position++;
				continue;
			}
			if (skip && this.position < this.limit && this.buffer[this.position] == ',') {
				return skipped(column, this.quoted.length());
			}
			return text(column, this.quoted);
		}
	}

	private void append(int column, char c) throws MalformedTableException {
		if (this.quoted.length() >= this.limits.maxCellChars()) {
			throw tooLong(column);
		}
		this.quoted.append(c);
	}

	private RefusedTextException tooLong(int column) {
		return new RefusedTextException(
				where() + ", field " + (column + 1) + ": the field is longer than " + this.limits.maxCellChars()
						+ " characters (a quote that is never closed?) (greenledger.ingestion.limits.max-cell-chars)");
	}

	private String text(int column, StringBuilder text) throws RefusedTextException {
		int length = text.length();
		char[] chars = new char[length];
		text.getChars(0, length, chars, 0);
		return value(column, chars, 0, length);
	}

	private String value(int column, char[] chars, int offset, int length) throws RefusedTextException {
		if (length > this.limits.maxCellChars()) {
			throw tooLong(column);
		}
		this.fieldLength = length;
		while (this.columns.size() <= column) {
			this.columns.add(new ColumnValues());
		}
		return this.columns.get(column).value(chars, offset, length);
	}

	/** Whether a character is available, reading more when the buffer is used up. */
	private boolean fill() throws IOException {
		if (this.position < this.limit) {
			return true;
		}
		this.position = 0;
		this.limit = 0;
		return read();
	}

	/** Reads more characters after {@code limit}; false at the end of the input. */
	private boolean read() throws IOException {
		if (this.eof) {
			return false;
		}
		int count = this.reader.read(this.buffer, this.limit, this.buffer.length - this.limit);
		if (count < 0) {
			this.eof = true;
			return false;
		}
		this.limit += count;
		return true;
	}

}
