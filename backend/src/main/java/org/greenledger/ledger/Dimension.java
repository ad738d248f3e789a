package org.greenledger.ledger;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.billing.SourceLine;

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

	/**
	 * The attributes the footprint can be grouped by, with this combination's values (the
	 * SQL in {@link BillingPeriodOverlaps} lists the same).
	 */
	String[][] attributes() {
		return new String[][] { { "total", "total" }, { "provider", orNone(this.provider) },
				{ "region", orNone(this.region) }, { "service", orNone(this.service) },
				{ "account", orNone(this.accountId) }, { "orgUnit", orNone(this.orgUnit) },
				{ "scope", (this.scope != null) ? this.scope : "(cost only)" } };
	}

	private static String orNone(@Nullable String value) {
		return (value != null) ? value : "(none)";
	}

	/** Canonical JSON that the content id is derived from. */
	String canonical() {
		return LedgerJson.MAPPER.writeValueAsString(
				new Object[] { this.provider, this.accountId, this.region, this.service, this.serviceCategory,
						this.chargeCategory, this.currency, this.orgUnit, this.scope, this.costOnlyReason });
	}

}
