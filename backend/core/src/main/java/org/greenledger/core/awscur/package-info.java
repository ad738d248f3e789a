/**
 * The AWS Cost and Usage Report reader (legacy CUR and CUR 2.0, CSV or Parquet): each
 * line item as a {@link org.greenledger.core.billing.BillingRow}
 * (docs/formats/aws-cur.md).
 */
@NullMarked
package org.greenledger.core.awscur;

import org.jspecify.annotations.NullMarked;
