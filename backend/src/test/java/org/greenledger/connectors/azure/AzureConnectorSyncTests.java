package org.greenledger.connectors.azure;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.azure.storage.blob.BlobContainerClient;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.greenledger.connectors.ConnectorClient;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An AZURE_BLOB connector against a real Azurite holding the corpus' real Enterprise
 * Agreement cost export laid out as Cost Management writes it (run folders with a
 * {@code manifest.json}; the manifests are written here after Microsoft's documented
 * layout, the data is the real file with its dates moved into a month of its own): the
 * newest run's partitions become completed jobs, a second sync creates nothing, a changed
 * blob is collected again and replaces its earlier version, and a manifest naming a
 * missing blob fails the run with nothing stored.
 */
@IntegrationTest
class AzureConnectorSyncTests {

	private static final Path ACTUAL = Path.of("src/test/resources/corpus/billing/azure-ea/EA_ActualCost_Small.csv");

	private static final Pattern SEPTEMBER = Pattern.compile("09/(\\d\\d)/2023");

	static Azurite azurite;

	@LocalServerPort
	int port;

	HttpTestClient http;

	ConnectorClient connectors;

	@BeforeAll
	static void startAzurite() throws Exception {
		azurite = Azurite.start();
	}

	@AfterAll
	static void stopAzurite() {
		if (azurite != null) {
			azurite.close();
		}
	}

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.connectors = new ConnectorClient(this.http);
	}

	@Test
	void theNewestRunsPartitionsBecomeCompletedJobsAndASecondSyncCreatesNothing() throws Exception {
		YearMonth month = TestMonths.unusedMonth(this.http);
		byte[] actual = inMonth(Files.readAllBytes(ACTUAL), month);
		byte[][] parts = CostExportsTests.partitions(actual, 6);
		BlobContainerClient container = AzureBlobStoreTests.newContainer(azurite);
		String period = "costs/ActualDaily/" + month.atDay(1).toString().replace("-", "") + "-"
				+ month.atEndOfMonth().toString().replace("-", "") + "/";
		String older = period + "0b7c5b0e-1c1b-4b4e-9a52-111111111111/";
		String newer = period + "5f4dc1e3-6a6e-4a8e-8d0f-222222222222/";
		// yesterday's run of the month: superseded by today's
		put(container, older + "part_0_0001.csv", parts[0]);
		put(container, older + "manifest.json",
				CostExportsTests.manifest("ActualDaily", "run-1", month + "-20T05:00:00Z", month.atDay(1) + "",
						month.atDay(19) + "", List.of(older + "part_0_0001.csv")));
		put(container, newer + "part_0_0001.csv", parts[0]);
		put(container, newer + "part_1_0001.csv", parts[1]);
		put(container, newer + "manifest.json",
				CostExportsTests.manifest("ActualDaily", "run-2", month + "-21T05:00:00Z", month.atDay(1) + "",
						month.atDay(20) + "", List.of(newer + "part_0_0001.csv", newer + "part_1_0001.csv")));
		Map<String, Object> settings = settings(container, "costs");
		String id = this.connectors.create(settings);

		DocumentContext run = this.connectors.sync(id);

		assertThat(run.read("$.status", String.class)).as(run.jsonString()).isEqualTo("COMPLETED");
		assertThat(run.read("$.objectsSeen", Integer.class)).isEqualTo(5);
		assertThat(run.read("$.objectsNew", Integer.class)).isEqualTo(2);
		List<String> jobs = run.read("$.jobs");
		assertThat(jobs).hasSize(2);
		DocumentContext first = this.connectors.job(jobs.get(0));
		DocumentContext second = this.connectors.job(jobs.get(1));
		assertThat(first.read("$.fileName", String.class)).isEqualTo("part_0_0001.csv");
		assertThat(first.read("$.overlap", String.class)).isEqualTo("REPLACE");
		assertThat(second.read("$.fileName", String.class)).isEqualTo("part_1_0001.csv");
		assertThat(second.read("$.overlap", String.class)).isEqualTo("REPLACE");
		assertThat(second.read("$.keepJobs", List.class)).as("the run's first partition is kept")
			.containsExactly(jobs.get(0));
		for (DocumentContext job : List.of(first, second)) {
			assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
			assertThat(job.read("$.createdBy", String.class)).isEqualTo("connector:" + settings.get("name"));
		}
		assertThat(first.read("$.rowsRead", Long.class) + second.read("$.rowsRead", Long.class))
			.as("the real export's 11 rows, in two partitions")
			.isEqualTo(11);

		DocumentContext again = this.connectors.sync(id);

		assertThat(again.read("$.status", String.class)).as(again.jsonString()).isEqualTo("COMPLETED");
		assertThat(again.read("$.objectsNew", Integer.class)).isZero();
		assertThat(again.read("$.objectsSkipped", Integer.class)).isEqualTo(2);
		assertThat(again.read("$.jobs", List.class)).isEmpty();
	}

	@Test
	void aChangedBlobIsCollectedAgainAndReplacesItsEarlierVersion() throws Exception {
		YearMonth month = TestMonths.unusedMonth(this.http);
		String original = new String(inMonth(Files.readAllBytes(ACTUAL), month), StandardCharsets.UTF_8);
		BlobContainerClient container = AzureBlobStoreTests.newContainer(azurite);
		String folder = "costs/ActualMonthly/" + month.atDay(1).toString().replace("-", "") + "-"
				+ month.atEndOfMonth().toString().replace("-", "") + "/run/";
		String blob = folder + "part_0_0001.csv";
		put(container, blob, original.getBytes(StandardCharsets.UTF_8));
		put(container, folder + "manifest.json", CostExportsTests.manifest("ActualMonthly", "run",
				month + "-21T05:00:00Z", month.atDay(1) + "", month.atEndOfMonth() + "", List.of(blob)));
		String id = this.connectors.create(settings(container, "costs/"));
		DocumentContext first = this.connectors.sync(id);
		assertThat(first.read("$.status", String.class)).as(first.jsonString()).isEqualTo("COMPLETED");
		String firstJob = first.read("$.jobs[0]", String.class);
		assertThat(this.connectors.job(firstJob).read("$.rowsRead", Long.class)).isEqualTo(11);

		// the export overwritten in place: one row fewer
		List<String> lines = original.lines().toList();
		put(container, blob,
				(String.join("\n", lines.subList(0, lines.size() - 1)) + "\n").getBytes(StandardCharsets.UTF_8));
		DocumentContext second = this.connectors.sync(id);

		assertThat(second.read("$.status", String.class)).as(second.jsonString()).isEqualTo("COMPLETED");
		assertThat(second.read("$.objectsNew", Integer.class)).isEqualTo(1);
		DocumentContext replacing = this.connectors.job(second.read("$.jobs[0]", String.class));
		assertThat(replacing.read("$.status", String.class)).as(replacing.jsonString()).isEqualTo("COMPLETED");
		assertThat(replacing.read("$.rowsRead", Long.class)).isEqualTo(10);
		assertThat(replacing.read("$.replaced[*].job", List.class)).containsOnly(firstJob);
		assertThat(this.connectors.sync(id).read("$.objectsNew", Integer.class)).isZero();
	}

	@Test
	void aManifestNamingAMissingBlobFailsTheRunAndNothingIsStored() throws Exception {
		BlobContainerClient container = AzureBlobStoreTests.newContainer(azurite);
		String folder = "costs/ActualDaily/20230901-20230930/run-3/";
		put(container, folder + "part_0_0001.csv", Files.readAllBytes(ACTUAL));
		put(container, folder + "manifest.json",
				CostExportsTests.manifest("ActualDaily", "run-3", "2023-09-21T05:00:00Z", "2023-09-01", "2023-09-20",
						List.of(folder + "part_0_0001.csv", folder + "part_1_0001.csv")));
		String id = this.connectors.create(settings(container, "costs"));

		DocumentContext run = this.connectors.sync(id);

		assertThat(run.read("$.status", String.class)).isEqualTo("FAILED");
		assertThat(run.read("$.jobs", List.class)).isEmpty();
		assertThat(run.read("$.objectsNew", Integer.class)).isZero();
		assertThat(run.read("$.errors[0]", String.class)).isEqualTo("the export manifest '" + folder
				+ "manifest.json' lists the blob '" + folder + "part_1_0001.csv', which is not in the container: the"
				+ " run may still be writing, or the blob was deleted; nothing of this sync was taken, the next one"
				+ " tries again");
	}

	@Test
	void theConnectionIsCheckedAndInvalidSettingsAreRefusedFieldByField() {
		BlobContainerClient container = AzureBlobStoreTests.newContainer(azurite);
		String id = this.connectors.create(settings(container, "costs"));
		HttpResponse<String> check = this.http.post("/api/v1/connectors/" + id + "/check", "application/json", "",
				MeasuredUploads.admin());
		assertThat(check.statusCode()).isEqualTo(200);
		assertThat(JsonPath.parse(check.body()).read("$.ok", Boolean.class)).as(check.body()).isTrue();

		Map<String, Object> bad = new LinkedHashMap<>(Map.of("name", "bad-" + UUID.randomUUID(), "type", "AZURE_BLOB",
				"accountName", "My_Account", "container", "exports", "prefix", "/costs"));
		HttpResponse<String> response = this.connectors.post("/api/v1/connectors", bad);

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(JsonPath.parse(response.body()).read("$.errors[*].field", List.class))
			.containsExactlyInAnyOrder("accountName", "prefix", "accountKey");
	}

	private static Map<String, Object> settings(BlobContainerClient container, String prefix) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "azure-" + UUID.randomUUID());
		body.put("type", "AZURE_BLOB");
		body.put("endpoint", azurite.endpoint());
		body.put("accountName", Azurite.ACCOUNT);
		body.put("container", container.getBlobContainerName());
		body.put("prefix", prefix);
		body.put("accountKey", Azurite.KEY);
		return body;
	}

	private static void put(BlobContainerClient container, String name, byte[] content) {
		AzureBlobStoreTests.put(container, name, content);
	}

	private static void put(BlobContainerClient container, String name, String content) {
		put(container, name, content.getBytes(StandardCharsets.UTF_8));
	}

	/** The export with its September 2023 dates (MM/dd/yyyy) moved into the month. */
	static byte[] inMonth(byte[] csv, YearMonth month) {
		Matcher dates = SEPTEMBER.matcher(new String(csv, StandardCharsets.UTF_8));
		StringBuilder moved = new StringBuilder();
		while (dates.find()) {
			int day = Math.min(Integer.parseInt(dates.group(1)), month.lengthOfMonth());
			dates.appendReplacement(moved, "%02d/%02d/%d".formatted(month.getMonthValue(), day, month.getYear()));
		}
		dates.appendTail(moved);
		return moved.toString().getBytes(StandardCharsets.UTF_8);
	}

}
