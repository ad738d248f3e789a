package org.greenledger.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.greenledger.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class UserAccountRepositoryTests {

	@Autowired
	UserAccountRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Test
	void flywayHasMigratedTheSchemaOnRealPostgres() {
		assertThat(this.jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
		assertThat(this.jdbc.sql("select count(*) from flyway_schema_history where version = '1' and success")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void roundTripsAnAccountWithItsRoles() {
		String name = "round-trip-" + UUID.randomUUID();
		Instant created = Instant.now().truncatedTo(ChronoUnit.MICROS);
		UserAccount saved = this.repository
			.save(UserAccount.create(name, "{bcrypt}hash", Set.of(Role.AUDITOR, Role.PROCUREMENT), created));

		UserAccount loaded = this.repository.findByUsername(name).orElseThrow();

		assertThat(loaded.id()).isEqualTo(saved.id());
		assertThat(loaded.roles()).containsExactlyInAnyOrder(Role.AUDITOR, Role.PROCUREMENT);
		assertThat(loaded.passwordHash()).isEqualTo("{bcrypt}hash");
		assertThat(loaded.createdAt()).isEqualTo(created);
		assertThat(loaded.enabled()).isTrue();
	}

	@Test
	void theDatabaseRefusesDuplicateAndUpperCaseNames() {
		String name = "unique-" + UUID.randomUUID();
		this.repository.save(UserAccount.create(name, "{bcrypt}a", Set.of(Role.AUDITOR), Instant.now()));
		assertThatThrownBy(
				() -> this.repository.save(UserAccount.create(name, "{bcrypt}b", Set.of(Role.AUDITOR), Instant.now())))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.repository
			.save(UserAccount.create("Upper-" + UUID.randomUUID(), "{bcrypt}c", Set.of(Role.AUDITOR), Instant.now())))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

}
