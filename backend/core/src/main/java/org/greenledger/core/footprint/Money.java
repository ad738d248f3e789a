package org.greenledger.core.footprint;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of money in one currency, kept exactly (billing reconciles to the cent).
 *
 * @param amount the amount (may be negative: credits, refunds)
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {

	public static Money of(String amount, String currencyCode) {
		return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
	}

	public Money plus(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot add " + other.currency + " to " + this.currency);
		}
		return new Money(this.amount.add(other.amount), this.currency);
	}

	@Override
	public String toString() {
		return this.amount.toPlainString() + " " + this.currency.getCurrencyCode();
	}

}
