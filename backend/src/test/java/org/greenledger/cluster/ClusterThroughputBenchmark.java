package org.greenledger.cluster;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures upload and ingestion throughput of one node and of two nodes against one
 * PostgreSQL, on this machine; the figures in docs/operations.md come from it. Not part
 * of the suite: run with
 * {@code -Dtest=ClusterThroughputBenchmark -Dgreenledger.cluster.bench=true}.
 */
@EnabledIfSystemProperty(named = "greenledger.cluster.bench", matches = "true")
class ClusterThroughputBenchmark {

	private static final int FILES = Integer.getInteger("greenledger.cluster.bench.files", 4);

	private static final int ROWS = Integer.getInteger("greenledger.cluster.bench.rows", 200_000);

	@Test
	void oneNodeThenTwoNodes() throws Exception {
		TestDatabase server = TestDatabase.get();
		String database = "greenledger_cluster_bench";
		String url = ClusterTakeOverTests.withDatabase(server.jdbcUrl(), database);
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
				server.password()); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database + " with (force)");
			statement.execute("create database " + database);
		}
		Path root = Path.of("target", "cluster-bench").toAbsolutePath();
		TestDatabase.deleteRecursively(root);
		Map<String, String> settings = Map.of("spring.datasource.url", url, "spring.datasource.username",
				server.username(), "spring.datasource.password", server.password(),
				"greenledger.security.admin-password", IntegrationTest.ADMIN_PASSWORD, "greenledger.file-store",
				root.resolve("shared-files").toString(), "greenledger.ingestion.lease.poll-interval", "1s");
		List<byte[]> files = new ArrayList<>();
		for (int i = 0; i < 2 * FILES; i++) {
			files.add(ClusterTakeOverTests.focus(LocalDate.of(2024, 1 + i % 12, 1).plusYears(i / 12), ROWS,
					new BigDecimal[1]));
		}
		List<String> report = new ArrayList<>();
		report.add("files: " + FILES + " x " + ROWS + " rows (" + files.get(0).length + " bytes gzipped each)");
		try (ClusterNode first = ClusterNode.start("bench-1", root.resolve("bench-1"), settings,
				Duration.ofMinutes(3))) {
			report.add(run("one node", List.of(first), files.subList(0, FILES)));
			try (ClusterNode second = ClusterNode.start("bench-2", root.resolve("bench-2"), settings,
					Duration.ofMinutes(3))) {
				report.add(run("two nodes", List.of(first, second), files.subList(FILES, 2 * FILES)));
			}
		}
		Files.write(root.resolve("report.txt"), report);
		report.forEach(System.out::println);
	}

	/**
	 * Uploads the files one after the other, spread over the nodes, then waits for every
	 * job: upload time (storing, hashing) and end-to-end time to the last completion.
	 */
	private static String run(String name, List<ClusterNode> nodes, List<byte[]> files)
			throws IOException, InterruptedException {
		long started = System.nanoTime();
		long uploadNanos = 0;
		long bytes = 0;
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			ClusterNode node = nodes.get(i % nodes.size());
			long before = System.nanoTime();
			var response = new HttpTestClient(node.port()).postMultipart("/api/v1/ingestions", "bench-" + i + ".csv.gz",
					files.get(i), Map.of(), ClusterTakeOverTests.admin());
			uploadNanos += System.nanoTime() - before;
			bytes += files.get(i).length;
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
			ids.add(JsonPath.parse(response.body()).read("$.id", String.class));
		}
		List<String> workers = new ArrayList<>();
		for (String id : ids) {
			var job = ClusterTakeOverTests.awaitFinished(nodes.get(0), id, Duration.ofMinutes(10));
			assertThat(job.read("$.status", String.class)).isEqualTo("COMPLETED");
			workers.add(job.read("$.lifecycle.node", String.class));
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long rows = (long) ROWS * files.size();
		return String.format(java.util.Locale.ROOT,
				"%s: %d rows in %.1f s end to end = %.0f rows/s; uploads %.1f MB in %.2f s = %.1f MB/s; worked by %s",
				name, rows, seconds, rows / seconds, bytes / 1e6, uploadNanos / 1e9, bytes / 1e6 / (uploadNanos / 1e9),
				workers);
	}

}
