package org.greenledger.ingestion.spark;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A real output of the GreenLedger Spark job (backend/spark, run on the FOCUS 1.0 sample
 * of the billing corpus; regenerated as docs/spark.md says) loaded through the API as one
 * job: the same accounting, billed cost and activity lines, row for row, as the upload of
 * the FOCUS sample itself. Figures are read per job, so other tests' months do not
 * matter; both jobs append, so neither replaces another test's lines.
 */
@IntegrationTest
class SparkOutputLoadTests {

	private static final Path OUTPUT = Path.of("src/test/resources/spark-output/focus-sample").toAbsolutePath();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	MeasuredUploads uploads;

	HttpTestClient http;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.uploads = new MeasuredUploads(this.http);
	}

	@Test
	void aSparkOutputLoadsAsOneJobWithTheAccountingAndLinesOfTheUploadedFileItself() throws IOException {
		// Both load with REPLACE, one after the other, and each job's lines are read
		// while they stand: the same month is loaded by other tests (connectors), and a
		// job whose rows a later REPLACE took over has no lines left (it loads again
		// instead of being a duplicate).
		DocumentContext spark = original(this.uploads.await(this.uploads
			.postJson("/api/v1/ingestions", "{\"sparkOutput\": \"" + OUTPUT + "\", \"overlap\": \"REPLACE\"}")
			.read("$.id", String.class)));
		List<Line> fromSpark = lines(UUID.fromString(spark.read("$.id")));
		DocumentContext upload = original(uploadFocusSample());
		List<Line> uploaded = lines(UUID.fromString(upload.read("$.id")));

		assertThat(spark.read("$.status", String.class)).as(spark.jsonString()).isEqualTo("COMPLETED");
		assertThat(spark.read("$.format", String.class)).isEqualTo("Spark output: FOCUS 1.0");
		for (String count : List.of("rowsRead", "rowsAccepted", "rowsCostOnly", "rowsRejected")) {
			assertThat(spark.read("$." + count, Long.class)).as(count).isEqualTo(upload.read("$." + count, Long.class));
		}
		assertThat(spark.read("$.rowsRead", Long.class)).isEqualTo(1000);
		assertThat(billed(spark)).isEqualByComparingTo(billed(upload)).isEqualByComparingTo("20.52022672899");
		assertThat(spark.read("$.notes[0].note", String.class))
			.isEqualTo("focus_sample.csv (FOCUS 1.0): its row n is row 0 + n of this job");

		// the output has one line per usage of a row (an instance's vCPU and memory,
		// ...): 1,031 for the sample's 1,000 rows; the job stores one line per row, as
		// the upload does
		assertThat(JsonPath.parse(OUTPUT.resolve("manifest.json").toFile()).read("$.totals.lines", Long.class))
			.isEqualTo(1031);
		assertThat(fromSpark).hasSize(uploaded.size()).hasSize(1000);
		for (int i = 0; i < uploaded.size(); i++) {
			Line expected = uploaded.get(i);
			Line actual = fromSpark.get(i);
			assertThat(actual.row()).isEqualTo(expected.row());
			assertThat(actual.billed()).isEqualByComparingTo(expected.billed());
			assertThat(actual.lineage()).as("row %d: the same factors, usage and method", expected.row())
				.isEqualTo(expected.lineage());
			assertThat(actual.quality()).isEqualTo(expected.quality());
			assertThat(actual.dimension()).isEqualTo(expected.dimension());
			assertThat(actual.facilityKwh()).isCloseTo(expected.facilityKwh(), within(1e-12));
			assertThat(actual.locationKg()).isCloseTo(expected.locationKg(), within(1e-12));
			assertThat(actual.embodiedKg()).isCloseTo(expected.embodiedKg(), within(1e-12));
			assertThat(actual.vcpuHours()).isCloseTo(expected.vcpuHours(), within(1e-12));
		}
	}

	@Test
	void aLocationOutsideTheConfiguredOutputRootsIsRefused() {
		for (String location : List.of("/etc", OUTPUT + "/../../../../../pom.xml", "relative/output")) {
			var response = this.http.post("/api/v1/ingestions", "application/json",
					"{\"sparkOutput\": \"" + location + "\"}", MeasuredUploads.admin());

			assertThat(response.statusCode()).as(location).isEqualTo(422);
			assertThat(JsonPath.parse(response.body()).read("$.detail", String.class)).as(location)
				.containsAnyOf("outside the configured output roots", "must be an absolute path");
		}
	}

	private DocumentContext uploadFocusSample() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/corpus/billing/focus-1.0/focus_sample.csv")) {
			return this.uploads.upload("focus_sample.csv", in.readAllBytes(), Map.of("overlap", "REPLACE"));
		}
	}

	/**
	 * The job, or the one that first read the same content (the database outlives a run).
	 */
	private DocumentContext original(DocumentContext job) {
		String original = job.read("$.duplicateOf", String.class);
		return (original != null) ? this.uploads.getJson("/api/v1/ingestions/" + original) : job;
	}

	private static BigDecimal billed(DocumentContext job) {
		List<Map<String, Object>> costs = job.read("$.costs");
		return costs.stream()
			.map(cost -> new BigDecimal(String.valueOf(cost.get("billedTotal"))))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	record Line(long row, BigDecimal billed, Long lineage, Integer quality, long dimension, double facilityKwh,
			double locationKg, double embodiedKg, double vcpuHours) {
	}

	private List<Line> lines(UUID job) {
		return this.jdbc.sql("""
				select source_row, billed_cost, lineage_id, quality, dimension_id, coalesce(facility_kwh, 0),
				coalesce(co2e_location_kg, 0), coalesce(co2e_embodied_kg, 0), coalesce(vcpu_hours, 0)
				from activity_line where job_id = ? order by source_row""")
			.param(job)
			.query((rs, n) -> new Line(rs.getLong(1), rs.getBigDecimal(2), (Long) rs.getObject(3),
					(Integer) rs.getObject(4), rs.getLong(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8),
					rs.getDouble(9)))
			.list();
	}

}
