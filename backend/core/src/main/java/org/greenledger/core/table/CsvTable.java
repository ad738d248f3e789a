package org.greenledger.core.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An RFC 4180 CSV file as a {@link Table}: the first record is the header; blank lines
 * are skipped. A malformed record (for example an unterminated quote) is a
 * {@link MalformedTableException} naming the record.
 */
public final class CsvTable implements Table {

	private final java.io.Closeable input;

	private final CsvRecords tokenizer;

	private final List<String> header;

	/** Whether NUL was refused while the text was checked ({@link #refusesNul()}). */
	private final boolean checked;

	private CsvTable(java.io.Closeable input, CsvRecords tokenizer, List<String> header, boolean checked) {
		this.input = input;
		this.tokenizer = tokenizer;
		this.header = header;
		this.checked = checked;
	}

	/**
	 * Opens the CSV with the process's limits ({@link InputLimits#current()}); an empty
	 * file has an empty header.
	 * @throws RefusedTextException when the header names a column twice or is beyond a
	 * limit
	 */
	public static CsvTable open(Reader reader) throws IOException {
		return open(reader, InputLimits.current());
	}

	/** Opens the CSV with the given limits. */
	public static CsvTable open(Reader reader, InputLimits limits) throws IOException {
		// TextInput refuses a NUL character while decoding, before any cell holds it
		return open(reader, new CsvTokenizer(reader, limits), reader instanceof TextInput);
	}

	/**
	 * Opens the CSV in a file's bytes (after any compression), checked as UTF-8 text as
	 * {@link TextInput} checks it, with the process's limits: the same records and errors
	 * as {@code open(TextInput.open(in))}, without decoding the cells that are not kept
	 * or were seen before in their column.
	 */
	public static CsvTable open(InputStream in) throws IOException {
		return open(in, InputLimits.current());
	}

	/** Opens the CSV in a file's bytes with the given limits. */
	public static CsvTable open(InputStream in, InputLimits limits) throws IOException {
		Utf8Bytes bytes = Utf8Bytes.open(in, limits);
		return open(bytes, new ByteCsvTokenizer(bytes, limits), true);
	}

	private static CsvTable open(java.io.Closeable input, CsvRecords tokenizer, boolean checked) throws IOException {
		List<String> header = tokenizer.next();
		List<String> names = (header == null) ? List.of()
				: header.stream().map(name -> name.replace("\uFEFF", "")).toList();
		requireDistinct(names);
		return new CsvTable(input, tokenizer, names, checked);
	}

	/**
	 * Refuses a header that names a column twice (compared as {@link Columns} compares
	 * names): which of the two holds the value would be a guess. Blank names (trailing
	 * commas) are not compared.
	 */
	static void requireDistinct(List<String> names) throws RefusedTextException {
		java.util.Map<String, Integer> seen = new java.util.HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			String name = Columns.normalize(names.get(i));
			if (name.isEmpty()) {
				continue;
			}
			Integer first = seen.putIfAbsent(name, i);
			if (first != null) {
				throw new RefusedTextException("the header names the column '" + names.get(i).strip()
						+ "' twice (columns " + (first + 1) + " and " + (i + 1)
						+ "); it is not clear which one holds the values. Remove or rename one and send the file again");
			}
		}
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	@Override
	public @Nullable List<String> next() throws IOException {
		List<String> cells = this.tokenizer.next();
		while (cells != null && cells.size() == 1 && cells.get(0).isBlank()) {
			cells = this.tokenizer.next();
		}
		return cells;
	}

	@Override
	public boolean refusesNul() {
		return this.checked;
	}

	@Override
	public void readOnly(java.util.BitSet columns) {
		this.tokenizer.readOnly(columns);
	}

	@Override
	public void close() throws IOException {
		this.input.close();
	}

}
