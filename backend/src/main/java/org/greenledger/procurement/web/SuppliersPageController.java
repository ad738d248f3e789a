package org.greenledger.procurement.web;

import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.procurement.Methodologies;
import org.greenledger.procurement.ProductFootprints;
import org.greenledger.procurement.Questionnaires;
import org.greenledger.procurement.Scorer;
import org.greenledger.procurement.Supplier;
import org.greenledger.procurement.Suppliers;
import org.greenledger.system.ApiProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Suppliers pages: the registry, and a supplier's score breakdown, disclosures,
 * product footprints, questionnaire download and uploads.
 */
@Controller
class SuppliersPageController {

	private final Suppliers suppliers;

	private final ProductFootprints footprints;

	private final Questionnaires questionnaires;

	private final Methodologies methodologies;

	SuppliersPageController(Suppliers suppliers, ProductFootprints footprints, Questionnaires questionnaires,
			Methodologies methodologies) {
		this.suppliers = suppliers;
		this.footprints = footprints;
		this.questionnaires = questionnaires;
		this.methodologies = methodologies;
	}

	@GetMapping("/suppliers")
	String suppliers(Model model) {
		model.addAttribute("suppliers", this.suppliers.all());
		return "suppliers";
	}

	@PostMapping("/suppliers")
	String create(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String website,
			@RequestParam(required = false) @Nullable String description, Principal principal,
			RedirectAttributes redirect) {
		try {
			Supplier supplier = this.suppliers.create(name, type, website, description, null, principal.getName());
			redirect.addFlashAttribute("message", "Supplier " + supplier.name() + " registered.");
			return "redirect:/suppliers/" + supplier.id();
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
			return "redirect:/suppliers";
		}
	}

	@GetMapping("/suppliers/{id}")
	String supplier(@PathVariable UUID id, Model model) {
		Supplier supplier = this.suppliers.require(id);
		model.addAttribute("supplier", supplier);
		model.addAttribute("disclosures", this.suppliers.disclosures(id));
		model.addAttribute("footprints", this.footprints.footprints(id));
		model.addAttribute("score", Scorer.score(this.methodologies.get(Methodologies.DEFAULT, null),
				this.suppliers.profile(id, LocalDate.now(ZoneOffset.UTC))));
		return "supplier";
	}

	@GetMapping("/suppliers/{id}/questionnaire")
	ResponseEntity<byte[]> questionnaire(@PathVariable UUID id) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"greenledger-questionnaire-" + id.toString().substring(0, 8) + ".xlsx\"")
			.body(this.questionnaires.template(id));
	}

	@PostMapping("/suppliers/{id}/questionnaire")
	String uploadQuestionnaire(@PathVariable UUID id, @RequestParam("file") @Nullable MultipartFile file,
			Principal principal, RedirectAttributes redirect) throws IOException {
		return upload(id, file, redirect,
				(name, bytes) -> this.questionnaires.importAnswers(id, name, bytes, principal.getName()));
	}

	@PostMapping("/suppliers/{id}/pact")
	String uploadPact(@PathVariable UUID id, @RequestParam("file") @Nullable MultipartFile file, Principal principal,
			RedirectAttributes redirect) throws IOException {
		return upload(id, file, redirect,
				(name, bytes) -> this.footprints.importPact(id, name, bytes, principal.getName()));
	}

	private String upload(UUID id, @Nullable MultipartFile file, RedirectAttributes redirect, Import action)
			throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("problems", java.util.List.of("file: choose a file to upload"));
			return "redirect:/suppliers/" + id;
		}
		try {
			action.run((file.getOriginalFilename() != null) ? file.getOriginalFilename() : "upload", file.getBytes());
			redirect.addFlashAttribute("message", "Disclosure recorded from " + file.getOriginalFilename() + ".");
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
		}
		return "redirect:/suppliers/" + id;
	}

	@FunctionalInterface
	private interface Import {

		void run(String fileName, byte[] content);

	}

}
