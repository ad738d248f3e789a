package org.greenledger.ingestion.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.greenledger.ingestion.IngestionJob;
import org.greenledger.ingestion.IngestionJobs;
import org.greenledger.ingestion.RejectedRows;
import org.greenledger.ingestion.StreamedUpload;
import org.greenledger.ingestion.UploadOptions;
import org.greenledger.ledger.Overlap;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Uploads of billing exports, processed as jobs. */
@RestController
@RequestMapping("/api/v1/ingestions")
@Tag(name = "Ingestion",
		description = "Upload cloud billing exports (FOCUS, AWS CUR, Google Cloud, Azure) and follow their jobs")
class IngestionApiController {

	private final IngestionJobs jobs;

	private final OrgUnitScopes scopes;

	private final RejectedRows rejectedRows;

	IngestionApiController(IngestionJobs jobs, OrgUnitScopes scopes, RejectedRows rejectedRows) {
		this.jobs = jobs;
		this.scopes = scopes;
		this.rejectedRows = rejectedRows;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a file for ingestion; answers 202 with the job",
			description = "The same content sent again is answered with duplicateOf and changes nothing. A billing"
					+ " export as text (CSV or JSON lines, plain or gzip) sent while the server works on no other job"
					+ " is read while it arrives: the answer then comes once the file is stored, with the job"
					+ " RUNNING; other files are answered with the job QUEUED. The format"
					+ " is detected from the content: FOCUS 1.0-1.2 CSV, AWS CUR (legacy or 2.0) CSV, Google Cloud"
					+ " billing export as CSV or newline-delimited JSON, Azure cost details CSV (EA or MCA, actual or"
					+ " amortized); CodeCarbon emissions.csv; nvidia-smi CSV; DCGM exporter and Kepler Prometheus"
					+ " text; GreenLedger meter CSV; Green Button XML; hourly grid intensity CSV (Electricity Maps"
					+ " layout); CloudWatch CPUUtilization JSON; plain or gzip. The optional format parameter (FOCUS,"
					+ " AWS_CUR, AWS_CUR2, GCP,"
					+ " AZURE, CODECARBON, NVIDIA_SMI, PROMETHEUS, METER_CSV, GREEN_BUTTON, GRID_INTENSITY, CLOUDWATCH; case"
					+ " and separators do not matter) is checked against the content: a file of another"
					+ " format is rejected.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = UploadForm.class)))
	ResponseEntity<IngestionJob> upload(HttpServletRequest request, Authentication principal) throws IOException {
		// the body is read here, as it arrives: the file goes straight into the file
		// store, and to its job, which stages it at the same time when it can
		MultipartUpload upload = MultipartUpload.read(request, this.jobs,
				(fileName, fields) -> staging(fileName, fields, principal, request.getContentLengthLong()));
		try {
			return accepted(upload, principal);
		}
		catch (RuntimeException ex) {
			this.jobs.discard(upload.stored());
			throw ex;
		}
		finally {
			if (upload.streamed() != null) {
				// nothing happens when the job was handed over to it
				upload.streamed().discard("the upload was refused");
			}
		}
	}

	/**
	 * A job that stages the file while it arrives, with the options the fields before the
	 * file give; none when they are incomplete or wrong (the upload is then answered as
	 * always, once it was read).
	 */
	private @Nullable StreamedUpload staging(String fileName, Map<String, String> fields, Authentication principal,
			long declaredBytes) {
		try {
			return this.jobs.receive(fileName, options(name -> MultipartUpload.field(fields, name), principal),
					principal.getName(), declaredBytes);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private UploadOptions options(java.util.function.Function<String, @Nullable String> fields,
			Authentication principal) {
		UploadOptions options = UploadOptions.parse(fields);
		// the upload belongs to one of the user's org units (their only one when not
		// named)
		return options.withOrgUnit(this.scopes.unitForNewData(this.scopes.of(principal), options.orgUnit()));
	}

	private ResponseEntity<IngestionJob> accepted(MultipartUpload upload, Authentication principal) {
		UploadOptions options = options(upload::field, principal);
		IngestionJob job = this.jobs.submit(upload.stored(), upload.fileName(), options, principal.getName(),
				upload.streamed());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(job.id())
			.toUri();
		return ResponseEntity.accepted().location(location).body(job);
	}

	/**
	 * The upload's parts, for the API description.
	 *
	 * @param file the billing export
	 * @param format FOCUS, AWS_CUR, AWS_CUR2, GCP or AZURE; detected when left out
	 * @param orgUnit the organisation unit the file belongs to
	 * @param overlap REPLACE (default): a corrected re-export replaces earlier rows of
	 * the same provider, account and billing month; APPEND: another part of the same
	 * export is added (for measured data: the same series and time)
	 * @param site the site code of measured data (required for Green Button and GPU
	 * telemetry)
	 * @param host the host of an nvidia-smi file
	 * @param meterRole the role of Green Button meters (default FACILITY_TOTAL for
	 * electricity, WATER_INTAKE for water)
	 * @param timeZone the zone of timestamps without offset (nvidia-smi, CodeCarbon,
	 * meter CSV); UTC when left out
	 */
	record UploadForm(
			@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file,
			@Nullable String format, @Nullable String orgUnit, @Nullable Overlap overlap, @Nullable String site,
			@Nullable String host, @Nullable String meterRole, @Nullable String timeZone) {
	}

	@GetMapping("/{id}")
	@Operation(summary = "A job: status, progress, row accounting, errors, cost reconciliation",
			description = "404 as well for a job of an org unit outside the caller's scope.")
	IngestionJob job(@PathVariable UUID id, Authentication principal) {
		return this.jobs.find(id, this.scopes.of(principal))
			.orElseThrow(() -> ApiProblemException.notFound("No ingestion job " + id + "."));
	}

	@GetMapping("/{id}/rejected-rows")
	@Operation(summary = "A job's rejected rows as CSV",
			description = "One line per row error, all of them in row order: Row, Column, Reason, then the original"
					+ " cells of that row read again from the stored file under the file's own header (newline-"
					+ "delimited JSON and Prometheus text: the line; Green Button XML: none). Cells starting with ="
					+ " + - @, a tab or a carriage return get a leading apostrophe so that spreadsheets do not run"
					+ " them as formulas. UTF-8 with a byte-order mark.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv"))
	void rejectedRows(@PathVariable UUID id, Authentication principal, HttpServletResponse response)
			throws IOException {
		IngestionJob job = job(id, principal);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(RejectedRows.fileName(job)).build().toString());
		this.rejectedRows.write(job, response.getOutputStream());
	}

	@PostMapping("/{id}/retry")
	@Operation(summary = "Queue a FAILED job again from its stored file; answers 202 with the job",
			description = "For a job that failed unexpectedly (a database outage, say): nothing of its file was"
					+ " stored, so it is read again from the start. 404 for an unknown job or one outside the"
					+ " caller's org units; 409 for a job that did not fail (a REJECTED file would be rejected"
					+ " again: send the corrected file) or whose stored file is gone. Recorded in the audit log"
					+ " (INGESTION_JOB_RETRIED).")
	ResponseEntity<IngestionJob> retry(@PathVariable UUID id, Authentication principal) {
		job(id, principal);
		return ResponseEntity.accepted().body(this.jobs.retry(id, principal.getName()));
	}

	@GetMapping
	@Operation(summary = "The most recent jobs (up to 200) of the caller's org units")
	List<IngestionJob> jobs(Authentication principal) {
		return this.jobs.recent(200, this.scopes.of(principal));
	}

}
