package org.greenledger.factors.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.greenledger.factors.FactorSetView;
import org.greenledger.factors.FactorSetInput;
import org.greenledger.factors.FactorSets;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The new factor set form for the energy per billed unit of one service, reached from a
 * data issue ("Add the factor") with the provider, service and unit filled in. A saved
 * set applies to the rows of that service and unit in uploads from then on; a refused
 * form comes back (422) with what was typed and each problem named.
 */
@Controller
class ServiceFactorFormController {

	private final FactorSets sets;

	ServiceFactorFormController(FactorSets sets) {
		this.sets = sets;
	}

	@GetMapping("/factors/sets/new")
	String form(@RequestParam(required = false) @Nullable String provider,
			@RequestParam(required = false) @Nullable String service,
			@RequestParam(required = false) @Nullable String unit, Model model) {
		model.addAttribute("form", ServiceFactorForm.draft(provider, service, unit));
		model.addAttribute("problems", List.of());
		return "factor-set-form";
	}

	@PostMapping("/factors/sets")
	String create(@ModelAttribute ServiceFactorForm form, Authentication principal, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		List<FieldProblem> problems = new ArrayList<>();
		FactorSetInput input = form.input(problems);
		if (problems.isEmpty()) {
			try {
				FactorSetView created = this.sets.create(input, principal.getName());
				redirect.addFlashAttribute("message", "Factor set '" + created.name() + "' saved: uploads of "
						+ form.service() + " in " + form.unit() + " use it from now on.");
				return "redirect:/factors#sets";
			}
			catch (ApiProblemException ex) {
				if (ex.fieldProblems().isEmpty()) {
					problems.add(new FieldProblem("name", String.valueOf(ex.getBody().getDetail())));
				}
				problems.addAll(ex.fieldProblems());
			}
		}
		response.setStatus(422);
		model.addAttribute("form", form);
		model.addAttribute("problems",
				problems.stream()
					.map(problem -> ServiceFactorForm.label(problem.field()) + ": " + problem.message())
					.toList());
		return "factor-set-form";
	}

}
