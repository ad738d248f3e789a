package org.greenledger.procurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.factors.CloudRegion;
import org.greenledger.core.factors.FactorKind;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Checks the names an evaluation request gives against the factor library before anything
 * is projected: an accelerator model, a cloud region or a grid zone the library does not
 * know is an invalid field with the closest known names ("H100" is not a model; H100-SXM
 * and H100-PCIe are), as the calculator answers the same input.
 */
@Component
class EvaluationChecks {

	private static final Set<String> PROVIDERS = Set.of("aws", "gcp", "azure");

	private static final int SUGGESTIONS = 5;

	private final FactorLibrary library;

	private final Suppliers suppliers;

	EvaluationChecks(FactorLibrary library, Suppliers suppliers) {
		this.library = library;
		this.suppliers = suppliers;
	}

	/**
	 * Refuses a request with missing or invalid fields: the workload's period, 1 to 20
	 * candidates of registered suppliers each with a place, then the names
	 * ({@link #check}).
	 * @throws ApiProblemException 422 listing the invalid fields
	 */
	void validate(EvaluationRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		EvaluationRequest.Workload workload = request.workload();
		if (workload == null || workload.from() == null || workload.to() == null
				|| workload.to().isBefore(workload.from())) {
			problems.add(new FieldProblem("workload", "a workload with a period (from, to)"));
		}
		List<EvaluationRequest.Candidate> candidates = (request.candidates() != null) ? request.candidates()
				: List.of();
		if (candidates.isEmpty() || candidates.size() > 20) {
			problems.add(new FieldProblem("candidates", "1 to 20 candidate offers"));
		}
		for (int i = 0; i < candidates.size(); i++) {
			EvaluationRequest.Candidate candidate = candidates.get(i);
			if (candidate.supplierId() == null || this.suppliers.get(candidate.supplierId()).isEmpty()) {
				problems.add(new FieldProblem("candidates[" + i + "].supplierId", "a registered supplier"));
			}
			if ((candidate.provider() == null || candidate.region() == null) && candidate.gridZone() == null) {
				problems.add(new FieldProblem("candidates[" + i + "]",
						"a cloud provider and region, or a grid zone, where the workload would run"));
			}
		}
		if (problems.isEmpty()) {
			check(request, problems);
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
	}

	/** The problems of the request's names, added to {@code problems}. */
	void check(EvaluationRequest request, List<FieldProblem> problems) {
		List<EvaluationRequest.Candidate> candidates = (request.candidates() != null) ? request.candidates()
				: List.of();
		boolean everyCandidateNamesItsAccelerator = !candidates.isEmpty()
				&& candidates.stream().allMatch(candidate -> candidate.accelerator() != null);
		EvaluationRequest.Workload workload = request.workload();
		if (workload != null && workload.acceleratorHours() != null && !everyCandidateNamesItsAccelerator) {
			for (int i = 0; i < workload.acceleratorHours().size(); i++) {
				EvaluationRequest.AcceleratorUse use = workload.acceleratorHours().get(i);
				if (use.hours() != null && use.hours() > 0) {
					accelerator("workload.acceleratorHours[" + i + "].model", use.model(), problems);
				}
			}
		}
		for (int i = 0; i < candidates.size(); i++) {
			EvaluationRequest.Candidate candidate = candidates.get(i);
			String path = "candidates[" + i + "]";
			if (candidate.accelerator() != null) {
				accelerator(path + ".accelerator", candidate.accelerator(), problems);
			}
			if (candidate.provider() != null && candidate.region() != null) {
				region(path, candidate.provider(), candidate.region(), problems);
			}
			else if (candidate.gridZone() != null) {
				zone(path + ".gridZone", candidate.gridZone(), problems);
			}
		}
	}

	private void accelerator(String field, @Nullable String model, List<FieldProblem> problems) {
		if (model == null || model.isBlank()) {
			problems.add(new FieldProblem(field,
					"the accelerator model is missing; give a model of the factor" + " library, for example H100-SXM"));
			return;
		}
		if (this.library.has(FactorKind.ACCELERATOR_POWER_MAX, model.strip())) {
			return;
		}
		List<String> closest = Closest.to(model.strip(), this.library.keys(FactorKind.ACCELERATOR_POWER_MAX),
				SUGGESTIONS);
		problems
			.add(new FieldProblem(field,
					"'" + model.strip() + "' is not an accelerator model of the factor library"
							+ (closest.isEmpty() ? "" : "; did you mean " + String.join(", ", closest) + "?"),
					closest));
	}

	private void region(String path, String provider, String region, List<FieldProblem> problems) {
		String name = provider.strip().toLowerCase(Locale.ROOT);
		if (!PROVIDERS.contains(name)) {
			problems.add(new FieldProblem(path + ".provider",
					"'" + provider.strip() + "' is not a cloud provider GreenLedger knows; give aws, gcp or azure",
					Closest.to(name, PROVIDERS, SUGGESTIONS)));
			return;
		}
		if (this.library.region(name, region.strip()).isPresent()) {
			return;
		}
		List<String> closest = Closest.to(region.strip(),
				this.library.regions()
					.stream()
					.filter(each -> each.provider().equals(name))
					.map(CloudRegion::region)
					.toList(),
				SUGGESTIONS);
		problems
			.add(new FieldProblem(path + ".region",
					"'" + region.strip() + "' is not a " + name + " region of the factor library"
							+ (closest.isEmpty() ? "" : "; did you mean " + String.join(", ", closest) + "?"),
					closest));
	}

	private void zone(String field, String zone, List<FieldProblem> problems) {
		String key = zone.strip();
		String country = key.contains("-") ? key.substring(0, key.indexOf('-')) : key;
		if (this.library.has(FactorKind.GRID_INTENSITY, key) || this.library.has(FactorKind.GRID_INTENSITY, country)) {
			return;
		}
		List<String> closest = Closest.to(key, this.library.keys(FactorKind.GRID_INTENSITY), SUGGESTIONS);
		problems
			.add(new FieldProblem(field,
					"no grid carbon intensity is known for zone '" + key + "'"
							+ (closest.isEmpty() ? "" : "; did you mean " + String.join(", ", closest) + "?"),
					closest));
	}

}
