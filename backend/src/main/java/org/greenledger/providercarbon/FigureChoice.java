package org.greenledger.providercarbon;

import java.time.Instant;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * A choice of figure for consecutive months of one provider, made at once.
 *
 * @param provider the provider's label
 * @param from the first month
 * @param to the last month, inclusive
 * @param figure the figure the inventory reports
 * @param chosenBy who chose it
 * @param chosenAt when
 * @param reason why, as the user gave it
 */
public record FigureChoice(String provider, YearMonth from, YearMonth to, ReportedFigure figure, String chosenBy,
		Instant chosenAt, @Nullable String reason) {

}
