package org.greenledger.security;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Data of one kind that belongs to org units, counted per unit for the organisation
 * settings. Modules that keep data by org unit provide one as a bean, so that this module
 * counts their data without depending on them.
 */
public interface OrgUnitHoldings {

	/**
	 * The kind's name, for example {@code ingestionJobs}; its label is the message
	 * {@code orgunits.holds.<name>}.
	 */
	String kind();

	/** Where the kind is listed (lower first). */
	int order();

	/** How many items of this kind each org unit (by code) holds. */
	Map<String, Long> countByOrgUnit();

	/**
	 * The rows of a table per value of its {@code org_unit} column.
	 * @param table a table name written in code, never user input
	 */
	static Map<String, Long> count(JdbcClient jdbc, String table) {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("select org_unit, count(*) from " + table + " where org_unit is not null group by org_unit")
			.query(rs -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

}
