package org.greenledger.dashboard.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import org.greenledger.dashboard.DashboardPage;
import org.greenledger.reduction.ReductionSummaries;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.TableExport;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's home page: the dashboard of a period chosen from the reporting periods,
 * the last twelve months of data and recent calendar years, or given as {@code from} and
 * {@code to} months.
 */
@Controller
class DashboardController {

	private final DashboardPage dashboard;

	private final OrgUnitScopes scopes;

	private final Clock clock;

	private final ReductionSummaries reduction;

	DashboardController(DashboardPage dashboard, OrgUnitScopes scopes, Clock clock, ReductionSummaries reduction) {
		this.reduction = reduction;
		this.dashboard = dashboard;
		this.scopes = scopes;
		this.clock = clock;
	}

	@GetMapping("/")
	String dashboard(@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Authentication authentication, Model model) {
		YearMonth today = YearMonth.now(this.clock);
		OrgUnitScope scope = this.scopes.of(authentication);
		String chosen = (period != null && !period.isBlank()) ? period
				: (from != null && to != null && !from.isBlank() && !to.isBlank()) ? from + ":" + to : null;
		try {
			this.dashboard.fill(model, chosen, today, scope);
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			model.addAttribute("periodProblem", "The period '" + chosen + "' is not valid: " + ex.getMessage()
					+ ". Give the first and last month as YYYY-MM, at most ten years apart.");
			this.dashboard.fill(model, null, today, scope);
		}
		model.addAttribute("reduction", this.reduction.summary(scope));
		return "home";
	}

	/**
	 * One of the dashboard's tables (trend, provider, region, orgUnit, workload, movers,
	 * coverage) as CSV or XLSX, for the same period as the page.
	 */
	@GetMapping("/dashboard/export")
	ResponseEntity<byte[]> export(@RequestParam String table, @RequestParam(defaultValue = "csv") String format,
			@RequestParam(required = false) @Nullable String period, Authentication authentication) {
		if (!TableExport.supports(format)) {
			return ResponseEntity.badRequest()
				.body(("The format '" + format + "' is not available; choose csv or xlsx.")
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		try {
			return this.dashboard
				.export(table, (period == null || period.isBlank()) ? null : period, YearMonth.now(this.clock),
						this.scopes.of(authentication))
				.download(format);
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			return ResponseEntity.badRequest()
				.body(("The export could not be made: " + ex.getMessage())
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
	}

}
