package org.greenledger.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.IntegrationTest;
import org.greenledger.TestMonths;
import org.greenledger.ledger.LedgerFixture.Impacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export's cursors: each holds one connection and never waits for a second, and lines
 * whose upload record is missing are exported, named as such, instead of failing the
 * export (and, before, leaking its connection).
 */
@IntegrationTest
class ActivityLineExportTests {

	@Autowired
	ActivityLineExport export;

	@Autowired
	DataSource dataSource;

	@Autowired
	FootprintQuery footprint;

	@Autowired
	LedgerRemovals removals;

	@Autowired
	PlatformTransactionManager transactions;

	private final List<UUID> jobs = new ArrayList<>();

	private LocalDate day;

	@BeforeEach
	void writeLinesWithoutAnUploadRecord() {
		this.day = LocalDate.of(TestMonths.unusedYear(this.footprint), 5, 1);
		// the fixture writes straight into the ledger: its job has no upload record
		this.jobs.add(new LedgerFixture(this.dataSource).write(
				LedgerFixture.cloud(2, this.day, "aws", "us-east-1", "EC2", 8,
						new Impacts(0.2, 0.24, 0.09, 0.08, 0.03, 0.4), "0.384"),
				LedgerFixture.cloud(1, this.day, "aws", "us-east-1", "EC2", 4,
						new Impacts(0.1, 0.12, 0.045, 0.04, 0.015, 0.2), "0.192")));
	}

	@AfterEach
	void removeThem() {
		new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> this.removals.removeJobs(this.jobs));
	}

	@Test
	void linesWithoutAnUploadRecordAreExportedNamedAsSuch() {
		List<List<@Nullable Object>> lines = new ArrayList<>();
		this.export.lines(this.day, this.day).forEach(lines::add);

		assertThat(lines).hasSize(2).hasSize((int) this.export.count(this.day, this.day, null));
		assertThat(this.export.count(this.day.plusDays(1), this.day.plusDays(1), null)).isZero();
		assertThat(this.export.count(this.day, this.day, "no-such-unit")).isZero();
		assertThat(lines).allSatisfy((line) -> {
			assertThat(line.get(0)).isEqualTo("(no upload record for job " + this.jobs.get(0) + ")");
			assertThat(line.get(1)).as("no hash to show").isNull();
		});
		assertThat(lines).extracting((line) -> line.get(2))
			.as("in file order, whatever order the lines were stored in")
			.containsExactly(1L, 2L);
	}

	@Test
	void asManyExportsAsThePoolHasConnectionsAllReadTheirLines() throws Exception {
		int connections = this.dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
		List<Iterator<List<@Nullable Object>>> cursors = new ArrayList<>();
		try {
			for (int i = 0; i < connections; i++) {
				cursors.add(this.export.lines(this.day, this.day).iterator());
			}
			// every connection is taken by a cursor: naming a line's file must not need
			// one
			for (Iterator<List<@Nullable Object>> cursor : cursors) {
				assertThat(cursor.next().get(0)).asString().startsWith("(no upload record");
			}
		}
		finally {
			for (Iterator<List<@Nullable Object>> cursor : cursors) {
				((AutoCloseable) cursor).close();
			}
		}
	}

}
