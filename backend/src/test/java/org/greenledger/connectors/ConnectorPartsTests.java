package org.greenledger.connectors;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-deliveries of a multi-part export in which only some parts change, against a real
 * S3-compatible server (S3Proxy). The parts are the corpus' real Oracle FOCUS sample
 * (seven rows of three accounts, moved into a month of their own) split in two, listed by
 * an AWS Data Exports manifest that each delivery overwrites. After every delivery the
 * month holds exactly the rows of the parts the manifest lists: none lost, none twice.
 */
@IntegrationTest
class ConnectorPartsTests {

	@LocalServerPort
	int port;

	HttpTestClient http;

	ConnectorClient connectors;

	S3Client s3;

	S3ProxyServer server;

	String bucket;

	YearMonth month;

	List<String> header;

	List<String> rows;

	String manifest;

	@BeforeEach
	void setUp() throws IOException {
		this.http = new HttpTestClient(this.port);
		this.connectors = new ConnectorClient(this.http);
		this.server = S3ProxyServer.get();
		this.s3 = this.server.client();
		this.bucket = "gl-" + UUID.randomUUID().toString().substring(0, 13);
		this.s3.createBucket(request -> request.bucket(this.bucket));
		this.month = TestMonths.unusedMonth(this.http);
		List<String> lines = ConnectorSyncTests
			.inMonth(new String(ConnectorSyncTests.corpus("focus-1.0/focus_sample_oracle.csv"), StandardCharsets.UTF_8),
					this.month)
			.lines()
			.toList();
		this.header = lines.subList(0, 1);
		this.rows = lines.subList(1, lines.size());
		assertThat(this.rows).hasSize(7);
		this.manifest = "exports/metadata/BILLING_PERIOD=" + this.month + "/exports-Manifest.json";
	}

	@Test
	void aDeliveryInWhichOnlySomePartsChangedEndsWithExactlyItsPartsRows() {
		String part1 = "exports/data/BILLING_PERIOD=" + this.month + "/exports-00001.csv";
		String part2 = "exports/data/BILLING_PERIOD=" + this.month + "/exports-00002.csv";
		String id = this.connectors.create(ConnectorClient.s3(this.server, this.bucket, "exports/"));

		// rows 1-4 (three accounts) and rows 5-7 (two of them): both parts share accounts
		deliver(part1, rows(0, 4), part2, rows(4, 7));
		DocumentContext first = this.connectors.sync(id);
		assertThat(first.read("$.status", String.class)).as(first.jsonString()).isEqualTo("COMPLETED");
		assertThat(first.read("$.objectsNew", Integer.class)).isEqualTo(2);
		assertThat(ledgerCost()).isEqualByComparingTo(cost(0, 7));

		// only the first part changes (its third row dropped); the second is the same
		// object
		deliver(part1, pick(0, 1, 3), part2, rows(4, 7));
		DocumentContext second = this.connectors.sync(id);
		assertThat(second.read("$.status", String.class)).as(second.jsonString()).isEqualTo("COMPLETED");
		assertThat(second.read("$.objectsNew", Integer.class)).isEqualTo(1);
		assertThat(second.read("$.objectsSkipped", Integer.class)).isEqualTo(1);
		assertThat(this.connectors.job(second.read("$.jobs[0]", String.class)).read("$.keepJobs", List.class))
			.as("the unchanged part is named as the delivery's other file")
			.containsExactly(first.read("$.jobs[1]", String.class));
		assertThat(ledgerCost()).as("the second part's rows stay")
			.isEqualByComparingTo(cost(pick(0, 1, 3)).add(cost(4, 7)));

		// only the second part changes (its last row dropped)
		deliver(part1, pick(0, 1, 3), part2, rows(4, 6));
		DocumentContext third = this.connectors.sync(id);
		assertThat(third.read("$.objectsNew", Integer.class)).isEqualTo(1);
		assertThat(ledgerCost()).as("the earlier version of the second part is gone")
			.isEqualByComparingTo(cost(pick(0, 1, 3)).add(cost(4, 6)));

		// a new execution writes both parts under new keys: the first with new content,
		// the second byte for byte as before (its content was ingested, and rows of it
		// replaced)
		String again1 = "exports/data/BILLING_PERIOD=" + this.month + "/run-2/exports-00001.csv";
		String again2 = "exports/data/BILLING_PERIOD=" + this.month + "/run-2/exports-00002.csv";
		deliver(again1, rows(0, 4), again2, rows(4, 6));
		DocumentContext fourth = this.connectors.sync(id);
		assertThat(fourth.read("$.status", String.class)).as(fourth.jsonString()).isEqualTo("COMPLETED");
		assertThat(fourth.read("$.objectsNew", Integer.class)).isEqualTo(2);
		assertThat(ledgerCost()).as("the unchanged content is loaded again, not answered as a duplicate")
			.isEqualByComparingTo(cost(0, 6));
		DocumentContext secondPart = this.connectors.job(fourth.read("$.jobs[1]", String.class));
		assertThat(secondPart.read("$.duplicateOf", String.class)).isNull();
		assertThat(secondPart.read("$.rowsRead", Long.class)).isEqualTo(2);

		// nothing changed: nothing collected, nothing moves
		DocumentContext fifth = this.connectors.sync(id);
		assertThat(fifth.read("$.objectsNew", Integer.class)).isZero();
		assertThat(ledgerCost()).isEqualByComparingTo(cost(0, 6));
	}

	@Test
	void contentSentAgainAfterAReplacementOfSomeOfItsRowsIsLoadedAgainWhenItReplaces() {
		byte[] whole = csv(rows(0, 7));
		MeasuredUploads uploads = new MeasuredUploads(this.http);
		String name = "oracle-" + this.month + ".csv";
		String original = uploads.upload(name, whole, Map.of("overlap", "REPLACE")).read("$.id", String.class);
		assertThat(ledgerCost()).isEqualByComparingTo(cost(0, 7));
		// a correction of one account's rows (the first row's) replaces them in the
		// original
		uploads.upload("oracle-" + this.month + "-fix.csv", csv(rows(0, 1)), Map.of("overlap", "REPLACE"));
		BigDecimal corrected = ledgerCost();
		assertThat(corrected).isLessThan(cost(0, 7));

		DocumentContext append = uploads.upload(name, whole, Map.of("overlap", "APPEND"));
		assertThat(append.read("$.duplicateOf", String.class)).as("appended again: the correction stands")
			.isEqualTo(original);
		assertThat(ledgerCost()).isEqualByComparingTo(corrected);

		DocumentContext again = uploads.upload(name, whole, Map.of("overlap", "REPLACE"));
		assertThat(again.read("$.status", String.class)).isEqualTo("COMPLETED");
		assertThat(again.read("$.duplicateOf", String.class)).as("loaded again, not a duplicate").isNull();
		assertThat(again.read("$.rowsRead", Long.class)).isEqualTo(7);
		assertThat(ledgerCost()).isEqualByComparingTo(cost(0, 7));

		assertThat(uploads.getJson("/api/v1/ingestions/" + original).read("$.supersededBy", String.class))
			.isEqualTo(again.read("$.id", String.class));

		DocumentContext third = uploads.upload(name, whole, Map.of("overlap", "REPLACE"));
		assertThat(third.read("$.duplicateOf", String.class)).as("whole again: a duplicate of the new job")
			.isEqualTo(again.read("$.id", String.class));
		assertThat(ledgerCost()).isEqualByComparingTo(cost(0, 7));
	}

	private void deliver(String key1, List<String> rows1, String key2, List<String> rows2) {
		S3ProxyServer.put(this.s3, this.bucket, key1, csv(rows1));
		S3ProxyServer.put(this.s3, this.bucket, key2, csv(rows2));
		String files = Stream.of(key1, key2)
			.map(key -> "\"s3://" + this.bucket + "/" + key + "\"")
			.collect(Collectors.joining(","));
		S3ProxyServer.put(this.s3, this.bucket, this.manifest,
				("{\"executionId\":\"" + UUID.randomUUID() + "\",\"dataFiles\":[" + files + "]}")
					.getBytes(StandardCharsets.UTF_8));
	}

	private List<String> rows(int from, int to) {
		return this.rows.subList(from, to);
	}

	private List<String> pick(int... indexes) {
		return java.util.Arrays.stream(indexes).mapToObj(this.rows::get).toList();
	}

	private byte[] csv(List<String> rows) {
		return Stream.concat(this.header.stream(), rows.stream())
			.collect(Collectors.joining("\n", "", "\n"))
			.getBytes(StandardCharsets.UTF_8);
	}

	/** The BilledCost of the rows, as the file states it. */
	private BigDecimal cost(int from, int to) {
		return cost(rows(from, to));
	}

	private BigDecimal cost(List<String> rows) {
		int column = List.of(this.header.get(0).split(",")).indexOf("\"BilledCost\"");
		return rows.stream()
			.map(row -> new BigDecimal(row.split(",")[column].replace("\"", "")))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** The month's billed cost in the ledger (the footprint API's total). */
	private BigDecimal ledgerCost() {
		DocumentContext footprint = JsonPath.parse(
				this.http
					.get("/api/v1/footprint?from=" + this.month.atDay(1) + "&to=" + this.month.atEndOfMonth(),
							MeasuredUploads.admin())
					.body());
		List<Object> amounts = footprint.read("$.groups[*].cost[*].amount");
		return amounts.stream()
			.map(amount -> new BigDecimal(amount.toString()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
