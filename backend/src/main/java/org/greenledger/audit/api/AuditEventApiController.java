package org.greenledger.audit.api;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.greenledger.audit.AuditCsv;
import org.greenledger.audit.AuditCursor;
import org.greenledger.audit.AuditEvents;
import org.greenledger.audit.AuditFilter;
import org.greenledger.audit.AuditPage;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for ADMIN and AUDITOR: pages of events and a CSV export. */
@RestController
@RequestMapping("/api/v1/audit-events")
@Tag(name = "Audit log", description = "Who did what, when, with before and after (ADMIN, AUDITOR)")
class AuditEventApiController {

	private final AuditEvents events;

	AuditEventApiController(AuditEvents events) {
		this.events = events;
	}

	@GetMapping
	@Operation(summary = "Audit events, newest first",
			description = "Filters: actor (exact), action (prefix, e.g. PERIOD_), subject (contains; also matches the file name"
					+ " an event names, e.g. an upload's), from and to"
					+ " (days, UTC, inclusive). Pages of `limit` events (1 to 500, default 100); pass the"
					+ " answer's `next` as `before` for the following page.")
	AuditEventsView events(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String limit) {
		AuditFilter filter = AuditFilter.of(actor, action, subject, from, to);
		AuditCursor cursor = (before == null || before.isBlank()) ? null : AuditCursor.parse("before", before);
		AuditPage page = this.events.page(filter, cursor, limit(limit));
		return new AuditEventsView(page.events().stream().map(AuditEventView::of).toList(),
				(page.next() != null) ? page.next().token() : null);
	}

	@GetMapping("/export")
	@Operation(summary = "Every audit event the filters select, newest first, as CSV",
			description = "Same filters as the list. Cells a spreadsheet would read as a formula start with an"
					+ " apostrophe.")
	void export(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			HttpServletResponse response) throws IOException {
		AuditCsv.download(this.events, AuditFilter.of(actor, action, subject, from, to), response);
	}

	private static int limit(@Nullable String limit) {
		if (limit == null || limit.isBlank()) {
			return 100;
		}
		try {
			int value = Integer.parseInt(limit.strip());
			if (value >= 1 && value <= AuditEvents.MAX_PAGE) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw ApiProblemException
			.invalidFields(List.of(new FieldProblem("limit", "a whole number from 1 to " + AuditEvents.MAX_PAGE)));
	}

}
