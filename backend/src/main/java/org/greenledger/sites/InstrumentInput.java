package org.greenledger.sites;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A contractual instrument as entered.
 *
 * @param supersedes the instrument this one corrects, if any
 */
public record InstrumentInput(@Nullable String kind, @Nullable LocalDate periodStart, @Nullable LocalDate periodEnd,
		@Nullable Double energyMwh, @Nullable Double kgCo2ePerKwh, @Nullable String evidence,
		@Nullable UUID supersedes) {

}
