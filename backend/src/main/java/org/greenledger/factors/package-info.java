/**
 * The factor library: versioned datasets shipped in {@code classpath:factors/}, each
 * value with source, licence, validity and region, and the
 * {@link org.greenledger.core.footprint.FactorLookup} that hands the calculation engine
 * the right factor for an activity.
 */
@NullMarked
package org.greenledger.factors;

import org.jspecify.annotations.NullMarked;
