package org.greenledger.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Two nodes of the application, each its own JVM process on loopback, against one
 * PostgreSQL database (a database of its own on the suite's server) and one shared file
 * store, with a 3-second job lease. A large FOCUS file is uploaded; the node working on
 * it is killed with SIGKILL half-way; the other node takes the job over once the lease
 * has passed and finishes it, with every row and every cent exactly once. A portal
 * session opened on one node is valid on the other. A node killed while an upload arrives
 * (and is staged) leaves no job and nothing staged.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTakeOverTests {

	/** Rows of the generated file: several seconds of ingestion on a 2-core machine. */
	static final int ROWS = 400_000;

	private static final String DATABASE = "greenledger_cluster_test";

	private static final Duration START = Duration.ofSeconds(120);

	private final Path root = Path.of("target", "cluster-test").toAbsolutePath();

	private String jdbcUrl;

	private ClusterNode first;

	private ClusterNode second;

	@BeforeAll
	void startTwoNodes() throws Exception {
		TestDatabase server = TestDatabase.get();
		this.jdbcUrl = withDatabase(server.jdbcUrl(), DATABASE);
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
				server.password()); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + DATABASE + " with (force)");
			statement.execute("create database " + DATABASE);
		}
		TestDatabase.deleteRecursively(this.root);
		Map<String, String> settings = Map.of("spring.datasource.url", this.jdbcUrl, "spring.datasource.username",
				server.username(), "spring.datasource.password", server.password(),
				"greenledger.security.admin-password", IntegrationTest.ADMIN_PASSWORD, "greenledger.file-store",
				this.root.resolve("shared-files").toString(), "greenledger.ingestion.lease.duration", "3s",
				"greenledger.ingestion.lease.poll-interval", "500ms");
		// at the same time: one migrates the new database, the other waits for
		// Flyway's lock
		this.first = ClusterNode.launch("node-1", this.root.resolve("node-1"), settings);
		this.second = ClusterNode.launch("node-2", this.root.resolve("node-2"), settings);
		this.first.awaitReady(START);
		this.second.awaitReady(START);
	}

	@AfterAll
	void stopNodes() throws InterruptedException {
		if (this.first != null) {
			this.first.close();
		}
		if (this.second != null) {
			this.second.close();
		}
	}

	@Test
	@Order(1)
	void aPortalSessionOpenedOnOneNodeIsValidOnTheOther() {
		HttpTestClient browser = new HttpTestClient(this.first.port());
		HttpResponse<String> signedIn = browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
		String cookie = signedIn.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(value -> value.startsWith("JSESSIONID="))
			.map(value -> value.substring(0, value.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No session cookie after signing in"));

		HttpResponse<String> onSecond = get(this.second.port(), "/", "Cookie", cookie);
		assertThat(onSecond.statusCode()).isEqualTo(200);
		assertThat(onSecond.body()).contains("<h1>Dashboard</h1>");
		HttpResponse<String> withoutSession = get(this.second.port(), "/");
		assertThat(withoutSession.statusCode()).as("without the session: to the login page").isEqualTo(302);
	}

	@Test
	@Order(2)
	void aJobWhoseNodeIsKilledIsFinishedByTheOtherNodeExactlyOnce() throws Exception {
		LocalDate month = LocalDate.of(2025, 3, 1);
		BigDecimal[] total = new BigDecimal[1];
		byte[] file = focus(month, ROWS, total);
		HttpTestClient client = new HttpTestClient(this.first.port());
		HttpResponse<String> upload = client.postMultipart("/api/v1/ingestions", "large-focus.csv.gz", file, Map.of(),
				admin());
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
		String id = JsonPath.parse(upload.body()).read("$.id", String.class);

		DocumentContext running = awaitRunningHalfWay(id);
		String worker = running.read("$.lifecycle.node", String.class);
		ClusterNode victim = worker.equals(this.first.id()) ? this.first : this.second;
		ClusterNode survivor = (victim == this.first) ? this.second : this.first;
		long killedAt = System.nanoTime();
		victim.kill();

		DocumentContext done = awaitFinished(survivor, id, Duration.ofSeconds(90));
		assertThat(done.read("$.status", String.class)).as(done.jsonString() + "\n" + survivor.console())
			.isEqualTo("COMPLETED");
		assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).as("taken over after the 3 s lease, not before")
			.isGreaterThan(Duration.ofSeconds(2));
		assertThat(done.read("$.rowsRead", Long.class)).isEqualTo(ROWS);
		assertThat(done.read("$.rowsAccepted", Long.class)).isEqualTo(ROWS);
		assertThat(done.read("$.rowsRejected", Long.class)).isZero();
		assertThat(done.read("$.lifecycle.node", String.class)).isEqualTo(survivor.id());
		assertThat(done.read("$.lifecycle.attempts", Integer.class)).isEqualTo(2);
		assertThat(done.read("$.lifecycle.interruptions", Integer.class)).isEqualTo(1);
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl, TestDatabase.get().username(),
				TestDatabase.get().password())) {
			List<Object> lines = row(connection,
					"select count(*), sum(billed_cost) from activity_line where job_id = '" + id + "'::uuid");
			assertThat((Long) lines.get(0)).as("each row once").isEqualTo(ROWS);
			assertThat((BigDecimal) lines.get(1)).as("each cent once").isEqualByComparingTo(total[0]);
			List<Object> rollup = row(connection,
					"select sum(billed_cost) from footprint_rollup_month where job_id = '" + id + "'::uuid");
			assertThat(((Number) rollup.get(0)).doubleValue()).isCloseTo(total[0].doubleValue(), within(0.005));
			List<Object> jobs = row(connection, "select count(*) from ingestion_job");
			assertThat((Long) jobs.get(0)).as("one job, not a second one").isEqualTo(1);
		}
		HttpResponse<String> info = get(survivor.port(), "/actuator/info", admin());
		assertThat(JsonPath.parse(info.body()).read("$.node.id", String.class)).isEqualTo(survivor.id());
		HttpTestClient browser = new HttpTestClient(survivor.port());
		browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		assertThat(browser.get("/data-sources/" + id).body()).contains("data-job-node>" + survivor.id() + "<",
				"data-job-attempts>2<");
	}

	/**
	 * A billing export is staged while it arrives (issue 17), but its job is recorded
	 * only once the file is completely stored: a node killed before leaves no job to take
	 * over, nothing staged (its transaction dies with it) and nothing stored.
	 */
	@Test
	@Order(3)
	void aNodeKilledWhileAnUploadArrivesLeavesNoJobAndNothingStaged() throws Exception {
		ClusterNode receiver = this.first.alive() ? this.first : this.second;
		assertThat(receiver.alive()).as("a node is left after the takeover").isTrue();
		byte[] file = focus(LocalDate.of(2025, 4, 1), ROWS, new BigDecimal[1]);
		String boundary = "arriving-" + System.nanoTime();
		byte[] head = ("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"arriving.csv.gz\""
				+ "\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		String staging = "select count(*) from pg_stat_activity where datname = current_database()"
				+ " and query like 'copy activity\\_line\\_%'";
		String partitions = "select count(*) from pg_inherits where inhparent = 'activity_line'::regclass";
		String tables = "select count(*) from pg_class where relname like 'activity\\_line\\_%'";
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl, TestDatabase.get().username(),
				TestDatabase.get().password());
				java.net.Socket socket = new java.net.Socket("127.0.0.1", receiver.port())) {
			long jobsBefore = (Long) row(connection, "select count(*) from ingestion_job").get(0);
			long partitionsBefore = (Long) row(connection, partitions).get(0);
			long tablesBefore = (Long) row(connection, tables).get(0);
			java.io.OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/ingestions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + admin()[1]
					+ "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
					+ (head.length + file.length + tail.length) + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.write(head);
			out.write(file, 0, file.length / 2);
			out.flush();
			awaitCount(connection, staging, 1, "the staging's COPY runs while the upload arrives");
			receiver.kill();
			awaitCount(connection, staging, 0, "PostgreSQL rolls the staging back as the node's connection drops");

			assertThat((Long) row(connection, "select count(*) from ingestion_job").get(0))
				.as("no job for a file that was never stored whole")
				.isEqualTo(jobsBefore);
			assertThat((Long) row(connection, partitions).get(0)).isEqualTo(partitionsBefore);
			assertThat((Long) row(connection, tables).get(0)).as("no staging table left").isEqualTo(tablesBefore);
		}
		try (var files = java.nio.file.Files.walk(this.root.resolve("shared-files"))) {
			assertThat(files.filter(path -> path.getFileName().toString().matches("[0-9a-f]{64}\\.zst")).count())
				.as("only the first test's file is stored")
				.isEqualTo(1);
		}
	}

	private static void awaitCount(Connection connection, String sql, long wanted, String what)
			throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (((Long) row(connection, sql).get(0)) != wanted) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within 60 s: " + what);
			}
			Thread.sleep(50);
		}
	}

	private DocumentContext awaitRunningHalfWay(String id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		DocumentContext job = null;
		while (System.nanoTime() < deadline) {
			job = JsonPath.parse(get(this.first.port(), "/api/v1/ingestions/" + id, admin()).body());
			String status = job.read("$.status", String.class);
			assertThat(status).as("the job must still run when its node is killed: make the file larger")
				.isIn("QUEUED", "RUNNING");
			if ("RUNNING".equals(status) && job.read("$.rowsRead", Long.class) > 0) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The job did not report progress: " + ((job != null) ? job.jsonString() : ""));
	}

	static DocumentContext awaitFinished(ClusterNode node, String id, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		DocumentContext job = null;
		while (System.nanoTime() < deadline) {
			job = JsonPath.parse(get(node.port(), "/api/v1/ingestions/" + id, admin()).body());
			if (!List.of("QUEUED", "RUNNING").contains(job.read("$.status", String.class))) {
				return job;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("Node " + node.id() + " did not finish the job within " + timeout + ": "
				+ ((job != null) ? job.jsonString() : "") + "\n" + node.console());
	}

	/**
	 * A gzipped FOCUS file of {@code rows} hours of m5.xlarge instances in one month,
	 * with costs from 0.01 to 9.97; the sum of its costs in {@code total[0]}.
	 */
	static byte[] focus(LocalDate month, int rows, BigDecimal[] total) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		long cents = 0;
		try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes, 1 << 16), StandardCharsets.UTF_8)) {
			out.write("ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,ProviderName,"
					+ "ServiceCategory,ServiceName,RegionId,ConsumedQuantity,ConsumedUnit,SkuPriceDetails,Tags\n");
			StringBuilder line = new StringBuilder(200);
			for (int i = 0; i < rows; i++) {
				int day = 1 + i % 28;
				int hour = (i / 28) % 24;
				int cost = 1 + i % 997;
				cents += cost;
				String start = month.withDayOfMonth(day) + "T" + two(hour) + ":00:00Z";
				String end = (hour == 23) ? month.withDayOfMonth(day + 1) + "T00:00:00Z"
						: month.withDayOfMonth(day) + "T" + two(hour + 1) + ":00:00Z";
				line.setLength(0);
				line.append(start)
					.append(',')
					.append(end)
					.append(",Usage,")
					.append(cost / 100)
					.append('.')
					.append(two(cost % 100))
					.append(",USD,AWS,Compute,EC2,us-east-1,1,Hours,\"{\"\"InstanceType\"\":\"\"m5.xlarge\"\"}\",\n");
				out.write(line.toString());
			}
		}
		total[0] = BigDecimal.valueOf(cents, 2);
		return bytes.toByteArray();
	}

	private static String two(int value) {
		return (value < 10) ? "0" + value : String.valueOf(value);
	}

	private static List<Object> row(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			List<Object> values = new java.util.ArrayList<>();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				values.add(rs.getObject(i));
			}
			return values;
		}
	}

	static HttpResponse<String> get(int port, String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30));
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + path + " on port " + port + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String[] admin() {
		return HttpTestClient.basic("admin", IntegrationTest.ADMIN_PASSWORD);
	}

	/** The JDBC URL of another database on the same server. */
	static String withDatabase(String url, String database) {
		int query = url.indexOf('?');
		String base = (query < 0) ? url : url.substring(0, query);
		return base.substring(0, base.lastIndexOf('/') + 1) + database + ((query < 0) ? "" : url.substring(query));
	}

}
