package org.greenledger.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.CsvTable;

/**
 * Generates the hostile-input corpus: for every text format GreenLedger accepts, a valid
 * one-row file built from the header and first row of a real fixture, and from it files
 * an attacker (or a broken export) would send: NUL characters, bytes that are not UTF-8,
 * UTF-16, gzip bombs, gzip with trailing bytes or truncated, 100,000 columns, a header
 * naming a column twice, an overlong field, binary noise, and out-of-range, NaN, infinite
 * and year-0000 values in a named cell. Each case carries its exact expected outcome.
 * Nothing of it is committed as a file: it is generated on every run (seeded).
 */
final class HostileFiles {

	/** What an upload must end as. */
	enum Status {

		/** The whole file refused with a file-level message. */
		REJECTED,

		/** Refused because its only row was rejected: the row and column are named. */
		ROW_REJECTED

	}

	/**
	 * @param name the case, for the test's display name
	 * @param fileName the uploaded file's name
	 * @param content the bytes
	 * @param fields the upload's form fields ({@code site} filled in by the test when
	 * {@code "?"})
	 * @param status the expected outcome
	 * @param message a regular expression the job's message (file level) or the first row
	 * error's message (row level) must contain
	 * @param column the column the row error must name (row level only)
	 */
	record Case(String name, String fileName, byte[] content, Map<String, String> fields, Status status, String message,
			@Nullable String column) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/** A format's valid one-row file and the cells its value cases change. */
	private record Base(String format, String fileName, String header, String row, Map<String, String> fields,
			boolean csv, @Nullable String quantity, @Nullable String money, @Nullable String date) {
	}

	private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

	private HostileFiles() {
	}

	static List<Case> corpus() {
		List<Case> cases = new ArrayList<>();
		for (Base base : bases()) {
			fileCases(base, cases);
			if (base.csv) {
				csvCases(base, cases);
			}
			valueCases(base, cases);
		}
		greenButtonCases(cases);
		jsonLineCases(cases);
		telemetryValueCases(cases);
		parquetCases(cases);
		return cases;
	}

	private static List<Base> bases() {
		Map<String, String> none = Map.of();
		Map<String, String> site = Map.of("site", "?");
		return List.of(
				csv("FOCUS", "focus-spec-examples/saas_examples__virtual_currency_pricing_model_a1.csv", none,
						"PricingQuantity", "BilledCost", "ChargePeriodStart"),
				csv("CUR", "aws-cur/cur-legacy.csv", none, "lineItem/UsageAmount", "lineItem/UnblendedCost",
						"lineItem/UsageStartDate"),
				csv("CUR 2.0", "aws-cur/cur2.csv", none, "line_item_usage_amount", "line_item_unblended_cost",
						"line_item_usage_start_date"),
				csv("GCP CSV", "gcp/gcp-billing.csv", none, "usage.amount", "cost", "usage_start_time"),
				csv("Azure", "azure/azure-ea-actual.csv", none, "Quantity", "Cost", "Date"),
				// a NaN energy_consumed is a missing value that CodeCarbon's components
				// fill (with a note), so the run's duration carries the number cases
				csv("CodeCarbon", "codecarbon/emissions-2.5-layout.csv", site, "duration", null, "timestamp"),
				csv("meter CSV", "meter-csv/site-meters.csv", none, "quantity", null, "end"),
				csv("grid CSV", "grid-intensity/electricitymaps-hourly.csv", none,
						"Carbon intensity gCO\u2082eq/kWh (Life cycle)", null, "Datetime (UTC)"),
				new Base("nvidia-smi", "gpu.csv", "timestamp, name, index, uuid, power.draw [W]",
						"2024/05/01 14:30:00.000, NVIDIA A100-SXM4-40GB, 0, GPU-4b6a8c0e, 250.00", site, false, null,
						null, null),
				new Base("GCP JSON lines", "gcp.jsonl", "", firstLine("gcp/gcp-billing.jsonl"), none, false, null, null,
						null),
				new Base("DCGM", "dcgm.prom", "# TYPE DCGM_FI_DEV_POWER_USAGE gauge",
						"DCGM_FI_DEV_POWER_USAGE{gpu=\"0\",UUID=\"GPU-1\",modelName=\"NVIDIA H100 80GB HBM3\"} 300 1714564800000",
						site, false, null, null, null),
				new Base("Kepler", "kepler.prom", "# TYPE kepler_container_joules_total counter",
						"kepler_container_joules_total{container_name=\"c\",pod_name=\"p\",container_namespace=\"n\"} 1000 1714564800000",
						site, false, null, null, null));
	}

	private static Base csv(String format, String fixture, Map<String, String> fields, @Nullable String quantity,
			@Nullable String money, @Nullable String date) {
		List<String> lines = read(fixture).lines().toList();
		return new Base(format, Path.of(fixture).getFileName().toString(), lines.get(0).replace("\uFEFF", ""),
				lines.get(1), fields, true, quantity, money, date);
	}

	/** File-level cases every text format shares. */
	private static void fileCases(Base base, List<Case> cases) {
		String file = base.header.isEmpty() ? base.row + "\n" : base.header + "\n" + base.row + "\n";
		String at = "line \\d+, character \\d+: ";
		int middle = file.length() - base.row.length() / 2 - 1;
		cases.add(refused(base, "a NUL character", utf8(file.substring(0, middle) + '\0' + file.substring(middle)),
				at + "the text contains a NUL character"));
		byte[] bytes = utf8(file);
		byte[] invalid = new byte[bytes.length + 2];
		int cut = bytes.length - base.row.length() / 2 - 1;
		System.arraycopy(bytes, 0, invalid, 0, cut);
		invalid[cut] = (byte) 0xC3;
		invalid[cut + 1] = (byte) 0x28;
		System.arraycopy(bytes, cut, invalid, cut + 2, bytes.length - cut);
		cases.add(refused(base, "bytes that are not UTF-8", invalid, at + "the bytes there are not UTF-8 text"));
		cases.add(refused(base, "a lone continuation byte", concat(utf8(file), new byte[] { (byte) 0x80 }),
				at + "the bytes there are not UTF-8 text"));
		cases.add(refused(base, "UTF-16 with a byte-order mark",
				concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, file.getBytes(StandardCharsets.UTF_16LE)),
				"the file is UTF-16 text"));
		cases.add(refused(base, "UTF-16 without a byte-order mark", file.getBytes(StandardCharsets.UTF_16LE),
				"the file is UTF-16 text"));
		cases.add(refused(base, "gzip with bytes after its end", concat(gzip(bytes), utf8("trailing garbage")),
				"bytes after the end of its gzip data"));
		byte[] compressed = gzip(bytes);
		cases.add(refused(base, "truncated gzip", java.util.Arrays.copyOf(compressed, compressed.length - 12),
				"ends unexpectedly|ends before its elements are closed"));
		byte[] damaged = compressed.clone();
		damaged[damaged.length - 6] ^= 0x5A;
		cases.add(refused(base, "gzip with a wrong checksum", damaged, "gzip data is damaged"));
		cases.add(refused(base, "a gzip bomb (1,000-fold)", gzipRepeated(bytes, (byte) '\n', 40L * 1024 * 1024),
				"refused as a compression bomb"));
		cases.add(refused(base, "a line of five million characters", gzipRepeated(utf8(file), (byte) 'x', 5_000_000L),
				"longer than \\d+ characters|content after the end of the document's root element"));
		cases.add(refused(base, "binary noise", noise(base.format.hashCode()), "not UTF-8 text|NUL character"));
	}

	private static void csvCases(Base base, List<Case> cases) {
		StringBuilder wide = new StringBuilder(base.header);
		for (int i = 0; i < 100_000; i++) {
			wide.append(",c").append(i);
		}
		cases.add(refused(base, "100,000 columns", utf8(wide + "\n" + base.row + "\n"),
				"the header has more than \\d+ fields"));
		cases.add(refused(base, "100,000 fields in a row", utf8(base.header + "\n" + base.row + ",x".repeat(100_000)),
				"row 1 has more than \\d+ fields"));
		String first = base.header.split(",")[0];
		cases.add(refused(base, "a column named twice", utf8(base.header + "," + first + "\n" + base.row + ",x\n"),
				"names the column '.*' twice"));
		cases.add(refused(base, "a field of two million characters",
				gzipRepeated(utf8(base.header + "\n\""), (byte) 'y', 2_000_000L),
				"field is longer than \\d+ characters"));
		cases.add(refused(base, "an unclosed quote", utf8(base.header + "\n\"" + base.row + "\n"),
				"quote is not closed|after a quoted field"));
	}

	private static void valueCases(Base base, List<Case> cases) {
		if (!base.csv) {
			return;
		}
		if (base.quantity != null) {
			cases.add(row(base, "a quantity of 1e400", base.quantity, "1e400", "out of range"));
			cases.add(row(base, "a quantity of -1e400", base.quantity, "-1e400", "out of range|negative"));
			cases.add(row(base, "a quantity of NaN", base.quantity, "NaN", "NaN"));
			cases.add(row(base, "a quantity of Infinity", base.quantity, "Infinity", "infinite|not a number"));
		}
		if (base.money != null) {
			cases.add(row(base, "a cost of 1e400", base.money, "1e400", "out of range"));
			cases.add(row(base, "a cost of NaN", base.money, "NaN", "NaN"));
			cases.add(row(base, "a cost of -Infinity", base.money, "-Infinity", "infinite"));
		}
		if (base.date != null) {
			cases.add(row(base, "a date in year 0000", base.date, "0000-01-01T00:00:00Z",
					"outside the accepted dates|not a date|is not after start"));
			cases
				.add(row(base, "a date in year 9999", base.date, "9999-12-31T00:00:00Z", "outside the accepted dates"));
		}
	}

	private static void greenButtonCases(List<Case> cases) {
		String xml = read("green-button/usage-15min.xml");
		Map<String, String> site = Map.of("site", "?");
		Base base = new Base("Green Button", "usage.xml", "", xml, site, false, null, null, null);
		fileCases(base, cases);
		cases.add(rowLevel("Green Button: every reading 2^63", "usage.xml",
				utf8(xml.replaceAll("<value>\\d+</value>", "<value>9223372036854775808</value>")), site, "out of range",
				"IntervalReading/value"));
		cases.add(rowLevel("Green Button: every reading 1e400", "usage.xml",
				utf8(xml.replaceAll("<value>\\d+</value>", "<value>1e400</value>")), site, "out of range",
				"IntervalReading/value"));
		cases.add(new Case("Green Button: a DOCTYPE", "usage.xml",
				utf8(xml.replaceFirst("<feed", "<!DOCTYPE feed [<!ENTITY x \"y\">]>\n<feed")), site, Status.REJECTED,
				"document type declaration", null));
		String deep = "<a>".repeat(100) + "</a>".repeat(100);
		cases.add(new Case("Green Button: 100 nested elements", "usage.xml",
				utf8(xml.replaceFirst("<title>", deep + "<title>")), site, Status.REJECTED,
				"nested more than \\d+ levels", null));
		cases.add(new Case("Green Button: a text of 100,000 characters", "usage.xml",
				utf8(xml.replaceFirst("<value>\\d+</value>", "<value>" + "1".repeat(100_000) + "</value>")), site,
				Status.REJECTED, "longer than \\d+ characters", null));
		cases.add(new Case("Green Button: an attribute of 100,000 characters", "usage.xml",
				utf8(xml.replaceFirst("<link ", "<link x=\"" + "a".repeat(100_000) + "\" ")), site, Status.REJECTED,
				"longer than \\d+ characters", null));
		cases.add(new Case("Green Button: truncated", "usage.xml", utf8(xml.substring(0, xml.length() / 2)), site,
				Status.REJECTED, "ends before its elements are closed", null));
		cases.add(new Case("Green Button: content after the root", "usage.xml", utf8(xml + "<feed/>"), site,
				Status.REJECTED, "after the end of the document's root element", null));
	}

	private static void jsonLineCases(List<Case> cases) {
		String line = firstLine("gcp/gcp-billing.jsonl");
		Map<String, String> none = Map.of();
		cases.add(rowLevel("GCP JSON lines: a key twice", "gcp.jsonl",
				utf8(line.replaceFirst("\\{", "{\"cost\":1,") + "\n"), none, "has the key 'cost' twice", "*"));
		cases.add(rowLevel("GCP JSON lines: nested 1,000 deep", "gcp.jsonl",
				utf8(line.replaceFirst("\\{", "{\"x\":" + "[".repeat(1000) + "]".repeat(1000) + ",") + "\n"), none,
				"nests objects and arrays more than \\d+ levels", "*"));
		cases.add(new Case("GCP JSON lines: an escaped NUL", "gcp.jsonl",
				utf8(line.replaceFirst("\"web-eu\"", "\"web\\\\u0000eu\"") + "\n"), none, Status.REJECTED,
				"row 1, column .*: the text contains a NUL character", null));
		cases.add(rowLevel("GCP JSON lines: a cost of 1e400", "gcp.jsonl",
				utf8(line.replaceFirst("\"cost\":[0-9.]+", "\"cost\":1e400") + "\n"), none, "out of range", "cost"));
		cases.add(rowLevel("GCP JSON lines: a usage amount of 1e400", "gcp.jsonl",
				utf8(line.replaceFirst("\"amount\":14400", "\"amount\":1e400") + "\n"), none, "out of range",
				"usage.amount"));
		cases.add(rowLevel("GCP JSON lines: a start in year 0000", "gcp.jsonl",
				utf8(line.replaceFirst("\"usage_start_time\":\"2024", "\"usage_start_time\":\"0000") + "\n"), none,
				"outside the accepted dates|not a date", "usage_start_time"));
		cases.add(rowLevel("GCP JSON lines: a number of 200 digits", "gcp.jsonl",
				utf8(line.replaceFirst("\"cost\":[0-9.]+", "\"cost\":" + "9".repeat(200)) + "\n"), none,
				"has a number longer than 100 digits", "*"));
	}

	private static void parquetCases(List<Case> cases) {
		byte[] parquet;
		try {
			parquet = Files.readAllBytes(FIXTURES.resolve("focus/saas_spend_agreements_b2.parquet"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, String> none = Map.of();
		int n = parquet.length;
		cases.add(parquet("truncated to half", java.util.Arrays.copyOf(parquet, n / 2), PARQUET_DAMAGED));
		cases.add(parquet("truncated by 3 bytes", java.util.Arrays.copyOf(parquet, n - 3), PARQUET_DAMAGED));
		cases.add(parquet("bytes after its end", concat(parquet, utf8("trailing")), PARQUET_DAMAGED));
		byte[] footer = parquet.clone();
		footer[n - 8] = (byte) 0xff;
		footer[n - 7] = (byte) 0xff;
		footer[n - 6] = (byte) 0xff;
		footer[n - 5] = (byte) 0x7f;
		cases.add(parquet("a footer length of 2 GB", footer, PARQUET_DAMAGED + "|footer"));
		byte[] small = parquet.clone();
		small[n - 8] = 3;
		small[n - 7] = 0;
		small[n - 6] = 0;
		small[n - 5] = 0;
		cases.add(parquet("a footer of 3 bytes", small, PARQUET_DAMAGED + "|footer"));
		cases.add(parquet("magic bytes and noise", concat(concat(utf8("PAR1"), noise(77)), utf8("PAR1")),
				PARQUET_DAMAGED + "|footer"));
		cases.add(parquet("magic bytes only", utf8("PAR1PAR1"), PARQUET_DAMAGED + "|footer|too small|empty"));
		byte[] scrambled = parquet.clone();
		for (int i = n / 4; i < n / 4 + 64 && i < n - 8; i++) {
			scrambled[i] ^= (byte) 0x5A;
		}
		cases.add(parquet("64 scrambled bytes in its data", scrambled, PARQUET_DAMAGED + "|footer|page|row"));
		cases.add(parquet("gzip of a truncated file", gzip(java.util.Arrays.copyOf(parquet, n / 2)), PARQUET_DAMAGED));
	}

	private static final String PARQUET_DAMAGED = "damaged|truncated|not a Parquet|cannot be read";

	private static Case parquet(String what, byte[] content, String message) {
		return new Case("FOCUS Parquet: " + what, "focus.parquet", content, Map.of(), Status.REJECTED, message, null);
	}

	private static void telemetryValueCases(List<Case> cases) {
		Map<String, String> site = Map.of("site", "?");
		String header = "timestamp, name, index, uuid, power.draw [W]\n";
		String sample = "2024/05/01 14:30:%02d.000, NVIDIA A100-SXM4-40GB, 0, GPU-4b6a8c0e, %s\n";
		for (String[] value : new String[][] { { "1e400", "not a number|out of range|infinite" },
				{ "NaN", "NaN|not a number" }, { "2e9", "out of range" }, { "-5", "negative|out of range" } }) {
			cases.add(rowLevel("nvidia-smi: a power of " + value[0], "gpu.csv",
					utf8(header + sample.formatted(0, value[0])), site, value[1], "power.draw [W]|power"));
		}
		String metric = "# TYPE DCGM_FI_DEV_POWER_USAGE gauge\nDCGM_FI_DEV_POWER_USAGE{gpu=\"0\",UUID=\"GPU-1\",modelName=\"NVIDIA H100 80GB HBM3\"} %s %s\n";
		for (String[] value : new String[][] { { "1e400", "not a number|out of range|infinite" },
				{ "2e9", "out of range" }, { "-1", "negative|out of range" } }) {
			cases.add(rowLevel("DCGM: a power of " + value[0], "dcgm.prom",
					utf8(metric.formatted(value[0], "1714564800000")), site, value[1], "*|value|power"));
		}
		cases.add(rowLevel("DCGM: a sample in year 0000", "dcgm.prom", utf8(metric.formatted("300", "-62167219200000")),
				site, "outside the accepted dates|is not a timestamp", "*|timestamp"));
		cases.add(rowLevel("DCGM: a sample in year 3000", "dcgm.prom", utf8(metric.formatted("300", "32503680000000")),
				site, "outside the accepted dates", "*|timestamp"));
	}

	private static Case refused(Base base, String what, byte[] content, String message) {
		return new Case(base.format + ": " + what, base.fileName, content, base.fields, Status.REJECTED, message, null);
	}

	private static Case row(Base base, String what, String column, String value, String message) {
		return rowLevel(base.format + ": " + what, base.fileName,
				utf8(base.header + "\n" + replace(base.header, base.row, column, value) + "\n"), base.fields, message,
				column);
	}

	private static Case rowLevel(String name, String fileName, byte[] content, Map<String, String> fields,
			String message, String column) {
		return new Case(name, fileName, content, fields, Status.ROW_REJECTED, message, column);
	}

	/** The row with one cell replaced, written back as CSV. */
	private static String replace(String header, String row, String column, String value) {
		try (CsvTable table = CsvTable.open(new StringReader(header + "\n" + row + "\n"))) {
			List<String> names = table.header().stream().map(String::strip).toList();
			List<String> cells = new ArrayList<>(table.next());
			int index = names.indexOf(column);
			if (index < 0) {
				throw new IllegalArgumentException("no column " + column + " in " + names);
			}
			cells.set(index, value);
			return String.join(",", cells.stream().map(HostileFiles::quote).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String quote(@Nullable String cell) {
		if (cell == null) {
			return "";
		}
		return (cell.contains(",") || cell.contains("\"") || cell.contains("\n"))
				? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
	}

	private static byte[] noise(int seed) {
		byte[] bytes = new byte[4096];
		new Random(seed).nextBytes(bytes);
		bytes[0] = 'x';
		bytes[1] = 'y';
		return bytes;
	}

	static byte[] gzip(byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The prefix, then one byte repeated, gzip-compressed (without holding it). */
	static byte[] gzipRepeated(byte[] prefix, byte repeated, long count) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
			gzip.write(prefix);
			byte[] block = new byte[1 << 16];
			java.util.Arrays.fill(block, repeated);
			for (long written = 0; written < count; written += block.length) {
				gzip.write(block, 0, (int) Math.min(block.length, count - written));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String firstLine(String fixture) {
		return read(fixture).lines().findFirst().orElseThrow();
	}

	private static String read(String fixture) {
		try {
			return Files.readString(FIXTURES.resolve(fixture));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
