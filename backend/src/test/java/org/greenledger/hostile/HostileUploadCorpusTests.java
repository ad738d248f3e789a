package org.greenledger.hostile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of the generated hostile-input corpus ({@link HostileFiles}) sent through
 * the upload API: the job ends exactly as the case says (refused as a whole with its
 * message, or refused because its row was rejected, with the row and column named),
 * nothing of it is stored, no message carries a Java exception or library name, and the
 * server still answers its health check.
 */
@IntegrationTest
class HostileUploadCorpusTests {

	private static final Pattern LIBRARY_WORDS = Pattern
		.compile("Exception|java\\.|tools\\.jackson|org\\.apache|xerces|XMLBeans|Socket|NoSuchElement|\\bat [a-z]+\\.");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private String site;

	@TestFactory
	Stream<DynamicTest> everyHostileFileEndsAsItsCaseSays() {
		List<HostileFiles.Case> corpus = HostileFiles.corpus();
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(150);
		return corpus.stream().map(each -> DynamicTest.dynamicTest(each.name(), () -> check(each)));
	}

	private void check(HostileFiles.Case each) {
		HttpTestClient http = new HttpTestClient(this.port);
		MeasuredUploads uploads = new MeasuredUploads(http);
		String site = site(uploads);
		Map<String, String> fields = new HashMap<>(each.fields());
		fields.replaceAll((name, value) -> "?".equals(value) ? site : value);
		var response = http.postMultipart("/api/v1/ingestions", each.fileName(), each.content(), fields,
				MeasuredUploads.admin());
		assertThat(response.statusCode()).as(each.name() + ": " + response.body()).isEqualTo(202);
		String id = JsonPath.parse(response.body()).read("$.id", String.class);
		DocumentContext job = uploads.await(id);
		String message = job.read("$.message", String.class);
		assertThat(job.read("$.status", String.class)).as(each.name() + ": " + job.jsonString()).isEqualTo("REJECTED");
		assertThat(message).as(each.name() + ": " + job.jsonString()).isNotNull().doesNotContainPattern(LIBRARY_WORDS);
		if (each.status() == HostileFiles.Status.REJECTED) {
			assertThat(message).as(each.name() + ": " + job.jsonString())
				.startsWith(each.fileName() + ": ")
				.containsPattern(each.message());
		}
		else {
			List<Map<String, Object>> errors = job.read("$.errors");
			assertThat(errors).as(each.name() + ": " + job.jsonString()).isNotEmpty();
			Map<String, Object> first = errors.get(0);
			assertThat(((Number) first.get("row")).longValue()).as(each.name() + ": " + job.jsonString()).isPositive();
			assertThat(List.of(each.column().split("\\|"))).as(each.name() + ": " + job.jsonString())
				.contains((String) first.get("column"));
			assertThat((String) first.get("message")).as(each.name() + ": " + job.jsonString())
				.containsPattern(each.message())
				.doesNotContainPattern(LIBRARY_WORDS);
		}
		UUID job_ = UUID.fromString(id);
		assertThat(this.jdbc.sql("select count(*) from activity_line where job_id = ?")
			.param(job_)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from measured_line where job_id = ?")
			.param(job_)
			.query(Long.class)
			.single()).isZero();
		assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
	}

	private String site(MeasuredUploads uploads) {
		if (this.site == null) {
			// the meter CSV fixture's site
			new HttpTestClient(this.port).post("/api/v1/sites", "application/json", """
					{"code": "FRA1", "name": "Frankfurt 1", "kind": "OWN", "gridZone": "DE"}""",
					MeasuredUploads.admin());
			this.site = "H" + UUID.randomUUID().toString().substring(0, 8);
			uploads.postJson("/api/v1/sites", """
					{"code": "%s", "name": "Hostile corpus", "kind": "OWN", "gridZone": "NL"}""".formatted(this.site));
		}
		return this.site;
	}

}
