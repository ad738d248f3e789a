package org.greenledger.periods.api;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.greenledger.periods.NetRevenue;
import org.greenledger.periods.ReportingPeriod;
import org.greenledger.periods.ReportingPeriods;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Reporting periods: create, review, approve (lock), restate. */
@RestController
@RequestMapping("/api/v1/periods")
@Tag(name = "Reporting periods", description = "DRAFT, IN_REVIEW, APPROVED (locked); restatements open a new version")
class ReportingPeriodApiController {

	private final ReportingPeriods periods;

	ReportingPeriodApiController(ReportingPeriods periods) {
		this.periods = periods;
	}

	@GetMapping
	@Operation(summary = "Every version of every reporting period")
	List<ReportingPeriod> all() {
		return this.periods.all();
	}

	@PostMapping
	@Operation(summary = "Create a reporting period (version 1, DRAFT)",
			description = "409 when the name is taken; 422 naming each invalid field.")
	ResponseEntity<ReportingPeriod> create(@RequestBody NewPeriod input, Principal principal) {
		ReportingPeriod period = this.periods.create(input.name(), input.start(), input.end(), principal.getName());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(period.id())
			.toUri();
		return ResponseEntity.created(location).body(period);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A version with its transitions")
	Map<String, Object> period(@PathVariable UUID id) {
		return Map.of("period", this.periods.require(id), "transitions", this.periods.transitions(id));
	}

	@PostMapping("/{id}/transitions")
	@Operation(summary = "Move a version: DRAFT to IN_REVIEW, IN_REVIEW to DRAFT or APPROVED",
			description = "Approving locks the period: its activities, factors, instruments and reports refuse"
					+ " changes with 409. An approved version does not move (409): restate it.")
	ReportingPeriod move(@PathVariable UUID id, @RequestBody Transition input, Principal principal) {
		return this.periods.move(id, input.status(), input.note(), principal.getName());
	}

	@PutMapping("/{id}/net-revenue")
	@Operation(summary = "Enter the net revenue of a version that is not approved",
			description = "Body {amount, currency}: the amount in units of the currency (not millions), greater than"
					+ " 0, at most 2 decimals; a three-letter ISO 4217 code. Replaces the value entered before;"
					+ " audited. 409 when the version is approved (its value is locked with it: restate the"
					+ " period); 422 naming each invalid field. ESRS documents of the period take their GHG"
					+ " intensity's denominator from it.")
	ReportingPeriod enterNetRevenue(@PathVariable UUID id, @RequestBody NetRevenue input, Principal principal) {
		return this.periods.enterNetRevenue(id, input, principal.getName());
	}

	@PostMapping("/{id}/restatements")
	@Operation(summary = "Restate an approved version: opens the next version as DRAFT, with the reason")
	ResponseEntity<ReportingPeriod> restate(@PathVariable UUID id, @RequestBody Restatement input,
			Principal principal) {
		ReportingPeriod next = this.periods.restate(id, input.reason(), principal.getName());
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/v1/periods/{id}")
			.buildAndExpand(next.id())
			.toUri();
		return ResponseEntity.created(location).body(next);
	}

	record NewPeriod(@Nullable String name, @Nullable LocalDate start, @Nullable LocalDate end) {
	}

	record Transition(@Nullable String status, @Nullable String note) {
	}

	record Restatement(@Nullable String reason) {
	}

}
