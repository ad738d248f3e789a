package org.greenledger.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresTests {

	private static final Path BINARIES = Path.of("target", "test-postgres", "runtime").toAbsolutePath();

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path dataRoot;

	@Test
	void keepsItsDataAcrossRestarts() throws Exception {
		try (EmbeddedPostgres first = EmbeddedPostgres.start(this.dataRoot, BINARIES, 0, "ledger", TIMEOUT)) {
			assertThat(first.initializedNow()).isTrue();
			execute(first, "create table kept (value text)", "insert into kept values ('survives a restart')");
		}
		try (EmbeddedPostgres second = EmbeddedPostgres.start(this.dataRoot, BINARIES, 0, "ledger", TIMEOUT)) {
			assertThat(second.initializedNow()).isFalse();
			assertThat(second.dataDirectory()).isEqualTo(this.dataRoot.resolve("postgres"));
			try (Connection connection = connect(second);
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("select value from kept")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("survives a restart");
			}
		}
	}

	/**
	 * The settings a loaded file's rows rely on (docs/operations.md): not written to the
	 * WAL but synced at commit, written out while they are loaded, their index sorted in
	 * memory by one process; queries not compiled.
	 */
	@Test
	void runsWithTheSettingsOfFastDurableLoads() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(this.dataRoot, BINARIES, 0, "ledger", TIMEOUT);
				Connection connection = connect(postgres);
				Statement statement = connection.createStatement()) {
			for (String[] setting : new String[][] { { "wal_level", "minimal" }, { "max_wal_senders", "0" },
					{ "backend_flush_after", "2MB" }, { "maintenance_work_mem", "256MB" },
					{ "max_parallel_maintenance_workers", "0" }, { "jit", "off" } }) {
				try (ResultSet rows = statement.executeQuery("show " + setting[0])) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getString(1)).as(setting[0]).isEqualTo(setting[1]);
				}
			}
		}
	}

	@Test
	void requiresAPasswordKeptReadableByTheOwnerOnly() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start(this.dataRoot, BINARIES, 0, "ledger", TIMEOUT)) {
			assertThat(Files.getPosixFilePermissions(this.dataRoot.resolve("postgres.password")))
				.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
			assertThatThrownBy(
					() -> DriverManager.getConnection(postgres.jdbcUrl("ledger"), postgres.username(), "wrong"))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("password authentication failed");
		}
	}

	@Test
	void refusesADataDirectoryInUseByAnotherProcess() {
		try (EmbeddedPostgres running = EmbeddedPostgres.start(this.dataRoot, BINARIES, 0, "ledger", TIMEOUT)) {
			assertThatThrownBy(() -> EmbeddedPostgres.start(this.dataRoot, BINARIES, 0, "ledger", TIMEOUT))
				.isInstanceOf(EmbeddedPostgresException.class)
				.hasMessageContaining("in use by another GreenLedger process");
		}
	}

	@Test
	void refusesADirectoryThatIsNoPostgresDataDirectory() throws Exception {
		Files.createDirectories(this.dataRoot.resolve("postgres"));
		Files.writeString(this.dataRoot.resolve("postgres").resolve("notes.txt"), "not a database");
		assertThatThrownBy(() -> EmbeddedPostgres.start(this.dataRoot, BINARIES, 0, "ledger", TIMEOUT))
			.isInstanceOf(EmbeddedPostgresException.class)
			.hasMessageContaining("is not empty but is no PostgreSQL data directory");
	}

	private static void execute(EmbeddedPostgres postgres, String... sql) throws SQLException {
		try (Connection connection = connect(postgres); Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

	private static Connection connect(EmbeddedPostgres postgres) throws SQLException {
		return DriverManager.getConnection(postgres.jdbcUrl("ledger"), postgres.username(), postgres.password());
	}

}
