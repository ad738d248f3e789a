package org.greenledger.connectors.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.greenledger.connectors.Connector;
import org.greenledger.connectors.ConnectorActions;
import org.greenledger.connectors.ConnectorRun;
import org.greenledger.connectors.ConnectorRuns;
import org.greenledger.connectors.Connectors;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Connectors: scheduled collection of exports from object stores. */
@RestController
@RequestMapping("/api/v1/connectors")
@Tag(name = "Connectors",
		description = "Collect exports from where they land (S3-compatible stores), on a schedule or on demand;"
				+ " secrets are write-only")
class ConnectorApiController {

	private final Connectors connectors;

	private final ConnectorRuns runs;

	private final ConnectorActions actions;

	private final OrgUnitScopes scopes;

	ConnectorApiController(Connectors connectors, ConnectorRuns runs, ConnectorActions actions, OrgUnitScopes scopes) {
		this.connectors = connectors;
		this.runs = runs;
		this.actions = actions;
		this.scopes = scopes;
	}

	@GetMapping
	@Operation(summary = "Every connector of the caller's org units, by name")
	List<Connector> all(Authentication principal) {
		return this.connectors.all(this.scopes.of(principal));
	}

	@PostMapping
	@Operation(summary = "Create a connector",
			description = "{name, type, schedule (ISO-8601 duration or cron), orgUnit, ...the type's settings}."
					+ " 409 when the name is taken; 422 naming each invalid field.")
	ResponseEntity<Connector> create(@RequestBody Map<String, Object> body, Authentication principal) {
		Connector connector = this.connectors.create(body, this.scopes.of(principal), principal.getName());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(connector.id())
			.toUri();
		return ResponseEntity.created(location).body(connector);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A connector with its last run, next run and health")
	Connector connector(@PathVariable UUID id, Authentication principal) {
		return this.connectors.require(id, this.scopes.of(principal));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a connector",
			description = "The settings are replaced; a secret left out is kept, a secret sent empty is removed;"
					+ " 'version' refuses a change made meanwhile (409).")
	Connector update(@PathVariable UUID id, @RequestBody Map<String, Object> body, Authentication principal) {
		return this.connectors.update(id, body, this.scopes.of(principal), principal.getName());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a connector and its runs (the data it collected stays)")
	void delete(@PathVariable UUID id, Authentication principal) {
		this.connectors.delete(id, this.scopes.of(principal), principal.getName());
	}

	@PostMapping("/{id}/sync")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Run now", description = "202 with the queued run; 409 when one is queued or running.")
	ConnectorRun sync(@PathVariable UUID id, Authentication principal) {
		return this.actions.sync(id, this.scopes.of(principal), principal.getName());
	}

	@PostMapping("/{id}/check")
	@Operation(summary = "Check the connection",
			description = "ok and a message: what was checked, or what failed and what to do about it.")
	ConnectorActions.Check check(@PathVariable UUID id, Authentication principal) {
		return this.actions.check(id, this.scopes.of(principal));
	}

	@GetMapping("/{id}/runs")
	@Operation(summary = "The connector's runs, newest first")
	List<ConnectorRun> runs(@PathVariable UUID id, @RequestParam(defaultValue = "50") int limit,
			Authentication principal) {
		this.connectors.require(id, this.scopes.of(principal));
		return this.runs.runs(id, Math.max(1, Math.min(limit, 500)));
	}

	@GetMapping("/{id}/runs/{run}")
	@Operation(summary = "One run of the connector, with its progress",
			description = "step (what it is doing), objectsSeen (listed), filesPlanned, filesFetched, bytesFetched,"
					+ " jobs (submitted), progress (0 to 1) and detail (the same in words). Answered by any node.")
	ConnectorRun run(@PathVariable UUID id, @PathVariable UUID run, Authentication principal) {
		this.connectors.require(id, this.scopes.of(principal));
		return this.runs.find(run)
			.filter(found -> found.connectorId().equals(id))
			.orElseThrow(() -> ApiProblemException.notFound("No run " + run + " of connector " + id + "."));
	}

}
