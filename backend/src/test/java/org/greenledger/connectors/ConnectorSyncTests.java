package org.greenledger.connectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.TestMonths;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An S3 connector against a real S3-compatible server (S3Proxy) holding real billing
 * exports of the corpus laid out as AWS delivers them: a legacy CUR with its manifests
 * (period folder and assembly folders) and an AWS Data Exports FOCUS export with its
 * manifest. The manifests are written by the test after AWS's documented layout; the data
 * files are the corpus' real exports.
 */
@IntegrationTest
class ConnectorSyncTests {

	private static final Path CORPUS = Path.of("src/test/resources/corpus/billing");

	@LocalServerPort
	int port;

	HttpTestClient http;

	ConnectorClient connectors;

	S3ProxyServer server;

	S3Client s3;

	String bucket;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.connectors = new ConnectorClient(this.http);
		this.server = S3ProxyServer.get();
		this.s3 = this.server.client();
		this.bucket = "gl-" + UUID.randomUUID().toString().substring(0, 13);
		this.s3.createBucket(request -> request.bucket(this.bucket));
	}

	@Test
	void aConnectorCollectsTheFilesTheNewestManifestsListIntoCompletedJobsAndASecondRunCreatesNothing()
			throws IOException {
		String period = "exports/cur/greenledger-cur/20231101-20231201/";
		// an earlier delivery of the period: its assembly and manifest are superseded
		put(period + "20231130T010000Z/greenledger-cur-00001.csv",
				corpus("aws-cur-legacy/keboola_sample_billing_data.csv"));
		put(period + "20231130T010000Z/greenledger-cur-Manifest.json",
				legacyManifest("20231130T010000Z", period + "20231130T010000Z/greenledger-cur-00001.csv"));
		// the newest delivery: AWS writes the manifest into the assembly folder and the
		// period folder
		String current = period + "20231202T010000Z/greenledger-cur-00001.csv.gz";
		put(current, corpus("aws-cur-legacy/sample-anonymous-aws-export-dataset.csv.gz"));
		put(period + "20231202T010000Z/greenledger-cur-Manifest.json", legacyManifest("20231202T010000Z", current));
		put(period + "greenledger-cur-Manifest.json", legacyManifest("20231202T010000Z", current));
		String focus = "exports/focus/focus-export/data/BILLING_PERIOD=2024-09/focus-export-00001.csv.gz";
		put(focus, corpus("focus-1.0/focus_sample.csv.gz"));
		put("exports/focus/focus-export/metadata/BILLING_PERIOD=2024-09/focus-export-Manifest.json",
				dataExportsManifest("s3://" + this.bucket + "/" + focus));
		put("exports/README.txt", "Exports of the test organisation.".getBytes(StandardCharsets.UTF_8));
		put("elsewhere/not-under-the-prefix.csv", corpus("focus-1.0/focus_sample_oracle.csv"));
		Map<String, Object> settings = ConnectorClient.s3(this.server, this.bucket, "exports/");
		String id = this.connectors.create(settings);

		DocumentContext run = this.connectors.sync(id);

		assertThat(run.read("$.status", String.class)).as(run.jsonString()).isEqualTo("COMPLETED");
		assertThat(run.read("$.trigger", String.class)).isEqualTo("MANUAL");
		assertThat(run.read("$.objectsSeen", Integer.class)).isEqualTo(8);
		assertThat(run.read("$.objectsNew", Integer.class)).isEqualTo(2);
		assertThat(run.read("$.objectsSkipped", Integer.class)).isZero();
		List<String> jobs = run.read("$.jobs");
		assertThat(jobs).hasSize(2);
		DocumentContext cur = this.connectors.job(jobs.get(0));
		DocumentContext export = this.connectors.job(jobs.get(1));
		assertThat(cur.read("$.fileName", String.class)).isEqualTo("greenledger-cur-00001.csv.gz");
		assertThat(export.read("$.fileName", String.class)).isEqualTo("focus-export-00001.csv.gz");
		for (DocumentContext job : List.of(cur, export)) {
			assertThat(job.read("$.status", String.class)).isEqualTo("COMPLETED");
			assertThat(job.read("$.createdBy", String.class)).isEqualTo("connector:" + settings.get("name"));
			assertThat(job.read("$.overlap", String.class)).isEqualTo("REPLACE");
		}
		assertThat(rowsRead(cur)).as("the real CUR's line items").isEqualTo(1281);
		assertThat(rowsRead(export)).as("the real FOCUS sample's rows").isEqualTo(1000);

		DocumentContext again = this.connectors.sync(id);

		assertThat(again.read("$.status", String.class)).isEqualTo("COMPLETED");
		assertThat(again.read("$.objectsNew", Integer.class)).isZero();
		assertThat(again.read("$.objectsSkipped", Integer.class)).isEqualTo(2);
		assertThat(again.read("$.jobs", List.class)).isEmpty();
		DocumentContext connector = JsonPath.parse(this.connectors.get("/api/v1/connectors/" + id).body());
		assertThat(connector.read("$.health", String.class)).isEqualTo("OK");
		assertThat(connector.read("$.lastRun.id", String.class)).isEqualTo(again.read("$.id", String.class));
		assertThat(connector.read("$.nextRun", String.class)).isNotNull();
		DocumentContext runs = JsonPath.parse(this.connectors.get("/api/v1/connectors/" + id + "/runs").body());
		assertThat(runs.read("$[*].id", List.class)).as("newest first")
			.containsExactly(again.read("$.id", String.class), run.read("$.id", String.class));
	}

	@Test
	void aChangedObjectIsCollectedAgainAndReplacesTheRowsOfItsEarlierVersion() throws IOException {
		YearMonth month = TestMonths.unusedMonth(this.http);
		String original = inMonth(new String(corpus("focus-1.0/focus_sample_oracle.csv"), StandardCharsets.UTF_8),
				month);
		String key = "focus/oracle-" + month + ".csv";
		put(key, original.getBytes(StandardCharsets.UTF_8));
		String id = this.connectors.create(ConnectorClient.s3(this.server, this.bucket, "focus/"));
		DocumentContext first = this.connectors.sync(id);
		assertThat(first.read("$.objectsNew", Integer.class)).isEqualTo(1);
		String firstJob = first.read("$.jobs[0]", String.class);
		assertThat(this.connectors.job(firstJob).read("$.rowsRead", Long.class)).isEqualTo(7);

		// a corrected re-export under the same key: one row fewer
		List<String> lines = original.lines().toList();
		String corrected = lines.subList(0, lines.size() - 1).stream().collect(Collectors.joining("\n", "", "\n"));
		put(key, corrected.getBytes(StandardCharsets.UTF_8));
		DocumentContext second = this.connectors.sync(id);

		assertThat(second.read("$.status", String.class)).as(second.jsonString()).isEqualTo("COMPLETED");
		assertThat(second.read("$.objectsNew", Integer.class)).isEqualTo(1);
		DocumentContext replacing = this.connectors.job(second.read("$.jobs[0]", String.class));
		assertThat(replacing.read("$.status", String.class)).isEqualTo("COMPLETED");
		assertThat(replacing.read("$.rowsRead", Long.class)).isEqualTo(6);
		assertThat(replacing.read("$.replaced[*].job", List.class)).containsOnly(firstJob);
		long replaced = sum(replacing.read("$.replaced[*].rows", List.class));
		assertThat(replaced).as("rows of the earlier version replaced").isPositive();
		DocumentContext earlier = this.connectors.job(firstJob);
		assertThat(earlier.read("$.replacedBy[*].job", List.class)).containsOnly(replacing.read("$.id", String.class));
		assertThat(sum(earlier.read("$.replacedBy[*].rows", List.class))).isEqualTo(replaced);
		assertThat(this.connectors.sync(id).read("$.objectsNew", Integer.class)).isZero();
	}

	private static long sum(List<?> numbers) {
		return numbers.stream().mapToLong(n -> ((Number) n).longValue()).sum();
	}

	/** The file with its September 2024 dates moved into the month (same days). */
	static String inMonth(String csv, YearMonth month) {
		return csv.replace("2024-10-01 00:00:00", month.plusMonths(1).atDay(1) + " 00:00:00")
			.replace("2024-09-", month + "-");
	}

	private long rowsRead(DocumentContext job) {
		String duplicateOf = job.read("$.duplicateOf", String.class);
		return ((duplicateOf != null) ? this.connectors.job(duplicateOf) : job).read("$.rowsRead", Long.class);
	}

	private byte[] legacyManifest(String assembly, String... keys) {
		String list = Arrays.stream(keys).map(key -> "\"" + key + "\"").collect(Collectors.joining(","));
		return ("""
				{"assemblyId":"%s","account":"123456789012","charset":"UTF-8","compression":"GZIP",
				 "contentType":"text/csv","reportId":"%s","reportName":"greenledger-cur",
				 "billingPeriod":{"start":"20231101T000000.000Z","end":"20231201T000000.000Z"},
				 "bucket":"%s","reportKeys":[%s],"additionalArtifactKeys":[]}""")
			.formatted(assembly, UUID.randomUUID(), this.bucket, list)
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] dataExportsManifest(String... uris) {
		String list = Arrays.stream(uris).map(uri -> "\"" + uri + "\"").collect(Collectors.joining(","));
		return ("""
				{"executionId":"%s","billingPeriod":{"start":"2024-09-01T00:00:00.000Z","end":"2024-10-01T00:00:00.000Z"},
				 "dataFiles":[%s]}""")
			.formatted(UUID.randomUUID(), list)
			.getBytes(StandardCharsets.UTF_8);
	}

	private void put(String key, byte[] content) {
		S3ProxyServer.put(this.s3, this.bucket, key, content);
	}

	static byte[] corpus(String file) throws IOException {
		return Files.readAllBytes(CORPUS.resolve(file));
	}

}
