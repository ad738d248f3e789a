package org.greenledger.ledger;

import java.util.Map;
import java.util.UUID;

/**
 * The meters of a site, by id, so that reading lines show their meter's code and role.
 * Meters are registered by the module that keeps sites, which implements this interface;
 * the ledger stores only the meter's id with each series.
 */
public interface SiteMeters {

	/** The site's meters by id (none for an unknown site). */
	Map<UUID, Meter> of(UUID siteId);

	/**
	 * A meter as reading lines show it.
	 *
	 * @param role the name of its role (IT, FACILITY, ...)
	 */
	record Meter(String code, String role) {
	}

}
