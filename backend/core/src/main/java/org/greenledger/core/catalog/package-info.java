/**
 * Shipped reference tables (catalog/ in this jar): cloud instance types and their
 * hardware, the mapping of instance-hours to vCPU, memory and accelerator lines, spend
 * categories and provider region names (docs/instance-catalog.md).
 */
@NullMarked
package org.greenledger.core.catalog;

import org.jspecify.annotations.NullMarked;
