package org.greenledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.greenledger.database.EmbeddedPostgres;

/**
 * The one PostgreSQL the test suite uses, decided once per JVM in this order: the server
 * named by {@code TEST_JDBC_URL} (with {@code TEST_JDBC_USERNAME} and
 * {@code TEST_JDBC_PASSWORD}); a Testcontainers PostgreSQL when a Docker engine answers;
 * otherwise GreenLedger's embedded PostgreSQL with a fresh data directory under
 * {@code target/}.
 */
public record TestDatabase(String jdbcUrl, String username, String password, String origin) {

	private static final String DATABASE = "greenledger_test";

	private static TestDatabase instance;

	public static synchronized TestDatabase get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	private static TestDatabase start() {
		String url = System.getenv("TEST_JDBC_URL");
		if (url != null && !url.isBlank()) {
			return new TestDatabase(url, env("TEST_JDBC_USERNAME", "postgres"), env("TEST_JDBC_PASSWORD", ""),
					"TEST_JDBC_URL");
		}
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine").withDatabaseName(DATABASE);
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
			return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
					"Testcontainers");
		}
		Path root = Path.of("target", "test-postgres").toAbsolutePath();
		deleteRecursively(root.resolve("data"));
		EmbeddedPostgres postgres = EmbeddedPostgres.start(root.resolve("data"), root.resolve("runtime"), 0, DATABASE,
				Duration.ofSeconds(60));
		Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
		return new TestDatabase(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password(),
				"embedded PostgreSQL");
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	public static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot clean " + path, ex);
		}
	}

}
