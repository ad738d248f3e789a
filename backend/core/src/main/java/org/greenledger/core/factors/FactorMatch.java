package org.greenledger.core.factors;

/**
 * The factor chosen for a date.
 *
 * @param value the factor
 * @param covering whether its validity covers the date; if not, it is the latest earlier
 * (or the earliest later) value available
 */
public record FactorMatch(FactorValue value, boolean covering) {

}
