package org.greenledger.procurement.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.greenledger.procurement.EvaluationReport;
import org.greenledger.procurement.EvaluationRequest;
import org.greenledger.procurement.EvaluationResult;
import org.greenledger.procurement.EvaluationRuns;
import org.greenledger.procurement.EvaluationSummary;
import org.greenledger.procurement.Evaluations;
import org.greenledger.procurement.Suppliers;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.greenledger.tasks.LongTask;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Evaluations pages: create one, and compare its candidates side by side. */
@Controller
class EvaluationsPageController {

	private final Evaluations evaluations;

	private final Suppliers suppliers;

	private final EvaluationReport reports;

	private final OrgUnitScopes scopes;

	/** How long the form waits for the evaluation before showing its progress. */
	private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(10);

	private final EvaluationRuns runs;

	EvaluationsPageController(Evaluations evaluations, Suppliers suppliers, EvaluationReport reports,
			OrgUnitScopes scopes, EvaluationRuns runs) {
		this.runs = runs;
		this.evaluations = evaluations;
		this.suppliers = suppliers;
		this.reports = reports;
		this.scopes = scopes;
	}

	@GetMapping("/evaluations")
	String evaluations(Model model, Authentication principal) {
		list(model, principal);
		model.addAttribute("form", Map.of());
		model.addAttribute("errors", Map.of());
		return "evaluations";
	}

	private void list(Model model, Authentication principal) {
		OrgUnitScope scope = this.scopes.of(principal);
		model.addAttribute("evaluations", this.evaluations.recent(50, scope));
		model.addAttribute("suppliers", this.suppliers.all());
		model.addAttribute("orgUnits", this.scopes.unitsForNewData(scope));
		model.addAttribute("scoped", !scope.unrestricted());
	}

	@PostMapping("/evaluations")
	String create(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String acceleratorModel,
			@RequestParam(required = false) @Nullable Double acceleratorHours,
			@RequestParam(required = false) @Nullable Double vcpuHours,
			@RequestParam(required = false) @Nullable Double memoryGbHours,
			@RequestParam(required = false) @Nullable Double storageTbHours,
			@RequestParam(required = false) @Nullable Double dataTransferGb,
			@RequestParam(name = "supplierId", required = false) @Nullable List<String> supplierIds,
			@RequestParam(name = "provider", required = false) @Nullable List<String> providers,
			@RequestParam(name = "region", required = false) @Nullable List<String> regions,
			@RequestParam(name = "gridZone", required = false) @Nullable List<String> zones,
			@RequestParam(required = false) @Nullable String orgUnit, Authentication principal, Model model,
			HttpServletResponse response) {
		Map<String, String> form = new HashMap<>();
		put(form, "name", name);
		put(form, "from", from);
		put(form, "to", to);
		put(form, "acceleratorModel", acceleratorModel);
		put(form, "acceleratorHours", acceleratorHours);
		put(form, "vcpuHours", vcpuHours);
		put(form, "memoryGbHours", memoryGbHours);
		put(form, "storageTbHours", storageTbHours);
		put(form, "dataTransferGb", dataTransferGb);
		put(form, "orgUnit", orgUnit);
		List<EvaluationRequest.Candidate> candidates = new ArrayList<>();
		// the form's row (from 1) of each candidate of the request
		List<Integer> rows = new ArrayList<>();
		for (int i = 0; supplierIds != null && i < supplierIds.size(); i++) {
			put(form, "supplier" + (i + 1), supplierIds.get(i));
			put(form, "provider" + (i + 1), blank(providers, i));
			put(form, "region" + (i + 1), blank(regions, i));
			put(form, "zone" + (i + 1), blank(zones, i));
			if (supplierIds.get(i) == null || supplierIds.get(i).isBlank()) {
				continue;
			}
			rows.add(i + 1);
			candidates.add(new EvaluationRequest.Candidate(UUID.fromString(supplierIds.get(i)), null,
					blank(providers, i), blank(regions, i), blank(zones, i), null, null, null, null));
		}
		List<EvaluationRequest.AcceleratorUse> accelerators = (acceleratorHours != null && acceleratorModel != null)
				? List.of(new EvaluationRequest.AcceleratorUse(acceleratorModel, acceleratorHours)) : List.of();
		try {
			String unit = this.scopes.unitForNewData(this.scopes.of(principal), orgUnit);
			LongTask run = this.runs.start(
					new EvaluationRequest(name,
							new EvaluationRequest.Workload(from, to, accelerators, vcpuHours, memoryGbHours,
									storageTbHours, null, dataTransferGb),
							candidates, null, null, unit),
					principal.getName());
			// scoring takes moments: the result opens at once, the progress only when it
			// takes longer
			this.runs.awaitEnd(run.id(), WAIT);
			return "redirect:/evaluations/" + run.id();
		}
		catch (ApiProblemException ex) {
			// the form again, as it was sent, with each problem beside its field
			list(model, principal);
			model.addAttribute("form", form);
			model.addAttribute("errors", EvaluationFormErrors.byField(ex, rows));
			response.setStatus(ex.getStatusCode().value());
			return "evaluations";
		}
	}

	/**
	 * The evaluation; while its candidates are being scored, its progress (the page
	 * follows it and becomes the result once stored).
	 */
	@GetMapping("/evaluations/{id}")
	String evaluation(@PathVariable UUID id, Model model, Authentication principal) {
		OrgUnitScope scope = this.scopes.of(principal);
		java.util.Optional<EvaluationResult> stored = this.evaluations.get(id, scope);
		if (stored.isEmpty()) {
			model.addAttribute("task", this.runs.find(id, scope)
				.orElseThrow(() -> ApiProblemException.notFound("No evaluation " + id + ".")));
			return "evaluation-progress";
		}
		EvaluationResult result = stored.get();
		model.addAttribute("evaluation", result);
		model.addAttribute("summary", EvaluationSummary.of(result));
		return "evaluation";
	}

	/** Where an evaluation's run stands, for the page's progress script. */
	@GetMapping(path = "/evaluations/{id}/progress", produces = "application/json")
	@org.springframework.web.bind.annotation.ResponseBody
	LongTask progress(@PathVariable UUID id, Authentication principal) {
		return this.runs.find(id, this.scopes.of(principal))
			.orElseThrow(() -> ApiProblemException.notFound("No evaluation run " + id + "."));
	}

	@GetMapping("/evaluations/{id}/report")
	ResponseEntity<byte[]> report(@PathVariable UUID id, @RequestParam(defaultValue = "pdf") String format,
			Authentication principal) {
		EvaluationResult result = this.evaluations.get(id, this.scopes.of(principal))
			.orElseThrow(() -> ApiProblemException.notFound("No evaluation " + id + "."));
		boolean xlsx = "xlsx".equalsIgnoreCase(format);
		return ResponseEntity.ok()
			.contentType(
					xlsx ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
							: MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"evaluation-" + id.toString().substring(0, 8)
							+ (xlsx ? ".xlsx\"" : ".pdf\""))
			.body(this.reports.render(result, xlsx));
	}

	private static void put(Map<String, String> form, String field, @Nullable Object value) {
		if (value != null) {
			form.put(field, (value instanceof Double number && number == Math.rint(number) && !number.isInfinite())
					? String.valueOf(number.longValue()) : String.valueOf(value));
		}
	}

	private static @Nullable String blank(@Nullable List<String> values, int index) {
		if (values == null || index >= values.size()) {
			return null;
		}
		String value = values.get(index);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
