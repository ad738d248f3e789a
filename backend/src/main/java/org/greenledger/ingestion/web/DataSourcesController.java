package org.greenledger.ingestion.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.ingestion.IngestionJob;
import org.greenledger.ingestion.IngestionJobs;
import org.greenledger.ingestion.UploadOptions;
import org.greenledger.ingestion.Overlap;
import org.greenledger.security.OrgUnitScopes;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's Data sources page: upload a billing export, follow its job (the page
 * refreshes itself while the job runs, with or without JavaScript) and read its
 * validation report.
 */
@Controller
class DataSourcesController {

	private final IngestionJobs jobs;

	private final OrgUnitScopes scopes;

	DataSourcesController(IngestionJobs jobs, OrgUnitScopes scopes) {
		this.jobs = jobs;
		this.scopes = scopes;
	}

	@GetMapping("/data-sources")
	String list(Model model, Authentication principal) {
		model.addAttribute("jobs", this.jobs.recent(50, this.scopes.of(principal)));
		return "data-sources";
	}

	@PostMapping("/data-sources")
	String upload(@RequestParam("file") @Nullable MultipartFile file,
			@RequestParam java.util.Map<String, String> fields, Authentication principal, RedirectAttributes redirect)
			throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", "datasources.upload.empty");
			return "redirect:/data-sources";
		}
		String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "upload";
		IngestionJob job;
		try (InputStream content = file.getInputStream()) {
			UploadOptions options = UploadOptions.parse(fields::get);
			options = options.withOrgUnit(this.scopes.unitForNewData(this.scopes.of(principal), options.orgUnit()));
			job = this.jobs.submit(content, name, options, principal.getName());
		}
		catch (org.greenledger.system.ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
			return "redirect:/data-sources";
		}
		return "redirect:/data-sources/" + job.id();
	}

	@GetMapping("/data-sources/{id}")
	String job(@PathVariable UUID id, Model model, Authentication principal) {
		IngestionJob job = this.jobs.find(id, this.scopes.of(principal))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("job", job);
		model.addAttribute("running", "QUEUED".equals(job.status()) || "RUNNING".equals(job.status()));
		return "data-source";
	}

}
