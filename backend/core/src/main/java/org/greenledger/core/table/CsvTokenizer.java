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
final class CsvTokenizer {

	private static final int BUFFER = 1 << 16;

	private final Reader reader;

	private final InputLimits limits;

	private final char[] buffer = new char[BUFFER];

	private int position;

	private int limit;

	private boolean eof;

	private final List<ValueTable> columns = new ArrayList<>();

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

	/**
	 * Materialises only the cells of the given columns from now on: the others are read
	 * past and given as empty strings (a record of one field keeps its field, so that
	 * blank lines are still told apart).
	 */
	void readOnly(java.util.BitSet columns) {
		this.read = (java.util.BitSet) columns.clone();
	}

	/** The next record's fields, or null at the end of the input. */
	@Nullable List<String> next() throws IOException {
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
			this.columns.add(new ValueTable());
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

	/**
	 * Values seen in one column: an open-addressing table of short strings that starts
	 * small and doubles up to 8192 slots, after which new values are no longer remembered
	 * (so a file of many columns costs memory only for the values it has).
	 */
	private static final class ValueTable {

		private static final int MAX_SIZE = 8192;

		private static final int MAX_LENGTH = 64;

		private String[] values = new String[16];

		private char[][] characters = new char[16][];

		private int[] hashes = new int[16];

		private int count;

		/** Look-ups and hits since the table stopped growing. */
		private int lookups;

		private int hits;

		/**
		 * Whether the column's values rarely repeat (ids, amounts): once the table is
		 * full and fewer than one look-up in four finds a value, it is no longer
		 * searched.
		 */
		private boolean unshared;

		String value(char[] chars, int offset, int length) {
			if (length == 0) {
				return "";
			}
			if (length > MAX_LENGTH || this.unshared) {
				return new String(chars, offset, length);
			}
			if (this.count >= MAX_SIZE / 2 && ++this.lookups == MAX_SIZE) {
				this.unshared = this.hits < MAX_SIZE / 4;
				this.lookups = 0;
				this.hits = 0;
			}
			int hash = 0;
			for (int i = offset; i < offset + length; i++) {
				hash = 31 * hash + chars[i];
			}
			int mask = this.values.length - 1;
			int slot = spread(hash) & mask;
			while (true) {
				char[] known = this.characters[slot];
				if (known == null) {
					String value = new String(chars, offset, length);
					if (this.count < MAX_SIZE / 2) {
						this.values[slot] = value;
						this.characters[slot] = java.util.Arrays.copyOfRange(chars, offset, offset + length);
						this.hashes[slot] = hash;
						this.count++;
						if (this.count >= this.values.length / 2 && this.values.length < MAX_SIZE) {
							grow();
						}
					}
					return value;
				}
				if (this.hashes[slot] == hash && known.length == length
						&& java.util.Arrays.equals(known, 0, length, chars, offset, offset + length)) {
					this.hits++;
					return this.values[slot];
				}
				slot = (slot + 1) & mask;
			}
		}

		/**
		 * The slot bits of a string hash: mixed (MurmurHash3's finalizer), since similar
		 * values (amounts, ids) have similar string hashes and would otherwise fill runs
		 * of neighbouring slots that every miss walks through.
		 */
		private static int spread(int hash) {
			int h = hash ^ (hash >>> 16);
			h *= 0x85ebca6b;
			h ^= h >>> 13;
			h *= 0xc2b2ae35;
			return h ^ (h >>> 16);
		}

		private void grow() {
			String[] oldValues = this.values;
			char[][] oldCharacters = this.characters;
			int[] oldHashes = this.hashes;
			int size = oldValues.length * 2;
			this.values = new String[size];
			this.characters = new char[size][];
			this.hashes = new int[size];
			for (int i = 0; i < oldValues.length; i++) {
				if (oldCharacters[i] != null) {
					int slot = spread(oldHashes[i]) & (size - 1);
					while (this.characters[slot] != null) {
						slot = (slot + 1) & (size - 1);
					}
					this.values[slot] = oldValues[i];
					this.characters[slot] = oldCharacters[i];
					this.hashes[slot] = oldHashes[i];
				}
			}
		}

	}

}
