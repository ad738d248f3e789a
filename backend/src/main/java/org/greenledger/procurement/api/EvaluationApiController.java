package org.greenledger.procurement.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.greenledger.procurement.EvaluationRequest;
import org.greenledger.procurement.EvaluationResult;
import org.greenledger.procurement.EvaluationRuns;
import org.greenledger.procurement.Evaluations;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.greenledger.tasks.LongTask;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Workload-aware evaluations of candidate offers. */
@RestController
@RequestMapping("/api/v1/procurement/evaluations")
@Tag(name = "Procurement evaluations", description = "Projected energy, CO2e, embodied and water of a workload at each"
		+ " candidate, the supplier scores and a ranking")
class EvaluationApiController {

	private static final String EXAMPLE = """
			{"name": "LLM fine-tuning 2026",
			 "workload": {"from": "2026-01-01", "to": "2026-03-31",
			              "acceleratorHours": [{"model": "H100-SXM", "hours": 20000}],
			              "vcpuHours": 50000, "memoryGbHours": 400000, "storageTbHours": 2000, "dataTransferGb": 5000},
			 "candidates": [
			   {"supplierId": "00000000-0000-0000-0000-000000000001", "label": "Cloud A, Stockholm", "provider": "aws", "region": "eu-north-1"},
			   {"supplierId": "00000000-0000-0000-0000-000000000002", "label": "Colo B, Frankfurt", "gridZone": "DE", "accelerator": "H100-SXM"}],
			 "methodology": "greenledger-default"}""";

	private final Evaluations evaluations;

	private final OrgUnitScopes scopes;

	private final EvaluationRuns runs;

	EvaluationApiController(Evaluations evaluations, OrgUnitScopes scopes, EvaluationRuns runs) {
		this.evaluations = evaluations;
		this.scopes = scopes;
		this.runs = runs;
	}

	@PostMapping("/runs")
	@Operation(summary = "Start an evaluation in the background",
			description = "The same body as POST /api/v1/procurement/evaluations. Invalid fields and unknown names"
					+ " are refused at once (422, with suggestions). 202 with the run's status and its address in"
					+ " Location; the run's id is the id of the evaluation it stores. 429 when the server already"
					+ " runs as many long tasks as it may (greenledger.tasks.concurrency).")
	ResponseEntity<LongTask> start(@RequestBody EvaluationRequest request, Authentication principal) {
		String orgUnit = this.scopes.unitForNewData(this.scopes.of(principal), request.orgUnit());
		LongTask task = this.runs.start(request.withOrgUnit(orgUnit), principal.getName());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(task.id())
			.toUri();
		return ResponseEntity.accepted().location(location).body(task);
	}

	@GetMapping("/runs/{id}")
	@Operation(summary = "Where an evaluation's run stands",
			description = "state RUNNING, COMPLETED or FAILED; step and detail (\"Scoring the candidates\","
					+ " \"candidate 2 of 5\"), percent, the steps gone through, message (why it failed), result (the"
					+ " evaluation's id once COMPLETED, then at GET /api/v1/procurement/evaluations/{id}).")
	LongTask run(@PathVariable UUID id, Authentication principal) {
		return this.runs.find(id, this.scopes.of(principal))
			.orElseThrow(() -> ApiProblemException.notFound("No evaluation run " + id + "."));
	}

	@PostMapping
	@Operation(summary = "Evaluate candidate offers for a workload (computed, stored and returned)",
			description = "Each candidate's projection uses the footprint engine with the candidate's region or zone"
					+ " and the supplier's disclosed PUE, WUE and market-based intensity; the ranking orders by"
					+ " projected CO2e (market-based operational plus embodied), ties by the higher score. The"
					+ " optional orgUnit must be one of the caller's org units; left out, it is the caller's only"
					+ " one.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "two candidates", value = EXAMPLE))))
	ResponseEntity<EvaluationResult> evaluate(@RequestBody EvaluationRequest request, Authentication principal) {
		String orgUnit = this.scopes.unitForNewData(this.scopes.of(principal), request.orgUnit());
		EvaluationResult result = this.evaluations.evaluate(request.withOrgUnit(orgUnit), principal.getName());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(result.id())
			.toUri();
		return ResponseEntity.created(location).body(result);
	}

	@GetMapping
	@Operation(summary = "The latest evaluations (up to 100) of the caller's org units")
	List<EvaluationResult> recent(Authentication principal) {
		return this.evaluations.recent(100, this.scopes.of(principal));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A stored evaluation",
			description = "404 as well for an evaluation of an org unit outside" + " the caller's scope.")
	EvaluationResult evaluation(@PathVariable UUID id, Authentication principal) {
		return this.evaluations.get(id, this.scopes.of(principal))
			.orElseThrow(() -> ApiProblemException.notFound("No evaluation " + id + "."));
	}

}
