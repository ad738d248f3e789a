package org.greenledger.procurement.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.greenledger.system.ApiProblemException;

/**
 * An evaluation request's invalid fields as the form's fields: each message keyed by the
 * id of the input it belongs to, so that the form shows it beside that input.
 */
final class EvaluationFormErrors {

	private static final Pattern CANDIDATE = Pattern.compile("candidates\\[(\\d+)\\](?:\\.(\\w+))?");

	private EvaluationFormErrors() {
	}

	/**
	 * @param rows the form's row (from 1) of each candidate of the request, in order
	 */
	static Map<String, String> byField(ApiProblemException problem, List<Integer> rows) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<ApiProblemException.FieldProblem> problems = problem.fieldProblems();
		if (problems.isEmpty()) {
			errors.put("form", String.valueOf(problem.getBody().getDetail()));
			return errors;
		}
		for (ApiProblemException.FieldProblem field : problems) {
			errors.merge(input(field.field(), rows), field.message(), (first, second) -> first + " " + second);
		}
		return errors;
	}

	private static String input(String field, List<Integer> rows) {
		if (field.startsWith("workload.acceleratorHours")) {
			return "acceleratorModel";
		}
		if (field.equals("workload")) {
			return "from";
		}
		if (field.equals("candidates")) {
			return "supplier1";
		}
		Matcher candidate = CANDIDATE.matcher(field);
		if (candidate.matches()) {
			int index = Integer.parseInt(candidate.group(1));
			int row = (index < rows.size()) ? rows.get(index) : index + 1;
			String part = (candidate.group(2) != null) ? candidate.group(2) : "provider";
			return switch (part) {
				case "supplierId" -> "supplier" + row;
				case "region" -> "region" + row;
				case "gridZone" -> "zone" + row;
				default -> "provider" + row;
			};
		}
		return "form";
	}

}
