package org.greenledger.ingestion.table;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 4180 CSV file as a {@link Table}: the first record is the header; blank lines
 * are skipped. A malformed record (for example an unterminated quote) is an
 * {@link IOException} naming the position.
 */
public final class CsvTable implements Table {

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	private final List<String> header;

	private CsvTable(CSVParser parser, Iterator<CSVRecord> records, List<String> header) {
		this.parser = parser;
		this.records = records;
		this.header = header;
	}

	/** Opens the CSV; an empty file has an empty header. */
	public static CsvTable open(Reader reader) throws IOException {
		CSVParser parser = CSVFormat.RFC4180.parse(reader);
		Iterator<CSVRecord> records = parser.iterator();
		try {
			List<String> header = records.hasNext() ? records.next().toList() : List.of();
			if (!header.isEmpty()) {
				header = header.stream().map(name -> name.replace("\uFEFF", "")).toList();
			}
			return new CsvTable(parser, records, header);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		catch (IllegalStateException ex) {
			throw new IOException("the CSV header is malformed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	@Override
	public @Nullable List<String> next() throws IOException {
		try {
			while (this.records.hasNext()) {
				List<String> cells = this.records.next().toList();
				if (!(cells.size() == 1 && cells.get(0).isBlank())) {
					return cells;
				}
			}
			return null;
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		catch (IllegalStateException ex) {
			throw new MalformedTableException("the CSV is malformed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.parser.close();
	}

}
