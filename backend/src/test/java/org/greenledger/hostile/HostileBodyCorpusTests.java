package org.greenledger.hostile;

import java.util.List;
import java.util.Map;
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
 * Every hostile API body of the generated corpus ({@link HostileBodies}): the exact
 * status, an RFC 9457 problem whose detail (or field error) names the field where there
 * is one, never a Java or library name, nothing created or changed, and the server still
 * healthy.
 */
@IntegrationTest
class HostileBodyCorpusTests {

	@LocalServerPort
	int port;

	private String target;

	@TestFactory
	Stream<DynamicTest> everyHostileBodyIsAnsweredAsItsCaseSays() {
		List<HostileBodies.Case> corpus = HostileBodies.corpus();
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(80);
		return corpus.stream().map(each -> DynamicTest.dynamicTest(each.name(), () -> check(each)));
	}

	private void check(HostileBodies.Case each) {
		HttpTestClient http = new HttpTestClient(this.port);
		String target = target(http);
		String code = "X" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
		String user = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
		String path = each.path().replace("{target}", target);
		String body = each.body().replace("{code}", code).replace("{user}", user);
		var response = "PUT".equals(each.method()) ? http.put(path, "application/json", body, MeasuredUploads.admin())
				: http.post(path, "application/json", body, MeasuredUploads.admin());
		String what = each.name() + ": " + response.body();
		assertThat(response.statusCode()).as(what).isEqualTo(each.status());
		DocumentContext problem = JsonPath.parse(response.body());
		assertThat(response.body()).as(what)
			.doesNotContainPattern("Exception|java\\.|tools\\.jackson|com\\.fasterxml|reference");
		if (each.field() != null) {
			List<Map<String, Object>> errors = problem.read("$.errors");
			assertThat(errors).as(what).isNotEmpty();
			assertThat((String) errors.get(0).get("field")).as(what).startsWith(each.field());
			assertThat((String) errors.get(0).get("message")).as(what).containsPattern(each.detail());
		}
		else {
			assertThat(problem.read("$.detail", String.class)).as(what).containsPattern(each.detail());
		}
		// nothing created or changed
		assertThat(http.get("/api/v1/users/" + user, MeasuredUploads.admin()).statusCode()).isEqualTo(404);
		assertThat(http.get("/api/v1/sites/" + code, MeasuredUploads.admin()).statusCode()).isEqualTo(404);
		assertThat(http.get("/api/v1/org-units/" + code, MeasuredUploads.admin()).statusCode()).isEqualTo(404);
		DocumentContext targetNow = JsonPath.parse(http.get("/api/v1/users/" + target, MeasuredUploads.admin()).body());
		assertThat(targetNow.read("$.roles", List.class)).as(what).containsExactly("AUDITOR");
		assertThat(targetNow.read("$.enabled", Boolean.class)).as(what).isTrue();
		assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
	}

	/** A user the role and enabled cases aim at (an AUDITOR, enabled). */
	private String target(HttpTestClient http) {
		if (this.target == null) {
			this.target = "target-" + UUID.randomUUID().toString().substring(0, 8);
			var created = http.post("/api/v1/users", "application/json", """
					{"username":"%s","password":"a-long-enough-password-1","roles":["AUDITOR"]}"""
				.formatted(this.target), MeasuredUploads.admin());
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		}
		return this.target;
	}

}
