package org.greenledger.reduction.web;

import java.util.UUID;

import org.greenledger.reduction.Targets;
import org.greenledger.reduction.Trajectories;
import org.greenledger.reduction.Trajectory;
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

	TargetsPageController(Targets targets, Trajectories trajectories) {
		this.targets = targets;
		this.trajectories = trajectories;
	}

	@GetMapping("/targets")
	String targets(Model model) {
		model.addAttribute("targets", this.targets.all());
		return "targets";
	}

	@GetMapping("/targets/{id}")
	String target(@PathVariable UUID id, Model model) {
		Trajectory trajectory = this.trajectories.of(id);
		model.addAttribute("trajectory", trajectory);
		model.addAttribute("target", trajectory.target());
		model.addAttribute("versions", this.targets.versions(id));
		return "target";
	}

}
