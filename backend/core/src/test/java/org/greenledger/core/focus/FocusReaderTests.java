package org.greenledger.core.focus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.greenledger.core.billing.BillingRow;
import org.greenledger.core.billing.BillingRowSink;
import org.greenledger.core.table.CellValues;
import org.greenledger.core.table.InputFiles;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.RowError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FocusReaderTests {

	private static final Path SPEC_EXAMPLES = Path.of("../src/test/resources/fixtures/focus-spec-examples");

	static Stream<Path> specExamples() throws IOException {
		return Files.list(SPEC_EXAMPLES).filter(path -> path.toString().endsWith(".csv")).sorted();
	}

	@ParameterizedTest
	@MethodSource("specExamples")
	void everyRowOfTheSpecExamplesIsAccountedForAndTheBilledCostReconciles(Path file) throws IOException {
		Collected rows = read(file.getFileName().toString(), InputFiles.open(file));

		List<CSVRecord> records = independentRows(file);
		assertThat(rows.accepted.size() + rows.rejectedRows.size()).as("rows accounted for").isEqualTo(records.size());
		assertThat(rows.acceptedBilled().add(rows.rejectedBilled)).as("billed cost reconciles with the file")
			.isEqualByComparingTo(independentBilledTotal(records));
		assertThat(rows.rejected).as("rejected rows")
			.allSatisfy(error -> assertThat(error.message()).contains("30:00:00Z"));
	}

	@Test
	void theSpecExampleWithAnImpossibleTimestampHasThatRowRejected() throws IOException {
		Collected rows = read("x.csv", InputFiles
			.open(SPEC_EXAMPLES.resolve("commitment_discount_scenarios__commitment_discount_purchase_scenario_2.csv")));
		assertThat(rows.rejected).extracting(RowError::row, RowError::column, RowError::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "ChargePeriodEnd",
					"'2023-02-01T30:00:00Z' is not a date or timestamp (expected ISO 8601, yyyy-MM-dd HH:mm:ss or MM/dd/yyyy)"));
	}

	@Test
	void readsQuotedNumbersLiteralNullsJsonCellsAndSeveralDateFormats() {
		String csv = String.join("\n",
				"\uFEFFChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,ServiceProviderName,"
						+ "RegionId,ConsumedQuantity,ConsumedUnit,Tags,SkuPriceDetails,x_Extra",
				"2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,Usage,\"1.25\",USD,AWS,us-east-1,\"1\",Hours,"
						+ "\"{\"\"team\"\":\"\"ml\"\",\"\"model\"\":\"\"llama\"\"}\","
						+ "\"{\"\"InstanceType\"\":\"\"p4d.24xlarge\"\",\"\"CoreCount\"\":96}\",kept",
				"2024-03-01 00:00:00,2024-03-02 00:00:00,usage,0.5,USD,AWS,NULL,null,,\"\"\"a\"\": \"\"b\"\"\",,",
				"03/01/2024,03/02/2024,Tax,0.07,USD,AWS,,,,,,", "");
		Collected rows = read("quirks.csv", new StringReader(csv));
		assertThat(rows.rejected).isEmpty();
		assertThat(rows.accepted).hasSize(3);
		BillingRow first = rows.accepted.get(0);
		assertThat(first.provider()).isEqualTo("AWS");
		assertThat(first.billedCost()).isEqualByComparingTo("1.25");
		assertThat(first.tags()).containsEntry("team", "ml").containsEntry("model", "llama");
		assertThat(first.skuPriceDetails()).containsEntry("InstanceType", "p4d.24xlarge")
			.containsEntry("CoreCount", "96");
		BillingRow second = rows.accepted.get(1);
		assertThat(second.chargeCategory()).isEqualTo("Usage");
		assertThat(second.regionId()).isNull();
		assertThat(second.consumedQuantity()).isNull();
		assertThat(second.tags()).containsEntry("a", "b");
		assertThat(rows.accepted.get(2).chargePeriodStart()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
	}

	@Test
	void badCellsRejectTheirRowNamingRowAndColumn() {
		Collected rows = read("bad.csv", new StringReader("""
				ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,Tags
				2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,Usage,abc,
				yesterday,2024-03-01T01:00:00Z,Refund,1,{not json
				2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,Usage,,
				2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,Usage,2.5,
				"""));
		assertThat(rows.accepted).hasSize(1);
		assertThat(rows.rejected).extracting(RowError::row, RowError::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "BilledCost"),
					org.assertj.core.groups.Tuple.tuple(2L, "ChargeCategory"),
					org.assertj.core.groups.Tuple.tuple(2L, "ChargePeriodStart"),
					org.assertj.core.groups.Tuple.tuple(2L, "Tags"),
					org.assertj.core.groups.Tuple.tuple(3L, "BilledCost"));
		assertThat(rows.rejected.get(0).message()).isEqualTo("'abc' is not an amount");
		assertThat(rows.rejected.get(4).message()).isEqualTo("is empty");
	}

	@Test
	void aFileWithoutTheMandatoryColumnsIsRefusedNamingThem() {
		assertThatThrownBy(() -> read("other.csv", new StringReader("Something,Else\nx,1\n")))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageStartingWith("other.csv: not a FOCUS file, or an incomplete one: the mandatory columns"
					+ " ChargePeriodStart, ChargePeriodEnd, ChargeCategory, BilledCost are missing");
	}

	@Test
	void gzipIsRecognisedByContentAndATruncatedOneIsRefused() throws IOException {
		String csv = "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost\n"
				+ "2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,Usage,1.5\n".repeat(2000);
		byte[] gzip = gzip(csv);
		assertThat(read("bill.csv.gz", InputFiles.open(new ByteArrayInputStream(gzip))).accepted).hasSize(2000);

		byte[] truncated = Arrays.copyOf(gzip, gzip.length / 2);
		assertThatThrownBy(() -> read("bill.csv.gz", InputFiles.open(new ByteArrayInputStream(truncated))))
			.isInstanceOf(InvalidFileException.class)
			.hasMessageContaining("bill.csv.gz: the compressed data ends unexpectedly");
	}

	@Test
	void theVersionFollowsTheColumns() {
		assertThat(FocusReader.read("a",
				new StringReader("ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost\n"), new Collected()))
			.isEqualTo("1.0");
		assertThat(FocusReader.read("b",
				new StringReader("ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,ServiceSubcategory\n"),
				new Collected()))
			.isEqualTo("1.1");
		assertThat(FocusReader.read("c",
				new StringReader("ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,ServiceProviderName\n"),
				new Collected()))
			.isEqualTo("1.2");
	}

	/**
	 * The file's data rows, read with a plain CSV parser, independently of the FOCUS
	 * reader.
	 */
	private static List<CSVRecord> independentRows(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
		try (CSVParser parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(text))) {
			return parser.getRecords()
				.stream()
				.filter(record -> !(record.size() == 1 && record.get(0).isBlank()))
				.toList();
		}
	}

	private static BigDecimal independentBilledTotal(List<CSVRecord> records) {
		return records.stream()
			.map(record -> CellValues.money(record.get("BilledCost")))
			.filter(java.util.Objects::nonNull)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	@Test
	void rowsReadFromTheBytesAreTheRowsReadFromTheDecodedText() throws IOException {
		// repeated cells are parsed once when read from bytes (ParsedCells): good and bad
		// values, spaces and missing-value spellings repeat here in every column read
		java.util.SplittableRandom random = new java.util.SplittableRandom(11);
		String[] starts = { "2024-03-01T00:00:00Z", "2024-03-01 01:00:00", " 2024-03-02T00:00:00Z", "03/04/2024",
				"2024-13-01T00:00:00Z", "", "NULL" };
		String[] amounts = { "0.192000", "1.5", "-1.00", "$10,000.00", "(5.00)", "abc", "", "NaN", " 2.50 ", "1e3" };
		String[] tags = { "\"{\"\"team\"\":\"\"a\"\"}\"", "\"{\"\"team\"\":\"\"b\"\"}\"", "", "not json",
				"\"[{\"\"key\"\":\"\"k\"\",\"\"value\"\":\"\"v\"\"}]\"" };
		String[] categories = { "Usage", "usage", "Tax", "Credit", "Refund", "" };
		StringBuilder csv = new StringBuilder("ChargeCategory,ChargePeriodStart,ChargePeriodEnd,BilledCost,"
				+ "EffectiveCost,ConsumedQuantity,PricingQuantity,Tags,SkuPriceDetails,ProviderName,ChargeDescription\n");
		for (int row = 0; row < 5_000; row++) {
			String start = starts[random.nextInt(starts.length)];
			csv.append(categories[random.nextInt(categories.length)])
				.append(',')
				.append(start.contains(",") ? '"' + start + '"' : start)
				.append(",2024-03-05T00:00:00Z");
			for (int i = 0; i < 4; i++) {
				String amount = amounts[random.nextInt(amounts.length)];
				csv.append(',').append(amount.contains(",") ? '"' + amount + '"' : amount);
			}
			csv.append(',').append(tags[random.nextInt(tags.length)]);
			csv.append(',').append(tags[random.nextInt(tags.length)]);
			csv.append(",AWS,").append((random.nextInt(3) == 0) ? "Zürich r" + random.nextInt(3) : "").append('\n');
		}
		for (String text : java.util.List.of(csv.toString(), Files.readString(specExamples().findFirst().get()))) {
			Collected decoded = read("x.csv", new StringReader(text));
			Collected bytes = new Collected();
			try (org.greenledger.core.table.Table table = org.greenledger.core.table.CsvTable
				.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
				FocusReader.read("x.csv", table, bytes);
			}
			assertThat(bytes.accepted).isEqualTo(decoded.accepted).isNotEmpty();
			assertThat(bytes.rejected).isEqualTo(decoded.rejected);
			assertThat(bytes.rejectedRows).isEqualTo(decoded.rejectedRows);
			assertThat(bytes.rejectedBilled).isEqualTo(decoded.rejectedBilled);
		}
	}

	private static Collected read(String name, Reader reader) {
		Collected rows = new Collected();
		FocusReader.read(name, reader, rows);
		return rows;
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	static final class Collected implements BillingRowSink {

		final List<BillingRow> accepted = new ArrayList<>();

		final List<RowError> rejected = new ArrayList<>();

		final List<Long> rejectedRows = new ArrayList<>();

		BigDecimal rejectedBilled = BigDecimal.ZERO;

		@Override
		public void accept(BillingRow record) {
			this.accepted.add(record);
		}

		@Override
		public void reject(long row, List<RowError> errors, BigDecimal billedCost) {
			this.rejectedRows.add(row);
			this.rejected.addAll(errors);
			if (billedCost != null) {
				this.rejectedBilled = this.rejectedBilled.add(billedCost);
			}
		}

		BigDecimal acceptedBilled() {
			return this.accepted.stream().map(BillingRow::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

	}

}
