package org.greenledger.sites.web;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.ledger.DataCoverage;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.security.OrgUnitScopes;
import org.greenledger.sites.EuIndicatorValues;
import org.greenledger.sites.InstrumentInput;
import org.greenledger.sites.MeterInput;
import org.greenledger.sites.Site;
import org.greenledger.sites.SiteEuIndicators;
import org.greenledger.sites.SiteInput;
import org.greenledger.sites.SiteMonth;
import org.greenledger.sites.SiteMonths;
import org.greenledger.sites.Sites;
import org.greenledger.system.ApiProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The Sites pages: the list with a registration form, and a site's meters, instruments
 * and twelve measured months (PUE and WUE trend, Scope 1 and 2).
 */
@Controller
class SitesPageController {

	private final Sites sites;

	private final SiteMonths months;

	private final OrgUnitScopes scopes;

	private final SiteEuIndicators euIndicators;

	private final DataCoverage coverage;

	SitesPageController(Sites sites, SiteMonths months, OrgUnitScopes scopes, SiteEuIndicators euIndicators,
			DataCoverage coverage) {
		this.coverage = coverage;
		this.euIndicators = euIndicators;
		this.sites = sites;
		this.months = months;
		this.scopes = scopes;
	}

	@GetMapping("/sites")
	String sites(Model model, Authentication principal) {
		OrgUnitScope scope = this.scopes.of(principal);
		model.addAttribute("sites", this.sites.all(scope));
		model.addAttribute("orgUnits", this.scopes.unitsForNewData(scope));
		model.addAttribute("scoped", !scope.unrestricted());
		return "sites";
	}

	@PostMapping("/sites")
	String create(@ModelAttribute SiteInput input, Authentication principal, RedirectAttributes redirect) {
		try {
			String orgUnit = this.scopes.unitForNewData(this.scopes.of(principal), input.orgUnit());
			Site site = this.sites.create(input.withOrgUnit(orgUnit), principal.getName());
			redirect.addFlashAttribute("message", "Site " + site.code() + " registered.");
			return "redirect:/sites/" + encode(site.code());
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
			redirect.addFlashAttribute("form", input);
			return "redirect:/sites";
		}
	}

	@GetMapping("/sites/{code}")
	String site(@PathVariable String code, @RequestParam(required = false) @Nullable YearMonth to, Model model,
			Authentication principal) {
		Site site = this.sites.require(code, this.scopes.of(principal));
		java.util.SortedSet<YearMonth> withData = this.coverage.siteMonths(site.id());
		YearMonth last = lastMonth(to, withData);
		List<SiteMonth> measured = this.months.months(site, last.minusMonths(11), last);
		model.addAttribute("site", site);
		model.addAttribute("dataCount", withData.size());
		model.addAttribute("dataFirst", withData.isEmpty() ? "" : withData.first().toString());
		model.addAttribute("dataLast", withData.isEmpty() ? "" : withData.last().toString());
		model.addAttribute("dataYears",
				withData.stream()
					.map(java.time.YearMonth::getYear)
					.distinct()
					.sorted(java.util.Comparator.reverseOrder())
					.toList());
		model.addAttribute("meters", this.sites.meters(site.id()));
		model.addAttribute("instruments", this.sites.instruments(site.id()));
		model.addAttribute("months", measured);
		model.addAttribute("to", last);
		model.addAttribute("hasData", measured.stream().anyMatch(month -> !month.coverage().isEmpty()));
		return "site";
	}

	/**
	 * The last month of the twelve shown: the one asked for, else the latest month with
	 * readings (the current month when there are none).
	 */
	static YearMonth lastMonth(@Nullable YearMonth to, java.util.SortedSet<YearMonth> withData) {
		if (to != null) {
			return to;
		}
		return withData.isEmpty() ? YearMonth.now(ZoneOffset.UTC) : withData.last();
	}

	@PostMapping("/sites/{code}/meters")
	String addMeter(@PathVariable String code, @ModelAttribute MeterInput input, Authentication principal,
			RedirectAttributes redirect) {
		this.sites.require(code, this.scopes.of(principal));
		try {
			this.sites.addMeter(code, input, principal.getName());
			redirect.addFlashAttribute("message", "Meter " + input.code() + " registered.");
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
		}
		return "redirect:/sites/" + encode(code);
	}

	@PostMapping("/sites/{code}/instruments")
	String addInstrument(@PathVariable String code, @ModelAttribute InstrumentInput input, Authentication principal,
			RedirectAttributes redirect) {
		this.sites.require(code, this.scopes.of(principal));
		try {
			this.sites.addInstrument(code, input, principal.getName());
			redirect.addFlashAttribute("message", "Instrument recorded.");
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
		}
		return "redirect:/sites/" + encode(code);
	}

	@PostMapping("/sites/{code}/eu-indicators")
	String enterEuIndicators(@PathVariable String code, @RequestParam int year, @ModelAttribute EuIndicatorValues input,
			Authentication principal, RedirectAttributes redirect) {
		this.sites.require(code, this.scopes.of(principal));
		try {
			this.euIndicators.put(code, year, input, principal.getName());
			redirect.addFlashAttribute("message", "EU data-centre values of " + year + " entered.");
		}
		catch (ApiProblemException ex) {
			redirect.addFlashAttribute("problems", ex.messages());
		}
		return "redirect:/sites/" + encode(code);
	}

	private static String encode(String code) {
		return UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8);
	}

}
