package org.greenledger.reduction.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.greenledger.reduction.Target;
import org.greenledger.reduction.TargetInput;
import org.greenledger.reduction.Targets;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The target form of the Targets page: a valid form saves version 1 and opens the target;
 * a refused one comes back with what was typed and each problem under the field's label.
 */
@Controller
class TargetFormController {

	private static final Map<String, String> LABELS = Map.of("name", "targets.name", "scopes", "targets.scopes",
			"basis", "targets.basis", "baseYear", "targets.base-year", "baseYearKgCo2e", "targets.form.base-kg",
			"targetYear", "targets.target-year", "reductionPercent", "targets.form.percent", "orgUnit",
			"targets.org-unit");

	private final Targets targets;

	private final OrgUnitScopes scopes;

	private final MessageSource messages;

	TargetFormController(Targets targets, OrgUnitScopes scopes, MessageSource messages) {
		this.targets = targets;
		this.scopes = scopes;
		this.messages = messages;
	}

	@PostMapping("/targets")
	String create(@ModelAttribute TargetForm form, Authentication principal, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		List<FieldProblem> problems = new ArrayList<>();
		TargetInput input = form.input(problems);
		OrgUnitScope scope = this.scopes.of(principal);
		String unit = (input.orgUnit() != null && !input.orgUnit().isBlank()) ? input.orgUnit().strip() : null;
		if (!scope.includes(unit)) {
			problems.add(new FieldProblem("orgUnit", "one of your org units: " + String.join(", ", scope.codes())));
		}
		try {
			if (problems.isEmpty()) {
				Target target = this.targets.create(input, principal.getName());
				redirect.addFlashAttribute("message", "Target '" + target.name() + "' saved as version 1.");
				return "redirect:/targets/" + target.id();
			}
			// the other fields' problems too, in one answer
			this.targets.validate(input);
		}
		catch (ApiProblemException ex) {
			List<String> named = problems.stream().map(FieldProblem::field).toList();
			fieldProblems(ex).stream().filter(problem -> !named.contains(problem.field())).forEach(problems::add);
		}
		response.setStatus(422);
		model.addAttribute("targets", scope.filter(this.targets.all(), Target::orgUnit));
		model.addAttribute("form", form);
		model.addAttribute("problems", TargetForm.describe(problems, field -> this.messages
			.getMessage(LABELS.getOrDefault(field, "targets.name"), null, field, LocaleContextHolder.getLocale())));
		return "targets";
	}

	@SuppressWarnings("unchecked")
	private static List<FieldProblem> fieldProblems(ApiProblemException ex) {
		Object errors = (ex.getBody().getProperties() != null) ? ex.getBody().getProperties().get("errors") : null;
		if (errors instanceof List<?> list && !list.isEmpty()) {
			return list.stream()
				.map(each -> (Map<String, String>) each)
				.map(each -> new FieldProblem(each.get("field"), each.get("message")))
				.toList();
		}
		return List.of(new FieldProblem("name", String.valueOf(ex.getBody().getDetail())));
	}

}
