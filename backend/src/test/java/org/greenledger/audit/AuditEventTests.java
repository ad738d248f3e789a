package org.greenledger.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.greenledger.audit.AuditEvent.Change;
import org.greenledger.audit.AuditEvent.Fact;

import static org.assertj.core.api.Assertions.assertThat;

/** How an event's details read: the changed fields before and after, then the facts. */
class AuditEventTests {

	@Test
	void aTransitionShowsOnlyTheFieldsThatChangedAndKeepsItsNote() {
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("id", "p1");
		before.put("status", "IN_REVIEW");
		before.put("version", 1);
		before.put("supersededBy", null);
		Map<String, Object> after = new LinkedHashMap<>(before);
		after.put("status", "APPROVED");
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("before", before);
		details.put("after", after);
		details.put("note", "checked by the auditor");
		AuditEvent event = event(details);

		assertThat(event.changes()).containsExactly(new Change("status", "IN_REVIEW", "APPROVED"));
		assertThat(event.facts()).containsExactly(new Fact("note", "checked by the auditor"));
	}

	@Test
	void aRestatementComparesTheApprovedVersionWithTheNewOne() {
		AuditEvent event = event(Map.of("restates", Map.of("status", "APPROVED", "version", 1), "after",
				Map.of("status", "DRAFT", "version", 2), "reason", "late invoices"));
		assertThat(event.changes()).containsExactlyInAnyOrder(new Change("status", "APPROVED", "DRAFT"),
				new Change("version", "1", "2"));
		assertThat(event.facts()).containsExactly(new Fact("reason", "late invoices"));
	}

	@Test
	void aCreationHasEveryFieldAsNew() {
		AuditEvent event = event(Map.of("after", Map.of("name", "FY2026")));
		assertThat(event.changes()).containsExactly(new Change("name", null, "FY2026"));
		assertThat(event.facts()).isEmpty();
	}

	@Test
	void otherDetailsAreFactsWithNestedObjectsFlattenedAndListsAsJson() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", "Acme");
		details.put("values", Map.of("facility.pue", 1.2));
		details.put("ranking", List.of("a", "b"));
		details.put("missing", null);
		AuditEvent event = event(details);
		assertThat(event.changes()).isEmpty();
		assertThat(event.facts()).containsExactly(new Fact("name", "Acme"), new Fact("values.facility.pue", "1.2"),
				new Fact("ranking", "[\"a\",\"b\"]"), new Fact("missing", "–"));
	}

	@Test
	void aBeforeThatIsNotAnObjectIsAFact() {
		AuditEvent event = event(Map.of("before", "text", "after", Map.of("x", 1)));
		assertThat(event.changes()).containsExactly(new Change("x", null, "1"));
		assertThat(event.facts()).containsExactly(new Fact("before", "text"));
	}

	private static AuditEvent event(Map<String, ?> details) {
		return new AuditEvent(1, Instant.parse("2026-01-01T00:00:00Z"), "olivia", "PERIOD_APPROVED", "period:p1",
				new LinkedHashMap<String, Object>(details));
	}

}
