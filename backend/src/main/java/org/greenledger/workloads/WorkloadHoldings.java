package org.greenledger.workloads;

import java.util.Map;

import org.greenledger.security.OrgUnitHoldings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** AI workloads per org unit, for the organisation settings. */
@Component
class WorkloadHoldings implements OrgUnitHoldings {

	private final JdbcClient jdbc;

	WorkloadHoldings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "workloads";
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public Map<String, Long> countByOrgUnit() {
		return OrgUnitHoldings.count(this.jdbc, "workload");
	}

}
