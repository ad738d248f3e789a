package org.greenledger.connectors;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.security.Role;
import org.greenledger.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes wrong, against the real S3-compatible server: wrong credentials, a missing
 * bucket, an unreachable endpoint and a manifest naming a missing file each end the run
 * FAILED with a message naming what to fix, and nothing is stored; invalid settings are
 * refused field by field; secrets are never shown, logged or audited.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ConnectorFailureTests {

	private static final String PASSWORD = "connector-test-password-1";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	HttpTestClient http;

	ConnectorClient connectors;

	S3ProxyServer server;

	S3Client s3;

	String bucket;

	@BeforeEach
	void setUp() throws IOException {
		this.http = new HttpTestClient(this.port);
		this.connectors = new ConnectorClient(this.http);
		this.server = S3ProxyServer.get();
		this.s3 = this.server.client();
		this.bucket = "gl-" + UUID.randomUUID().toString().substring(0, 13);
		this.s3.createBucket(request -> request.bucket(this.bucket));
		S3ProxyServer.put(this.s3, this.bucket, "plain/focus_sample_oracle.csv",
				ConnectorSyncTests.corpus("focus-1.0/focus_sample_oracle.csv"));
	}

	@Test
	void aWrongSecretKeyFailsTheRunNamingTheSettingAndStoresNothing() {
		Map<String, Object> settings = ConnectorClient.s3(this.server, this.bucket, "plain/");
		settings.put("secretAccessKey", "not-the-secret");
		assertFailsWith(settings, "secretAccessKey");
	}

	@Test
	void anUnknownAccessKeyFailsTheRunNamingTheSetting() {
		Map<String, Object> settings = ConnectorClient.s3(this.server, this.bucket, "plain/");
		settings.put("accessKeyId", "nobody");
		assertFailsWith(settings, "accessKeyId");
	}

	@Test
	void aMissingBucketFailsTheRun() {
		Map<String, Object> settings = ConnectorClient.s3(this.server,
				"gl-no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8), "plain/");
		assertFailsWith(settings, "does not exist");
	}

	@Test
	void anUnreachableEndpointFailsTheRun() throws IOException {
		Map<String, Object> settings = ConnectorClient.s3(this.server, this.bucket, "plain/");
		settings.put("endpoint", "http://127.0.0.1:" + S3ProxyServer.freePort());
		assertFailsWith(settings, "cannot be reached");
	}

	@Test
	void aManifestNamingAMissingFileFailsTheRunBeforeAnythingIsCollected() throws IOException {
		String data = "cur/report/20231101-20231201/";
		S3ProxyServer.put(this.s3, this.bucket, data + "a1/report-00001.csv.gz",
				ConnectorSyncTests.corpus("aws-cur-legacy/sample-anonymous-aws-export-dataset.csv.gz"));
		S3ProxyServer.put(this.s3, this.bucket, data + "report-Manifest.json",
				("{\"assemblyId\":\"a1\",\"reportKeys\":[\"" + data + "a1/report-00001.csv.gz\",\"" + data
						+ "a1/report-00002.csv.gz\"]}")
					.getBytes(StandardCharsets.UTF_8));
		DocumentContext run = assertFailsWith(ConnectorClient.s3(this.server, this.bucket, "cur/"),
				data + "a1/report-00002.csv.gz");
		assertThat(run.read("$.errors[0]", String.class)).contains("not in the bucket");
	}

	@Test
	void checkConnectionAnswersWhatIsWrongOrThatItWorks() {
		String good = this.connectors.create(ConnectorClient.s3(this.server, this.bucket, "plain/"));
		DocumentContext ok = JsonPath.parse(check(good));
		assertThat(ok.read("$.ok", Boolean.class)).isTrue();
		Map<String, Object> settings = ConnectorClient.s3(this.server, this.bucket, "plain/");
		settings.put("secretAccessKey", "not-the-secret");
		DocumentContext wrong = JsonPath.parse(check(this.connectors.create(settings)));
		assertThat(wrong.read("$.ok", Boolean.class)).isFalse();
		assertThat(wrong.read("$.message", String.class)).contains("secretAccessKey");
	}

	@Test
	void secretsAreNeverReturnedLoggedOrAudited(CapturedOutput output) {
		String secret = "s3cr3t-" + UUID.randomUUID();
		Map<String, Object> settings = ConnectorClient.s3(this.server, this.bucket, "plain/");
		settings.put("secretAccessKey", secret);
		HttpResponse<String> created = this.connectors.post("/api/v1/connectors", settings);
		assertThat(created.statusCode()).isEqualTo(201);
		String id = JsonPath.parse(created.body()).read("$.id", String.class);
		this.connectors.sync(id);
		check(id);
		HttpResponse<String> updated = this.http.put("/api/v1/connectors/" + id, "application/json",
				"{\"name\":\"" + settings.get("name") + "\",\"schedule\":\"0 6 * * *\",\"bucket\":\"" + this.bucket
						+ "\",\"endpoint\":\"" + this.server.endpoint()
						+ "\",\"pathStyle\":true,\"prefix\":\"plain/\"}",
				MeasuredUploads.admin());
		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);

		String one = this.connectors.get("/api/v1/connectors/" + id).body();
		String all = this.connectors.get("/api/v1/connectors").body();
		String audit = this.connectors.get("/api/v1/audit-events?limit=200").body();
		for (String answer : List.of(created.body(), updated.body(), one, all, audit, output.getAll())) {
			assertThat(answer).doesNotContain(secret).doesNotContain(S3ProxyServer.ACCESS_KEY);
		}
		DocumentContext connector = JsonPath.parse(one);
		assertThat(connector.read("$.secretsSet", List.class)).containsExactly("accessKeyId", "secretAccessKey");
		assertThat(connector.read("$.schedule", String.class)).isEqualTo("0 6 * * *");
		assertThat(connector.read("$.version", Integer.class)).isEqualTo(1);
		byte[] stored = this.jdbc.sql("select secrets from connector where id = ?::uuid")
			.param(id)
			.query(byte[].class)
			.single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
	}

	@Test
	void invalidSettingsAreRefusedFieldByField() {
		HttpResponse<String> response = this.connectors.post("/api/v1/connectors",
				Map.of("name", "bad-" + UUID.randomUUID(), "type", "S3", "schedule", "every day", "endpoint",
						"ftp://example.org", "accessKeyId", "only-half", "colour", "green"));
		assertThat(response.statusCode()).isEqualTo(422);
		DocumentContext problem = JsonPath.parse(response.body());
		assertThat(problem.read("$.errors[*].field", List.class)).contains("schedule", "endpoint", "bucket",
				"secretAccessKey", "colour");
		assertThat(this.connectors.post("/api/v1/connectors", Map.of("name", "x", "type", "FTP")).body())
			.contains("\"field\":\"type\"");
	}

	@Test
	void auditorsReadConnectorsButDoNotWriteThem() {
		String id = this.connectors.create(ConnectorClient.s3(this.server, this.bucket, "plain/"));
		String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(auditor, PASSWORD, Set.of(Role.AUDITOR));
		String[] basic = HttpTestClient.basic(auditor, PASSWORD);
		assertThat(this.http.get("/api/v1/connectors/" + id + "/runs", basic).statusCode()).isEqualTo(200);
		assertThat(this.http.post("/api/v1/connectors/" + id + "/sync", "application/json", "", basic).statusCode())
			.isEqualTo(403);
	}

	private String check(String id) {
		HttpResponse<String> response = this.http.post("/api/v1/connectors/" + id + "/check", "application/json", "",
				MeasuredUploads.admin());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private DocumentContext assertFailsWith(Map<String, Object> settings, String message) {
		String id = this.connectors.create(settings);
		DocumentContext run = this.connectors.sync(id);
		assertThat(run.read("$.status", String.class)).isEqualTo("FAILED");
		assertThat(run.read("$.errors[0]", String.class)).contains(message).doesNotContain("Exception");
		assertThat(run.read("$.jobs", List.class)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from connector_object where connector_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		DocumentContext connector = JsonPath.parse(this.connectors.get("/api/v1/connectors/" + id).body());
		assertThat(connector.read("$.health", String.class)).isEqualTo("FAILING");
		return run;
	}

}
