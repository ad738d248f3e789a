package org.greenledger.workloads.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.security.OrgUnitScope;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.greenledger.workloads.Phase;
import org.greenledger.workloads.Workload;
import org.greenledger.workloads.WorkloadFootprint;
import org.greenledger.workloads.WorkloadFootprints;
import org.greenledger.workloads.WorkloadInput;
import org.greenledger.workloads.Workloads;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The AI workloads pages: the list with a registration form, and a workload's footprint
 * per month and phase, SCI scores, rules and outputs.
 */
@Controller
class WorkloadsPageController {

	private final Workloads workloads;

	private final WorkloadFootprints footprints;

	private final OrgUnitScopes scopes;

	WorkloadsPageController(Workloads workloads, WorkloadFootprints footprints, OrgUnitScopes scopes) {
		this.workloads = workloads;
		this.footprints = footprints;
		this.scopes = scopes;
	}

	@GetMapping("/workloads")
	String workloads(Model model, Authentication principal) {
		OrgUnitScope scope = this.scopes.of(principal);
		model.addAttribute("workloads", this.workloads.all(scope));
		model.addAttribute("orgUnits", this.scopes.unitsForNewData(scope));
		model.addAttribute("scoped", !scope.unrestricted());
		return "workloads";
	}

	@PostMapping("/workloads")
	String create(@ModelAttribute WorkloadInput.Create input, Authentication principal, RedirectAttributes redirect) {
		try {
			String orgUnit = this.scopes.unitForNewData(this.scopes.of(principal), input.orgUnit());
			Workload workload = this.workloads.create(input.withOrgUnit(orgUnit), principal.getName());
			redirect.addFlashAttribute("message", "Workload " + workload.name() + " registered.");
			return "redirect:/workloads/" + workload.id();
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
			return "redirect:/workloads";
		}
	}

	@GetMapping("/workloads/{id}")
	String workload(@PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate to, Model model,
			Authentication principal) {
		Workload workload = this.workloads.require(id, this.scopes.of(principal));
		java.util.SortedSet<java.time.YearMonth> withData = this.footprints.monthsWithData(workload);
		LocalDate last = lastDay(to, withData);
		WorkloadFootprint footprint = this.footprints.footprint(workload, last.minusMonths(11).withDayOfMonth(1), last);
		model.addAttribute("workload", workload);
		model.addAttribute("dataCount", withData.size());
		model.addAttribute("dataFirst", withData.isEmpty() ? "" : withData.first().toString());
		model.addAttribute("dataLast", withData.isEmpty() ? "" : withData.last().toString());
		model.addAttribute("dataYears",
				withData.stream()
					.map(java.time.YearMonth::getYear)
					.distinct()
					.sorted(java.util.Comparator.reverseOrder())
					.toList());
		model.addAttribute("footprint", footprint);
		model.addAttribute("phases", Phase.values());
		model.addAttribute("monthRows", monthRows(footprint));
		return "workload";
	}

	/**
	 * The last day of the twelve months shown: the one asked for, else the end of the
	 * latest month the rules attribute data to (today when there is none).
	 */
	static LocalDate lastDay(@Nullable LocalDate to, java.util.SortedSet<java.time.YearMonth> withData) {
		if (to != null) {
			return to;
		}
		return withData.isEmpty() ? LocalDate.now(ZoneOffset.UTC) : withData.last().atEndOfMonth();
	}

	/** Location-based plus embodied kg CO2e per month (rows) and phase (columns). */
	static List<MonthRow> monthRows(WorkloadFootprint footprint) {
		Map<String, Double[]> rows = new TreeMap<>();
		for (java.time.YearMonth month = java.time.YearMonth.from(footprint.from()); !month
			.isAfter(java.time.YearMonth.from(footprint.to())); month = month.plusMonths(1)) {
			rows.put(month.toString(), null);
		}
		for (WorkloadFootprint.Sums sums : footprint.months()) {
			Double[] values = rows.get(sums.month());
			if (values == null) {
				values = new Double[Phase.values().length];
				rows.put(sums.month(), values);
			}
			values[sums.phase().ordinal()] = sums.co2eLocationKg() + sums.co2eEmbodiedKg();
		}
		List<MonthRow> result = new ArrayList<>();
		rows.forEach((month, values) -> result.add((values != null) ? new MonthRow(month, Arrays.asList(values), true)
				: new MonthRow(month, Arrays.asList(new Double[Phase.values().length]), false)));
		return result;
	}

	/**
	 * One month of the phase chart's table; a phase without activity is null, and a month
	 * without any attributed data says "no data".
	 */
	record MonthRow(String month, List<@Nullable Double> kilograms, boolean hasData) {
	}

	@PostMapping("/workloads/{id}/rules")
	String addRule(@PathVariable UUID id, @RequestParam(required = false) @Nullable String phase,
			@RequestParam(required = false) @Nullable String source,
			@RequestParam(required = false) @Nullable String key,
			@RequestParam(required = false) @Nullable String value, Authentication principal,
			RedirectAttributes redirect) {
		this.workloads.require(id, this.scopes.of(principal));
		try {
			Map<String, String> match = (key != null && value != null) ? Map.of(key, value) : Map.of();
			this.workloads.addRule(id, new WorkloadInput.NewRule(phase, source, match), principal.getName());
			redirect.addFlashAttribute("message", "Rule added.");
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
		}
		return "redirect:/workloads/" + id;
	}

	@PostMapping("/workloads/{id}/outputs")
	String addOutput(@PathVariable UUID id, @ModelAttribute WorkloadInput.NewOutput input, Authentication principal,
			RedirectAttributes redirect) {
		this.workloads.require(id, this.scopes.of(principal));
		try {
			this.workloads.addOutput(id, input, principal.getName());
			redirect.addFlashAttribute("message", "Output recorded.");
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
		}
		return "redirect:/workloads/" + id;
	}

}
