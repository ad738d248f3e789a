package org.greenledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.greenledger.ledger.MeasuredEnergyQuery;
import org.greenledger.system.ApiProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Measured energy per host, GPU, namespace, pod, job label or CodeCarbon project. */
@RestController
@RequestMapping("/api/v1/measured-energy")
@Tag(name = "Measured energy",
		description = "Energy from meters, GPU telemetry and CodeCarbon grouped by a series label")
class MeasuredEnergyApiController {

	private final MeasuredEnergyQuery query;

	MeasuredEnergyApiController(MeasuredEnergyQuery query) {
		this.query = query;
	}

	@GetMapping
	@Operation(summary = "Measured energy grouped by a label",
			description = "groupBy: site, meter, host, gpu_uuid, model, namespace, pod, container, job, project,"
					+ " experiment, run, component, source or metric; optional source (NVIDIA_SMI, DCGM, KEPLER,"
					+ " CODECARBON, METER_CSV, GREEN_BUTTON); whole days from 'from' to 'to'. Each group has the"
					+ " energy as measured, GreenLedger's facility energy, CO2e and water, GPU hours, lines and"
					+ " samples. Sub-meters carry no impacts; see docs/methodology.md.")
	List<MeasuredEnergyQuery.Group> energy(@RequestParam LocalDate from, @RequestParam LocalDate to,
			@RequestParam String groupBy, @RequestParam(required = false) @Nullable String source) {
		if (to.isBefore(from) || from.plusYears(10).isBefore(to)) {
			throw ApiProblemException.unprocessable("'to' must not be before 'from', and at most 10 years after it.");
		}
		return this.query.energy(from, to, groupBy,
				(source != null && !source.isBlank()) ? source.strip().toUpperCase(Locale.ROOT) : null);
	}

}
