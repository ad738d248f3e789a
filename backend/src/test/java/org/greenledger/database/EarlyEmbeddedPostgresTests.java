package org.greenledger.database;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EarlyEmbeddedPostgresTests {

	@Test
	void noServerStartsEarlyWhenStartEarlyIsFalse(@TempDir Path dataRoot) {
		MockEnvironment environment = new MockEnvironment().withProperty("greenledger.data-dir", dataRoot.toString())
			.withProperty("greenledger.embedded-postgres.start-early", "false");
		new EarlyEmbeddedPostgres().postProcessEnvironment(environment, new SpringApplication());
		assertThat(EarlyEmbeddedPostgres.take(dataRoot.toAbsolutePath())).isEmpty();
		assertThat(dataRoot.resolve("postgres")).doesNotExist();
	}

	@Test
	void noServerStartsEarlyForAnExternalDatabase(@TempDir Path dataRoot) {
		MockEnvironment environment = new MockEnvironment().withProperty("greenledger.data-dir", dataRoot.toString())
			.withProperty("spring.datasource.url", "jdbc:postgresql://db.example.com/greenledger");
		new EarlyEmbeddedPostgres().postProcessEnvironment(environment, new SpringApplication());
		assertThat(EarlyEmbeddedPostgres.take(dataRoot.toAbsolutePath())).isEmpty();
	}

}
