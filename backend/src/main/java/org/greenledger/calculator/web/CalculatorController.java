package org.greenledger.calculator.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.greenledger.calculator.Estimate;
import org.greenledger.calculator.EstimateRequest;
import org.greenledger.calculator.EstimateService;
import org.greenledger.core.catalog.InstanceCatalog;
import org.greenledger.core.factors.FactorKind;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.greenledger.system.ApiProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The portal's calculator: the estimate API behind a form, with a breakdown and a chart.
 */
@Controller
class CalculatorController {

	private final EstimateService estimates;

	private final FactorLibrary library;

	private final InstanceCatalog catalog;

	CalculatorController(EstimateService estimates, FactorLibrary library, InstanceCatalog catalog) {
		this.estimates = estimates;
		this.library = library;
		this.catalog = catalog;
	}

	@GetMapping("/calculator")
	String form(Model model) {
		prepare(model, CalculatorForm.empty());
		return "calculator";
	}

	@PostMapping("/calculator")
	String calculate(@ModelAttribute CalculatorForm form, Model model) {
		prepare(model, form);
		List<FieldProblem> problems = CalculatorForm.newProblems();
		EstimateRequest request = form.toRequest(problems);
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
			return "calculator";
		}
		try {
			Estimate estimate = this.estimates.estimate(request);
			model.addAttribute("estimate", estimate);
		}
		catch (ApiProblemException ex) {
			model.addAttribute("problems", problems(ex));
		}
		return "calculator";
	}

	private void prepare(Model model, CalculatorForm form) {
		model.addAttribute("form", form);
		model.addAttribute("types", List.of("INSTANCE_HOURS", "ACCELERATOR_HOURS", "VCPU_HOURS", "MEMORY_GB_HOURS",
				"STORAGE_TB_HOURS", "NETWORK_GB", "ENERGY_KWH"));
		model.addAttribute("accelerators", keys(FactorKind.ACCELERATOR_POWER_MAX));
		model.addAttribute("cpus", keys(FactorKind.CPU_POWER_MAX));
		model.addAttribute("regions", this.library.regions());
		Map<String, List<String>> instanceTypes = new LinkedHashMap<>();
		this.catalog.providers().forEach(provider -> instanceTypes.put(provider, this.catalog.names(provider)));
		model.addAttribute("instanceTypes", instanceTypes);
	}

	private List<String> keys(FactorKind kind) {
		return this.library.keys(kind);
	}

	@SuppressWarnings("unchecked")
	private static List<FieldProblem> problems(ApiProblemException ex) {
		Object errors = (ex.getBody().getProperties() != null) ? ex.getBody().getProperties().get("errors") : null;
		if (errors instanceof List<?> list) {
			return list.stream()
				.map(each -> (Map<String, String>) each)
				.map(each -> new FieldProblem(each.get("field"), each.get("message")))
				.toList();
		}
		return List.of(new FieldProblem("-", String.valueOf(ex.getBody().getDetail())));
	}

}
