package org.greenledger.core.gcp;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.greenledger.core.table.MalformedTableException;

/**
 * Newline-delimited JSON read one line at a time with bounded memory: a line longer than
 * the limit (a whole JSON document on one line rather than one object per line) stops the
 * file instead of filling the memory.
 */
final class JsonLines {

	static final int MAX_LINE_CHARS = 4 * 1024 * 1024;

	private final Reader reader;

	private final char[] buffer = new char[1 << 16];

	private final StringBuilder line = new StringBuilder(1024);

	private int position;

	private int limit;

	private long lines;

	JsonLines(Reader reader) {
		this.reader = reader;
	}

	/**
	 * The next line that is not blank, without its line break; null at the end.
	 * @throws MalformedTableException when a line is longer than the limit
	 */
	@Nullable String next() throws IOException {
		while (true) {
			String next = nextLine();
			if (next == null || !next.isBlank()) {
				return next;
			}
		}
	}

	private @Nullable String nextLine() throws IOException {
		this.line.setLength(0);
		while (true) {
			if (this.position == this.limit) {
				this.limit = this.reader.read(this.buffer);
				this.position = 0;
				if (this.limit <= 0) {
					this.limit = 0;
					return this.line.isEmpty() ? null : finish();
				}
			}
			int start = this.position;
			while (this.position < this.limit && this.buffer[this.position] != '\n') {
				this.position++;
			}
			this.line.append(this.buffer, start, this.position - start);
			if (this.line.length() > MAX_LINE_CHARS) {
				throw new MalformedTableException(
						"line " + (this.lines + 1) + " is longer than " + (MAX_LINE_CHARS / (1024 * 1024))
								+ " M characters: newline-delimited JSON (one object per line) is expected",
						null);
			}
			if (this.position < this.limit) {
				this.position++;
				return finish();
			}
		}
	}

	private String finish() {
		this.lines++;
		int end = this.line.length();
		if (end > 0 && this.line.charAt(end - 1) == '\r') {
			end--;
		}
		return this.line.substring(0, end);
	}

	/**
	 * The object's fields as cells in the order of the given dotted paths: values as
	 * text, objects and arrays as JSON text, absent or null fields as null.
	 */
	static List<String> cells(JsonNode object, List<String[]> paths) {
		List<String> cells = new ArrayList<>(paths.size());
		for (String[] path : paths) {
			JsonNode node = object;
			for (String part : path) {
				node = node.path(part);
			}
			cells.add((node.isMissingNode() || node.isNull()) ? null
					: node.isValueNode() ? node.asString() : node.toString());
		}
		return cells;
	}

}
