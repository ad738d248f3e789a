/**
 * The GHG inventory of a period: Scope 1 and 2 from the sites' measured months, Scope 3
 * category 1 from the ledger's footprint sums, breakdowns by provider, region, org unit
 * and site, a monthly trend and the data-quality shares. Dashboard, explorer and
 * disclosure read the same figures through
 * {@link org.greenledger.inventory.InventoryFigures}, so that they never disagree. Where
 * the organisation chose to report a cloud provider's own figure for a month
 * ({@link org.greenledger.inventory.ProviderFigureChoices}, implemented by
 * providercarbon), that figure replaces GreenLedger's estimate of the provider's usage.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "GHG inventory")
package org.greenledger.inventory;
