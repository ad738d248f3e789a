package org.greenledger.core.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import org.jspecify.annotations.Nullable;

/**
 * FastCSV's records as a {@link Table}, read as {@link CsvTable} reads them: a byte-order
 * mark is not part of the first name, and records may be longer or shorter than the
 * header (the formats' readers say what is missing). For comparing the two parsers
 * ({@link CsvTableAgainstFastCsvTests}, the CSV tokenizer benchmark).
 */
public final class FastCsvTable implements Table {

	private final CsvReader<CsvRecord> reader;

	private final Iterator<CsvRecord> records;

	private final List<String> header;

	public FastCsvTable(InputStream in) {
		this.reader = CsvReader.builder()
			.detectBomHeader(true)
			.extraFieldStrategy(FieldMismatchStrategy.IGNORE)
			.missingFieldStrategy(FieldMismatchStrategy.IGNORE)
			.ofCsvRecord(in, StandardCharsets.UTF_8);
		this.records = this.reader.iterator();
		this.header = this.records.hasNext() ? this.records.next().getFields() : List.of();
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	@Override
	public @Nullable List<String> next() {
		return this.records.hasNext() ? this.records.next().getFields() : null;
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
	}

}
