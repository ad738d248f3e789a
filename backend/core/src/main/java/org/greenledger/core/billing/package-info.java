/**
 * Bills, whatever their export: the neutral
 * {@link org.greenledger.core.billing.BillingRow} every billing reader maps into, the
 * mapper to activity lines ({@link org.greenledger.core.billing.BillingMapper},
 * {@link org.greenledger.core.billing.SourceLine}) and the choice of reader from a file's
 * content ({@link org.greenledger.core.billing.BillingReaders}).
 */
@NullMarked
package org.greenledger.core.billing;

import org.jspecify.annotations.NullMarked;
