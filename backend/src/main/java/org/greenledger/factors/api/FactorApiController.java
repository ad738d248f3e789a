package org.greenledger.factors.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.greenledger.core.factors.CloudRegion;
import org.greenledger.core.factors.FactorDataset;
import org.greenledger.core.factors.FactorKind;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.factors.FactorValue;
import org.greenledger.system.ApiProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The factor library: factors with their sources, the datasets, the cloud regions. */
@RestController
@RequestMapping("/api/v1/factors")
@Tag(name = "Factors", description = "Emission, energy and water factors with source, licence and validity")
class FactorApiController {

	static final int MAX_PAGE_SIZE = 1000;

	private final FactorLibrary library;

	FactorApiController(FactorLibrary library) {
		this.library = library;
	}

	@GetMapping
	@Operation(summary = "Factors, filtered by kind, key (zone, country, region, model) and year; paged")
	FactorPage factors(
			@Parameter(description = "Factor kind, e.g. GRID_INTENSITY, PUE, ACCELERATOR_POWER_MAX",
					example = "GRID_INTENSITY") @RequestParam(required = false) @Nullable String kind,
			@Parameter(description = "Key or region: grid zone, country code, aws:us-east-1, a model",
					example = "US-MIDA-PJM") @RequestParam(required = false) @Nullable String key,
			@Parameter(description = "Only factors valid during this year",
					example = "2024") @RequestParam(required = false) @Nullable Integer year,
			@Parameter(description = "Dataset id",
					example = "electricitymaps-zone-yearly") @RequestParam(required = false) @Nullable String dataset,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		FactorKind parsedKind = (kind == null) ? null
				: FactorKind.parse(kind)
					.orElseThrow(() -> new ApiProblemException(HttpStatus.BAD_REQUEST,
							"Unknown kind '" + kind + "'; allowed: " + List.of(FactorKind.values())));
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			throw new ApiProblemException(HttpStatus.BAD_REQUEST,
					"page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
		}
		List<FactorValue> matching = this.library.search(parsedKind, key, year, dataset).toList();
		List<FactorView> items = matching.stream().skip((long) page * size).limit(size).map(FactorView::of).toList();
		return new FactorPage(matching.size(), page, size, items);
	}

	@GetMapping("/datasets")
	@Operation(summary = "The factor datasets with version, publisher, licence and attribution")
	List<FactorDataset> datasets() {
		return this.library.datasets();
	}

	@GetMapping("/regions")
	@Operation(summary = "Cloud regions with their country and grid zone")
	List<CloudRegion> regions(@Parameter(description = "aws, gcp or azure",
			example = "aws") @RequestParam(required = false) @Nullable String provider) {
		return this.library.regions()
			.stream()
			.filter(region -> provider == null || region.provider().equalsIgnoreCase(provider))
			.toList();
	}

}
