package org.greenledger.sites;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A contractual instrument recorded for a site and period.
 *
 * @param energyMwh the energy it covers over the whole period (EAC, PPA, green tariff);
 * null for supplier-specific and residual-mix rates, which apply to all uncovered energy
 * @param kgCo2ePerKwh the emission rate it conveys (0 for renewable certificates)
 * @param evidence where the proof is (certificate ids, contract, registry link)
 * @param supersededBy the instrument that corrects this one, if any
 */
public record Instrument(UUID id, UUID siteId, InstrumentKind kind, LocalDate periodStart, LocalDate periodEnd,
		@Nullable Double energyMwh, double kgCo2ePerKwh, String evidence, @Nullable UUID supersededBy,
		Instant createdAt, String createdBy) {

}
