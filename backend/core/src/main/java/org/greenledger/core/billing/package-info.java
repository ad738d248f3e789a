/**
 * Bills, whatever their export: the neutral
 * {@link org.greenledger.core.billing.BillingRow} every billing reader maps into, the
 * mapper to activity lines ({@link org.greenledger.core.billing.BillingMapper},
 * {@link org.greenledger.core.billing.SourceLine}). It knows no format: the formats'
 * packages depend on it, and {@code core.formats} picks the reader from a file's content.
 */
@NullMarked
package org.greenledger.core.billing;

import org.jspecify.annotations.NullMarked;
