/**
 * Reduction: targets with their trajectories (target path against the ledger's actual
 * figures, read through the inventory's
 * {@link org.greenledger.inventory.InventoryFigures} so that they equal the footprint API
 * and the GHG inventory), quantified reduction opportunities computed with the factor
 * library and the footprint engine, and the carbon-aware signal (where and when the grid
 * is cleanest).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Reduction")
package org.greenledger.reduction;
