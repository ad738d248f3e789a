package org.greenledger.sites.web;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.ledger.DataCoverage;
import org.greenledger.sites.Site;
import org.greenledger.sites.SiteMonth;
import org.greenledger.sites.SiteMonths;
import org.greenledger.sites.Sites;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.TableExport;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A site's twelve months as shown on its page, as CSV or XLSX: energy by meter role,
 * water, fuel, PUE and WUE, Scope 1 and 2 at full precision, the market-based basis and
 * the factors each month was calculated with; a month without readings says "no data".
 */
@Controller
class SiteExportController {

	private final Sites sites;

	private final SiteMonths months;

	private final OrgUnitScopes scopes;

	private final DataCoverage coverage;

	SiteExportController(Sites sites, SiteMonths months, OrgUnitScopes scopes, DataCoverage coverage) {
		this.sites = sites;
		this.months = months;
		this.scopes = scopes;
		this.coverage = coverage;
	}

	@GetMapping("/sites/{code}/export")
	ResponseEntity<byte[]> export(@PathVariable String code, @RequestParam(required = false) @Nullable YearMonth to,
			@RequestParam(defaultValue = "csv") String format, Authentication principal) {
		if (!TableExport.supports(format)) {
			return ResponseEntity.badRequest()
				.body(("The format '" + format + "' is not available; choose csv or xlsx.")
					.getBytes(StandardCharsets.UTF_8));
		}
		Site site = this.sites.require(code, this.scopes.of(principal));
		YearMonth last = SitesPageController.lastMonth(to, this.coverage.siteMonths(site.id()));
		return of(site, this.months.months(site, last.minusMonths(11), last)).download(format);
	}

	static TableExport of(Site site, List<SiteMonth> months) {
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (SiteMonth month : months) {
			if (month.coverage().isEmpty()) {
				List<@Nullable Object> row = new ArrayList<>(
						List.of(site.code(), month.month().toString(), TableExport.NO_DATA));
				for (int i = 0; i < 14; i++) {
					row.add(null);
				}
				rows.add(row);
				continue;
			}
			List<@Nullable Object> row = new ArrayList<>(List.of(site.code(), month.month().toString(), "data"));
			row.add(month.facilityKwh());
			row.add(month.itKwh());
			row.add(month.coolingKwh());
			row.add(month.waterLitres());
			row.add(month.fuelLitres());
			row.add(month.pue());
			row.add(month.wue());
			row.add(month.scope1Kg());
			row.add(month.scope2LocationKg());
			row.add(month.scope2MarketKg());
			row.add(month.market().remainderBasis());
			row.add(month.hourlyShare());
			row.add(String.join("; ", month.coverage()
				.stream()
				.map(role -> role.role().name() + ": " + role.meters() + " meters, "
						+ java.math.BigDecimal.valueOf(role.hours()).stripTrailingZeros().toPlainString() + " h")
				.toList()));
			row.add(String.join("; ", month.factors()));
			rows.add(row);
		}
		return new TableExport("site-" + site.code() + "-months",
				List.of("site", "month", "data", "facility (kWh)", "IT (kWh)", "cooling (kWh)", "water (L)",
						"diesel (L)", "PUE", "WUE (L/kWh)", "Scope 1 (kg CO2e)", "Scope 2 location-based (kg CO2e)",
						"Scope 2 market-based (kg CO2e)", "market-based basis", "hourly intensity share",
						"readings (meter role: meters, hours)", "factors"),
				rows);
	}

}
