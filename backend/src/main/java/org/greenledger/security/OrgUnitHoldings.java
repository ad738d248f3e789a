package org.greenledger.security;

import java.util.Map;

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

}
