/**
 * The standardized emissions model and its calculation engine, as pure Java (no Spring):
 * quantities as value types with one canonical unit each, and the formulas of
 * GreenLedger's methodology (docs/methodology.md) from IT energy to facility energy,
 * operational and embodied CO2e and water.
 */
@NullMarked
package org.greenledger.core.footprint;

import org.jspecify.annotations.NullMarked;
