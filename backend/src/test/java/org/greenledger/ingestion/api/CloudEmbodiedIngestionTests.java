package org.greenledger.ingestion.api;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A CUR's compute rows get embodied emissions: each instance-hour its share of the host
 * server (CCF), a GPU instance also its GPUs by model, with the factors in the lineage.
 */
@IntegrationTest
class CloudEmbodiedIngestionTests {

	private static final double LIFE_HOURS = 4 * 8760;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HttpTestClient http;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void theComputeRowsOfACurHaveEmbodiedEmissionsWithTheirHostInTheLineage() throws IOException {
		String text = Files.readString(Path.of("src/test/resources/fixtures/aws-cur/cur-legacy.csv"));
		byte[] content = text.replaceFirst("li-0001", "li-0001-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = this.http.postMultipart("/api/v1/ingestions", "cur-legacy.csv", content,
				Map.of(), Jobs.admin());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		DocumentContext job = Jobs.await(this.http, JsonPath.read(response.body(), "$.id"));
		assertThat(job.read("$.status", String.class)).isEqualTo("COMPLETED");
		UUID id = UUID.fromString(job.read("$.id"));

		// row 1: m5.xlarge, 1 h: 1610.79 kg x 4/96 / 35,040 h
		assertThat(embodied(id, 1)).isCloseTo(1610.79 * 4 / 96 / LIFE_HOURS, within(1e-9));
		// row 19: t3.micro, 0.5 h
		assertThat(embodied(id, 19)).isPositive();
		// row 3: p4d.24xlarge, 1 h: host without GPUs + 8 A100-40GB at 127.6 kg each
		assertThat(embodied(id, 3)).isCloseTo((4676.79 - 1200 + 8 * 127.6) / LIFE_HOURS, within(1e-9));
		assertThat(lineage(id, 1)).contains("HOST:aws:m5.xlarge", "ccf-embodied-instances", "CLOUD_SERVER");
		assertThat(lineage(id, 3)).contains("HOST:aws:p4d.24xlarge", "HOST_GPUS:aws:p4d.24xlarge", "GPU:A100-40GB",
				"EMBODIED_HIGH", "ai-hardware-embodied");
		assertThat(this.jdbc.sql("""
				select count(*) from activity_line where job_id = ? and vcpu_hours > 0
				and (co2e_embodied_kg is null or co2e_embodied_kg <= 0)""").param(id).query(Integer.class).single())
			.as("every instance-hour row has embodied emissions")
			.isZero();
	}

	private double embodied(UUID job, int row) {
		return this.jdbc.sql("select co2e_embodied_kg from activity_line where job_id = ? and source_row = ?")
			.params(job, row)
			.query(Double.class)
			.single();
	}

	private String lineage(UUID job, int row) {
		return this.jdbc.sql("""
				select l.lines::text from calculation_lineage l
				join activity_line a on a.lineage_id = l.id where a.job_id = ? and a.source_row = ?""")
			.params(job, row)
			.query(String.class)
			.single();
	}

}
