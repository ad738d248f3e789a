package org.greenledger.procurement;

import java.util.Map;

import org.greenledger.security.OrgUnitHoldings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Procurement evaluations per org unit, for the organisation settings. */
@Component
class EvaluationHoldings implements OrgUnitHoldings {

	private final JdbcClient jdbc;

	EvaluationHoldings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "evaluations";
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public Map<String, Long> countByOrgUnit() {
		return OrgUnitHoldings.count(this.jdbc, "procurement_evaluation");
	}

}
