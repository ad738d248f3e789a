package org.greenledger.providercarbon;

import java.math.BigDecimal;

/**
 * One figure of a provider's row.
 *
 * @param scope the GHG scope ({@code 1}, {@code 2}, {@code 3}) or the scopes summed in it
 * ({@code 1+2}, {@code 1+2+3}, ...) when the provider gives a sum only
 * @param basis its basis
 * @param kgCo2e the figure in kg CO2e (converted once, exactly, from the provider's unit)
 */
public record Figure(String scope, Basis basis, BigDecimal kgCo2e) {

}
