package org.greenledger.procurement.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.greenledger.procurement.Methodologies;
import org.greenledger.procurement.Methodology;
import org.greenledger.procurement.ScoreRequest;
import org.greenledger.procurement.Scoring;
import org.greenledger.procurement.SupplierScore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Stateless scoring of a supplier profile, and the scoring methodologies. */
@RestController
@RequestMapping("/api/v1/procurement")
@Tag(name = "Procurement scoring", description = "Explainable green-procurement scores from versioned methodologies")
class ScoringApiController {

	private static final String EXAMPLE = """
			{"methodology": "greenledger-default", "methodologyVersion": 1,
			 "profile": {"grid.location_intensity": 250, "grid.market_intensity": 40, "energy.carbon_free_share": 85,
			             "facility.pue": 1.15, "facility.wue": 0.3, "water.stress": "medium",
			             "embodied.pcf_available": "yes", "targets.sbti": "validated", "disclosure.assurance": "limited",
			             "disclosure.cdp_score": "A-", "hardware.lifetime_years": 6},
			 "evidence": {"facility.pue": "Sustainability report 2025, p. 41"},
			 "dataAsOf": "2025-12-31"}""";

	private final Scoring scoring;

	private final Methodologies methodologies;

	ScoringApiController(Scoring scoring, Methodologies methodologies) {
		this.scoring = scoring;
		this.methodologies = methodologies;
	}

	@PostMapping("/score")
	@Operation(summary = "Score one supplier profile (stateless)",
			description = "Each criterion of the methodology scores its value 0 to 100 and contributes weight x score /"
					+ " 100; a criterion without a value scores its penalty (0 by default). The answer gives the"
					+ " breakdown per criterion, the evidence used and what would change each score. Roles: ADMIN,"
					+ " SUSTAINABILITY_OFFICER, PROCUREMENT, AUDITOR, API_CLIENT.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "cloud region", value = EXAMPLE))))
	SupplierScore score(@RequestBody ScoreRequest request) {
		return this.scoring.score(request);
	}

	@GetMapping("/methodologies")
	@Operation(summary = "Every version of every scoring methodology, with criteria, weights, normalisation,"
			+ " missing-data rule and rationale")
	List<Methodology> methodologies() {
		return this.methodologies.all();
	}

}
