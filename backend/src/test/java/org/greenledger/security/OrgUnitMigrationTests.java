package org.greenledger.security;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.IntegrationTest;
import org.greenledger.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration V9 on a schema of its own holding data of the version before: every free-text
 * org unit the data names becomes a registered unit, and from then on data can only name
 * registered units.
 */
@IntegrationTest
class OrgUnitMigrationTests {

	@Autowired
	DataSource dataSource;

	String schema;

	/** Connections whose current schema is the test's schema. */
	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		this.schema = "v9_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		migrate("8");
		TestDatabase database = TestDatabase.get();
		String url = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema="
				+ this.schema;
		this.jdbc = JdbcClient.create(new DriverManagerDataSource(url, database.username(), database.password()));
	}

	@AfterEach
	void dropSchema() {
		this.jdbc.sql("drop schema " + this.schema + " cascade").update();
	}

	@Test
	void everyOrgUnitNamedByDataIsRegistered() {
		this.jdbc.sql("""
				insert into ingestion_job (id, status, file_name, sha256, bytes, org_unit, created_by, created_at)
				values (gen_random_uuid(), 'COMPLETED', 'a.csv', repeat('a', 64), 1, 'research', 'olivia', now()),
				       (gen_random_uuid(), 'COMPLETED', 'b.csv', repeat('b', 64), 1, null, 'olivia', now())""")
			.update();
		this.jdbc.sql("""
				insert into activity_dimension (id, hash, charge_category, org_unit)
				values (1, repeat('c', 64), 'Usage', 'research'), (2, repeat('d', 64), 'Usage', 'legacy only')""")
			.update();
		this.jdbc.sql("""
				insert into site (id, code, name, kind, grid_zone, org_unit, created_at, created_by)
				values (gen_random_uuid(), 'FRA1', 'Frankfurt', 'OWN', 'DE', 'Platform Team', now(), 'olivia')""")
			.update();
		this.jdbc.sql("""
				insert into workload (id, name, kind, org_unit, created_at, created_by)
				values (gen_random_uuid(), 'llm', 'MODEL', 'ml', now(), 'olivia')""").update();
		this.jdbc
			.sql("""
					insert into report (id, type, period_start, period_end, org_unit, title, figures, provenance, created_at,
					                    created_by)
					values (gen_random_uuid(), 'GHG_INVENTORY', '2025-01-01', '2025-12-31', 'finance', 'GHG', '{}', '{}',
					        now(), 'olivia')""")
			.update();

		migrate("9");

		List<String> units = this.jdbc.sql("""
				select code || '|' || name || '|' || created_by || '|' || active from org_unit order by code collate "C"
				""").query(String.class).list();
		assertThat(units).containsExactly("Platform Team|Platform Team|migration|true",
				"finance|finance|migration|true", "legacy only|legacy only|migration|true", "ml|ml|migration|true",
				"research|research|migration|true");
		assertThat(this.jdbc.sql("""
				select count(*) from information_schema.columns
				where table_schema = ? and table_name = 'procurement_evaluation' and column_name = 'org_unit'""")
			.param(this.schema)
			.query(Integer.class)
			.single()).isOne();
		// from now on, data names registered units only
		assertThatThrownBy(() -> this.jdbc.sql("""
				insert into workload (id, name, kind, org_unit, created_at, created_by)
				values (gen_random_uuid(), 'other', 'MODEL', 'nowhere', now(), 'olivia')""").update())
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	private void migrate(String target) {
		Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(this.schema)
			.createSchemas(true)
			.locations("classpath:db/migration")
			.target(target)
			.load()
			.migrate();
	}

}
