package org.greenledger.ingestion.table;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An RFC 4180 CSV file as a {@link Table}: the first record is the header; blank lines
 * are skipped. A malformed record (for example an unterminated quote) is a
 * {@link MalformedTableException} naming the record.
 */
public final class CsvTable implements Table {

	private final Reader reader;

	private final CsvTokenizer tokenizer;

	private final List<String> header;

	private CsvTable(Reader reader, CsvTokenizer tokenizer, List<String> header) {
		this.reader = reader;
		this.tokenizer = tokenizer;
		this.header = header;
	}

	/** Opens the CSV; an empty file has an empty header. */
	public static CsvTable open(Reader reader) throws IOException {
		CsvTokenizer tokenizer = new CsvTokenizer(reader);
		List<String> header = tokenizer.next();
		return new CsvTable(reader, tokenizer,
				(header == null) ? List.of() : header.stream().map(name -> name.replace("\uFEFF", "")).toList());
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
	public void close() throws IOException {
		this.reader.close();
	}

}
