package org.greenledger.workloads.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.greenledger.workloads.Workload;
import org.greenledger.workloads.WorkloadFootprint;
import org.greenledger.workloads.WorkloadFootprints;
import org.greenledger.workloads.WorkloadInput;
import org.greenledger.workloads.Workloads;
import org.greenledger.workloads.Training;
import org.greenledger.workloads.WorkloadTrainings;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** AI workloads, their attribution rules and outputs, and their footprint. */
@RestController
@RequestMapping("/api/v1/workloads")
@Tag(name = "AI workloads", description = "Models and services with phases; measured and billed activity attributed"
		+ " by rules; footprint per month and phase; SCI per functional unit")
class WorkloadApiController {

	private final Workloads workloads;

	private final WorkloadFootprints footprints;

	private final OrgUnitScopes scopes;

	private final WorkloadTrainings trainings;

	WorkloadApiController(Workloads workloads, WorkloadFootprints footprints, OrgUnitScopes scopes,
			WorkloadTrainings trainings) {
		this.trainings = trainings;
		this.workloads = workloads;
		this.footprints = footprints;
		this.scopes = scopes;
	}

	@GetMapping
	@Operation(summary = "All workloads (of the caller's org units) with their rules and outputs")
	List<Workload> all(Authentication principal) {
		return this.workloads.all(this.scopes.of(principal));
	}

	@PostMapping
	@Operation(summary = "Register a workload (MODEL or SERVICE)")
	ResponseEntity<Workload> create(@RequestBody WorkloadInput.Create input, Authentication principal) {
		String orgUnit = this.scopes.unitForNewData(this.scopes.of(principal), input.orgUnit());
		Workload workload = this.workloads.create(input.withOrgUnit(orgUnit), principal.getName());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(workload.id())
			.toUri();
		return ResponseEntity.created(location).body(workload);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A workload")
	Workload workload(@PathVariable UUID id, Authentication principal) {
		return this.workloads.require(id, this.scopes.of(principal));
	}

	@PostMapping("/{id}/rules")
	@Operation(summary = "Attribute activity to a phase of the workload",
			description = "MEASURED rules match measured series whose labels contain every key and value given (keys:"
					+ " project, experiment, run, host, gpu, gpu_uuid, model, namespace, pod, container, site, and"
					+ " source/metric); CLOUD_TAG rules match billing rows with one tag key and value.")
	Workload addRule(@PathVariable UUID id, @RequestBody WorkloadInput.NewRule input, Authentication principal) {
		this.workloads.require(id, this.scopes.of(principal));
		return this.workloads.addRule(id, input, principal.getName());
	}

	@PostMapping("/{id}/outputs")
	@Operation(summary = "Record what the workload served over a period (requests, inferences, tokens)")
	Workload addOutput(@PathVariable UUID id, @RequestBody WorkloadInput.NewOutput input, Authentication principal) {
		this.workloads.require(id, this.scopes.of(principal));
		return this.workloads.addOutput(id, input, principal.getName());
	}

	@PutMapping("/{id}/training")
	@Operation(summary = "Record what the provider states about the model's training (AI model card)",
			description = "trainingComputeFlop (or accelerator, acceleratorHours and utilization to estimate it),"
					+ " computeMethod, trainingStart, trainingEnd, parameters, trainingTokens, modelDependencies,"
					+ " inferenceComputeFlop, inferenceBenchmark and evidence (required). Replaces the record.")
	Training.Entered putTraining(@PathVariable UUID id, @RequestBody Training input, Authentication principal) {
		this.workloads.require(id, this.scopes.of(principal));
		return this.trainings.put(id, input, principal.getName());
	}

	@GetMapping("/{id}/training")
	@Operation(summary = "What was recorded about the model's training (404 when nothing was)")
	Training.Entered training(@PathVariable UUID id, Authentication principal) {
		this.workloads.require(id, this.scopes.of(principal));
		return this.trainings.find(id)
			.orElseThrow(() -> ApiProblemException.notFound("No training recorded for workload " + id + "."));
	}

	@GetMapping("/{id}/footprint")
	@Operation(summary = "Footprint per month and phase, totals per phase and SCI per recorded output",
			description = "Whole months from 'from' to 'to' (dates; defaults: the last 12 months).")
	WorkloadFootprint footprint(@PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, Authentication principal) {
		LocalDate last = (to != null) ? to : LocalDate.now(ZoneOffset.UTC);
		LocalDate first = (from != null) ? from : last.minusMonths(11).withDayOfMonth(1);
		if (first.isAfter(last) || first.plusYears(10).isBefore(last)) {
			throw ApiProblemException.unprocessable("'from' must not be after 'to', and at most 10 years before it.");
		}
		return this.footprints.footprint(this.workloads.require(id, this.scopes.of(principal)), first, last);
	}

}
