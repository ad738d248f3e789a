package org.greenledger.ingestion.api;

import java.io.IOException;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.greenledger.ingestion.IngestionJob;
import org.greenledger.ingestion.SparkOutputs;
import org.greenledger.ingestion.UploadOptions;
import org.greenledger.ledger.Overlap;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Outputs of the GreenLedger Spark job loaded as ingestion jobs. */
@RestController
@RequestMapping("/api/v1/ingestions")
@Tag(name = "Ingestion")
class SparkOutputApiController {

	private final SparkOutputs outputs;

	private final OrgUnitScopes scopes;

	SparkOutputApiController(SparkOutputs outputs, OrgUnitScopes scopes) {
		this.outputs = outputs;
		this.scopes = scopes;
	}

	/**
	 * @param sparkOutput the output directory on this server, below one of the configured
	 * roots (greenledger.spark.output-roots)
	 * @param orgUnit the organisation unit the data belongs to
	 * @param overlap REPLACE (default) or APPEND, as for an upload
	 */
	record SparkOutputRequest(@Nullable String sparkOutput, @Nullable String orgUnit, @Nullable Overlap overlap) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Load an output of the GreenLedger Spark job as one ingestion job; answers 202 with the job",
			description = "The body names the output directory ({\"sparkOutput\": \"/data/spark/2026-11\"}), which must"
					+ " lie below one of the configured output roots and hold the job's manifest.json and lines/. The"
					+ " job has the accounting of the manifest (rows read, accepted, cost-only, rejected, billed cost"
					+ " per provider and currency), replaces or appends like an upload, and its notes give each"
					+ " source file's row offset. 422 for a location outside the roots or without a finished output."
					+ " The same output sent again is answered with duplicateOf.")
	ResponseEntity<IngestionJob> load(@RequestBody SparkOutputRequest request, Authentication principal)
			throws IOException {
		if (request.sparkOutput() == null || request.sparkOutput().isBlank()) {
			throw ApiProblemException.unprocessable("Name the Spark output directory in sparkOutput.");
		}
		UploadOptions options = UploadOptions.of(null, request.orgUnit(),
				(request.overlap() != null) ? request.overlap() : Overlap.REPLACE);
		options = options.withOrgUnit(this.scopes.unitForNewData(this.scopes.of(principal), options.orgUnit()));
		IngestionJob job;
		try {
			job = this.outputs.submit(request.sparkOutput(), options, principal.getName());
		}
		catch (SparkOutputs.RefusedLocationException ex) {
			throw ApiProblemException.unprocessable(ex.getMessage());
		}
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(job.id())
			.toUri();
		return ResponseEntity.accepted().location(location).body(job);
	}

}
