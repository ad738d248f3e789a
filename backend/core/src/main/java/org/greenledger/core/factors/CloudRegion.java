package org.greenledger.core.factors;

/**
 * A public cloud region and the grid it draws from.
 *
 * @param provider {@code aws}, {@code gcp} or {@code azure}
 * @param region the provider's region code as billed
 * @param name human name
 * @param country ISO 3166-1 alpha-2
 * @param gridZone Electricity Maps zone id
 * @param source where the region's location comes from
 */
public record CloudRegion(String provider, String region, String name, String country, String gridZone, String source) {

}
