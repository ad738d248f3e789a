package org.greenledger.factors.api;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.greenledger.factors.FactorSetInput;
import org.greenledger.factors.FactorSetView;
import org.greenledger.factors.FactorSets;
import org.greenledger.system.ApiProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The organisation's own factors: versioned sets that override the shipped library. */
@RestController
@RequestMapping("/api/v1/factor-sets")
@Tag(name = "Factor sets", description = "Organisation factors (measured PUE, supplier market factors, ...)"
		+ " overriding the library for a scope and period; every change is a new version")
class FactorSetApiController {

	private final FactorSets sets;

	FactorSetApiController(FactorSets sets) {
		this.sets = sets;
	}

	@GetMapping
	@Operation(summary = "All factor sets at their latest version")
	List<FactorSetView> all() {
		return this.sets.all();
	}

	@GetMapping("/{id}")
	@Operation(summary = "A factor set at its latest version")
	FactorSetView latest(@PathVariable UUID id) {
		return this.sets.get(id, null).orElseThrow(() -> ApiProblemException.notFound("No factor set " + id + "."));
	}

	@GetMapping("/{id}/versions/{version}")
	@Operation(summary = "A factor set as it was at a version")
	FactorSetView version(@PathVariable UUID id, @PathVariable int version) {
		return this.sets.get(id, version)
			.orElseThrow(() -> ApiProblemException.notFound("No version " + version + " of factor set " + id + "."));
	}

	@PostMapping
	@Operation(summary = "Create a factor set (version 1)",
			description = "409 when the name is taken; 422 naming each invalid field.")
	ResponseEntity<FactorSetView> create(@RequestBody FactorSetInput input, Principal principal) {
		FactorSetView created = this.sets.create(input, principal.getName());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(created.id())
			.toUri();
		return ResponseEntity.created(location).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Revise a factor set: its values become a new version; earlier versions are kept")
	FactorSetView revise(@PathVariable UUID id, @RequestBody FactorSetInput input, Principal principal) {
		return this.sets.revise(id, input, principal.getName());
	}

}
