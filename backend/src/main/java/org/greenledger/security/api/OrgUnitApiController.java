package org.greenledger.security.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.greenledger.security.OrgUnit;
import org.greenledger.security.OrgUnits;
import org.greenledger.system.ApiProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The registry of org units (ADMIN). */
@RestController
@RequestMapping("/api/v1/org-units")
@Tag(name = "Org units", description = "Organisation units data belongs to and users are scoped to")
class OrgUnitApiController {

	private final OrgUnits units;

	OrgUnitApiController(OrgUnits units) {
		this.units = units;
	}

	@GetMapping
	@Operation(summary = "Every org unit with how much data it holds (ADMIN)")
	List<OrgUnitView> units() {
		OrgUnits.Usage usage = this.units.usage();
		return this.units.all().stream().map(unit -> OrgUnitView.of(unit, usage)).toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "One org unit (ADMIN)")
	OrgUnitView unit(@PathVariable String code) {
		return OrgUnitView.of(require(code), this.units.usage());
	}

	@PostMapping
	@Operation(summary = "Register an org unit (ADMIN)",
			description = "The code (1 to 100 letters, digits, '.', '_' or '-') is what data names and never changes;"
					+ " the name defaults to it. 409 when the code is taken (ignoring case). Recorded in the audit log"
					+ " (ORG_UNIT_CREATED).")
	ResponseEntity<OrgUnitView> create(@RequestBody NewOrgUnit request, Authentication authentication) {
		OrgUnit unit = this.units.create(request.code(), request.name(), authentication.getName());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{code}")
			.buildAndExpand(unit.code())
			.toUri();
		return ResponseEntity.created(location).body(OrgUnitView.of(unit, this.units.usage()));
	}

	@PutMapping("/{code}")
	@Operation(summary = "Rename, deactivate or reactivate an org unit (ADMIN)",
			description = "Fields left out stay as they are. A deactivated unit takes no new data and no new"
					+ " assignments; its data and its users' scopes stay. Recorded in the audit log with before and"
					+ " after (ORG_UNIT_RENAMED, ORG_UNIT_DEACTIVATED, ORG_UNIT_REACTIVATED).")
	OrgUnitView change(@PathVariable String code, @RequestBody OrgUnitChange request, Authentication authentication) {
		UUID id = require(code).id();
		if (request.name() != null) {
			this.units.rename(id, request.name(), authentication.getName());
		}
		if (request.active() != null) {
			this.units.setActive(id, request.active(), authentication.getName());
		}
		return OrgUnitView.of(this.units.require(id), this.units.usage());
	}

	private OrgUnit require(String code) {
		return this.units.byCode(code)
			.orElseThrow(() -> ApiProblemException.notFound("No org unit with the code '" + code + "'."));
	}

	/** An org unit to register; the name defaults to the code. */
	@Schema(example = """
			{"code": "research", "name": "Research and development"}""")
	record NewOrgUnit(@Nullable String code, @Nullable String name) {
	}

	/** Changes to an org unit; fields left out stay as they are. */
	@Schema(example = """
			{"name": "Research", "active": false}""")
	record OrgUnitChange(@Nullable String name, @Nullable Boolean active) {
	}

	/**
	 * An org unit.
	 *
	 * @param holds how many items of each kind of data belong to it
	 */
	record OrgUnitView(String code, String name, boolean active, Instant createdAt, String createdBy,
			Map<String, Long> holds) {

		static OrgUnitView of(OrgUnit unit, OrgUnits.Usage usage) {
			return new OrgUnitView(unit.code(), unit.name(), unit.active(), unit.createdAt(), unit.createdBy(),
					usage.byKind(unit.code()));
		}

	}

}
