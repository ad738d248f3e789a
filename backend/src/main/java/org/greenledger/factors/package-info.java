/**
 * Factors in the application: greenledger-core's factor library (versioned datasets
 * shipped in {@code classpath:factors/}, each value with source, licence, validity and
 * region) loaded once as a bean, organisations' own factor sets over it
 * ({@link org.greenledger.factors.UserFactorLookup}), and the factors API and page.
 */
@NullMarked
package org.greenledger.factors;

import org.jspecify.annotations.NullMarked;
