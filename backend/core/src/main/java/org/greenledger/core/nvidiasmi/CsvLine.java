package org.greenledger.core.nvidiasmi;

import java.util.Arrays;

/**
 * One CSV line split into field ranges without creating a string per field: telemetry
 * logs have millions of short lines and a list of strings per line costs more than
 * everything else the reader does. Fields are separated by commas; a line with double
 * quotes is unquoted as RFC 4180 says ({@code ""} for a quote) into a copy of the line,
 * but a quoted field cannot span lines (nvidia-smi never quotes).
 */
final class CsvLine {

	private String text = "";

	private int count;

	private int[] from = new int[16];

	private int[] to = new int[16];

	private final StringBuilder unquoted = new StringBuilder();

	/** Splits a line; false when a quote is not closed on it. */
	boolean split(String line) {
		this.count = 0;
		if (line.indexOf('"') >= 0) {
			return splitQuoted(line);
		}
		this.text = line;
		int start = 0;
		for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', start)) {
			add(start, comma);
			start = comma + 1;
		}
		add(start, line.length());
		return true;
	}

	private boolean splitQuoted(String line) {
		StringBuilder out = this.unquoted;
		out.setLength(0);
		int length = line.length();
		int i = 0;
		while (true) {
			int start = out.length();
			int first = i;
			while (first < length && line.charAt(first) == ' ') {
				first++;
			}
			if (first < length && line.charAt(first) == '"') {
				for (i = first + 1;; i++) {
					if (i >= length) {
						return false;
					}
					char c = line.charAt(i);
					if (c == '"') {
						if (i + 1 < length && line.charAt(i + 1) == '"') {
							out.append('"');
							i++;
						}
						else {
							i++;
							break;
						}
					}
					else {
						out.append(c);
					}
				}
				while (i < length && line.charAt(i) != ',') {
					out.append(line.charAt(i++));
				}
			}
			else {
				while (i < length && line.charAt(i) != ',') {
					out.append(line.charAt(i++));
				}
			}
			add(start, out.length());
			if (i >= length) {
				break;
			}
			out.append('\u0000');
			i++;
		}
		this.text = out.toString();
		return true;
	}

	private void add(int start, int end) {
		if (this.count == this.from.length) {
			this.from = Arrays.copyOf(this.from, this.count * 2);
			this.to = Arrays.copyOf(this.to, this.count * 2);
		}
		this.from[this.count] = start;
		this.to[this.count] = end;
		this.count++;
	}

	/** The line's text (the unquoted copy for a line with quotes). */
	String text() {
		return this.text;
	}

	int count() {
		return this.count;
	}

	/** Where a field starts, blanks skipped; a missing field is empty. */
	int start(int field) {
		if (field < 0 || field >= this.count) {
			return 0;
		}
		int i = this.from[field];
		int end = this.to[field];
		while (i < end && this.text.charAt(i) <= ' ') {
			i++;
		}
		return i;
	}

	/** Where a field ends, blanks skipped; a missing field is empty. */
	int end(int field) {
		if (field < 0 || field >= this.count) {
			return 0;
		}
		int start = this.from[field];
		int i = this.to[field];
		while (i > start && this.text.charAt(i - 1) <= ' ') {
			i--;
		}
		return i;
	}

	/** A field's text without surrounding blanks. */
	String field(int field) {
		int start = start(field);
		int end = end(field);
		return (start >= end) ? "" : this.text.substring(start, end);
	}

	/** Whether the line is empty or blank. */
	boolean blank() {
		return this.count == 1 && start(0) >= end(0);
	}

}
