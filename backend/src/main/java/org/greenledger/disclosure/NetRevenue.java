package org.greenledger.disclosure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;

/**
 * The undertaking's net revenue over the reporting period, the denominator of the ESRS
 * GHG intensity (t CO2e per million of the currency).
 *
 * @param amount net revenue in units of the currency (not millions)
 * @param currency ISO 4217 code, for example {@code EUR}
 */
public record NetRevenue(@Nullable BigDecimal amount, @Nullable String currency) {

	/**
	 * The net revenue of a request, checked: an amount greater than 0 and a three-letter
	 * currency code.
	 * @throws ApiProblemException naming the field in the user's words
	 */
	NetRevenue checked() {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.amount == null || this.amount.signum() <= 0) {
			problems.add(new FieldProblem("netRevenue.amount",
					"the net revenue of the reporting period in units of the currency, greater than 0"));
		}
		if (this.currency == null || !this.currency.strip().matches("[A-Za-z]{3}")) {
			problems.add(new FieldProblem("netRevenue.currency", "a three-letter ISO 4217 currency code, such as EUR"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		return new NetRevenue(this.amount, this.currency.strip().toUpperCase(Locale.ROOT));
	}

	/** The amount in millions of the currency. */
	double millions() {
		return (this.amount != null) ? this.amount.doubleValue() / 1_000_000 : 0;
	}

	/** For example {@code 250,000,000 EUR}. */
	String text() {
		return String.format(Locale.ROOT, "%,.2f %s", (this.amount != null) ? this.amount : BigDecimal.ZERO,
				this.currency);
	}

}
