package org.greenledger.ingestion;

import java.util.Map;

import org.greenledger.security.OrgUnitHoldings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Ingestion jobs per org unit, for the organisation settings. */
@Component
class IngestionJobHoldings implements OrgUnitHoldings {

	private final JdbcClient jdbc;

	IngestionJobHoldings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "ingestionJobs";
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public Map<String, Long> countByOrgUnit() {
		return OrgUnitHoldings.count(this.jdbc, "ingestion_job");
	}

}
