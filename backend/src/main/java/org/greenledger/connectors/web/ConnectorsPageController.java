package org.greenledger.connectors.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.greenledger.connectors.Connector;
import org.greenledger.connectors.ConnectorActions;
import org.greenledger.connectors.ConnectorRun;
import org.greenledger.connectors.ConnectorRuns;
import org.greenledger.connectors.ConnectorTypes;
import org.greenledger.connectors.Connectors;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Connectors pages (ADMIN, SUSTAINABILITY_OFFICER): the list with a form to create
 * one (one group of fields per type, named {@code <TYPE>.<setting>}), and a connector
 * with its settings, the secrets that are set, check connection, run now and its runs.
 */
@Controller
class ConnectorsPageController {

	private final Connectors connectors;

	private final ConnectorRuns runs;

	private final ConnectorActions actions;

	private final ConnectorTypes types;

	private final OrgUnitScopes scopes;

	ConnectorsPageController(Connectors connectors, ConnectorRuns runs, ConnectorActions actions, ConnectorTypes types,
			OrgUnitScopes scopes) {
		this.connectors = connectors;
		this.runs = runs;
		this.actions = actions;
		this.types = types;
		this.scopes = scopes;
	}

	@GetMapping("/connectors")
	String connectors(Model model, Authentication principal) {
		OrgUnitScope scope = this.scopes.of(principal);
		model.addAttribute("connectors", this.connectors.all(scope));
		model.addAttribute("types", this.types.all());
		model.addAttribute("orgUnits", this.scopes.unitsForNewData(scope));
		model.addAttribute("scoped", !scope.unrestricted());
		return "connectors";
	}

	@PostMapping("/connectors")
	String create(@RequestParam Map<String, String> form, Authentication principal, RedirectAttributes redirect) {
		String type = form.getOrDefault("type", "");
		Map<String, Object> body = new LinkedHashMap<>();
		for (String field : new String[] { "name", "type", "schedule", "orgUnit" }) {
			body.put(field, form.get(field));
		}
		String prefix = type + ".";
		form.forEach((name, value) -> {
			if (name.startsWith(prefix) && !value.isBlank()) {
				body.put(name.substring(prefix.length()), value);
			}
		});
		try {
			Connector connector = this.connectors.create(body, this.scopes.of(principal), principal.getName());
			redirect.addFlashAttribute("message", "Connector " + connector.name() + " created.");
			return "redirect:/connectors/" + connector.id();
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
			return "redirect:/connectors";
		}
	}

	@GetMapping("/connectors/{id}")
	String connector(@PathVariable UUID id, Model model, Authentication principal) {
		Connector connector = this.connectors.require(id, this.scopes.of(principal));
		model.addAttribute("connector", connector);
		model.addAttribute("type", this.types.of(connector.type()).orElse(null));
		model.addAttribute("runs", this.runs.runs(id, 50));
		return "connector";
	}

	/** Where a run stands, for the page's progress script. */
	@GetMapping(path = "/connectors/{id}/runs/{run}/progress", produces = "application/json")
	@org.springframework.web.bind.annotation.ResponseBody
	ConnectorRun progress(@PathVariable UUID id, @PathVariable UUID run, Authentication principal) {
		this.connectors.require(id, this.scopes.of(principal));
		return this.runs.find(run)
			.filter(found -> found.connectorId().equals(id))
			.orElseThrow(() -> org.greenledger.system.ApiProblemException
				.notFound("No run " + run + " of connector " + id + "."));
	}

	@PostMapping("/connectors/{id}/check")
	String check(@PathVariable UUID id, Authentication principal, RedirectAttributes redirect) {
		ConnectorActions.Check check = this.actions.check(id, this.scopes.of(principal));
		if (check.ok()) {
			redirect.addFlashAttribute("message", check.message());
		}
		else {
			redirect.addFlashAttribute("checkFailed", check.message());
		}
		return "redirect:/connectors/" + id;
	}

	@PostMapping("/connectors/{id}/sync")
	String sync(@PathVariable UUID id, Authentication principal, RedirectAttributes redirect) {
		try {
			this.actions.sync(id, this.scopes.of(principal), principal.getName());
			redirect.addFlashAttribute("message", "Run queued: it starts in a moment; reload this page to follow it.");
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
		}
		return "redirect:/connectors/" + id;
	}

	@PostMapping("/connectors/{id}/delete")
	String delete(@PathVariable UUID id, Authentication principal, RedirectAttributes redirect) {
		try {
			Connector connector = this.connectors.require(id, this.scopes.of(principal));
			this.connectors.delete(id, this.scopes.of(principal), principal.getName());
			redirect.addFlashAttribute("message", "Connector " + connector.name() + " deleted.");
			return "redirect:/connectors";
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
			return "redirect:/connectors/" + id;
		}
	}

}
