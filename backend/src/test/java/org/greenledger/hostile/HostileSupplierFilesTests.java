package org.greenledger.hostile;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every hostile supplier file of the generated corpus ({@link HostileSupplierFiles}): a
 * PACT document or Excel questionnaire is refused with 422 and a reason in our words
 * (naming the field or cell where there is one), nothing of it is stored, and the server
 * stays healthy.
 */
@IntegrationTest
class HostileSupplierFilesTests {

	@LocalServerPort
	int port;

	private String supplier;

	@TestFactory
	Stream<DynamicTest> everyHostileSupplierFileIsRefusedAsItsCaseSays() {
		List<HostileSupplierFiles.Case> corpus = HostileSupplierFiles.corpus();
		return corpus.stream().map(each -> DynamicTest.dynamicTest(each.name(), () -> check(each)));
	}

	private void check(HostileSupplierFiles.Case each) {
		HttpTestClient http = new HttpTestClient(this.port);
		String supplier = supplier(http);
		String path = "/api/v1/procurement/suppliers/" + supplier + "/" + each.kind();
		var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", MeasuredUploads.admin()[1])
			.header("Content-Type", "pact".equals(each.kind()) ? "application/json" : "application/octet-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(each.content()))
			.build());
		String what = each.name() + ": " + response.body();
		assertThat(response.statusCode()).as(what).isEqualTo(each.status());
		assertThat(response.body()).as(what)
			.containsPattern(each.message())
			.doesNotContainPattern(
					"Exception|java\\.|tools\\.jackson|org\\.apache|XMLBeans|xerces|StreamReadConstraints|Quote reference");
		DocumentContext stored = JsonPath
			.parse(http.get("/api/v1/procurement/suppliers/" + supplier, MeasuredUploads.admin()).body());
		assertThat(stored.read("$.disclosures", List.class)).as(what).isEmpty();
		assertThat(stored.read("$.productFootprints", List.class)).as(what).isEmpty();
		assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
	}

	private String supplier(HttpTestClient http) {
		if (this.supplier == null) {
			var created = http.post("/api/v1/procurement/suppliers", "application/json", """
					{"name": "Hostile %s", "type": "CLOUD_PROVIDER", "website": "https://example.com"}"""
				.formatted(UUID.randomUUID()), MeasuredUploads.admin());
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			this.supplier = JsonPath.parse(created.body()).read("$.id", String.class);
		}
		return this.supplier;
	}

}
