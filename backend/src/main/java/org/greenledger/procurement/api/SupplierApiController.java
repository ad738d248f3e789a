package org.greenledger.procurement.api;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.greenledger.procurement.SupplierDisclosure;
import org.greenledger.procurement.Methodologies;
import org.greenledger.procurement.ProductFootprints;
import org.greenledger.procurement.Scorer;
import org.greenledger.procurement.Supplier;
import org.greenledger.procurement.SupplierScore;
import org.greenledger.procurement.Suppliers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Suppliers, their disclosures and PACT product footprints, and their scores. */
@RestController
@RequestMapping("/api/v1/procurement/suppliers")
@Tag(name = "Suppliers",
		description = "Supplier registry, versioned disclosures with evidence, PACT product footprints")
class SupplierApiController {

	private final Suppliers suppliers;

	private final ProductFootprints footprints;

	private final Methodologies methodologies;

	private final org.greenledger.procurement.Questionnaires questionnaires;

	SupplierApiController(Suppliers suppliers, ProductFootprints footprints, Methodologies methodologies,
			org.greenledger.procurement.Questionnaires questionnaires) {
		this.questionnaires = questionnaires;
		this.suppliers = suppliers;
		this.footprints = footprints;
		this.methodologies = methodologies;
	}

	@GetMapping
	@Operation(summary = "All suppliers")
	List<Supplier> all() {
		return this.suppliers.all();
	}

	@PostMapping
	@Operation(summary = "Register a supplier",
			description = "{name, type: CLOUD_PROVIDER|COLOCATION_OPERATOR|HARDWARE_VENDOR|AI_API_PROVIDER, website,"
					+ " description, contacts: [{name, email, role}]}; 409 when the name is taken")
	ResponseEntity<Supplier> create(@RequestBody NewSupplier input, Principal principal) {
		Supplier supplier = this.suppliers.create(input.name(), input.type(), input.website(), input.description(),
				input.contacts(), principal.getName());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(supplier.id())
			.toUri();
		return ResponseEntity.created(location).body(supplier);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A supplier with its disclosure versions and product footprints")
	Map<String, Object> supplier(@PathVariable UUID id) {
		return Map.of("supplier", this.suppliers.require(id), "disclosures", this.suppliers.disclosures(id),
				"productFootprints", this.footprints.footprints(id));
	}

	@PostMapping("/{id}/disclosures")
	@Operation(summary = "Record a disclosure version entered by hand",
			description = "{values: {criterion key: number | level | true/false}, evidence, validFrom, validTo}")
	SupplierDisclosure disclose(@PathVariable UUID id, @RequestBody NewDisclosure input, Principal principal) {
		return this.suppliers.disclose(id, "MANUAL", (input.values() != null) ? input.values() : Map.of(),
				input.evidence(), null, input.validFrom(), input.validTo(), principal.getName());
	}

	@PostMapping(path = "/{id}/pact", consumes = "application/json")
	@Operation(
			summary = "Import WBCSD PACT product footprints (tech specs v2 and v3; one footprint, a list, or a"
					+ " PACT API {\"data\": [...]} response)",
			description = "An invalid document is refused whole with 422 listing every bad field by its JSON path.")
	SupplierDisclosure pact(@PathVariable UUID id, @RequestBody byte[] document,
			@RequestParam(defaultValue = "pact.json") String fileName, Principal principal) {
		return this.footprints.importPact(id, fileName, document, principal.getName());
	}

	@GetMapping("/{id}/questionnaire")
	@Operation(summary = "The Excel questionnaire for the supplier's type (validated input cells, instructions)")
	ResponseEntity<byte[]> questionnaire(@PathVariable UUID id) {
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType
				.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"greenledger-questionnaire-" + id.toString().substring(0, 8) + ".xlsx\"")
			.body(this.questionnaires.template(id));
	}

	@PostMapping(path = "/{id}/questionnaire", consumes = "application/octet-stream")
	@Operation(summary = "Upload a filled-in questionnaire (the .xlsx bytes as the body)",
			description = "Validated whole: types, units, ranges, allowed values, required answers; macros, external"
					+ " links, formulas and oversized or zip-bomb files are refused. 422 lists each problem with its cell"
					+ " (for example Answers!E9); nothing is stored then. Accepted answers become a disclosure version.")
	SupplierDisclosure uploadQuestionnaire(@PathVariable UUID id, @RequestBody byte[] content,
			@RequestParam(defaultValue = "questionnaire.xlsx") String fileName, Principal principal) {
		return this.questionnaires.importAnswers(id, fileName, content, principal.getName());
	}

	@GetMapping("/{id}/score")
	@Operation(summary = "The supplier's score from its latest disclosure valid on the date (default today)")
	SupplierScore score(@PathVariable UUID id, @RequestParam(required = false) @Nullable String methodology,
			@RequestParam(required = false) @Nullable Integer version,
			@RequestParam(required = false) @Nullable LocalDate date) {
		return Scorer.score(
				this.methodologies.get((methodology != null) ? methodology : Methodologies.DEFAULT, version),
				this.suppliers.profile(this.suppliers.require(id).id(),
						(date != null) ? date : LocalDate.now(ZoneOffset.UTC)));
	}

	record NewSupplier(@Nullable String name, @Nullable String type, @Nullable String website,
			@Nullable String description, @Nullable List<Supplier.Contact> contacts) {
	}

	record NewDisclosure(@Nullable Map<String, Object> values, @Nullable String evidence, @Nullable LocalDate validFrom,
			@Nullable LocalDate validTo) {
	}

}
