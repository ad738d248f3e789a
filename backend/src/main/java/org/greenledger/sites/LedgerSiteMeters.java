package org.greenledger.sites;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.greenledger.ledger.SiteMeters;
import org.springframework.stereotype.Component;

/** The ledger's view of a site's meters: code and role by id. */
@Component
class LedgerSiteMeters implements SiteMeters {

	private final Sites sites;

	LedgerSiteMeters(Sites sites) {
		this.sites = sites;
	}

	@Override
	public Map<UUID, SiteMeters.Meter> of(UUID siteId) {
		Map<UUID, SiteMeters.Meter> meters = new LinkedHashMap<>();
		this.sites.meters(siteId)
			.forEach(meter -> meters.put(meter.id(), new SiteMeters.Meter(meter.code(), meter.role().name())));
		return meters;
	}

}
