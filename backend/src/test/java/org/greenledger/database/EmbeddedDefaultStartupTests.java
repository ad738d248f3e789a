package org.greenledger.database;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.greenledger.GreenLedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default set-up, as the README's run command starts it: no datasource URL, so
 * GreenLedger runs its embedded PostgreSQL in its data directory and keeps the data
 * across restarts.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDefaultStartupTests {

	@Test
	void withoutADatasourceUrlTheAppRunsEmbeddedPostgresAndKeepsItsDataAcrossRestarts(CapturedOutput output) {
		Path dataDir = Path.of("target", "embedded-default-startup").toAbsolutePath();
		org.greenledger.TestDatabase.deleteRecursively(dataDir);
		String[] args = { "--greenledger.data-dir=" + dataDir, "--server.port=0",
				"--greenledger.embedded-postgres.binaries-dir="
						+ Path.of("target", "test-postgres", "runtime").toAbsolutePath(),
				"--greenledger.security.admin-password=first-start-password" };

		try (ConfigurableApplicationContext first = new SpringApplicationBuilder(GreenLedgerApplication.class)
			.run(args)) {
			JdbcClient jdbc = JdbcClient.create(first.getBean(javax.sql.DataSource.class));
			assertThat(jdbc.sql("select count(*) from app_user where username = 'admin'").query(Integer.class).single())
				.isOne();
			jdbc.sql("insert into app_user (id, username, password_hash, created_at, version)"
					+ " values (gen_random_uuid(), 'kept-across-restarts', '{bcrypt}x', now(), 0)")
				.update();
		}
		assertThat(output.getOut()).contains("Database: embedded PostgreSQL")
			.contains(dataDir.resolve("postgres") + " (created now)");

		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(GreenLedgerApplication.class)
			.run(args)) {
			JdbcClient jdbc = JdbcClient.create(second.getBean(javax.sql.DataSource.class));
			assertThat(jdbc.sql("select count(*) from app_user where username = 'kept-across-restarts'")
				.query(Integer.class)
				.single()).isOne();
		}
		assertThat(output.getOut()).contains(dataDir.resolve("postgres") + " (reused from an earlier start)");
	}

}
