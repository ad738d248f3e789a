package org.greenledger.core.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.billing.ParquetOpener;
import org.greenledger.core.source.FileStart;
import org.greenledger.core.source.FormatKind;
import org.greenledger.core.source.SourceFile;
import org.greenledger.core.source.SourceFormat;
import org.greenledger.core.table.CsvTable;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.ParquetTable;
import org.greenledger.core.table.Table;
import org.greenledger.core.table.TableRows;

/**
 * Opens a billing export and runs the billing format of {@link SourceFormats} that
 * recognises it: Parquet by its magic bytes, newline-delimited JSON (Google Cloud) by a
 * leading opening brace, otherwise CSV, whose header tells FOCUS, AWS CUR (legacy or
 * 2.0), Google Cloud billing export and Azure cost details apart. A format the user
 * requested is checked against what the content is.
 */
public final class BillingReaders {

	private static final int PEEK = 8192;

	private static final java.util.function.Predicate<SourceFormat<?>> BILLING = SourceFormats
		.ofKind(FormatKind.BILLING);

	private BillingReaders() {
	}

	/**
	 * Reads every row of the decompressed content into the sink.
	 * @param fileName the uploaded file's name, for messages
	 * @param content the file's bytes, decompressed; must support mark/reset
	 * @param requested the format the user named (see {@link SourceFormats#parse}), or
	 * null to detect it
	 * @param parquet opens Parquet content as a table
	 * @param sink receives each row
	 * @return the format label stored on the job, for example "FOCUS 1.2", "AWS CUR 2.0",
	 * "Google Cloud billing export", "Azure cost details (MCA)"
	 * @throws InvalidFileException when the file cannot be read at all, has none of the
	 * formats' headers, or is not the requested format
	 */
	public static String read(String fileName, InputStream content, @Nullable String requested, ParquetOpener parquet,
			BillingRowSink sink) {
		NamedFormat wanted = wanted(fileName, requested);
		try {
			if (!content.markSupported()) {
				content = new BufferedInputStream(content, 1 << 16);
			}
			content.mark(PEEK);
			byte[] head = content.readNBytes(PEEK);
			content.reset();
			if (ParquetTable.isParquet(head)) {
				try (Table table = parquet.open(content)) {
					return read(fileName, table, wanted, sink);
				}
			}
			if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
				// legacy CURs can be delivered ZIP-compressed (report-00001.csv.zip)
				throw new InvalidFileException(fileName + ": a ZIP archive is not read; unzip it and send the"
						+ " CSV inside (gzip-compressed or plain), or choose GZIP compression for the export");
			}
			int bom = (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
					&& (head[2] & 0xff) == 0xBF) ? 3 : 0;
			content.skipNBytes(bom);
			char first = firstNonBlank(head, bom);
			if (first == '{') {
				NamedFormat json = SourceFormats.recognise(FileStart.of(head), BILLING)
					.orElseThrow(() -> new IllegalStateException("No billing format reads JSON lines"));
				check(fileName, wanted, json);
				return run(json, SourceFile.of(fileName, content), sink);
			}
			if (first == '[') {
				throw new InvalidFileException(fileName + ": a JSON array is not read; export newline-delimited"
						+ " JSON (one object per line) or CSV");
			}
			try (Table table = CsvTable.open(content)) {
				return read(fileName, table, wanted, sink);
			}
		}
		catch (IOException ex) {
			throw TableRows.damaged(fileName, 0, ex);
		}
	}

	/**
	 * Reads every row of a Parquet file already opened (by the job, which looked at its
	 * columns first), as
	 * {@link #read(String, InputStream, String, ParquetOpener, BillingRowSink)} does.
	 */
	public static String read(String fileName, Table parquet, @Nullable String requested, BillingRowSink sink) {
		return read(fileName, parquet, wanted(fileName, requested), sink);
	}

	private static @Nullable NamedFormat wanted(String fileName, @Nullable String requested) {
		return (requested != null && !requested.isBlank()) ? SourceFormats.parse(requested, BILLING)
			.orElseThrow(() -> new InvalidFileException(fileName + ": the requested format '" + requested
					+ "' is not one of " + String.join(", ", SourceFormats.names(FormatKind.BILLING))))
				: null;
	}

	/**
	 * Reads every row of a table (CSV or Parquet) in the format its header shows, or the
	 * requested one when the header shows none.
	 */
	static String read(String fileName, Table table, @Nullable NamedFormat requested, BillingRowSink sink) {
		List<String> header = table.header();
		if (header.isEmpty()) {
			throw new InvalidFileException(fileName + ": the file is empty");
		}
		if (isOracleCostReport(header)) {
			// its lineItem/... names would otherwise read as an incomplete AWS CUR
			throw new InvalidFileException(fileName + ": an Oracle Cloud (OCI) cost report in Oracle's own layout"
					+ " (lineItem/tenantId, cost/myCost, ...) is not read; download the FOCUS report OCI writes"
					+ " beside it and send that");
		}
		NamedFormat detected = detect(header);
		if (detected != null) {
			check(fileName, requested, detected);
		}
		NamedFormat format = (detected != null) ? detected : requested;
		if (format == null) {
			throw new InvalidFileException(fileName + ": not a billing export GreenLedger reads: the header has"
					+ " none of the columns of FOCUS (ChargePeriodStart, ChargePeriodEnd, ChargeCategory,"
					+ " BilledCost), an AWS CUR (lineItem/... or line_item_...), a Google Cloud billing export"
					+ " (usage_start_time, cost, ...) or an Azure cost details export (Date, MeterCategory,"
					+ " CostInBillingCurrency or Cost, ...)");
		}
		return run(format, SourceFile.of(fileName, InputStream.nullInputStream()).withTable(table), sink);
	}

	private static String run(NamedFormat format, SourceFile file, BillingRowSink sink) {
		SourceFormat<BillingRowSink> reader = FormatKind.reading(format.format(), BillingRowSink.class);
		try {
			return reader.read(file, sink);
		}
		catch (IOException ex) {
			throw TableRows.damaged(file.fileName(), 0, ex);
		}
	}

	/** Whether a header is OCI's native cost report (lineItem/tenantId, cost/myCost). */
	static boolean isOracleCostReport(List<String> header) {
		return header.stream()
			.map(name -> name.replace("\uFEFF", "").strip().toLowerCase(java.util.Locale.ROOT))
			.anyMatch(name -> name.equals("lineitem/tenantid") || name.equals("cost/mycost")
					|| name.equals("lineitem/referenceno"));
	}

	/** The format a header belongs to, or null when it looks like none. */
	static @Nullable NamedFormat detect(List<String> header) {
		return SourceFormats.recognise(FileStart.ofColumns(header), BILLING).orElse(null);
	}

	private static void check(String fileName, @Nullable NamedFormat requested, NamedFormat detected) {
		if (requested != null && !requested.admits(detected)) {
			throw new InvalidFileException(fileName + ": " + requested.name().name()
					+ " was requested, but the file is " + detected.description()
					+ "; send it without a format to have it detected, or with format " + detected.name().name());
		}
	}

	private static char firstNonBlank(byte[] head, int from) {
		for (int i = from; i < head.length; i++) {
			char c = (char) (head[i] & 0xff);
			if (!Character.isWhitespace(c)) {
				return c;
			}
		}
		return ' ';
	}

}
