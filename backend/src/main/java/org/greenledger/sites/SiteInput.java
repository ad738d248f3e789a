package org.greenledger.sites;

import org.jspecify.annotations.Nullable;

/**
 * A new site as entered in the API or the portal.
 *
 * @param code 1 to 64 letters, digits, '.', '_' or '-'
 * @param kind OWN, COLOCATED or CLOUD
 * @param gridZone required for own and colocated sites: an Electricity Maps zone id
 * @param provider required for cloud sites (aws, gcp, azure)
 * @param cloudRegion required for cloud sites
 * <p>
 * Serializable: the portal hands a refused form back through a flash attribute, which is
 * kept in the session, and sessions are stored in the database (Spring Session JDBC).
 */
public record SiteInput(@Nullable String code, @Nullable String name, @Nullable String kind, @Nullable String gridZone,
		@Nullable String country, @Nullable String provider, @Nullable String cloudRegion,
		@Nullable String orgUnit) implements java.io.Serializable {

	/** The same input for another org unit (the one resolved for the user). */
	public SiteInput withOrgUnit(@Nullable String unit) {
		return new SiteInput(this.code, this.name, this.kind, this.gridZone, this.country, this.provider,
				this.cloudRegion, unit);
	}

}
