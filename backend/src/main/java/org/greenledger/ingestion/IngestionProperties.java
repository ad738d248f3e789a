package org.greenledger.ingestion;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ingestion settings.
 *
 * @param maxRejectedShare when set, the share of rejected rows above which a file of any
 * kind without its own setting is REJECTED as a whole (nothing stored); at or below it,
 * it COMPLETES with those rows listed
 * @param maxRejectedShares the same limit per kind of data; a kind without a setting
 * takes {@code maxRejectedShare}, else its default ({@link RowKind})
 * @param telemetryMaxGap power samples of a series further apart than this are not
 * integrated (the energy between them is unknown and a note says so)
 */
@ConfigurationProperties("greenledger.ingestion")
record IngestionProperties(@Nullable Double maxRejectedShare, @DefaultValue Shares maxRejectedShares,
		@DefaultValue("PT5M") java.time.Duration telemetryMaxGap) {

	IngestionProperties {
		check("max-rejected-share", maxRejectedShare);
		for (RowKind kind : RowKind.values()) {
			check("max-rejected-shares." + kind.key(), maxRejectedShares.of(kind));
		}
	}

	private static void check(String name, @Nullable Double share) {
		if (share != null && !(share >= 0 && share <= 1)) {
			throw new IllegalArgumentException(
					"greenledger.ingestion." + name + " is " + share + "; a share of rows lies between 0 and 1");
		}
	}

	/** Per-kind limits; null where not set. */
	record Shares(@Nullable Double billing, @Nullable Double meter, @Nullable Double telemetry, @Nullable Double grid) {

		@Nullable Double of(RowKind kind) {
			return switch (kind) {
				case BILLING -> this.billing;
				case METER -> this.meter;
				case TELEMETRY -> this.telemetry;
				case GRID -> this.grid;
			};
		}

	}

	/** The limit for a kind: its own setting, else the general one, else its default. */
	RejectionLimit rejectionLimit(RowKind kind) {
		Double own = this.maxRejectedShares.of(kind);
		if (own != null) {
			return new RejectionLimit(kind, own, "greenledger.ingestion.max-rejected-shares." + kind.key());
		}
		if (this.maxRejectedShare != null) {
			return new RejectionLimit(kind, this.maxRejectedShare, "greenledger.ingestion.max-rejected-share");
		}
		return new RejectionLimit(kind, kind.defaultShare(), "default");
	}

}
