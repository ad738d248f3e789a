package org.greenledger.ingestion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.formats.BillingReaders;
import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.billing.ParquetOpener;
import org.greenledger.core.table.CsvTable;
import org.greenledger.core.table.InputFiles;
import org.greenledger.core.table.ParquetTable;
import org.greenledger.core.table.RowError;
import org.greenledger.core.table.Table;
import org.greenledger.core.table.TextInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One row of a stored billing file, read again for a line's lineage: the cells as the
 * file holds them (a CSV or Parquet row under its header, a JSON line as text), and what
 * the billing reader maps them onto (service, region, usage type, instance type, ...).
 * The ledger stores each line's figures and attributes, not its source cells; the file is
 * kept by content, so the row is read from it, counting rows as the reader did when the
 * job ran.
 */
@Service
public class SourceRows {

	private static final int HEAD = 8192;

	private final JdbcClient jdbc;

	private final StoredFiles files;

	private final ParquetOpener parquet;

	SourceRows(JdbcClient jdbc, StoredFiles files, ParquetOpener parquet) {
		this.jdbc = jdbc;
		this.files = files;
		this.parquet = parquet;
	}

	/**
	 * A source row: the header and the cells (one cell named {@code JSON} for a JSON
	 * line), and the attributes the billing reader read from them, by name (empty when
	 * the row cannot be mapped again).
	 */
	public record SourceRow(long row, List<String> header, List<String> cells, Map<String, String> mapped) {

		/** The cells by column, in the file's order (a missing cell is empty). */
		public Map<String, String> byColumn() {
			Map<String, String> columns = new LinkedHashMap<>();
			for (int i = 0; i < this.header.size(); i++) {
				String cell = (i < this.cells.size()) ? this.cells.get(i) : null;
				columns.put(this.header.get(i), (cell != null) ? cell : "");
			}
			return columns;
		}

	}

	/**
	 * Row {@code row} (from 1, as the job numbered it) of the file of job {@code job};
	 * empty when the job, its stored file or the row does not exist, or the file is not a
	 * billing file's table.
	 */
	public Optional<SourceRow> row(UUID job, long row) {
		if (row < 1) {
			return Optional.empty();
		}
		Optional<String[]> file = this.jdbc
			.sql("select file_name, sha256 from ingestion_job where id = ? and status = 'COMPLETED'")
			.param(job)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
		if (file.isEmpty()) {
			return Optional.empty();
		}
		try (InputStream stored = this.files.open(file.get()[1]);
				InputStream content = InputFiles.decompressed(stored)) {
			content.mark(HEAD);
			byte[] head = content.readNBytes(HEAD);
			content.reset();
			if (ParquetTable.isParquet(head)) {
				try (Table table = this.parquet.open(content)) {
					return tableRow(file.get()[0], table, row);
				}
			}
			int bom = (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
					&& (head[2] & 0xff) == 0xBF) ? 3 : 0;
			content.skipNBytes(bom);
			Reader reader = TextInput.open(content);
			if (firstNonBlank(head, bom) == '{') {
				return jsonRow(file.get()[0], reader, row);
			}
			try (Table table = CsvTable.open(reader)) {
				return tableRow(file.get()[0], table, row);
			}
		}
		catch (IOException | RuntimeException ex) {
			// a file that can no longer be read (removed from the store, or damaged) has
			// no source row to show; the line's lineage still names the file and hash
			return Optional.empty();
		}
	}

	private static Optional<SourceRow> tableRow(String fileName, Table table, long row) throws IOException {
		List<String> cells = null;
		for (long n = 1; n <= row; n++) {
			cells = table.next();
			if (cells == null) {
				return Optional.empty();
			}
		}
		List<String> header = List.copyOf(table.header());
		List<String> copy = new ArrayList<>(cells);
		return Optional.of(new SourceRow(row, header, copy,
				mapped(sink -> BillingReaders.read(fileName, new OneRow(header, copy), null, sink))));
	}

	private static Optional<SourceRow> jsonRow(String fileName, Reader reader, long row) throws IOException {
		BufferedReader lines = new BufferedReader(reader);
		long n = 0;
		for (String line = lines.readLine(); line != null; line = lines.readLine()) {
			if (line.isBlank()) {
				continue;
			}
			n++;
			if (n == row) {
				String text = line;
				return Optional.of(new SourceRow(row, List.of("JSON"), List.of(text),
						mapped(sink -> BillingReaders.read(fileName,
								new java.io.ByteArrayInputStream(
										text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
								null, SourceRows::noParquet, sink))));
			}
		}
		return Optional.empty();
	}

	private static Table noParquet(InputStream content) throws IOException {
		throw new IOException("a JSON line is not a Parquet file");
	}

	/**
	 * What the billing reader maps one row onto; empty when it rejects or cannot read it.
	 */
	private static Map<String, String> mapped(java.util.function.Consumer<BillingRowSink> read) {
		Map<String, String> mapped = new LinkedHashMap<>();
		try {
			read.accept(new BillingRowSink() {

				@Override
				public void accept(BillingRow record) {
					mapped.putAll(attributes(record));
				}

				@Override
				public void reject(long row, List<RowError> errors, @Nullable BigDecimal billedCost) {
					// a row the reader refuses was never a line
				}

			});
		}
		catch (RuntimeException ex) {
			// the row alone cannot be read as the file was (the header names no format)
			return Map.of();
		}
		return mapped;
	}

	/** A billing row's attributes, by the names the lineage page shows. */
	static Map<String, String> attributes(BillingRow record) {
		Map<String, String> attributes = new LinkedHashMap<>();
		put(attributes, "provider", record.provider());
		put(attributes, "service", record.serviceName());
		put(attributes, "serviceCategory", record.serviceCategory());
		put(attributes, "region", record.regionId());
		put(attributes, "account", record.subAccountId());
		put(attributes, "resource", record.resourceId());
		put(attributes, "sku", record.skuId());
		put(attributes, "instanceType", instanceType(record));
		put(attributes, "usageType", usageType(record));
		if (record.consumedQuantity() != null) {
			put(attributes, "consumed", record.consumedQuantity().toPlainString()
					+ ((record.consumedUnit() != null) ? " " + record.consumedUnit() : ""));
		}
		if (record.pricingQuantity() != null) {
			put(attributes, "pricing", record.pricingQuantity().toPlainString()
					+ ((record.pricingUnit() != null) ? " " + record.pricingUnit() : ""));
		}
		put(attributes, "billedCost",
				record.billedCost().toPlainString() + ((record.currency() != null) ? " " + record.currency() : ""));
		return attributes;
	}

	private static @Nullable String instanceType(BillingRow record) {
		for (String key : List.of("product/instanceType", "product_instance_type", "product.instance_type",
				"AdditionalInfo.ServiceType", "system_labels.compute.googleapis.com/machine_spec")) {
			if (record.hints().get(key) != null) {
				return record.hints().get(key);
			}
		}
		for (Map.Entry<String, String> detail : record.skuPriceDetails().entrySet()) {
			if (detail.getKey().equalsIgnoreCase("InstanceType")
					|| detail.getKey().equalsIgnoreCase("x_InstanceType")) {
				return detail.getValue();
			}
		}
		return null;
	}

	private static @Nullable String usageType(BillingRow record) {
		for (String key : List.of("lineItem/UsageType", "line_item_usage_type", "x_UsageType", "MeterName")) {
			if (record.hints().get(key) != null) {
				return record.hints().get(key);
			}
		}
		return null;
	}

	private static void put(Map<String, String> attributes, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			attributes.put(name, value);
		}
	}

	private static char firstNonBlank(byte[] head, int from) {
		for (int i = from; i < head.length; i++) {
			if (!Character.isWhitespace(head[i])) {
				return (char) head[i];
			}
		}
		return 0;
	}

	/** A table of one row under a header. */
	private static final class OneRow implements Table {

		private final List<String> header;

		private @Nullable List<String> row;

		OneRow(List<String> header, List<String> row) {
			this.header = header;
			this.row = row;
		}

		@Override
		public List<String> header() {
			return this.header;
		}

		@Override
		public @Nullable List<String> next() {
			List<String> next = this.row;
			this.row = null;
			return next;
		}

		@Override
		public void close() {
		}

	}

}
