/**
 * The footprint calculator: computes the impacts of explicitly described usage with the
 * engine and the factor library (ML CO2 Impact / Green Algorithms style), over the API
 * and in the portal. It stores nothing.
 */
@NullMarked
package org.greenledger.calculator;

import org.jspecify.annotations.NullMarked;
