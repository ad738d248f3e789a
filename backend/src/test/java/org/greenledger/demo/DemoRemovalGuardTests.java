package org.greenledger.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.greenledger.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database itself keeps the demo's removal to the demo's own records: with the
 * removal setting on, a reporting period the demo did not create is still refused, and
 * one the demo holds may go. Each case runs in a transaction that is rolled back, so
 * nothing stays behind.
 */
@IntegrationTest
class DemoRemovalGuardTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theRemovalSettingAloneDoesNotOpenAPeriodTheDemoDidNotCreate() {
		assertThatThrownBy(() -> inRolledBackTransaction(() -> {
			UUID period = insertPeriod("Not the demo's");
			removalOn();
			this.jdbc.sql("delete from reporting_period where id = ?").param(period).update();
		})).hasMessageContaining("reporting_period is append-only: only the demo organisation's own records");
	}

	@Test
	void aPeriodTheDemoHoldsCanBeRemovedByTheRemoval() {
		int[] deleted = new int[1];
		inRolledBackTransaction(() -> {
			UUID period = insertPeriod("The demo's");
			this.jdbc.sql("insert into demo_holding (kind, ref, label, created_at) values ('PERIOD', ?, 'test', now())")
				.param(period.toString())
				.update();
			removalOn();
			deleted[0] = this.jdbc.sql("delete from reporting_period where id = ?").param(period).update();
		});
		assertThat(deleted[0]).isEqualTo(1);
	}

	@Test
	void withoutTheRemovalSettingNoPeriodCanBeDeleted() {
		assertThatThrownBy(() -> inRolledBackTransaction(() -> {
			UUID period = insertPeriod("Held but not removing");
			this.jdbc.sql("insert into demo_holding (kind, ref, label, created_at) values ('PERIOD', ?, 'test', now())")
				.param(period.toString())
				.update();
			this.jdbc.sql("delete from reporting_period where id = ?").param(period).update();
		})).hasMessageContaining("reporting_period is append-only: DELETE is not allowed");
	}

	private UUID insertPeriod(String name) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql(
				"insert into reporting_period (id, name, period_start, period_end, version, status, created_at, created_by)"
						+ " values (?, ?, ?, ?, 1, 'DRAFT', ?, 'guard-test')")
			.params(id, name + " " + id, LocalDate.of(1990, 1, 1), LocalDate.of(1990, 12, 31),
					Timestamp.from(Instant.now()))
			.update();
		return id;
	}

	private void removalOn() {
		this.jdbc.sql("select set_config('greenledger.demo_removal', 'on', true)").query().singleValue();
	}

	private void inRolledBackTransaction(Runnable work) {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			status.setRollbackOnly();
			work.run();
		});
	}

}
