package org.greenledger.ingestion.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.greenledger.ingestion.IngestionJob;
import org.greenledger.ingestion.RowErrorGroups;
import org.greenledger.ingestion.IngestionJobs;
import org.greenledger.ingestion.RejectedRows;
import org.greenledger.ingestion.UploadOptions;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's Data sources page: upload a file (a plain form, or with JavaScript a
 * drag-and-drop zone with upload and job progress), the history of jobs, a job's
 * validation report, retry of a failed job and the download of rejected rows.
 */
@Controller
class DataSourcesController {

	static final int PAGE_SIZE = 50;

	private final IngestionJobs jobs;

	private final RejectedRows rejectedRows;

	private final MessageSource messages;

	private final OrgUnitScopes scopes;

	DataSourcesController(IngestionJobs jobs, RejectedRows rejectedRows, MessageSource messages, OrgUnitScopes scopes) {
		this.jobs = jobs;
		this.rejectedRows = rejectedRows;
		this.messages = messages;
		this.scopes = scopes;
	}

	@GetMapping("/data-sources")
	String list(@RequestParam(defaultValue = "1") int page, Model model, Authentication principal) {
		var scope = this.scopes.of(principal);
		long total = this.jobs.count(scope);
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.clamp(page, 1, pages);
		model.addAttribute("jobs", this.jobs.page((long) (current - 1) * PAGE_SIZE, PAGE_SIZE, scope));
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("total", total);
		return "data-sources";
	}

	/** The form's upload without JavaScript: answered with the job's page. */
	@PostMapping("/data-sources")
	String upload(@RequestParam("file") @Nullable MultipartFile file, @RequestParam Map<String, String> fields,
			Authentication principal, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", "datasources.upload.empty");
			return "redirect:/data-sources";
		}
		try {
			return "redirect:/data-sources/" + submit(file, fields, principal).id();
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
			return "redirect:/data-sources";
		}
	}

	/**
	 * The same upload sent by the page's script (which shows the upload's progress):
	 * answered with the job as JSON, or 400 with what is wrong.
	 */
	@PostMapping(path = "/data-sources", headers = "X-Requested-With=XMLHttpRequest")
	ResponseEntity<Map<String, Object>> uploadFromScript(@RequestParam("file") @Nullable MultipartFile file,
			@RequestParam Map<String, String> fields, Authentication principal) throws IOException {
		if (file == null || file.isEmpty()) {
			return ResponseEntity.badRequest()
				.body(Map.of("problems", List
					.of(this.messages.getMessage("datasources.upload.empty", null, LocaleContextHolder.getLocale()))));
		}
		try {
			IngestionJob job = submit(file, fields, principal);
			return ResponseEntity.accepted().body(Map.of("job", JobStatus.of(job), "url", "/data-sources/" + job.id()));
		}
		catch (ApiProblemException ex) {
			return ResponseEntity.badRequest().body(Map.of("problems", ex.messages()));
		}
	}

	private IngestionJob submit(MultipartFile file, Map<String, String> fields, Authentication principal)
			throws IOException {
		String name = (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())
				? file.getOriginalFilename() : "upload";
		try (InputStream content = file.getInputStream()) {
			UploadOptions options = UploadOptions.parse(fields::get);
			options = options.withOrgUnit(this.scopes.unitForNewData(this.scopes.of(principal), options.orgUnit()));
			return this.jobs.submit(content, name, options, principal.getName());
		}
	}

	@GetMapping("/data-sources/{id}")
	String job(@PathVariable UUID id, Model model, Authentication principal) {
		IngestionJob job = find(id, principal);
		model.addAttribute("job", job);
		model.addAttribute("errorGroups", RowErrorGroups.of(job.errors()));
		model.addAttribute("running", JobStatus.of(job).running());
		return "data-source";
	}

	/** The job's progress for the page's script, with the portal session. */
	@GetMapping("/data-sources/{id}/status")
	@ResponseBody
	JobStatus status(@PathVariable UUID id, Authentication principal) {
		return JobStatus.of(find(id, principal));
	}

	/** Queues a failed job again from its stored file (officers and admins). */
	@PostMapping("/data-sources/{id}/retry")
	String retry(@PathVariable UUID id, Authentication principal, RedirectAttributes redirect) {
		find(id, principal);
		try {
			this.jobs.retry(id, principal.getName());
			redirect.addFlashAttribute("message",
					this.messages.getMessage("datasources.retry.done", null, LocaleContextHolder.getLocale()));
		}
		catch (ApiProblemException ex) {
			if (ex.getStatusCode() == HttpStatus.NOT_FOUND) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("problems", ex.messages());
		}
		return "redirect:/data-sources/" + id;
	}

	/** The rejected rows with their errors and original cells, as CSV. */
	@GetMapping("/data-sources/{id}/rejected-rows.csv")
	void rejectedRows(@PathVariable UUID id, Authentication principal, HttpServletResponse response)
			throws IOException {
		IngestionJob job = find(id, principal);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(RejectedRows.fileName(job)).build().toString());
		this.rejectedRows.write(job, response.getOutputStream());
	}

	/**
	 * The job, or 404 when it does not exist or belongs to an org unit outside the user's
	 * scope.
	 */
	private IngestionJob find(UUID id, Authentication principal) {
		return this.jobs.find(id, this.scopes.of(principal))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
