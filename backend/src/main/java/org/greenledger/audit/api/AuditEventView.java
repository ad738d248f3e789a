package org.greenledger.audit.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.greenledger.audit.AuditEvent;

/** An audit event as the API shows it: as recorded, plus the changed fields. */
@Schema(example = """
		{"id": 42, "at": "2026-11-22T10:15:30.123456Z", "actor": "olivia", "action": "PERIOD_APPROVED",
		 "subject": "period:FY2026/v1",
		 "details": {"before": {"status": "IN_REVIEW"}, "after": {"status": "APPROVED"}, "note": "checked"},
		 "changes": [{"field": "status", "before": "IN_REVIEW", "after": "APPROVED"}]}""")
record AuditEventView(long id, Instant at, String actor, String action, String subject,
		Map<String, @Nullable Object> details, List<AuditEvent.Change> changes) {

	static AuditEventView of(AuditEvent event) {
		return new AuditEventView(event.id(), event.at(), event.actor(), event.action(), event.subject(),
				event.details(), event.changes());
	}

}
