package org.greenledger.ingestion;

import org.jspecify.annotations.Nullable;

/**
 * The descriptive attributes of an activity row, stored once per distinct combination and
 * referenced by id.
 */
record Dimension(@Nullable String provider, @Nullable String accountId, @Nullable String region,
		@Nullable String service, @Nullable String serviceCategory, String chargeCategory, @Nullable String currency,
		@Nullable String orgUnit, @Nullable String scope, @Nullable String costOnlyReason) {

	static Dimension of(SourceLine line, @Nullable String orgUnit, @Nullable String scope) {
		return new Dimension(line.provider(), line.accountId(), line.region(), line.service(), line.serviceCategory(),
				line.chargeCategory(), line.currency(), orgUnit, scope, line.costOnlyReason());
	}

	/** Canonical JSON that the content id is derived from. */
	String canonical() {
		return IngestionJson.MAPPER.writeValueAsString(
				new Object[] { this.provider, this.accountId, this.region, this.service, this.serviceCategory,
						this.chargeCategory, this.currency, this.orgUnit, this.scope, this.costOnlyReason });
	}

}
