package org.greenledger.ingestion.api;

import java.net.http.HttpResponse;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.ingestion.IngestionJobs;
import org.greenledger.ingestion.web.DataSourceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed job is queued again through the API, once, audited (which roles may is checked
 * by the role matrix test).
 */
@IntegrationTest
class IngestionRetryApiTests {

	@LocalServerPort
	int port;

	@Autowired
	IngestionJobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFailedJobIsRetriedOnceAndAudited() {
		HttpTestClient http = new HttpTestClient(this.port);
		UUID id = DataSourceFixtures.failedJob(this.jobs, this.jdbc, "failed-" + UUID.randomUUID() + ".csv",
				DataSourceFixtures.focus(UUID.randomUUID().toString(), 2, 0));
		String path = "/api/v1/ingestions/" + id + "/retry";

		HttpResponse<String> retried = http.post(path, "application/json", "", Jobs.admin());
		assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
		assertThat(JsonPath.parse(retried.body()).read("$.status", String.class)).isIn("QUEUED", "RUNNING",
				"COMPLETED");
		DocumentContext done = Jobs.await(http, id.toString());
		assertThat(done.read("$.status", String.class)).as(done.jsonString()).isEqualTo("COMPLETED");
		assertThat(done.read("$.rowsAccepted", Long.class)).isEqualTo(2);
		assertThat(this.jdbc.sql("select actor from audit_event where action = 'INGESTION_JOB_RETRIED' and subject = ?")
			.param("ingestion job " + id)
			.query(String.class)
			.single()).isEqualTo("admin");

		HttpResponse<String> again = http.post(path, "application/json", "", Jobs.admin());
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(JsonPath.parse(again.body()).read("$.detail", String.class))
			.isEqualTo("Only a failed job can be retried; this one is COMPLETED.");
		assertThat(http.post("/api/v1/ingestions/" + UUID.randomUUID() + "/retry", "application/json", "", Jobs.admin())
			.statusCode()).isEqualTo(404);
	}

}
