package org.greenledger.ingestion.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.ledger.ActivityLines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Real billing exports from public repositories (see {@code corpus/billing/SOURCES.md}),
 * each uploaded through the API as a user would: the format is recognised, every data row
 * is accounted for (usage, cost-only or rejected), and the billed cost GreenLedger booked
 * equals the file's own total, both as counted independently in
 * {@code corpus/billing/expected.csv}. Figures are read per job, so other tests' months
 * do not matter.
 */
@IntegrationTest
class BillingCorpusTests {

	/** Billed cost is kept as decimal: only rounding in the JSON answer may differ. */
	private static final double COST_TOLERANCE = 1e-6;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActivityLines lines;

	MeasuredUploads uploads;

	@BeforeEach
	void setUp() {
		this.uploads = new MeasuredUploads(new HttpTestClient(this.port));
	}

	/**
	 * One line of the manifest: the job's outcome and format label, or for a file refused
	 * whole the reason its message must give.
	 */
	record Expected(String file, String outcome, String format, long rows, BigDecimal billedCost) {

		@Override
		public String toString() {
			return this.file;
		}

	}

	static List<Expected> manifest() throws IOException {
		List<Expected> expected = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(resource("expected.csv"), StandardCharsets.UTF_8))) {
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					String[] cells = line.split(",");
					expected.add(new Expected(cells[0], cells[1], cells[2], Long.parseLong(cells[3]),
							new BigDecimal(cells[4])));
				}
			}
		}
		return expected;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifest")
	void everyFileIsRecognisedWithEveryRowAccountedForAndItsBilledCostReconciled(Expected expected) throws IOException {
		DocumentContext job = upload(expected.file());

		assertThat(job.read("$.status", String.class)).as(describe(job)).isEqualTo(expected.outcome());
		if (expected.outcome().equals("REJECTED")) {
			// refused whole, with the reason: nothing of it is stored
			assertThat(job.read("$.message", String.class)).as(describe(job)).contains(expected.format());
		}
		else {
			assertThat(job.read("$.format", String.class)).as(describe(job)).startsWith(expected.format());
		}
		long read = job.read("$.rowsRead", Long.class);
		assertThat(read).as(describe(job)).isEqualTo(expected.rows());
		assertThat(job.read("$.rowsAccepted", Long.class) + job.read("$.rowsCostOnly", Long.class)
				+ job.read("$.rowsRejected", Long.class))
			.as("usage + cost-only + rejected rows: " + describe(job))
			.isEqualTo(read);
		List<Map<String, Object>> costs = job.read("$.costs");
		BigDecimal billed = costs.stream()
			.map(cost -> new BigDecimal(String.valueOf(cost.get("billedTotal"))))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(billed.doubleValue()).as("billed cost: " + describe(job))
			.isCloseTo(expected.billedCost().doubleValue(), within(COST_TOLERANCE));
	}

	@Test
	void aRealFocusFilesInstanceHoursAreUsageBasedWithTheInstanceTypeFromTheChargeDescription() throws IOException {
		DocumentContext job = upload("focus-1.0/focus_sample.csv");
		UUID id = UUID.fromString(job.read("$.id"));
		// rows such as "$0.34 per On Demand Linux c5.2xlarge Instance Hour": FOCUS 1.0
		// has
		// no instance-type column
		List<String> tiers = this.jdbc.sql("""
				select a.source_row || ':' || a.quality || ':' || coalesce(a.vcpu_hours, 0) from activity_line a
				join activity_dimension d on d.id = a.dimension_id
				where a.job_id = ? and d.service = 'Amazon Elastic Compute Cloud' and d.charge_category = 'Usage'
				and a.vcpu_hours is not null""").param(id).query(String.class).list();
		assertThat(tiers).as("EC2 instance-hours with vCPU-hours").hasSizeGreaterThanOrEqualTo(20);
		assertThat(tiers).allMatch(line -> line.split(":")[1].equals("3"), "tier 3 (usage-based), not 4 (spend)");
		Long row = this.jdbc.sql("""
				select min(a.source_row) from activity_line a join activity_dimension d on d.id = a.dimension_id
				where a.job_id = ? and a.vcpu_hours = 8""").param(id).query(Long.class).single();
		assertThat(this.lines.line(id, row).orElseThrow().calculations())
			.as("the lineage says where the instance type was read")
			.anySatisfy(calculation -> assertThat(calculation.source()).contains("ChargeDescription"));
	}

	@Test
	void aRealFocusFilesEc2InstanceHoursCarryEmbodiedEmissionsWithTheirFactorInTheLineage() throws IOException {
		// the FOCUS 1.0 sample is a real anonymized AWS, Microsoft and Oracle export
		assertInstanceHoursCarryEmbodiedEmissions("focus-1.0/focus_sample.csv", 20);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "lambda-cost-reports_cur-part1of4.snappy.parquet, 186",
			"lambda-cost-reports_cur-part2of4.snappy.parquet, 168",
			"lambda-cost-reports_cur-part3of4.snappy.parquet, 176",
			"lambda-cost-reports_cur-part4of4.snappy.parquet, 156" })
	void aRealCurInParquetsEc2InstanceHoursCarryEmbodiedEmissionsWithTheirFactorInTheLineage(String file,
			int instanceHourRows) throws IOException {
		// June 2022 of a real AWS organisation, as AWS Billing writes it for Athena, in
		// four parts: 686 EC2 BoxUsage and SpotUsage rows of 68 instance types in all
		assertInstanceHoursCarryEmbodiedEmissions("aws-cur-parquet/" + file, instanceHourRows);
	}

	/**
	 * Every EC2 instance-hour line (usage with vCPU-hours) of a real bill is usage-based
	 * (tier 3), carries embodied CO2e, and its lineage lists the embodied factor it was
	 * calculated with.
	 */
	private void assertInstanceHoursCarryEmbodiedEmissions(String file, int atLeast) throws IOException {
		DocumentContext job = upload(file);
		UUID id = UUID.fromString(job.read("$.id"));
		List<InstanceHours> lines = this.jdbc.sql("""
				select a.source_row, a.quality, a.co2e_embodied_kg from activity_line a
				join activity_dimension d on d.id = a.dimension_id
				where a.job_id = ? and d.service = 'Amazon Elastic Compute Cloud' and d.charge_category = 'Usage'
				and a.vcpu_hours > 0 order by a.source_row""")
			.param(id)
			.query((rs, n) -> new InstanceHours(rs.getLong(1), rs.getInt(2), rs.getDouble(3)))
			.list();
		assertThat(lines).as(file + ": EC2 instance-hour lines").hasSizeGreaterThanOrEqualTo(atLeast);
		assertThat(lines).as(file + ": tier 3 (usage-based)").allMatch(line -> line.quality() == 3);
		assertThat(lines).as(file + ": embodied CO2e").allMatch(line -> line.embodiedKg() > 0);
		for (InstanceHours line : List.of(lines.get(0), lines.get(lines.size() - 1))) {
			assertThat(this.lines.line(id, line.row()).orElseThrow().calculations())
				.as(file + " row " + line.row() + ": the lineage lists the embodied factor")
				.anySatisfy(calculation -> assertThat(calculation.factors())
					.anySatisfy(factor -> assertThat(factor.get("kind")).hasToString("EMBODIED")));
		}
	}

	record InstanceHours(long row, int quality, double embodiedKg) {
	}

	@Test
	void dataTransferBilledUnderAComputeServiceIsNetworkTransfer() throws IOException {
		DocumentContext job = upload("focus-1.0/focus_sample.csv");
		UUID id = UUID.fromString(job.read("$.id"));
		// of the 386 EC2 rows in GB, only the 4 "Data Processed by NAT Gateways" rows are
		// not transfer (the same bytes are billed as transfer too): they are estimated
		// from their spend
		assertThat(this.jdbc
			.sql("""
					select count(*) from activity_line a join activity_dimension d on d.id = a.dimension_id
					where a.job_id = ? and d.cost_only_reason like 'no usage mapping for Amazon Elastic Compute Cloud in GB%'
					""")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from activity_line a join activity_dimension d on d.id = a.dimension_id
				where a.job_id = ? and d.service = 'Amazon Elastic Compute Cloud' and a.network_gb is not null
				""").param(id).query(Long.class).single()).as("EC2 rows in GB that are data transfer").isEqualTo(382);
	}

	@Test
	void s3StorageFromACurIsCountedWithS3sReplicationFactorAndTheLineageSaysSo() throws IOException {
		DocumentContext job = upload("aws-cur-legacy/sample-anonymous-aws-export-dataset.csv");
		UUID id = UUID.fromString(job.read("$.id"));
		Long row = this.jdbc.sql("""
				select min(a.source_row) from activity_line a join activity_dimension d on d.id = a.dimension_id
				where a.job_id = ? and d.service = 'Amazon Simple Storage Service' and a.storage_tb_hours is not null
				""").param(id).query(Long.class).single();
		assertThat(this.lines.line(id, row).orElseThrow().calculations()).singleElement().satisfies(calculation -> {
			assertThat(calculation.source()).startsWith("storage service aws:s3");
			assertThat(calculation.factors()).anySatisfy(factor -> {
				assertThat(factor).containsEntry("kind", "REPLICATION_FACTOR").containsEntry("key", "aws:s3");
				assertThat(((Number) factor.get("value")).doubleValue()).isCloseTo(3.0, within(1e-12));
			});
		});
	}

	@Test
	void aCurWithoutAnInstanceTypeColumnTakesTheTypeFromTheUsageType() throws IOException {
		DocumentContext job = upload("aws-cur2/sample_billing_data_v2.csv");
		UUID id = UUID.fromString(job.read("$.id"));
		// BoxUsage:t3.small, 2 vCPUs, one hour per row
		assertThat(this.jdbc.sql("""
				select sum(a.vcpu_hours) from activity_line a where a.job_id = ? and a.quality = 3""")
			.param(id)
			.query(Double.class)
			.single()).isGreaterThanOrEqualTo(2.0);
	}

	@Test
	void azureVirtualMachineHoursWithoutAServiceTypeTakeTheSizeFromTheMeter() throws IOException {
		// the anonymized EA export's AdditionalInfo is a placeholder: "DS4 v2 Spot", "L4s
		// Spot", "D3 v2/DS3 v2" in MeterName are the sizes
		DocumentContext job = upload("azure-ea/sample-anonymous-ea-export-dataset.csv");
		UUID id = UUID.fromString(job.read("$.id"));
		List<Long> rows = this.jdbc.sql("""
				select a.source_row from activity_line a join activity_dimension d on d.id = a.dimension_id
				where a.job_id = ? and d.service = 'Virtual Machines' and a.quality = 3 and a.vcpu_hours is not null
				order by 1""").param(id).query(Long.class).list();
		assertThat(rows).isNotEmpty();
		assertThat(this.lines.line(id, rows.get(0)).orElseThrow().calculations())
			.anySatisfy(calculation -> assertThat(calculation.source()).endsWith("from MeterName"));
	}

	@Test
	void anAzureExportWithGermanHeadersIsReadAsAzure() throws IOException {
		DocumentContext job = upload("azure-localized/opencost_German.csv");
		assertThat(job.read("$.status", String.class)).isEqualTo("COMPLETED");
		UUID id = UUID.fromString(job.read("$.id"));
		assertThat(this.jdbc.sql("""
				select d.provider || ' ' || d.region || ' ' || d.service from activity_line a
				join activity_dimension d on d.id = a.dimension_id where a.job_id = ?""")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("azure eastus Load Balancer");
	}

	private DocumentContext upload(String file) throws IOException {
		byte[] content;
		try (InputStream in = resource(file)) {
			content = in.readAllBytes();
		}
		// several corpus files cover the same account and month: each is kept, none
		// replaces another
		DocumentContext job = this.uploads.upload(file.substring(file.lastIndexOf('/') + 1), content,
				Map.of("overlap", "APPEND"));
		String original = job.read("$.duplicateOf", String.class);
		// the suite's database outlives a run: the same content is then answered by the
		// job that read it first
		return (original != null) ? this.uploads.getJson("/api/v1/ingestions/" + original) : job;
	}

	private static String describe(DocumentContext job) {
		return job.read("$.fileName") + ": " + job.read("$.status") + " " + job.read("$.format") + ", read "
				+ job.read("$.rowsRead") + " (usage " + job.read("$.rowsAccepted") + ", cost-only "
				+ job.read("$.rowsCostOnly") + ", rejected " + job.read("$.rowsRejected") + "), message "
				+ job.read("$.message") + ", costs " + job.read("$.costs") + ", first errors "
				+ job.read("$.errors[0:3]");
	}

	private static InputStream resource(String name) throws IOException {
		InputStream in = BillingCorpusTests.class.getResourceAsStream("/corpus/billing/" + name);
		if (in == null) {
			throw new IOException("no corpus file " + name);
		}
		return in;
	}

}
