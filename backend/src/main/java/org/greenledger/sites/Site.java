package org.greenledger.sites;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.footprint.Location;

/**
 * A site: where measured electricity, water and fuel are used.
 *
 * @param code the short identifier files and forms use, for example {@code FRA1}
 * @param gridZone the Electricity Maps zone supplying the site (own and colocated sites)
 * @param country ISO 3166-1 alpha-2 country, when known
 * @param provider the cloud provider (cloud sites), for example {@code aws}
 * @param cloudRegion the cloud region (cloud sites), for example {@code eu-west-1}
 */
public record Site(UUID id, String code, String name, SiteKind kind, @Nullable String gridZone,
		@Nullable String country, @Nullable String provider, @Nullable String cloudRegion, @Nullable String orgUnit) {

	/** Where the site's electricity comes from, for the factor lookup. */
	public Location location() {
		if (this.kind == SiteKind.CLOUD && this.provider != null && this.cloudRegion != null) {
			return new Location.CloudRegion(this.provider, this.cloudRegion);
		}
		return (this.gridZone != null) ? new Location.GridZone(this.gridZone) : new Location.Unspecified();
	}

}
