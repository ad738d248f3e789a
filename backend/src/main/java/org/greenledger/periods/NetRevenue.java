package org.greenledger.periods;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;

/**
 * The undertaking's net revenue over a reporting period, the denominator of the ESRS GHG
 * intensity (t CO2e per million of the currency). Entered on the reporting period, or
 * given in a report request.
 *
 * @param amount net revenue in units of the currency (not millions)
 * @param currency ISO 4217 code, for example {@code EUR}
 */
public record NetRevenue(@Nullable BigDecimal amount, @Nullable String currency) {

	/** The largest amount kept (the column's precision: 18 digits before the point). */
	private static final BigDecimal MAX = new BigDecimal("1e18");

	/**
	 * The net revenue checked: an amount greater than 0 and a three-letter currency code
	 * (upper case), the amount with at most 2 decimals.
	 * @param field how the user named the value, for the problems ({@code netRevenue})
	 * @throws ApiProblemException (422) naming each invalid field in the user's words
	 */
	public NetRevenue checked(String field) {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.amount == null || this.amount.signum() <= 0 || this.amount.compareTo(MAX) >= 0
				|| this.amount.stripTrailingZeros().scale() > 2) {
			problems.add(new FieldProblem(field + ".amount",
					"the net revenue of the reporting period in units of the currency (not millions),"
							+ " greater than 0, at most 2 decimals"));
		}
		if (this.currency == null || !this.currency.strip().matches("[A-Za-z]{3}")) {
			problems.add(new FieldProblem(field + ".currency", "a three-letter ISO 4217 currency code, such as EUR"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		return new NetRevenue(this.amount.stripTrailingZeros(), this.currency.strip().toUpperCase(Locale.ROOT));
	}

	/** The net revenue of a report request, checked ({@code netRevenue.amount}, ...). */
	public NetRevenue checked() {
		return checked("netRevenue");
	}

	/** Whether both are the same amount (whatever its scale) in the same currency. */
	public boolean sameAs(NetRevenue other) {
		return this.amount != null && other.amount != null && this.amount.compareTo(other.amount) == 0
				&& this.currency != null && this.currency.equalsIgnoreCase(String.valueOf(other.currency));
	}

	/** The amount in millions of the currency. */
	public double millions() {
		return (this.amount != null) ? this.amount.doubleValue() / 1_000_000 : 0;
	}

	/** For example {@code 250,000,000.00 EUR}. */
	public String text() {
		return String.format(Locale.ROOT, "%,.2f %s", (this.amount != null) ? this.amount : BigDecimal.ZERO,
				this.currency);
	}

}
