package org.greenledger.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.IntegrationTest;
import org.greenledger.system.ApiProblemException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Reading the audit log against PostgreSQL: filters, newest first, keyset pages. */
@IntegrationTest
class AuditEventsTests {

	@Autowired
	AuditEvents events;

	@Autowired
	JdbcClient jdbc;

	String actor;

	@BeforeEach
	void setUp() {
		this.actor = "reader-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void pagesContinueFromTheirCursorNewestFirstEvenWhenTimesTie() {
		Instant tie = Instant.parse("2031-03-04T05:06:07.123456Z");
		for (int i = 0; i < 7; i++) {
			insert(tie.plusSeconds((i < 4) ? 0 : i), "THING_DONE", "thing:" + i);
		}
		AuditFilter mine = new AuditFilter(this.actor, null, null, null, null);
		List<String> seen = new ArrayList<>();
		AuditCursor cursor = null;
		int pages = 0;
		do {
			AuditPage page = this.events.page(mine, cursor, 3);
			page.events().forEach(event -> seen.add(event.subject()));
			cursor = (page.next() != null) ? AuditCursor.parse("before", page.next().token()) : null;
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isEqualTo(3);
		// newest first; among equal times, the later recorded first
		assertThat(seen).containsExactly("thing:6", "thing:5", "thing:4", "thing:3", "thing:2", "thing:1", "thing:0");
	}

	@Test
	void filtersByActorActionPrefixSubjectTextAndDays() {
		insert(Instant.parse("2031-05-01T23:59:59Z"), "PERIOD_CREATED", "period:FY2031 v1");
		insert(Instant.parse("2031-05-02T00:00:00Z"), "PERIOD_APPROVED", "period:FY2031 v1");
		insert(Instant.parse("2031-05-03T12:00:00Z"), "SITE_CREATED", "site:Frankfurt_1");

		assertThat(subjects(AuditFilter.of(this.actor, "period_", null, null, null))).hasSize(2);
		assertThat(actions(AuditFilter.of(this.actor, null, "frankfurt_", null, null))).containsExactly("SITE_CREATED");
		// '_' and '%' are text, not wildcards
		assertThat(actions(AuditFilter.of(this.actor, null, "FY2031%", null, null))).isEmpty();
		assertThat(actions(AuditFilter.of(this.actor, null, null, "2031-05-02", "2031-05-02")))
			.containsExactly("PERIOD_APPROVED");
		assertThat(actions(AuditFilter.of(this.actor, null, null, null, "2031-05-01")))
			.containsExactly("PERIOD_CREATED");
		assertThat(actions(AuditFilter.of(this.actor, null, null, "2031-05-02", null))).containsExactly("SITE_CREATED",
				"PERIOD_APPROVED");
		assertThat(actions(AuditFilter.of(this.actor + "x", null, null, null, null))).isEmpty();
	}

	@Test
	void aTrailHoldsItsSubjectsAndActionsUpToItsEndAndItsTimedActionsFromItsStart() {
		String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
		insert(Instant.parse("2040-01-01T00:00:00Z"), "X_DONE", "trail-" + tag + ":a");
		insert(Instant.parse("2040-01-01T12:00:00Z"), "T" + tag + "_SIGNED", "user:before");
		insert(Instant.parse("2040-01-03T00:00:00Z"), "T" + tag + "_SIGNED", "user:within");
		insert(Instant.parse("2040-01-04T00:00:00Z"), "B" + tag + "_BILLED", "other:b");
		insert(Instant.parse("2040-01-05T00:00:00Z"), "NOTHING", "other-" + tag + ":d");
		insert(Instant.parse("2040-01-11T00:00:00Z"), "X_DONE", "trail-" + tag + ":late");

		List<AuditEvent> trail = this.events.trail(Instant.parse("2040-01-10T00:00:00Z"), List.of("trail-" + tag + ":"),
				List.of("B" + tag), List.of("T" + tag + "_SIGNED"), Instant.parse("2040-01-02T00:00:00Z"));

		assertThat(trail.stream().filter(event -> event.actor().equals(this.actor)).map(AuditEvent::subject))
			.containsExactly("trail-" + tag + ":a", "user:within", "other:b");
	}

	@Test
	void theExportReadsEveryEventAcrossPages() {
		for (int i = 0; i < 5; i++) {
			insert(Instant.parse("2031-06-01T00:00:00Z").plusSeconds(i), "THING_DONE", "thing:" + i);
		}
		List<String> all = new ArrayList<>();
		this.events.forEach(new AuditFilter(this.actor, null, null, null, null), event -> all.add(event.subject()));
		assertThat(all).hasSize(5).first().isEqualTo("thing:4");
	}

	@Test
	void invalidFiltersAndTokensAreRefusedNamingTheField() {
		assertThatExceptionOfType(ApiProblemException.class)
			.isThrownBy(() -> AuditFilter.of(null, null, null, "yesterday", "2031-01-01"))
			.satisfies(ex -> assertThat(ex.messages()).containsExactly("from: a date as yyyy-MM-dd, not 'yesterday'"));
		assertThatExceptionOfType(ApiProblemException.class)
			.isThrownBy(() -> AuditFilter.of(null, null, null, "2031-02-01", "2031-01-01"))
			.satisfies(ex -> assertThat(ex.messages()).containsExactly("to: must not be before 'from' (2031-02-01)"));
		assertThatExceptionOfType(ApiProblemException.class).isThrownBy(() -> AuditCursor.parse("before", "%%%"))
			.satisfies(ex -> assertThat(ex.messages()).containsExactly("before: not a page token of this audit log"));
		assertThat(AuditFilter.of(" ", "", null, null, null)).isEqualTo(AuditFilter.ALL);
		assertThat(AuditFilter.of(null, null, null, "2031-01-01", null).from()).isEqualTo(LocalDate.of(2031, 1, 1));
	}

	private List<String> subjects(AuditFilter filter) {
		return this.events.page(filter, null, 100).events().stream().map(AuditEvent::subject).toList();
	}

	private List<String> actions(AuditFilter filter) {
		return this.events.page(filter, null, 100).events().stream().map(AuditEvent::action).toList();
	}

	private void insert(Instant at, String action, String subject) {
		this.jdbc.sql("insert into audit_event (at, actor, action, subject, details) values (?, ?, ?, ?, '{}')")
			.params(Timestamp.from(at), this.actor, action, subject)
			.update();
	}

}
