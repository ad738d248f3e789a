/**
 * The Google Cloud billing export reader (BigQuery standard or detailed usage cost, CSV
 * or JSON lines): each row as a {@link org.greenledger.core.billing.BillingRow}
 * (docs/formats/gcp.md).
 */
@NullMarked
package org.greenledger.core.gcp;

import org.jspecify.annotations.NullMarked;
