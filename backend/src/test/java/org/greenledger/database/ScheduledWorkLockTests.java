package org.greenledger.database;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;

import org.greenledger.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled work runs once per cluster: while one node holds a task's lock in the
 * {@code shedlock} table (created by Flyway), another node's provider (a second one on
 * the same database) does not get it; once released, it does.
 */
@IntegrationTest
class ScheduledWorkLockTests {

	@Autowired
	LockProvider locks;

	@Autowired
	DataSource dataSource;

	@Test
	void aTaskLockedByOneNodeIsSkippedByAnother() {
		LockProvider otherNode = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(this.dataSource))
			.usingDbTime()
			.build());
		String task = "test-task-" + UUID.randomUUID();

		Optional<SimpleLock> first = this.locks.lock(configuration(task));
		assertThat(first).as("the first node runs the task").isPresent();
		assertThat(otherNode.lock(configuration(task))).as("the other node skips this run").isEmpty();

		first.get().unlock();
		Optional<SimpleLock> next = otherNode.lock(configuration(task));
		assertThat(next).as("the next run may be on any node").isPresent();
		next.get().unlock();
	}

	private static LockConfiguration configuration(String name) {
		return new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5), Duration.ZERO);
	}

}
