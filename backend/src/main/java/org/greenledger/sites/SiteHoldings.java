package org.greenledger.sites;

import java.util.Map;

import org.greenledger.security.OrgUnitHoldings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Sites per org unit, for the organisation settings. */
@Component
class SiteHoldings implements OrgUnitHoldings {

	private final JdbcClient jdbc;

	SiteHoldings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "sites";
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public Map<String, Long> countByOrgUnit() {
		return OrgUnitHoldings.count(this.jdbc, "site");
	}

}
