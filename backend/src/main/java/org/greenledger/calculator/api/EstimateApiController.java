package org.greenledger.calculator.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.greenledger.calculator.EstimateRequest;
import org.greenledger.calculator.EstimateService;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Footprint of explicitly described usage; stores nothing. */
@RestController
@Tag(name = "Calculator", description = "Footprint estimates for explicitly described usage")
class EstimateApiController {

	private final EstimateService estimates;

	EstimateApiController(EstimateService estimates) {
		this.estimates = estimates;
	}

	@PostMapping("/api/v1/estimates")
	@Operation(summary = "Estimate energy, CO2e and water of the given usage",
			description = "Computes and returns the footprint with every factor used; nothing is stored. Invalid"
					+ " input (unknown type, model, provider, instance type (with the closest names) or region, negative or"
					+ " non-numeric quantity, utilization outside"
					+ " 0..1, no location and no grid override) gets 422 naming each field.")
	EstimateResponse estimate(@RequestBody EstimateRequest request) {
		return EstimateResponse.of(this.estimates.estimate(request));
	}

}
