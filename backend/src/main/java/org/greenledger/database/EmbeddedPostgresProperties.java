package org.greenledger.database;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL, used only when no {@code spring.datasource.url} is
 * set.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free port at every start
 * @param database name of the application database
 * @param startTimeout how long start-up may take before GreenLedger gives up
 * @param binariesDir where the server binaries are unpacked; defaults to
 * {@code <data dir>/runtime}
 * @param startEarly whether the server starts in the background as soon as the
 * configuration is read ({@link EarlyEmbeddedPostgres}), rather than when the data source
 * is created; false where the data source's URL is only set after that (the test suite
 * points every context at its one server)
 */
@ConfigurationProperties("greenledger.embedded-postgres")
record EmbeddedPostgresProperties(@DefaultValue("0") int port, @DefaultValue("greenledger") String database,
		@DefaultValue("60s") Duration startTimeout, @Nullable String binariesDir,
		@DefaultValue("true") boolean startEarly) {

	Path binariesDir(Path dataRoot) {
		return (this.binariesDir != null && !this.binariesDir.isBlank()) ? Path.of(this.binariesDir).toAbsolutePath()
				: dataRoot.resolve("runtime");
	}

}
