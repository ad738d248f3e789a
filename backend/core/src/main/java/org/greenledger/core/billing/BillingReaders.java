package org.greenledger.core.billing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.awscur.CurReader;
import org.greenledger.core.azure.AzureReader;
import org.greenledger.core.focus.FocusReader;
import org.greenledger.core.gcp.GcpReader;
import org.greenledger.core.table.CsvTable;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.ParquetTable;
import org.greenledger.core.table.Table;
import org.greenledger.core.table.TableRows;
import org.greenledger.core.table.TextInput;

/**
 * Picks the reader for a billing export from its content: Parquet by its magic bytes,
 * newline-delimited JSON (Google Cloud) by a leading opening brace, otherwise CSV, whose
 * header tells FOCUS, AWS CUR (legacy or 2.0), Google Cloud billing export and Azure cost
 * details apart. A format the user requested is checked against what the content is.
 */
public final class BillingReaders {

	private static final int PEEK = 8192;

	private BillingReaders() {
	}

	/**
	 * Reads every row of the decompressed content into the sink.
	 * @param fileName the uploaded file's name, for messages
	 * @param content the file's bytes, decompressed; must support mark/reset
	 * @param requested the format the user named (see {@link BillingFormat#parse}), or
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
		BillingFormat wanted = wanted(fileName, requested);
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
			Reader reader = TextInput.open(content);
			char first = firstNonBlank(head, bom);
			if (first == '{') {
				check(fileName, wanted, BillingFormat.GCP);
				return GcpReader.readJsonLines(fileName, reader, sink);
			}
			if (first == '[') {
				throw new InvalidFileException(fileName + ": a JSON array is not read; export newline-delimited"
						+ " JSON (one object per line) or CSV");
			}
			try (Table table = CsvTable.open(reader)) {
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

	private static @Nullable BillingFormat wanted(String fileName, @Nullable String requested) {
		return (requested != null
				&& !requested.isBlank())
						? BillingFormat.parse(requested)
							.orElseThrow(() -> new InvalidFileException(fileName + ": the requested format '"
									+ requested + "' is not one of " + String.join(", ", BillingFormat.names())))
						: null;
	}

	/**
	 * Reads every row of a table (CSV or Parquet) in the format its header shows, or the
	 * requested one when the header shows none.
	 */
	static String read(String fileName, Table table, @Nullable BillingFormat requested, BillingRowSink sink) {
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
		BillingFormat detected = detect(header);
		if (detected != null) {
			check(fileName, requested, detected);
		}
		BillingFormat format = (detected != null) ? detected : requested;
		if (format == null) {
			throw new InvalidFileException(fileName + ": not a billing export GreenLedger reads: the header has"
					+ " none of the columns of FOCUS (ChargePeriodStart, ChargePeriodEnd, ChargeCategory,"
					+ " BilledCost), an AWS CUR (lineItem/... or line_item_...), a Google Cloud billing export"
					+ " (usage_start_time, cost, ...) or an Azure cost details export (Date, MeterCategory,"
					+ " CostInBillingCurrency or Cost, ...)");
		}
		return switch (format) {
			case FOCUS -> "FOCUS " + FocusReader.read(fileName, table, sink);
			case AWS_CUR, AWS_CUR2 -> CurReader.read(fileName, table, sink);
			case GCP -> GcpReader.read(fileName, table, sink);
			case AZURE -> AzureReader.read(fileName, table, sink);
		};
	}

	/** Whether a header is OCI's native cost report (lineItem/tenantId, cost/myCost). */
	static boolean isOracleCostReport(List<String> header) {
		return header.stream()
			.map(name -> name.replace("\uFEFF", "").strip().toLowerCase(java.util.Locale.ROOT))
			.anyMatch(name -> name.equals("lineitem/tenantid") || name.equals("cost/mycost")
					|| name.equals("lineitem/referenceno"));
	}

	/** The format a header belongs to, or null when it looks like none. */
	static @Nullable BillingFormat detect(List<String> header) {
		if (FocusReader.recognises(header)) {
			return BillingFormat.FOCUS;
		}
		if (CurReader.recognises(header)) {
			return CurReader.isCur2(header) ? BillingFormat.AWS_CUR2 : BillingFormat.AWS_CUR;
		}
		if (GcpReader.recognises(header)) {
			return BillingFormat.GCP;
		}
		if (AzureReader.recognises(header)) {
			return BillingFormat.AZURE;
		}
		return null;
	}

	private static void check(String fileName, @Nullable BillingFormat requested, BillingFormat detected) {
		if (requested != null && !requested.admits(detected)) {
			throw new InvalidFileException(
					fileName + ": " + requested.name() + " was requested, but the file is " + detected.description()
							+ "; send it without a format to have it detected, or with format " + detected.name());
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
