package org.greenledger.disclosure.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.disclosure.Disclosures;
import org.greenledger.disclosure.ReportDownloads;
import org.greenledger.disclosure.ReportGenerations;
import org.greenledger.disclosure.ReportRequest;
import org.greenledger.disclosure.StoredReport;
import org.greenledger.periods.ReportingPeriods;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.greenledger.tasks.LongTask;
import org.greenledger.workloads.Workload;
import org.greenledger.workloads.Workloads;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Reports page: reporting periods with their review (submit, send back, approve,
 * restate), generating reports, and the stored reports with their downloads, hashes and
 * evidence packs.
 */
@Controller
class ReportsPageController {

	/** How long the form waits for a quick report before showing its progress. */
	private static final java.time.Duration QUICK_WAIT = java.time.Duration.ofSeconds(30);

	private final Disclosures disclosures;

	private final ReportingPeriods periods;

	private final Workloads workloads;

	private final OrgUnitScopes scopes;

	private final org.greenledger.ledger.DataCoverage coverage;

	private final ReportGenerations generations;

	ReportsPageController(Disclosures disclosures, ReportingPeriods periods, Workloads workloads, OrgUnitScopes scopes,
			org.greenledger.ledger.DataCoverage coverage, ReportGenerations generations) {
		this.generations = generations;
		this.coverage = coverage;
		this.disclosures = disclosures;
		this.periods = periods;
		this.workloads = workloads;
		this.scopes = scopes;
	}

	@GetMapping("/reports")
	String reports(Model model, Authentication principal) {
		OrgUnitScope scope = this.scopes.of(principal);
		model.addAttribute("periods", this.periods.all());
		model.addAttribute("reports", this.disclosures.recent(100, scope));
		model.addAttribute("workloads", scope.filter(this.workloads.all(), Workload::orgUnit));
		model.addAttribute("orgUnits", this.scopes.unitsForNewData(scope));
		model.addAttribute("scoped", !scope.unrestricted());
		// the form opens on the latest calendar year with data, and lists the years that
		// hold data with how many of their months do
		java.util.SortedSet<java.time.YearMonth> months = this.coverage.months(scope.units());
		java.util.Map<Integer, Long> years = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
		months.forEach(month -> years.merge(month.getYear(), 1L, Long::sum));
		model.addAttribute("dataYears",
				years.entrySet()
					.stream()
					.map(year -> year.getKey() + " (" + year.getValue()
							+ ((year.getValue() == 1) ? " month" : " months") + " with data)")
					.toList());
		model.addAttribute("defaultFrom", months.isEmpty() ? "" : months.last().getYear() + "-01-01");
		model.addAttribute("defaultTo", months.isEmpty() ? "" : months.last().getYear() + "-12-31");
		return "reports";
	}

	/**
	 * The report; while it is being generated, the generation's progress (the page
	 * follows it and becomes the report's page once it is stored).
	 */
	@GetMapping("/reports/{id}")
	String report(@PathVariable UUID id, Model model, Authentication principal) {
		OrgUnitScope scope = this.scopes.of(principal);
		java.util.Optional<StoredReport> report = this.disclosures.find(id, scope);
		if (report.isPresent()) {
			model.addAttribute("report", report.get());
			return "report";
		}
		model.addAttribute("task", this.generations.find(id, scope)
			.orElseThrow(() -> ApiProblemException.notFound("No report " + id + ".")));
		return "report-progress";
	}

	/** Where a generation stands, for the page's progress script. */
	@GetMapping(path = "/reports/{id}/progress", produces = "application/json")
	@org.springframework.web.bind.annotation.ResponseBody
	LongTask progress(@PathVariable UUID id, Authentication principal) {
		return this.generations.find(id, this.scopes.of(principal))
			.orElseThrow(() -> ApiProblemException.notFound("No report generation " + id + "."));
	}

	@GetMapping("/reports/{id}/content")
	org.springframework.http.ResponseEntity<byte[]> content(@PathVariable UUID id,
			@RequestParam(defaultValue = "pdf") String format, Authentication principal) {
		return ReportDownloads.content(require(id, principal), format, this.disclosures);
	}

	@GetMapping("/reports/{id}/evidence")
	org.springframework.http.ResponseEntity<byte[]> evidence(@PathVariable UUID id, Authentication principal) {
		return ReportDownloads.evidence(require(id, principal), this.disclosures);
	}

	/**
	 * A report within the user's org units; another unit's is not found, as a missing
	 * one.
	 */
	private StoredReport require(UUID id, Authentication principal) {
		return this.disclosures.find(id, this.scopes.of(principal))
			.orElseThrow(() -> ApiProblemException.notFound("No report " + id + "."));
	}

	@PostMapping("/reports")
	String generate(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable UUID periodId,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable UUID modelId,
			@RequestParam(required = false) @Nullable String orgUnit,
			@RequestParam(required = false) java.math.@Nullable BigDecimal netRevenueAmount,
			@RequestParam(required = false) @Nullable String netRevenueCurrency,
			@RequestParam(required = false) @Nullable String esrsVersion, Authentication principal,
			RedirectAttributes redirect) {
		try {
			OrgUnitScope scope = this.scopes.of(principal);
			org.greenledger.periods.NetRevenue revenue = (netRevenueAmount != null
					|| (netRevenueCurrency != null && !netRevenueCurrency.isBlank()))
							? new org.greenledger.periods.NetRevenue(netRevenueAmount, netRevenueCurrency) : null;
			ReportRequest request = new ReportRequest(type, periodId, from, to,
					this.scopes.unitForNewData(scope, orgUnit), modelId, revenue, esrsVersion);
			boolean quick = this.generations.quick(request);
			LongTask task = this.generations.start(request, scope, principal.getName());
			// a small report opens once stored; a large one opens on its progress
			if (quick) {
				this.generations.awaitEnd(task.id(), QUICK_WAIT);
			}
			return "redirect:/reports/" + task.id();
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
			return "redirect:/reports";
		}
	}

	@PostMapping("/reports/periods")
	String createPeriod(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable LocalDate start,
			@RequestParam(required = false) @Nullable LocalDate end, Principal principal, RedirectAttributes redirect) {
		try {
			this.periods.create(name, start, end, principal.getName());
			redirect.addFlashAttribute("message", "Reporting period created.");
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
		}
		return "redirect:/reports";
	}

	@PostMapping("/reports/periods/{id}/transitions")
	String move(@PathVariable UUID id, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String note, Principal principal, RedirectAttributes redirect) {
		try {
			this.periods.move(id, status, note, principal.getName());
			redirect.addFlashAttribute("message", "Reporting period moved to " + status + ".");
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
		}
		return "redirect:/reports";
	}

	@PostMapping("/reports/periods/{id}/net-revenue")
	String enterNetRevenue(@PathVariable UUID id, @RequestParam(required = false) java.math.@Nullable BigDecimal amount,
			@RequestParam(required = false) @Nullable String currency, Principal principal,
			RedirectAttributes redirect) {
		try {
			var period = this.periods.enterNetRevenue(id, new org.greenledger.periods.NetRevenue(amount, currency),
					principal.getName());
			redirect.addFlashAttribute("message", "Net revenue of " + period.name() + " v" + period.version() + ": "
					+ period.netRevenue().text() + ".");
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
		}
		return "redirect:/reports";
	}

	@PostMapping("/reports/periods/{id}/restatements")
	String restate(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason, Principal principal,
			RedirectAttributes redirect) {
		try {
			this.periods.restate(id, reason, principal.getName());
			redirect.addFlashAttribute("message", "Restatement opened.");
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
		}
		return "redirect:/reports";
	}

}
