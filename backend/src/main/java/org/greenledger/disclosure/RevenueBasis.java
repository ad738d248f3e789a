package org.greenledger.disclosure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.greenledger.periods.NetRevenue;
import org.greenledger.periods.ReportingPeriod;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;

/**
 * The net revenue an ESRS document divides its GHG emissions by, and where it was taken
 * from. The reporting period's entered value comes first: a request naming a period that
 * has one may repeat it but not contradict it (422); the request's value is used only for
 * a period without one, or for a report of dates.
 *
 * @param origin where the value comes from, for the document ("reporting period FY2027
 * v1", "report request")
 */
record RevenueBasis(NetRevenue revenue, String origin) {

	static @Nullable RevenueBasis of(@Nullable ReportingPeriod period, @Nullable NetRevenue requested) {
		NetRevenue asked = (requested != null) ? requested.checked() : null;
		NetRevenue entered = (period != null) ? period.netRevenue() : null;
		if (entered == null) {
			return (asked != null) ? new RevenueBasis(asked, "report request") : null;
		}
		String name = "reporting period " + period.name() + " v" + period.version();
		if (asked != null && !asked.sameAs(entered)) {
			throw ApiProblemException.invalidFields(List.of(new FieldProblem("netRevenue",
					"the " + name + " has a net revenue of " + entered.text() + " entered, and the request gives "
							+ asked.text() + ". Leave netRevenue out to use the period's, or enter the new value on"
							+ " the period (an approved period is restated first).")));
		}
		return new RevenueBasis(entered, name);
	}

}
