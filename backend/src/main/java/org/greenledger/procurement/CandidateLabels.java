package org.greenledger.procurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Labels of an evaluation's candidates that tell them apart. */
final class CandidateLabels {

	private CandidateLabels() {
	}

	/**
	 * The results with labels that tell them apart: candidates of the same supplier and
	 * location get "offer A", "offer B", ... in the order given (never a number that
	 * could be read as a rank or a supplier number).
	 */
	static List<EvaluationResult.CandidateResult> distinct(List<EvaluationResult.CandidateResult> results) {
		Map<String, Long> counts = results.stream()
			.collect(java.util.stream.Collectors.groupingBy(EvaluationResult.CandidateResult::label,
					java.util.stream.Collectors.counting()));
		Map<String, Integer> seen = new java.util.HashMap<>();
		List<EvaluationResult.CandidateResult> labelled = new ArrayList<>();
		for (EvaluationResult.CandidateResult result : results) {
			if (counts.get(result.label()) > 1) {
				int n = seen.merge(result.label(), 1, Integer::sum);
				labelled.add(result.labelled(result.label() + ", offer " + (char) ('A' + n - 1)));
			}
			else {
				labelled.add(result);
			}
		}
		return labelled;
	}

}
