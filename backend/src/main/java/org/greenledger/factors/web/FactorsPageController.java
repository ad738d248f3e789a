package org.greenledger.factors.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.factors.FactorKind;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.factors.FactorValue;
import org.greenledger.factors.FactorSets;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's factor page: datasets with their licences, and a filterable list of
 * factors.
 */
@Controller
class FactorsPageController {

	static final int PAGE_SIZE = 50;

	private final FactorLibrary library;

	private final FactorSets sets;

	FactorsPageController(FactorLibrary library, FactorSets sets) {
		this.library = library;
		this.sets = sets;
	}

	@GetMapping("/factors")
	String factors(@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String key,
			@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String dataset, @RequestParam(defaultValue = "0") int page,
			Model model) {
		FactorKind parsedKind = (kind == null || kind.isBlank()) ? null : FactorKind.parse(kind).orElse(null);
		String keyFilter = (key == null || key.isBlank()) ? null : key.strip();
		String datasetFilter = (dataset == null || dataset.isBlank()) ? null : dataset.strip();
		List<FactorValue> matching = this.library.search(parsedKind, keyFilter, year, datasetFilter).toList();
		model.addAttribute("dataset", (datasetFilter != null) ? datasetFilter : "");
		int safePage = Math.max(0, Math.min(page, Math.max(0, (matching.size() - 1) / PAGE_SIZE)));
		model.addAttribute("datasets", this.library.datasets());
		model.addAttribute("factorSets", this.sets.all());
		model.addAttribute("kinds", FactorKind.values());
		model.addAttribute("kind", (parsedKind != null) ? parsedKind.name() : "");
		model.addAttribute("key", (keyFilter != null) ? keyFilter : "");
		model.addAttribute("year", year);
		model.addAttribute("total", matching.size());
		model.addAttribute("page", safePage);
		model.addAttribute("pages", Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE));
		model.addAttribute("factors", matching.stream().skip((long) safePage * PAGE_SIZE).limit(PAGE_SIZE).toList());
		return "factors";
	}

}
