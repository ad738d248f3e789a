/**
 * The factor library: versioned datasets with source and licence (factors/ in this jar),
 * read strictly by {@link org.greenledger.core.factors.FactorLibraryLoader}, indexed by
 * {@link org.greenledger.core.factors.FactorLibrary}, and the
 * {@link org.greenledger.core.factors.LibraryFactorLookup} that hands the footprint
 * engine the right factor for an activity (docs/factors.md).
 */
@NullMarked
package org.greenledger.core.factors;

import org.jspecify.annotations.NullMarked;
