/**
 * The cloud providers' own carbon figures (AWS Data Exports {@code CARBON_EMISSIONS} and
 * Sustainability API, Google Cloud Carbon Footprint export, Azure carbon optimization
 * reports): imported through ingestion's jobs as provider-reported lines (data-quality
 * tier 2) in this module's own tables, never added to the ledger's totals; summed by
 * {@code GET /api/v1/provider-carbon} and reconciled with GreenLedger's estimates by
 * {@code GET /api/v1/reconciliation}. One reader sub-package per provider.
 */
@NullMarked
package org.greenledger.providercarbon;

import org.jspecify.annotations.NullMarked;
