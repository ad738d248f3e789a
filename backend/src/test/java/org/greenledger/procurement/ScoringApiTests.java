package org.greenledger.procurement;

import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The stateless scoring API: breakdown, stored methodology versions, roles. */
@IntegrationTest
class ScoringApiTests {

	@LocalServerPort
	int port;

	HttpTestClient http;

	MeasuredUploads api;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.api = new MeasuredUploads(this.http);
	}

	@Test
	void aProfileIsScoredWithItsBreakdownAndAMachineClientMayAsk() {
		String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
		this.api.postJson("/api/v1/users", """
				{"username": "%s", "password": "client-password-1", "roles": ["API_CLIENT"]}""".formatted(client));
		var response = this.http.post("/api/v1/procurement/score", "application/json", """
				{"profile": {"facility.pue": 1.55, "targets.sbti": "validated", "embodied.pcf_available": true},
				 "evidence": {"facility.pue": "report 2025"}}""", HttpTestClient.basic(client, "client-password-1"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		DocumentContext score = JsonPath.parse(response.body());
		assertThat(score.read("$.methodology", String.class)).isEqualTo("greenledger-default");
		assertThat(score.read("$.methodologyVersion", Integer.class)).isEqualTo(1);
		// 5 (PUE half-way) + 10 (validated target) + 5 (PCF available)
		assertThat(score.read("$.score", Double.class)).isCloseTo(20, within(1e-9));
		assertThat(score.read("$.missing", Integer.class)).isEqualTo(12);
		assertThat(score.read("$.criteria[?(@.key == 'facility.pue')].evidence", java.util.List.class))
			.containsExactly("report 2025");
		assertThat(this.api.getJson("/api/v1/procurement/methodologies").read("$[0].criteria.length()", Integer.class))
			.isEqualTo(15);
	}

	@Test
	void anUnknownMethodologyVersionIs404AndABadValueIs422() {
		assertThat(this.http
			.post("/api/v1/procurement/score", "application/json", "{\"methodologyVersion\": 99, \"profile\": {}}",
					MeasuredUploads.admin())
			.statusCode()).isEqualTo(404);
		var bad = this.http.post("/api/v1/procurement/score", "application/json",
				"{\"profile\": {\"facility.pue\": [1, 2]}}", MeasuredUploads.admin());
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("profile.facility.pue");
	}

}
