package org.greenledger.spark;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Usage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Spark job on the whole real-world billing corpus of the application's tests (plus a
 * truncated gzip and a file of no billing format), run once: its activity lines equal the
 * single-process chain's line for line, and its manifest's counts and billed totals are
 * the ones counted independently of GreenLedger ({@code expected.csv}).
 */
@SuppressWarnings("unchecked")
class BillingJobTests {

	@TempDir
	static Path work;

	static Path output;

	static Map<String, Object> manifest;

	static Map<String, Map<String, Object>> files;

	/** Every activity line written, read back once. */
	static List<Row> written;

	/** The large CSV files of the corpus read again in splits of 64 KiB. */
	static Map<String, Object> splitManifest;

	static List<Row> splitWritten;

	static final List<String> SPLIT = List.of("focus-1.0/focus_sample.csv",
			"aws-cur-legacy/sample-anonymous-aws-export-dataset.csv", "oci/reports_cost-csv_0000000030000269.csv");

	@BeforeAll
	static void runTheJobOnTheCorpus() throws IOException {
		Path bad = Files.createDirectories(work.resolve("bad"));
		byte[] gzip = Files.readAllBytes(LocalSpark.CORPUS.resolve("focus-1.0/focus_sample.csv.gz"));
		Files.write(bad.resolve("truncated.csv.gz"), java.util.Arrays.copyOf(gzip, gzip.length / 2));
		Files.writeString(bad.resolve("notes.csv"), "name,colour\nwidget,green\n");
		output = work.resolve("out");
		BillingJob.Result result = new BillingJob(LocalSpark.session()).run(JobArguments.parse("--output",
				output.toUri().toString(), LocalSpark.CORPUS.toUri().toString(), bad.toUri().toString()));
		manifest = result.manifest();
		written = LocalSpark.session().read().parquet(output.resolve("lines").toString()).collectAsList();
		files = ((List<?>) manifest.get("files")).stream()
			.map(each -> (Map<String, Object>) each)
			.collect(Collectors.toMap(each -> (String) each.get("file"), each -> each));
		Path splitOutput = work.resolve("split");
		List<String> arguments = new java.util.ArrayList<>(
				List.of("--output", splitOutput.toUri().toString(), "--split-size", "64k"));
		SPLIT.forEach(name -> arguments.add(LocalSpark.CORPUS.resolve(name).toUri().toString()));
		splitManifest = new BillingJob(LocalSpark.session()).run(JobArguments.parse(arguments.toArray(String[]::new)))
			.manifest();
		splitWritten = LocalSpark.session().read().parquet(splitOutput.resolve("lines").toString()).collectAsList();
	}

	@Test
	void aLargeCsvFileReadInSplitsHasTheLinesRowNumbersAndAccountingOfOneTask() {
		// 755 and 1,039 kB in splits of 64 kB: 12 and 16 tasks; the refused file read
		// again whole
		assertThat(((List<?>) splitManifest.get("files")).stream()
			.map(each -> ((Number) ((Map<?, ?>) each).get("splits")).intValue())).containsExactly(12, 1, 16);
		for (String name : SPLIT) {
			String fileName = name.substring(name.indexOf('/') + 1);
			List<String> inSplits = splitWritten.stream()
				.filter(row -> fileName.equals(row.getAs("source_file")))
				.map(BillingJobTests::withoutFile)
				.sorted()
				.toList();
			List<String> inOneTask = lines(name).stream().map(BillingJobTests::withoutFile).sorted().toList();
			assertThat(inSplits).as(name).containsExactlyElementsOf(inOneTask);
			Map<String, Object> split = ((List<?>) splitManifest.get("files")).stream()
				.map(each -> new java.util.LinkedHashMap<>((Map<String, Object>) each))
				.filter(each -> each.get("file").equals(fileName))
				.findFirst()
				.orElseThrow();
			Map<String, Object> whole = new java.util.LinkedHashMap<>(files.get(name));
			for (String notCompared : List.of("file", "uri", "splits")) {
				split.remove(notCompared);
				whole.remove(notCompared);
			}
			if (whole.get("error") != null) {
				// the refused OCI report: the reason names the file as the input named it
				whole.put("error", ((String) whole.get("error")).replace(name, fileName));
			}
			assertThat(split).as(name).isEqualTo(whole);
		}
		assertThat(inFocus(splitWritten)).isEqualTo(inFocus(written)).isEqualTo(1031);
	}

	@Test
	void theRollupsAreTheSumsOfTheLinesWrittenAsSparkAddsThemUp() {
		List<String> key = List.of("month", "provider", "account_id", "region", "service", "charge_category",
				"currency", "kind", "scope");
		List<String> impacts = List.of("it_kwh", "facility_kwh", "co2e_location_kg", "co2e_market_kg",
				"co2e_embodied_kg", "water_onsite_l", "water_offsite_l");
		Dataset<Row> lines = LocalSpark.session().read().parquet(output.resolve("lines").toString());
		List<Column> sums = new java.util.ArrayList<>(
				List.of(sum(col("billed_cost").cast(DataTypes.createDecimalType(38, 12))).as("billed_cost"),
						count(col("line")).as("lines"), sum(when(col("line").equalTo(0), 1).otherwise(0)).as("rows")));
		impacts.forEach(name -> sums.add(sum(col(name)).as(name)));
		Map<String, Row> expected = lines.withColumn("month", substring(col("period_start"), 1, 7))
			.groupBy(key.stream().map(name -> col(name)).toArray(Column[]::new))
			.agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new))
			.collectAsList()
			.stream()
			.collect(Collectors.toMap(
					row -> key.stream().map(name -> String.valueOf(row.<Object>getAs(name))).toList().toString(),
					row -> row));
		List<Row> rollups = LocalSpark.session()
			.read()
			.parquet(output.resolve("rollups/monthly").toString())
			.collectAsList();

		assertThat(rollups).hasSize(expected.size()).hasSizeGreaterThan(10);
		for (Row rollup : rollups) {
			Row sum = expected
				.get(key.stream().map(name -> String.valueOf(rollup.<Object>getAs(name))).toList().toString());
			assertThat(sum).as(rollup.toString()).isNotNull();
			assertThat(rollup.<BigDecimal>getAs("billed_cost"))
				.isEqualByComparingTo(sum.<BigDecimal>getAs("billed_cost"));
			assertThat(rollup.<Long>getAs("lines")).isEqualTo(sum.<Long>getAs("lines"));
			assertThat(rollup.<Long>getAs("rows")).isEqualTo(sum.<Long>getAs("rows"));
			for (String impact : impacts) {
				Double expectedSum = sum.getAs(impact);
				if (expectedSum == null) {
					assertThat(rollup.<Double>getAs(impact)).as(impact).isNull();
				}
				else {
					assertThat(rollup.<Double>getAs(impact)).as(impact)
						.isCloseTo(expectedSum, within(1e-9 * Math.max(1, Math.abs(expectedSum))));
				}
			}
		}
	}

	private static long inFocus(List<Row> lines) {
		return lines.stream().filter(row -> row.<String>getAs("source_file").endsWith("focus_sample.csv")).count();
	}

	private static String withoutFile(Row line) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < line.length(); i++) {
			if (!"source_file".equals(line.schema().fields()[i].name())) {
				text.append(line.get(i)).append('|');
			}
		}
		return text.toString();
	}

	@Test
	void everyFileOfTheCorpusHasTheRowsAndBilledCostCountedIndependently() throws IOException {
		List<String> expected = Files.readAllLines(LocalSpark.CORPUS.resolve("expected.csv"));
		for (String line : expected.subList(1, expected.size())) {
			String[] cells = line.split(",");
			Map<String, Object> file = files.get(cells[0]);
			assertThat(file).as(cells[0]).isNotNull();
			if (cells[1].equals("COMPLETED") || cells[2].equals("rows were rejected")) {
				assertThat(file.get("status")).as(cells[0]).isEqualTo("READ");
				assertThat(((Number) file.get("rowsRead")).longValue()).as(cells[0])
					.isEqualTo(Long.parseLong(cells[3]));
				assertThat(billedTotal(file).doubleValue()).as(cells[0])
					.isCloseTo(Double.parseDouble(cells[4]), within(1e-6));
			}
			else {
				assertThat(file.get("status")).as(cells[0]).isEqualTo("REFUSED");
				assertThat((String) file.get("error")).as(cells[0]).startsWith(cells[0] + ": ").contains(cells[2]);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "focus-1.0/focus_sample.csv",
			"aws-cur-parquet/lambda-cost-reports_cur-part1of4.snappy.parquet",
			"aws-cur-legacy/sample-anonymous-aws-export-dataset.csv.gz", "aws-cur2/sample_billing_data_v2.csv" })
	void theActivityLinesEqualTheSingleProcessChainsLineForLine(String name) throws IOException {
		SingleProcessLines reference = SingleProcessLines.read(LocalSpark.CORPUS.resolve(name),
				Files.createDirectories(work.resolve("reference")));
		List<Row> lines = lines(name);

		assertThat(lines).hasSize(reference.lines.size()).isNotEmpty();
		for (Row line : lines) {
			SingleProcessLines.Line expected = reference.lines
				.get(SingleProcessLines.key(line.getAs("source_row"), line.<Integer>getAs("line")));
			assertThat(expected).as("row %s line %s", line.getAs("source_row"), line.getAs("line")).isNotNull();
			assertThat(new BigDecimal(line.<String>getAs("billed_cost")))
				.isEqualByComparingTo(expected.line().billedCost());
			assertThat(line.<String>getAs("period_start")).isEqualTo(expected.line().periodStart().toString());
			assertThat(line.<String>getAs("cost_only_reason")).isEqualTo(expected.line().costOnlyReason());
			assertThat(line.<String>getAs("usage_type")).isEqualTo(Usage.typeName(expected.line().usage()));
			ImpactLine impact = expected.impact();
			if (impact == null) {
				assertThat(line.<String>getAs("kind")).isEqualTo("COST_ONLY");
				assertThat(line.<Object>getAs("facility_kwh")).isNull();
				continue;
			}
			assertThat(line.<Double>getAs("quantity")).isCloseTo(LineRecords.quantity(expected.line().usage()),
					within(1e-12));
			assertThat(line.<Double>getAs("it_kwh")).isCloseTo(impact.itEnergy().kilowattHours(), within(1e-12));
			assertThat(line.<Double>getAs("facility_kwh")).isCloseTo(impact.facilityEnergy().kilowattHours(),
					within(1e-12));
			assertThat(line.<Double>getAs("co2e_location_kg")).isCloseTo(impact.locationBased().kilograms(),
					within(1e-12));
			assertThat(line.<Double>getAs("co2e_market_kg")).isCloseTo(impact.marketBased().kilograms(), within(1e-12));
			assertThat(line.<Double>getAs("co2e_embodied_kg")).isCloseTo(impact.embodied().kilograms(), within(1e-12));
			assertThat(line.<Double>getAs("water_offsite_l")).isCloseTo(impact.waterOffSite().liters(), within(1e-12));
			assertThat(factorList(manifest, line.getAs("factor_list")).stream().map(BillingJobTests::id))
				.containsExactlyElementsOf(impact.factors().stream().map(BillingJobTests::id).toList());
		}
		Map<String, Object> file = files.get(name);
		assertThat(((Number) file.get("lines")).longValue()).isEqualTo(reference.lines.size());
		assertThat(((Number) file.get("rowsRejected")).longValue()).isEqualTo(reference.rejected);
	}

	@Test
	void theBilledCostOfTheLinesAndRejectedRowsReconcilesWithTheManifest() {
		Map<String, BigDecimal> inLines = written.stream()
			.filter(row -> row.<Integer>getAs("line") == 0)
			.collect(Collectors.groupingBy(row -> row.<String>getAs("source_file"), Collectors.reducing(BigDecimal.ZERO,
					row -> new BigDecimal(row.<String>getAs("billed_cost")), BigDecimal::add)));
		for (Map<String, Object> file : files.values()) {
			BigDecimal usageAndCostOnly = ((List<?>) file.get("costs")).stream()
				.map(each -> (Map<?, ?>) each)
				.map(cost -> new BigDecimal((String) cost.get("billedInUsageRows"))
					.add(new BigDecimal((String) cost.get("billedInCostOnlyRows"))))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(inLines.getOrDefault((String) file.get("file"), BigDecimal.ZERO)).as((String) file.get("file"))
				.isEqualByComparingTo(usageAndCostOnly);
		}
		Map<?, ?> totals = (Map<?, ?>) manifest.get("totals");
		long read = files.values().stream().mapToLong(file -> ((Number) file.get("rowsRead")).longValue()).sum();
		assertThat(((Number) totals.get("rowsRead")).longValue()).isEqualTo(read);
		assertThat(((Number) totals.get("rowsAccepted")).longValue() + ((Number) totals.get("rowsCostOnly")).longValue()
				+ ((Number) totals.get("rowsRejected")).longValue())
			.isEqualTo(read);
		assertThat((long) written.size()).isEqualTo(((Number) totals.get("lines")).longValue());
	}

	@Test
	void aFileThatCannotBeReadIsRefusedWithItsReasonAndLeavesNoLines() {
		Map<String, Object> truncated = files.get("truncated.csv.gz");
		assertThat(truncated.get("status")).isEqualTo("REFUSED");
		// rows up to the break were read and calculated, and their lines dropped
		assertThat((String) truncated.get("error")).matches("truncated.csv.gz: the compressed data ends"
				+ " unexpectedly after row \\d+ \\(truncated gzip\\?\\); nothing of the file was used");
		Map<String, Object> notes = files.get("notes.csv");
		assertThat((String) notes.get("error")).startsWith("notes.csv: not a billing export GreenLedger reads");
		assertThat(lines("truncated.csv.gz")).isEmpty();
		assertThat(lines("notes.csv")).isEmpty();
		List<Map<String, Object>> rejected = (List<Map<String, Object>>) manifest.get("rejectedRows");
		assertThat(rejected).filteredOn(row -> row.get("file").equals("truncated.csv.gz"))
			.singleElement()
			.satisfies(row -> {
				assertThat(row.get("row")).isEqualTo(0L);
				assertThat(row.get("column")).isEqualTo("(file)");
				assertThat(row.get("reason")).isEqualTo(truncated.get("error"));
			});
		assertThat(rejected)
			.allSatisfy(row -> assertThat((String) row.get("reason")).doesNotContain("Exception", "\tat "));
		// a rejected row of a file that is read: its file, row, column and reason
		assertThat(rejected).filteredOn(row -> row.get("file").equals("azure-payg/opencost_BOM.csv"))
			.isNotEmpty()
			.allSatisfy(row -> assertThat(((Number) row.get("row")).longValue()).isPositive());
	}

	private static List<Row> lines(String file) {
		return written.stream().filter(row -> file.equals(row.getAs("source_file"))).toList();
	}

	/** A factor list the manifest holds, by the id a line references it with. */
	static List<FactorReference> factorList(Map<?, ?> manifest, String id) {
		Map<?, ?> factors = (Map<?, ?>) manifest.get("factors");
		List<?> ids = (List<?>) ((Map<?, ?>) manifest.get("factorLists")).get(id);
		assertThat(ids).as("factor list %s", id).isNotNull();
		return ids.stream()
			.map(factor -> LineRecords.JSON.convertValue(factors.get(factor), FactorReference.class))
			.toList();
	}

	private static BigDecimal billedTotal(Map<String, Object> file) {
		return ((List<?>) file.get("costs")).stream()
			.map(each -> new BigDecimal((String) ((Map<?, ?>) each).get("billedTotal")))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static String id(FactorReference factor) {
		return factor.kind() + ":" + factor.key() + "@" + factor.dataset() + "/" + factor.version() + "="
				+ factor.value();
	}

}
