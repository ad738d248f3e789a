package org.greenledger.disclosure;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GHG inventory and ESRS documents of 2022, from a real AWS CUR (June 2022) that
 * covers only some of its months, say which source covers which months, and show the
 * other months as "no data" instead of zero.
 */
@IntegrationTest
class CoverageInDocumentsTests {

	@LocalServerPort
	int port;

	@Test
	void theInventoryAndEsrsDocumentsHaveACoverageSectionAndNoZeroMonths() throws IOException {
		HttpTestClient http = new HttpTestClient(this.port);
		MeasuredUploads api = new MeasuredUploads(http);
		for (int part = 1; part <= 4; part++) {
			String name = "lambda-cost-reports_cur-part" + part + "of4.snappy.parquet";
			try (InputStream in = getClass().getResourceAsStream("/corpus/billing/aws-cur-parquet/" + name)) {
				DocumentContext job = api.upload(name, in.readAllBytes(), Map.of("overlap", "APPEND"));
				// the suite's database outlives a run: the same content is then answered
				// by
				// the job that read it first
				String original = job.read("$.duplicateOf", String.class);
				if (original != null) {
					job = api.getJson("/api/v1/ingestions/" + original);
				}
				assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
			}
		}
		String ghg = html(http, api, "GHG_INVENTORY");
		assertThat(ghg).contains("Data coverage")
			.contains("Months with data per source")
			.contains("Months without data from any source: ")
			.contains("no data");
		assertThat(ghg.substring(ghg.indexOf("Data coverage"))).contains("aws, account ");
		assertThat(html(http, api, "ESRS")).contains("Data coverage").contains("Months with data per source");
	}

	private static String html(HttpTestClient http, MeasuredUploads api, String type) {
		String id = api.postJson("/api/v1/reports", """
				{"type": "%s", "from": "2022-01-01", "to": "2022-12-31"}""".formatted(type)).read("$.id", String.class);
		HttpResponse<byte[]> response = http.getBytes("/api/v1/reports/" + id + "/content?format=html",
				MeasuredUploads.admin());
		assertThat(response.statusCode()).isEqualTo(200);
		return new String(response.body(), StandardCharsets.UTF_8);
	}

}
