package org.greenledger.reduction.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.greenledger.reduction.Adoption;
import org.greenledger.reduction.AdoptionInput;
import org.greenledger.reduction.Adoptions;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.format.annotation.DateTimeFormat;
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

/**
 * Adopted opportunities (ESRS E1-3 actions): marking one adopted stores its figures at
 * adoption (audited); the realized saving is computed from the ledger when asked.
 */
@RestController
@RequestMapping("/api/v1/opportunities/adoptions")
@Tag(name = "Opportunities", description = "Quantified reduction opportunities computed from the ledger")
class AdoptionApiController {

	private final Adoptions adoptions;

	private final OrgUnitScopes scopes;

	AdoptionApiController(Adoptions adoptions, OrgUnitScopes scopes) {
		this.adoptions = adoptions;
		this.scopes = scopes;
	}

	@PostMapping
	@Operation(summary = "Mark an opportunity adopted",
			description = "kind and subject name an opportunity GET /api/v1/opportunities lists for from..to (and"
					+ " orgUnit); adoptedOn is the first day the change is in effect. Stores the opportunity and the"
					+ " subject's baseline emissions; audited. 422 naming each invalid field.")
	ResponseEntity<Item> adopt(@RequestBody AdoptionInput input, Authentication principal) {
		Adoption adoption = this.adoptions.adopt(input, this.scopes.of(principal), principal.getName());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(adoption.id())
			.toUri();
		return ResponseEntity.created(location).body(new Item(adoption, null));
	}

	@GetMapping
	@Operation(summary = "Adopted opportunities with their realized saving",
			description = "realized covers the days from..to on or after each adoption (default: from the adoption"
					+ " to yesterday, UTC): baseline per day x days less the subject's emissions in the ledger.")
	List<Item> all(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Authentication principal) {
		OrgUnitScope scope = this.scopes.of(principal);
		checked(from, to);
		return this.adoptions.all(scope).stream().map(adoption -> item(adoption, from, to)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One adopted opportunity with its realized saving")
	Item one(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Authentication principal) {
		checked(from, to);
		return item(this.adoptions.require(id, this.scopes.of(principal)), from, to);
	}

	private Item item(Adoption adoption, @Nullable LocalDate from, @Nullable LocalDate to) {
		Optional<Adoption.Realized> realized = (from != null && to != null)
				? this.adoptions.realized(adoption, from, to) : this.adoptions.realizedToDate(adoption);
		return new Item(adoption, realized.orElse(null));
	}

	private static void checked(@Nullable LocalDate from, @Nullable LocalDate to) {
		if ((from == null) != (to == null) || from != null && (to.isBefore(from) || from.plusYears(5).isBefore(to))) {
			throw ApiProblemException.invalidFields(
					List.of(new FieldProblem("to", "from and to together, to on or after from, at most 5 years")));
		}
	}

	/**
	 * An adoption and the saving it realized (null when no day of the period is on or
	 * after the adoption).
	 */
	record Item(Adoption adoption, Adoption.@Nullable Realized realized) {
	}

}
