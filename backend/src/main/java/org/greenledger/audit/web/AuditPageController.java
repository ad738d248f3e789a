package org.greenledger.audit.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.greenledger.audit.AuditCsv;
import org.greenledger.audit.AuditCursor;
import org.greenledger.audit.AuditEvents;
import org.greenledger.audit.AuditFilter;
import org.greenledger.audit.AuditPage;
import org.greenledger.system.ApiProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page (ADMIN, AUDITOR): who did what, when, before and after. */
@Controller
class AuditPageController {

	static final int PAGE_SIZE = 50;

	private final AuditEvents events;

	AuditPageController(AuditEvents events) {
		this.events = events;
	}

	@GetMapping("/audit")
	String audit(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String before, Model model) {
		model.addAttribute("actor", text(actor));
		model.addAttribute("action", text(action));
		model.addAttribute("subject", text(subject));
		model.addAttribute("from", text(from));
		model.addAttribute("to", text(to));
		model.addAttribute("paged", before != null && !before.isBlank());
		try {
			AuditFilter filter = AuditFilter.of(actor, action, subject, from, to);
			AuditCursor cursor = (before == null || before.isBlank()) ? null : AuditCursor.parse("before", before);
			AuditPage page = this.events.page(filter, cursor, PAGE_SIZE);
			model.addAttribute("events", page.events());
			model.addAttribute("next", (page.next() != null) ? page.next().token() : null);
		}
		catch (ApiProblemException ex) {
			model.addAttribute("problems", ex.messages());
			model.addAttribute("events", List.of());
			model.addAttribute("next", null);
		}
		return "audit";
	}

	@GetMapping("/audit/export")
	void export(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			HttpServletResponse response) throws IOException {
		AuditCsv.download(this.events, AuditFilter.of(actor, action, subject, from, to), response);
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value.strip() : "";
	}

}
