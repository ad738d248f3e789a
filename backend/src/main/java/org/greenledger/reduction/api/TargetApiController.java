package org.greenledger.reduction.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.greenledger.reduction.Target;
import org.greenledger.reduction.TargetInput;
import org.greenledger.reduction.Targets;
import org.greenledger.reduction.Trajectories;
import org.greenledger.reduction.Trajectory;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.security.core.Authentication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Reduction targets (ESRS E1-4): versioned, with their trajectory against the ledger. */
@RestController
@RequestMapping("/api/v1/targets")
@Tag(name = "Targets", description = "Reduction targets, versioned, and their trajectory against the ledger")
class TargetApiController {

	private final Targets targets;

	private final Trajectories trajectories;

	private final OrgUnitScopes scopes;

	TargetApiController(Targets targets, Trajectories trajectories, OrgUnitScopes scopes) {
		this.targets = targets;
		this.trajectories = trajectories;
		this.scopes = scopes;
	}

	@GetMapping
	@Operation(summary = "The latest version of every target")
	List<Target> all(Authentication principal) {
		return this.scopes.of(principal).filter(this.targets.all(), Target::orgUnit);
	}

	@PostMapping
	@Operation(summary = "Set a target (version 1)",
			description = "Without baseYearKgCo2e the ledger's figure for the base year (in the target's scopes,"
					+ " basis and org unit) is recorded. 422 naming each invalid field.")
	ResponseEntity<Target> create(@RequestBody TargetInput input, Authentication principal) {
		withinScope(input, principal);
		Target target = this.targets.create(input, principal.getName());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(target.id())
			.toUri();
		return ResponseEntity.created(location).body(target);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A target's latest version with every version")
	Map<String, Object> target(@PathVariable UUID id, Authentication principal) {
		return Map.of("target", visible(id, principal), "versions", this.targets.versions(id));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a target: saves its next version (earlier versions stay; audited)")
	Target change(@PathVariable UUID id, @RequestBody TargetInput input, Authentication principal) {
		visible(id, principal);
		withinScope(input, principal);
		return this.targets.change(id, input, principal.getName());
	}

	@GetMapping("/{id}/trajectory")
	@Operation(summary = "The linear path from base year to target year beside the ledger's actual figures",
			description = "actualKgCo2e is the GHG inventory's figure of the year (the footprint API's for Scope 3);"
					+ " baseYearRecalculated says that the ledger's base-year figure has changed since it was recorded.")
	Trajectory trajectory(@PathVariable UUID id, Authentication principal) {
		return this.trajectories.of(visible(id, principal));
	}

	/**
	 * The target's latest version when the caller may see it: a caller assigned to org
	 * units sees their units' targets only (another's answers 404, like a missing one).
	 */
	private Target visible(UUID id, Authentication principal) {
		Target target = this.targets.require(id);
		if (!this.scopes.of(principal).includes(target.orgUnit())) {
			throw ApiProblemException.notFound("No target " + id + ".");
		}
		return target;
	}

	/** A caller assigned to org units sets targets for one of their units only. */
	private void withinScope(TargetInput input, Authentication principal) {
		OrgUnitScope scope = this.scopes.of(principal);
		String unit = (input.orgUnit() != null && !input.orgUnit().isBlank()) ? input.orgUnit().strip() : null;
		if (!scope.includes(unit)) {
			throw ApiProblemException.invalidFields(
					List.of(new FieldProblem("orgUnit", "one of your org units: " + String.join(", ", scope.codes()))));
		}
	}

}
