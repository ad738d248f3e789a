package org.greenledger.sites.api;

import java.net.URI;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.greenledger.sites.EuIndicatorValues;
import org.greenledger.sites.EuIndicators;
import org.greenledger.sites.Instrument;
import org.greenledger.sites.InstrumentInput;
import org.greenledger.sites.Meter;
import org.greenledger.sites.MeterInput;
import org.greenledger.sites.Site;
import org.greenledger.sites.SiteInput;
import org.greenledger.sites.SiteMonth;
import org.greenledger.sites.SiteEuIndicators;
import org.greenledger.sites.SiteMonths;
import org.greenledger.sites.Sites;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.system.ApiProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Sites, their meters and instruments, and their measured months. */
@RestController
@RequestMapping("/api/v1/sites")
@Tag(name = "Sites", description = "Own and colocated data centres: meters, contractual instruments, measured PUE"
		+ " and WUE, Scope 1 and Scope 2 per month")
class SiteApiController {

	private final Sites sites;

	private final SiteMonths months;

	private final OrgUnitScopes scopes;

	private final SiteEuIndicators euIndicators;

	SiteApiController(Sites sites, SiteMonths months, OrgUnitScopes scopes, SiteEuIndicators euIndicators) {
		this.sites = sites;
		this.months = months;
		this.scopes = scopes;
		this.euIndicators = euIndicators;
	}

	@GetMapping
	@Operation(summary = "All sites (of the caller's org units)")
	List<Site> all(Authentication principal) {
		return this.sites.all(this.scopes.of(principal));
	}

	@PostMapping
	@Operation(summary = "Register a site",
			description = "Own and colocated sites need a grid zone known to the factor library; cloud sites a provider"
					+ " and region. 409 when the code is taken; 422 naming each invalid field.")
	ResponseEntity<Site> create(@RequestBody SiteInput input, Authentication principal) {
		String orgUnit = this.scopes.unitForNewData(this.scopes.of(principal), input.orgUnit());
		Site site = this.sites.create(input.withOrgUnit(orgUnit), principal.getName());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{code}")
			.buildAndExpand(site.code())
			.toUri();
		return ResponseEntity.created(location).body(site);
	}

	@GetMapping("/{code}")
	@Operation(summary = "A site with its meters and instruments")
	SiteDetail site(@PathVariable String code, Authentication principal) {
		Site site = this.sites.require(code, this.scopes.of(principal));
		return new SiteDetail(site, this.sites.meters(site.id()), this.sites.instruments(site.id()));
	}

	@PostMapping("/{code}/meters")
	@Operation(summary = "Register a meter at a site",
			description = "Meters are also registered by their first readings (meter CSV, Green Button).")
	Meter addMeter(@PathVariable String code, @RequestBody MeterInput input, Authentication principal) {
		this.sites.require(code, this.scopes.of(principal));
		return this.sites.addMeter(code, input, principal.getName());
	}

	@PostMapping("/{code}/instruments")
	@Operation(
			summary = "Record a contractual instrument (EAC, PPA, green tariff, supplier-specific rate, residual mix)",
			description = "Instruments are never changed: a correction names the instrument it supersedes.")
	Instrument addInstrument(@PathVariable String code, @RequestBody InstrumentInput input, Authentication principal) {
		this.sites.require(code, this.scopes.of(principal));
		return this.sites.addInstrument(code, input, principal.getName());
	}

	@GetMapping("/{code}/months")
	@Operation(summary = "Measured months of a site",
			description = "Energy per meter role, PUE (ISO/IEC 30134-2) and WUE (ISO/IEC 30134-9), Scope 1 from generator"
					+ " fuel, Scope 2 location- and market-based, with how the market-based figure was made."
					+ " Defaults: the last 12 months.")
	List<SiteMonth> months(@PathVariable String code, @RequestParam(required = false) @Nullable YearMonth from,
			@RequestParam(required = false) @Nullable YearMonth to, Authentication principal) {
		Site site = this.sites.require(code, this.scopes.of(principal));
		YearMonth last = (to != null) ? to : YearMonth.now(ZoneOffset.UTC);
		YearMonth first = (from != null) ? from : last.minusMonths(11);
		if (first.isAfter(last) || first.plusYears(10).isBefore(last)) {
			throw ApiProblemException.unprocessable("'from' must not be after 'to', and at most 10 years before it.");
		}
		return this.months.months(site, first, last);
	}

	@GetMapping("/{code}/eu-indicators/{year}")
	@Operation(summary = "The values entered for the EU data-centre report of a calendar year",
			description = "Delegated Regulation (EU) 2024/1364, Annexes I and II: installed IT power, floor areas,"
					+ " redundancy, grid support, water sources, waste heat reused, renewable energy by instrument,"
					+ " data traffic, data stored and processed. 404 when nothing was entered for the year.")
	EuIndicators euIndicators(@PathVariable String code, @PathVariable int year, Authentication principal) {
		Site site = this.sites.require(code, this.scopes.of(principal));
		return this.euIndicators.find(site, year)
			.orElseThrow(() -> ApiProblemException
				.notFound("No EU data-centre indicators entered for site " + site.code() + " and " + year + "."));
	}

	@PutMapping("/{code}/eu-indicators/{year}")
	@Operation(summary = "Enter the values of a calendar year for the EU data-centre report",
			description = "Replaces the year's values as a whole (empty values are reported as missing); evidence is"
					+ " required. 422 naming each invalid field; 409 when an approved reporting period covers the year.")
	EuIndicators putEuIndicators(@PathVariable String code, @PathVariable int year,
			@RequestBody EuIndicatorValues input, Authentication principal) {
		this.sites.require(code, this.scopes.of(principal));
		return this.euIndicators.put(code, year, input, principal.getName());
	}

	/** A site with its meters and instruments. */
	record SiteDetail(Site site, List<Meter> meters, List<Instrument> instruments) {
	}

}
