/**
 * The Azure cost details reader (EA or MCA, actual or amortized, localized headers): each
 * row as a {@link org.greenledger.core.billing.BillingRow} (docs/formats/azure.md).
 */
@NullMarked
package org.greenledger.core.azure;

import org.jspecify.annotations.NullMarked;
