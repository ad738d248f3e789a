package org.greenledger.system.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greenledger.HttpTestClient.basic;

@IntegrationTest
class OperationsEndpointsTests {

	@LocalServerPort
	int port;

	HttpTestClient http;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void healthIsPublicAndIncludesTheDatabaseForAdmins() {
		HttpResponse<String> anonymous = this.http.get("/actuator/health");
		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("\"db\"");

		HttpResponse<String> admin = this.http.get("/actuator/health", admin());
		assertThat(admin.body()).contains("\"db\":{").contains("\"database\":\"PostgreSQL\"");
	}

	@Test
	void prometheusMetricsNeedAnAdmin() {
		assertThat(this.http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
		HttpResponse<String> metrics = this.http.get("/actuator/prometheus", admin());
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("hikaricp_connections").contains("jvm_memory_used_bytes");
	}

	@Test
	void theOpenApiDocumentListsTheApiWithExamples() {
		HttpResponse<String> docs = this.http.get("/v3/api-docs");
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/users", "/api/v1/me", "\"example\"");
		assertThat(this.http.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

	private static String[] admin() {
		return basic("admin", IntegrationTest.ADMIN_PASSWORD);
	}

}
