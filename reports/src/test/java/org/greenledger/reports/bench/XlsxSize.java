package org.greenledger.reports.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jspecify.annotations.Nullable;

import org.greenledger.reports.Column;
import org.greenledger.reports.Document;
import org.greenledger.reports.Provenance;
import org.greenledger.reports.RowSource;
import org.greenledger.reports.Sheet;
import org.greenledger.reports.Status;
import org.greenledger.reports.Table;
import org.greenledger.reports.TitleBlock;
import org.greenledger.reports.xlsx.XlsxRenderer;

/**
 * How big the auditors' workbook is per million activity lines, against the CSV of the
 * same lines measured in the same run. The lines have the 28 columns of the backend's
 * "Activity lines" sheet ({@code ActivityLineExport.HEADERS}: source file and SHA-256,
 * row, dates, provider, account, region, service, charge category, the quantities and
 * impacts, cost, currency, tier and factors), with values shaped like a two-month AWS
 * CUR. Prints the XLSX size, the worksheet XML size inside it, and the CSV size (plain
 * and gzip-compressed), each per million lines. Run with
 * {@code reports/bench/xlsx-size.sh [lines=1000000]}.
 */
public final class XlsxSize {

	static final List<String> HEADERS = List.of("Source file", "SHA-256", "Row", "Period start", "Period end",
			"Provider", "Account", "Region", "Service", "Charge category", "Cost-only reason", "vCPU hours",
			"Memory GB hours", "Accelerator hours", "Storage TB hours", "Network GB", "Measured kWh", "IT kWh",
			"Facility kWh", "CO2e location kg", "CO2e market kg", "CO2e embodied kg", "Water on site L",
			"Water off site L", "Billed cost", "Currency", "Quality tier", "Factors (dataset, version)");

	/**
	 * The columns of the keyed layout ({@code ActivityLineExport.KEYED_HEADERS}): the
	 * SHA-256 and the factors' texts replaced by keys into the Source files and Factors
	 * used sheets.
	 */
	static final List<String> KEYED_HEADERS = HEADERS.stream()
		.map(header -> header.equals("SHA-256") ? "Source key"
				: header.equals("Factors (dataset, version)") ? "Factor keys" : header)
		.toList();

	private static final String[] SHA = { "0c9f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7",
			"7e6d5c4b3a2918f7e6d5c4b3a2918f7e6d5c4b3a2918f7e6d5c4b3a2918f7e6d" };

	private static final String[] SERVICES = { "AmazonEC2", "AmazonS3", "AmazonRDS", "AWSCloudTrail",
			"AmazonCloudWatch", "AWSLambda" };

	private static final String[] REGIONS = { "us-east-1", "us-west-2", "eu-west-1", "eu-central-1" };

	private XlsxSize() {
	}

	/**
	 * Runs the measurement.
	 * @param args the number of lines (default 1,000,000) and the output directory
	 * @throws IOException if a file cannot be written
	 */
	public static void main(String[] args) throws IOException {
		long lines = (args.length > 0) ? Long.parseLong(args[0]) : 1_000_000;
		Path dir = Files.createDirectories(Path.of((args.length > 1) ? args[1] : "reports/target/bench"));
		double perMillion = 1_000_000.0 / lines;
		long[] sizes = new long[2];
		for (boolean keyed : new boolean[] { false, true }) {
			Path xlsx = dir.resolve(keyed ? "activity-lines-keyed.xlsx" : "activity-lines.xlsx");
			long start = System.nanoTime();
			try (OutputStream out = Files.newOutputStream(xlsx)) {
				new XlsxRenderer().render(document(lines, keyed), out);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			long sheetXml = 0;
			try (ZipFile zip = new ZipFile(xlsx.toFile())) {
				for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
					if (entry.getName().startsWith("xl/worksheets/")) {
						sheetXml += entry.getSize();
					}
				}
			}
			sizes[keyed ? 1 : 0] = Files.size(xlsx);
			System.out.printf("%s: %,d activity lines, 28 columns, XLSX rendered in %.1f s%n",
					keyed ? "keyed (SHA-256 and factors by key, Source files and Factors used sheets)"
							: "texts per line (SHA-256 and factors' texts in every line)",
					lines, seconds);
			System.out.printf("XLSX:                   %,12d bytes = %6.1f MB per million lines%n", Files.size(xlsx),
					Files.size(xlsx) * perMillion / 1e6);
			System.out.printf("  worksheet XML inside: %,12d bytes = %6.1f MB per million lines (uncompressed)%n",
					sheetXml, sheetXml * perMillion / 1e6);
		}
		Path csv = dir.resolve("activity-lines.csv");
		csv(csv, lines);
		Path gzip = dir.resolve("activity-lines.csv.gz");
		try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzip))) {
			Files.copy(csv, out);
		}
		System.out.printf("reference CSV (texts):  %,12d bytes = %6.1f MB per million lines%n", Files.size(csv),
				Files.size(csv) * perMillion / 1e6);
		System.out.printf("reference CSV, gzip:    %,12d bytes = %6.1f MB per million lines%n", Files.size(gzip),
				Files.size(gzip) * perMillion / 1e6);
		System.out.printf("keyed / texts: %.3f; texts XLSX / CSV: %.2f; keyed XLSX / gzipped CSV: %.2f%n",
				(double) sizes[1] / sizes[0], (double) sizes[0] / Files.size(csv),
				(double) sizes[1] / Files.size(gzip));
	}

	static Document document(long lines, boolean keyed) {
		List<Column> columns = (keyed ? KEYED_HEADERS : HEADERS).stream().map(Column::text).toList();
		Document.Builder document = Document
			.builder(new TitleBlock("Greenhouse gas inventory", null, "Example", "2018-10 to 2018-12", "GHG inventory",
					Instant.parse("2019-01-15T10:00:00Z"), Status.DRAFT, "1"))
			.sheet(new Sheet("Activity lines", Table.streaming("Activity lines", columns, rows(lines, keyed))));
		if (keyed) {
			List<List<@Nullable Object>> files = new ArrayList<>();
			for (int part = 0; part < 2; part++) {
				files.add(List.of(SHA[part].substring(0, 12), "2018-cur-part-" + (part + 1) + ".csv.gz", SHA[part]));
			}
			document.sheet(new Sheet("Source files", Table.of("Source files",
					List.of(Column.text("Key"), Column.text("File"), Column.text("SHA-256")), files)));
			List<List<@Nullable Object>> factors = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				factors.add(List.of("F" + (i + 1), factor(i)));
			}
			document.sheet(new Sheet("Factors used",
					Table.of("Factors used", List.of(Column.text("Key"), Column.text("Factor")), factors)));
		}
		return document.provenance(new Provenance("0.1.0", "m1", List.of(), List.of(), "R-1", null)).build();
	}

	/**
	 * The text of factor F(i+1): the 4 regions' grid intensities, the PUE, the 6
	 * services' usage power and 5 of their embodied emissions, shaped like
	 * {@code ActivityLineExport.describe}.
	 */
	private static String factor(int i) {
		if (i < 4) {
			return "GRID_INTENSITY " + REGIONS[i] + " = " + (0.379 + 0.0117 * i) + " kg CO2e/kWh (ember-yearly 2024.2)";
		}
		if (i == 4) {
			return "PUE aws = 1.135 ratio (ccf-coefficients 2021.1)";
		}
		if (i < 11) {
			return "USAGE_POWER " + SERVICES[i - 5] + " = " + (0.74 + 0.31 * (i - 5)) + " W per vCPU (ccf-coefficients"
					+ " 2021.1)";
		}
		return "EMBODIED " + SERVICES[i - 11] + " = " + (0.00123 + 0.0004 * (i - 11))
				+ " kg CO2e per vCPU hour (boavizta-hardware 1.3.5)";
	}

	private static void csv(Path file, long lines) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(String.join(",", HEADERS));
			out.write("\r\n");
			for (List<? extends @Nullable Object> row : rows(lines, false)) {
				for (int i = 0; i < row.size(); i++) {
					if (i > 0) {
						out.write(',');
					}
					Object value = row.get(i);
					if (value != null) {
						String text = value.toString();
						out.write((text.indexOf(',') >= 0) ? "\"" + text + "\"" : text);
					}
				}
				out.write("\r\n");
			}
		}
	}

	private static RowSource rows(long lines, boolean keyed) {
		return () -> new Iterator<>() {

			private long next;

			@Override
			public boolean hasNext() {
				return this.next < lines;
			}

			@Override
			public List<? extends @Nullable Object> next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return row(this.next++, keyed);
			}

		};
	}

	static List<@Nullable Object> row(long i, boolean keyed) {
		int kind = (int) (i % 10);
		boolean costOnly = kind < 4;
		LocalDate day = LocalDate.of(2018, (i % 2 == 0) ? 10 : 12, 1 + (int) (i / 2 % 31 % 28));
		double hours = 1 + (i * 7919 % 1000) / 7.0;
		double kwh = costOnly ? 0 : hours * 0.0123456789;
		List<@Nullable Object> row = new ArrayList<>(HEADERS.size());
		row.add("2018-cur-part-" + (i % 2 + 1) + ".csv.gz");
		row.add(keyed ? SHA[(int) (i % 2)].substring(0, 12) : SHA[(int) (i % 2)]);
		row.add(i + 2);
		row.add(day);
		row.add(day.plusDays(1));
		row.add("aws");
		row.add("123456789012");
		row.add(REGIONS[(int) (i % REGIONS.length)]);
		row.add(SERVICES[(int) (i % SERVICES.length)]);
		row.add("Usage");
		row.add(costOnly ? "no usage quantity for this usage type" : null);
		row.add(costOnly ? null : hours);
		row.add(costOnly ? null : hours * 4);
		row.add(null);
		row.add(null);
		row.add(costOnly ? null : hours / 100);
		row.add(null);
		row.add(costOnly ? null : kwh);
		row.add(costOnly ? null : kwh * 1.135);
		row.add(costOnly ? null : kwh * 1.135 * 0.379);
		row.add(costOnly ? null : kwh * 1.135 * 0.401);
		row.add(costOnly ? null : hours * 0.00123);
		row.add(costOnly ? null : kwh * 0.18);
		row.add(costOnly ? null : kwh * 1.135 * 1.9);
		row.add(0.0104 * hours);
		row.add("USD");
		row.add(costOnly ? "5 default or proxy" : "3 usage-based estimate");
		int region = (int) (i % REGIONS.length);
		int service = (int) (i % SERVICES.length);
		// the factors of the line: its region's grid intensity, the PUE, its service's
		// usage power and (but for the last service) embodied emissions
		int[] used = (service < 5) ? new int[] { region, 4, 5 + service, 11 + service }
				: new int[] { region, 4, 5 + service };
		StringBuilder factors = new StringBuilder();
		for (int f : used) {
			if (!factors.isEmpty()) {
				factors.append(keyed ? " " : "; ");
			}
			factors.append(keyed ? "F" + (f + 1) : factor(f));
		}
		row.add(costOnly ? "" : factors.toString());
		return row;
	}

}
