/**
 * The FinOps FOCUS reader (1.0 to 1.2, CSV or Parquet): header checks, then each row as a
 * {@link org.greenledger.core.billing.BillingRow} (docs/formats/focus.md).
 */
@NullMarked
package org.greenledger.core.focus;

import org.jspecify.annotations.NullMarked;
