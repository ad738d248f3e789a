package org.greenledger.workloads.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.CodeLabels;
import org.greenledger.system.TableExport;
import org.greenledger.workloads.Workload;
import org.greenledger.workloads.WorkloadFootprint;
import org.greenledger.workloads.WorkloadFootprints;
import org.greenledger.workloads.Workloads;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A workload's twelve months as shown on its page, as CSV or XLSX: one row per month and
 * phase with the figures at full precision, the measured lines and billed rows counted
 * and the rules that attributed them (a month without any says "no data").
 */
@Controller
class WorkloadExportController {

	private final Workloads workloads;

	private final WorkloadFootprints footprints;

	private final OrgUnitScopes scopes;

	WorkloadExportController(Workloads workloads, WorkloadFootprints footprints, OrgUnitScopes scopes) {
		this.workloads = workloads;
		this.footprints = footprints;
		this.scopes = scopes;
	}

	@GetMapping("/workloads/{id}/export")
	ResponseEntity<byte[]> export(@PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate to,
			@RequestParam(defaultValue = "csv") String format, Authentication principal) {
		if (!TableExport.supports(format)) {
			return ResponseEntity.badRequest()
				.body(("The format '" + format + "' is not available; choose csv or xlsx.")
					.getBytes(StandardCharsets.UTF_8));
		}
		Workload workload = this.workloads.require(id, this.scopes.of(principal));
		LocalDate last = WorkloadsPageController.lastDay(to, this.footprints.monthsWithData(workload));
		return of(this.footprints.footprint(workload, last.minusMonths(11).withDayOfMonth(1), last)).download(format);
	}

	static TableExport of(WorkloadFootprint footprint) {
		Map<String, List<WorkloadFootprint.Sums>> byMonth = new TreeMap<>();
		for (YearMonth month = YearMonth.from(footprint.from()); !month
			.isAfter(YearMonth.from(footprint.to())); month = month.plusMonths(1)) {
			byMonth.put(month.toString(), new ArrayList<>());
		}
		footprint.months().forEach(sums -> byMonth.computeIfAbsent(sums.month(), key -> new ArrayList<>()).add(sums));
		String rules = String.join("; ",
				footprint.workload()
					.rules()
					.stream()
					.map(rule -> CodeLabels.label(rule.phase()) + ": "
							+ CodeLabels.label(rule.source().name() + " " + rule.match()))
					.toList());
		List<List<@Nullable Object>> rows = new ArrayList<>();
		byMonth.forEach((month, sums) -> {
			if (sums.isEmpty()) {
				List<@Nullable Object> row = new ArrayList<>(List.of(month, TableExport.NO_DATA, ""));
				for (int i = 0; i < 11; i++) {
					row.add(null);
				}
				row.add(rules);
				rows.add(row);
			}
			for (WorkloadFootprint.Sums each : sums) {
				rows.add(new ArrayList<>(List.of(month, "data", CodeLabels.label(each.phase()), each.itKwh(),
						each.facilityKwh(), each.co2eLocationKg(), each.co2eMarketKg(), each.co2eEmbodiedKg(),
						each.co2eLocationKg() + each.co2eEmbodiedKg(), each.waterOnSiteLitres(),
						each.waterOffSiteLitres(), each.acceleratorHours(), each.measuredLines(), each.billedRows(),
						rules)));
			}
		});
		return new TableExport("workload-" + footprint.workload().name().replaceAll("[^A-Za-z0-9._-]", "_") + "-months",
				List.of("month", "data", "phase", "IT energy (kWh)", "facility energy (kWh)",
						"CO2e location-based (kg)", "CO2e market-based (kg)", "CO2e embodied (kg)",
						"CO2e location-based + embodied (kg)", "water on site (L)", "water off site (L)", "GPU hours",
						"measured lines", "billed rows", "rules"),
				rows);
	}

}
