package org.greenledger.connectors;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real output of the GreenLedger Spark job (the committed one, made from the FOCUS 1.0
 * sample) under an S3 connector's prefix on S3Proxy: the output is ONE delivery loaded as
 * one job with the accounting of its manifest and the same lines, row for row, as the
 * same output loaded from a directory; its parts are not collected as billing files, and
 * a second run collects nothing.
 */
@IntegrationTest
class SparkOutputConnectorTests {

	private static final Path OUTPUT = Path.of("src/test/resources/spark-output/focus-sample").toAbsolutePath();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSparkOutputUnderThePrefixIsOneDeliveryLoadedAsOneJob() throws IOException {
		HttpTestClient http = new HttpTestClient(this.port);
		ConnectorClient connectors = new ConnectorClient(http);
		S3ProxyServer server = S3ProxyServer.get();
		S3Client s3 = server.client();
		String bucket = "gl-" + UUID.randomUUID().toString().substring(0, 13);
		s3.createBucket(request -> request.bucket(bucket));
		List<Path> files;
		try (Stream<Path> walk = Files.walk(OUTPUT)) {
			files = walk.filter(Files::isRegularFile).toList();
		}
		for (Path file : files) {
			S3ProxyServer.put(s3, bucket, "spark/2024-09/" + OUTPUT.relativize(file).toString().replace('\\', '/'),
					Files.readAllBytes(file));
		}
		String id = connectors.create(ConnectorClient.s3(server, bucket, "spark/"));

		DocumentContext run = connectors.sync(id);

		assertThat(run.read("$.status", String.class)).as(run.jsonString()).isEqualTo("COMPLETED");
		assertThat(run.read("$.objectsSeen", Integer.class)).isEqualTo(files.size()).isEqualTo(3);
		List<String> jobs = run.read("$.jobs");
		assertThat(jobs).as("one job for the whole output; its parts are not billing files").hasSize(1);
		DocumentContext spark = connectors.job(jobs.get(0));
		assertThat(spark.read("$.status", String.class)).as(spark.jsonString()).isEqualTo("COMPLETED");
		assertThat(spark.read("$.format", String.class)).isEqualTo("Spark output: FOCUS 1.0");
		assertThat(spark.read("$.overlap", String.class)).isEqualTo("REPLACE");
		assertThat(spark.read("$.rowsRead", Long.class)).isEqualTo(1000);
		assertThat(spark.read("$.rowsAccepted", Long.class) + spark.read("$.rowsCostOnly", Long.class)).isEqualTo(1000);
		List<Map<String, Object>> costs = spark.read("$.costs");
		assertThat(costs.stream()
			.map(cost -> new BigDecimal(String.valueOf(cost.get("billedTotal"))))
			.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("20.52022672899");
		assertThat(spark.read("$.notes[0].note", String.class))
			.isEqualTo("focus_sample.csv (FOCUS 1.0): its row n is row 0 + n of this job");

		// the same output loaded from the local directory gives the same lines; sent with
		// REPLACE, it is loaded again also when an earlier load of it (another test's)
		// was replaced by the connector's job, which it replaces in turn
		List<Line> loadedByTheConnector = lines(UUID.fromString(spark.read("$.id")));
		assertThat(loadedByTheConnector).hasSize(1000);
		DocumentContext local = new MeasuredUploads(http).postJson("/api/v1/ingestions",
				"{\"sparkOutput\": \"" + OUTPUT + "\", \"overlap\": \"REPLACE\"}");
		local = new MeasuredUploads(http).await(local.read("$.id", String.class));
		assertThat(local.read("$.duplicateOf", String.class)).as(local.jsonString()).isNull();
		assertThat(lines(UUID.fromString(local.read("$.id")))).isEqualTo(loadedByTheConnector);

		DocumentContext again = connectors.sync(id);
		assertThat(again.read("$.objectsNew", Integer.class)).isZero();
		assertThat(again.read("$.jobs", List.class)).isEmpty();
	}

	record Line(long row, BigDecimal billed, Long lineage, Integer quality, double facilityKwh, double locationKg) {
	}

	private List<Line> lines(UUID job) {
		return this.jdbc.sql("""
				select source_row, billed_cost, lineage_id, quality, coalesce(facility_kwh, 0),
				coalesce(co2e_location_kg, 0) from activity_line where job_id = ? order by source_row""")
			.param(job)
			.query((rs, n) -> new Line(rs.getLong(1), rs.getBigDecimal(2).stripTrailingZeros(), (Long) rs.getObject(3),
					(Integer) rs.getObject(4), rs.getDouble(5), rs.getDouble(6)))
			.list();
	}

}
