package org.greenledger.disclosure;

import java.util.Map;

import org.greenledger.security.OrgUnitHoldings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reports per org unit, for the organisation settings. */
@Component
class ReportHoldings implements OrgUnitHoldings {

	private final JdbcClient jdbc;

	ReportHoldings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "reports";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public Map<String, Long> countByOrgUnit() {
		return OrgUnitHoldings.count(this.jdbc, "report");
	}

}
