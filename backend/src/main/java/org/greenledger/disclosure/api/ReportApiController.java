package org.greenledger.disclosure.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.greenledger.disclosure.Disclosures;
import org.greenledger.disclosure.ReportDownloads;
import org.greenledger.disclosure.ReportGenerations;
import org.greenledger.disclosure.ReportRequest;
import org.greenledger.disclosure.StoredReport;
import org.greenledger.security.OrgUnitScope;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Disclosure documents: generate, read, download, evidence packs. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "GHG inventory, ESRS, EU EED data-centre and AI model card documents as PDF,"
		+ " XLSX and HTML, stored immutably with their SHA-256, and evidence packs")
class ReportApiController {

	private final Disclosures disclosures;

	private final OrgUnitScopes scopes;

	private final ReportGenerations generations;

	ReportApiController(Disclosures disclosures, OrgUnitScopes scopes, ReportGenerations generations) {
		this.disclosures = disclosures;
		this.scopes = scopes;
		this.generations = generations;
	}

	@PostMapping
	@Operation(summary = "Generate a report",
			description = "Body: {\"type\": \"GHG_INVENTORY\" | \"ESRS\" | \"EED_DATACENTRE\" | \"AI_MODEL_CARD\", \"periodId\""
					+ " or \"from\"/\"to\", optional \"orgUnit\", \"modelId\" (the workload, for AI_MODEL_CARD),"
					+ " \"netRevenue\": {\"amount\", \"currency\"} and \"esrsVersion\" (2023 or 2027; default by the"
					+ " financial year of the first day) for ESRS}. The net revenue of a period that has one entered comes"
					+ " from the period: a request giving a different one is refused with 422. 201 with"
					+ " the stored report; 409 when the period is approved and already has a report of the type. A"
					+ " caller assigned to org units reports on one of them (their only one when orgUnit is left"
					+ " out); 422 for another unit.")
	ResponseEntity<StoredReport> generate(@RequestBody ReportRequest request, Authentication principal) {
		OrgUnitScope scope = this.scopes.of(principal);
		StoredReport report = this.disclosures.generate(
				request.withOrgUnit(this.scopes.unitForNewData(scope, request.orgUnit())), scope, principal.getName());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(report.id())
			.toUri();
		return ResponseEntity.created(location).body(report);
	}

	@PostMapping("/{type}/generations")
	@Operation(summary = "Start generating a report in the background",
			description = "The same body as POST /api/v1/reports (its type is the path's). What the synchronous"
					+ " generation refuses is refused at once (422, 409). 202 with the generation's status and its"
					+ " address in Location; the generation's id is the id of the report it stores. 429 when the"
					+ " server already runs as many long tasks as it may (greenledger.tasks.concurrency).")
	ResponseEntity<LongTask> startGeneration(@PathVariable String type, @RequestBody ReportRequest body,
			Authentication principal) {
		OrgUnitScope scope = this.scopes.of(principal);
		ReportRequest request = new ReportRequest(type, body.periodId(), body.from(), body.to(),
				this.scopes.unitForNewData(scope, body.orgUnit()), body.modelId(), body.netRevenue(),
				body.esrsVersion());
		LongTask task = this.generations.start(request, scope, principal.getName());
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/v1/reports/generations/{id}")
			.buildAndExpand(task.id())
			.toUri();
		return ResponseEntity.accepted().location(location).body(task);
	}

	@GetMapping("/generations/{id}")
	@Operation(summary = "Where a report's generation stands",
			description = "state RUNNING, COMPLETED or FAILED; step and detail (for example \"Writing the workbook\","
					+ " \"activity line 40,000 of 160,000\"), percent, the steps gone through, message (why it"
					+ " failed), result (the report's id once COMPLETED). Answered by any node of a cluster.")
	LongTask generation(@PathVariable UUID id, Authentication principal) {
		return requireGeneration(id, principal);
	}

	@GetMapping("/generations/{id}/file")
	@Operation(summary = "The generated report's rendering: format=pdf, xlsx or html",
			description = "The same bytes as GET /api/v1/reports/{id}/content of the stored report. 409 while the"
					+ " generation runs or when it failed, saying which.")
	ResponseEntity<byte[]> generatedFile(@PathVariable UUID id, @RequestParam(defaultValue = "pdf") String format,
			Authentication principal) {
		LongTask task = requireGeneration(id, principal);
		if (task.running()) {
			throw ApiProblemException.conflict("The report is still being generated (" + task.percent() + " %, "
					+ task.step().toLowerCase(Locale.ROOT) + "). Ask again once its state is COMPLETED.");
		}
		if (!task.completed()) {
			throw ApiProblemException.conflict("The report's generation failed: " + task.message());
		}
		return ReportDownloads.content(require(UUID.fromString(String.valueOf(task.result())), principal), format,
				this.disclosures);
	}

	private LongTask requireGeneration(UUID id, Authentication principal) {
		return this.generations.find(id, this.scopes.of(principal))
			.orElseThrow(() -> ApiProblemException.notFound("No report generation " + id + "."));
	}

	@GetMapping
	@Operation(summary = "The latest reports (up to 200) of the caller's org units")
	List<StoredReport> recent(Authentication principal) {
		return this.disclosures.recent(200, this.scopes.of(principal));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A report: what it covers, its figures, provenance and the SHA-256 of each rendering",
			description = "404 as well for a report outside the caller's org units.")
	StoredReport report(@PathVariable UUID id, Authentication principal) {
		return require(id, principal);
	}

	@GetMapping("/{id}/content")
	@Operation(summary = "A rendering of the report: format=pdf, xlsx or html")
	ResponseEntity<byte[]> content(@PathVariable UUID id, @RequestParam(defaultValue = "pdf") String format,
			Authentication principal) {
		return ReportDownloads.content(require(id, principal), format, this.disclosures);
	}

	@GetMapping("/{id}/evidence")
	@Operation(summary = "The evidence pack (ZIP): renderings, manifest of hashes, factor dataset versions, source"
			+ " files with their SHA-256, audit events")
	ResponseEntity<byte[]> evidence(@PathVariable UUID id, Authentication principal) {
		return ReportDownloads.evidence(require(id, principal), this.disclosures);
	}

	private StoredReport require(UUID id, Authentication principal) {
		return this.disclosures.find(id, this.scopes.of(principal))
			.orElseThrow(() -> ApiProblemException.notFound("No report " + id + "."));
	}

}
