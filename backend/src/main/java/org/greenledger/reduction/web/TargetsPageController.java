package org.greenledger.reduction.web;

import java.util.UUID;

import org.greenledger.reduction.Target;
import org.greenledger.reduction.Targets;
import org.greenledger.reduction.Trajectories;
import org.greenledger.reduction.Trajectory;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Targets pages: every target, and one target's trajectory (target path against the
 * ledger's actual figures, by scope) with its versions.
 */
@Controller
class TargetsPageController {

	private final Targets targets;

	private final Trajectories trajectories;

	private final OrgUnitScopes scopes;

	TargetsPageController(Targets targets, Trajectories trajectories, OrgUnitScopes scopes) {
		this.targets = targets;
		this.trajectories = trajectories;
		this.scopes = scopes;
	}

	@GetMapping("/targets")
	String targets(Authentication authentication, Model model) {
		model.addAttribute("targets", this.scopes.of(authentication).filter(this.targets.all(), Target::orgUnit));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", TargetForm.EMPTY);
		}
		return "targets";
	}

	@GetMapping("/targets/{id}")
	String target(@PathVariable UUID id, Authentication authentication, Model model) {
		Target target = this.targets.require(id);
		OrgUnitScope scope = this.scopes.of(authentication);
		if (!scope.includes(target.orgUnit())) {
			// another unit's target is answered like a missing one
			throw ApiProblemException.notFound("No target " + id + ".");
		}
		Trajectory trajectory = this.trajectories.of(target);
		model.addAttribute("trajectory", trajectory);
		model.addAttribute("target", trajectory.target());
		model.addAttribute("versions", this.targets.versions(id));
		double max = trajectory.years()
			.stream()
			.mapToDouble(year -> Math.max(year.targetKgCo2e(), (year.actualKgCo2e() != null) ? year.actualKgCo2e() : 0))
			.max()
			.orElse(0);
		boolean tonnes = max >= 1000;
		String unit = tonnes ? "t CO2e" : "kg CO2e";
		model.addAttribute("chart",
				TrajectoryChart.of(trajectory, "Target path", "Actual", tonnes ? 1000 : 1, tonnes ? "t" : "kg"));
		model.addAttribute("chartUnit", unit);
		return "target";
	}

}
