package org.greenledger.disclosure;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.sites.Site;
import org.greenledger.sites.SiteEuIndicators;
import org.greenledger.sites.SiteKind;
import org.springframework.stereotype.Component;

/**
 * Gathers the EU data-centre report's indicators of each own data centre: measured energy
 * and water from the sites' measured months, and the values entered for the calendar year
 * of the report's first day.
 */
@Component
class EuDataCentres {

	private final EnergyMix energy;

	private final SiteEuIndicators entered;

	EuDataCentres(EnergyMix energy, SiteEuIndicators entered) {
		this.energy = energy;
		this.entered = entered;
	}

	/** One own data centre's indicators for the year. */
	record SiteIndicators(Site site, int year, List<EuIndicator> indicators) {

		List<EuIndicator> missing() {
			return this.indicators.stream().filter(EuIndicator::missing).toList();
		}

	}

	List<SiteIndicators> sites(LocalDate from, LocalDate to, @Nullable String orgUnit, String operator) {
		int year = from.getYear();
		return this.energy.sites(from, to, orgUnit)
			.stream()
			.filter(site -> site.site().kind() == SiteKind.OWN)
			.map(site -> new SiteIndicators(site.site(), year,
					EuDataCentreIndicators.of(operator, site, this.entered.find(site.site(), year).orElse(null), year)))
			.toList();
	}

}
