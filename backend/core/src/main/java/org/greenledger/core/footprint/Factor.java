package org.greenledger.core.footprint;

/**
 * A typed factor value and where it came from.
 *
 * @param <T> the quantity type
 * @param value the value as a quantity
 * @param reference its lineage
 */
public record Factor<T>(T value, FactorReference reference) {

}
