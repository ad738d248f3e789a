package org.greenledger.ingestion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPOutputStream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.TestMonths;
import org.greenledger.ingestion.api.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads whose rows are staged while the file arrives ({@link StreamedUploads}): the
 * same lines as a file read from the store, the same stored file, and nothing left of the
 * staging when the upload is cut off or turns out to be a duplicate.
 */
@IntegrationTest
class StreamedUploadTests {

	private static final String HEADER = "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,"
			+ "ProviderName,ServiceCategory,ServiceName,RegionId,SubAccountId,ConsumedQuantity,ConsumedUnit,"
			+ "SkuPriceDetails,Tags";

	/**
	 * Rows of a file: about 900 kB, within the tests' upload limit (1 MB) and close to
	 * the pipe between upload and staging (1 MiB).
	 */
	private static final int ROWS = 4_500;

	private static final String[] TYPES = { "c5.large", "m5.xlarge", "r5.2xlarge", "p3.2xlarge" };

	private static final String[] REGIONS = { "us-east-1", "eu-west-1", "ap-southeast-2" };

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StreamedUploads streams;

	@Autowired
	StoredFiles files;

	@Autowired
	JobLeases leases;

	HttpTestClient http;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void aStreamedUploadStoresTheSameFileAndLinesAsAFileReadFromTheStore() throws Exception {
		String account = account();
		String csv = focus(TestMonths.unusedMonth(this.http), account, ROWS);
		byte[] plain = csv.getBytes(StandardCharsets.UTF_8);
		byte[] gzipped = gzip(csv);

		// the options before the file: staged while it arrives (the job is claimed
		// when answered)
		awaitIdle();
		HttpResponse<String> streamed = send(multipart("streamed.csv.gz", gzipped, true));
		assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(202);
		assertThat(JsonPath.parse(streamed.body()).read("$.status", String.class)).isEqualTo("RUNNING");
		DocumentContext first = Jobs.await(this.http, JsonPath.read(streamed.body(), "$.id"));
		awaitIdle();
		// an option after the file changes what it would have been staged with: read from
		// the store (queued when answered)
		HttpResponse<String> stored = send(multipart("stored.csv", plain, false));
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(202);
		assertThat(JsonPath.parse(stored.body()).read("$.status", String.class)).isEqualTo("QUEUED");
		DocumentContext second = Jobs.await(this.http, JsonPath.read(stored.body(), "$.id"));

		for (DocumentContext job : new DocumentContext[] { first, second }) {
			assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
			assertThat(job.read("$.rowsRead", Long.class)).isEqualTo(ROWS);
			assertThat(job.read("$.overlap", String.class)).isEqualTo("APPEND");
		}
		for (String counter : new String[] { "$.rowsAccepted", "$.rowsCostOnly", "$.rowsRejected", "$.costs",
				"$.format" }) {
			assertThat(first.read(counter, Object.class)).as(counter).isEqualTo(second.read(counter, Object.class));
		}
		assertThat(first.read("$.sha256", String.class)).isEqualTo(sha256(gzipped));
		assertThat(first.read("$.bytes", Long.class)).isEqualTo(gzipped.length);
		try (InputStream kept = this.files.open(first.read("$.sha256", String.class))) {
			assertThat(kept.readAllBytes()).as("the stored file is the upload, byte for byte").isEqualTo(gzipped);
		}
		long lines = lines(first.read("$.id", String.class));
		assertThat(lines).isGreaterThanOrEqualTo(ROWS);
		assertThat(lines(second.read("$.id", String.class))).isEqualTo(lines);
		assertThat(linesDigest(first.read("$.id", String.class)))
			.as("every column of every line, lineage (row) included")
			.isEqualTo(linesDigest(second.read("$.id", String.class)));
	}

	@Test
	void anUploadCutOffWhileItsRowsAreStagedLeavesNothing() throws Exception {
		String account = account();
		byte[] body = multipart("cut.csv",
				focus(TestMonths.unusedMonth(this.http), account, ROWS).getBytes(StandardCharsets.UTF_8), true)
			.body();
		long jobsBefore = count("select count(*) from ingestion_job");
		long tablesBefore = count("select count(*) from pg_class where relname like 'activity\\_line\\_%'");
		long partitionsBefore = count("select count(*) from pg_inherits where inhparent = 'activity_line'::regclass");
		long filesBefore = storedFiles();
		awaitIdle();

		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/ingestions HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nAuthorization: "
					+ Jobs.admin()[1] + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
					+ "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.write(body, 0, body.length / 2);
			out.flush();
			await(() -> count("select count(*) from pg_stat_activity where query like 'copy activity\\_line\\_%'") > 0,
					"the staging's COPY runs while the upload arrives");
			socket.setSoLinger(true, 0);
		}
		awaitIdle();

		assertThat(count("select count(*) from ingestion_job")).as("no job for a file that never arrived whole")
			.isEqualTo(jobsBefore);
		assertThat(count("select count(*) from pg_class where relname like 'activity\\_line\\_%'"))
			.as("no staging table left")
			.isEqualTo(tablesBefore);
		assertThat(count("select count(*) from pg_inherits where inhparent = 'activity_line'::regclass"))
			.as("no partition")
			.isEqualTo(partitionsBefore);
		assertThat(count("select count(*) from activity_dimension where account_id = '" + account + "'"))
			.as("nothing of the file's accounts")
			.isZero();
		assertThat(storedFiles()).as("nothing stored").isEqualTo(filesBefore);
	}

	@Test
	void aDuplicateIsAnsweredWithTheEarlierJobAndItsStagingIsRolledBack() throws Exception {
		byte[] file = focus(TestMonths.unusedMonth(this.http), account(), ROWS).getBytes(StandardCharsets.UTF_8);
		awaitIdle();
		HttpResponse<String> once = send(multipart("once.csv", file, true));
		DocumentContext first = Jobs.await(this.http, JsonPath.read(once.body(), "$.id"));
		assertThat(first.read("$.status", String.class)).isEqualTo("COMPLETED");
		awaitIdle();
		long lines = lines(first.read("$.id", String.class));

		HttpResponse<String> again = send(multipart("again.csv", file, true));
		assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
		DocumentContext duplicate = JsonPath.parse(again.body());
		awaitIdle();

		String id = duplicate.read("$.id", String.class);
		assertThat(duplicate.read("$.status", String.class)).isEqualTo("COMPLETED");
		assertThat(duplicate.read("$.duplicateOf", String.class)).isEqualTo(first.read("$.id", String.class));
		assertThat(lines(id)).isZero();
		assertThat(count("select count(*) from pg_class where relname = 'activity_line_" + id.replace("-", "") + "'"))
			.as("the staging's table (named after the job) was rolled back")
			.isZero();
		assertThat(lines(first.read("$.id", String.class))).isEqualTo(lines);
		assertThat(count("select count(*) from ingestion_job where sha256 = '" + first.read("$.sha256", String.class)
				+ "' and duplicate_of is null"))
			.isOne();
	}

	private static final String BOUNDARY = "streamed-" + UUID.randomUUID();

	/**
	 * A multipart body with the file and overlap=APPEND, the option before the file or
	 * after it.
	 */
	private Multipart multipart(String fileName, byte[] content, boolean optionFirst) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String option = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"overlap\"\r\n\r\nAPPEND\r\n";
		if (optionFirst) {
			body.writeBytes(option.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		if (!optionFirst) {
			body.writeBytes(option.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new Multipart(body.toByteArray());
	}

	private record Multipart(byte[] body) {
	}

	private HttpResponse<String> send(Multipart multipart) {
		String[] auth = Jobs.admin();
		return this.http
			.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/api/v1/ingestions"))
				.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
				.header(auth[0], auth[1])
				.POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body()))
				.build());
	}

	/**
	 * A FOCUS file of one account's instance hours, storage and taxes over a month.
	 */
	static String focus(YearMonth month, String account, int rows) {
		StringBuilder csv = new StringBuilder(rows * 260).append(HEADER).append('\n');
		int hours = month.lengthOfMonth() * 24;
		for (int i = 0; i < rows; i++) {
			String start = month.atDay(1).atStartOfDay().plusHours(i % hours) + ":00Z";
			String end = month.atDay(1).atStartOfDay().plusHours(i % hours + 1) + ":00Z";
			String tags = "\"{\"\"team\"\":\"\"t" + (i % 7) + "\"\",\"\"run\"\":\"\"" + (i % 311) + "\"\"}\"";
			String cost = (i % 1000) / 100 + "." + String.format("%02d", i % 100);
			if (i % 50 == 49) {
				csv.append(
						String.join(",", start, end, "Tax", cost, "USD", "AWS", "", "", "", account, "", "", "", tags));
			}
			else {
				String details = "\"{\"\"InstanceType\"\":\"\"" + TYPES[i % TYPES.length] + "\"\"}\"";
				csv.append(String.join(",", start, end, "Usage", cost, "USD", "AWS", "Compute", "Amazon EC2",
						REGIONS[i % REGIONS.length], account, "1", "Hours", details, tags));
			}
			csv.append('\n');
		}
		return csv.toString();
	}

	private static String account() {
		return String.valueOf(100_000_000_000L + ThreadLocalRandom.current().nextLong(899_999_999_999L));
	}

	private long lines(String job) {
		return count("select count(*) from activity_line where job_id = '" + job + "'::uuid");
	}

	/** An MD5 over every column of the job's lines but the job, in row order. */
	private String linesDigest(String job) {
		return this.jdbc.sql("""
				select md5(string_agg(line, E'\\n' order by source_row, line)) from (
				  select source_row, (to_jsonb(a) - 'job_id')::text line from activity_line a where job_id = ?::uuid
				) lines""").param(job).query(String.class).single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	/** Until no upload is staged and no job runs on this node (the next one streams). */
	private void awaitIdle() throws InterruptedException {
		await(() -> this.streams.idle() && this.leases.idle(), "the staging ended");
	}

	private static void await(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within 60 s: " + what);
			}
			Thread.sleep(50);
		}
	}

	private static long storedFiles() throws IOException {
		Path files = Path.of("target/test-data/files");
		if (!Files.exists(files)) {
			return 0;
		}
		try (var walk = Files.walk(files)) {
			return walk.filter(Files::isRegularFile).count();
		}
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
