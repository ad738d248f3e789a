package org.greenledger.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.reports.Provenance;
import org.greenledger.reports.Status;
import org.greenledger.reports.TitleBlock;

/**
 * What every disclosure document states besides its figures: entity, period, status,
 * version, provenance, and what every page must say about the data (the marking, for
 * example "Demo data").
 */
record DocumentContext(String entity, LocalDate from, LocalDate to, @Nullable String periodName, Status status,
		String version, Instant generatedAt, Provenance provenance, @Nullable String marking) {

	TitleBlock title(DisclosureType type, @Nullable String subtitle) {
		String period = ((this.periodName != null) ? this.periodName + ": " : "") + this.from + " to " + this.to;
		return new TitleBlock(type.title(), subtitle, this.entity, period, type.label(), this.generatedAt, this.status,
				this.version, this.marking);
	}

	static final List<String> TIERS = List.of("1 metered", "2 supplier or provider reported", "3 usage-based estimate",
			"4 spend-based estimate", "5 default or proxy");

}
