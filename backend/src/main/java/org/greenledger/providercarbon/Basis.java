package org.greenledger.providercarbon;

/**
 * The accounting basis of a provider's figure: GHG Protocol location- or market-based, or
 * the provider's single figure where it gives one value for both (Scope 1 always;
 * Google's and Azure's Scope 3; Azure's unlabelled Scope 2).
 */
public enum Basis {

	LOCATION, MARKET, SINGLE

}
