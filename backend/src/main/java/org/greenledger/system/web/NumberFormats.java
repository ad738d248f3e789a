package org.greenledger.system.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;

import org.springframework.stereotype.Component;

/**
 * Number formatting for templates ({@code ${@numbers.exact(value)}}): factor values are
 * shown as they are stored, never rounded away.
 */
@Component("numbers")
class NumberFormats {

	/**
	 * The value with every significant digit, grouped in thousands: 0.000392, 1.15,
	 * 1,000.
	 */
	public String exact(double value) {
		BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
		DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
		format.setMinimumFractionDigits(Math.max(0, decimal.scale()));
		format.setMaximumFractionDigits(Math.max(0, decimal.scale()));
		return format.format(decimal);
	}

	/**
	 * The value rounded to {@code digits} decimals, grouped in thousands, in the
	 * request's locale: 1,234.5 in English, 1.234,5 in German.
	 */
	public String fixed(double value, int digits) {
		NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(value);
	}

	/**
	 * The value with three significant digits at least (1,234; 12.3; 0.0123), for figures
	 * of any size.
	 */
	public String figure(double value) {
		double magnitude = Math.abs(value);
		int digits = (magnitude == 0 || magnitude >= 100) ? 0 : (magnitude >= 10) ? 1
				: (magnitude >= 1) ? 2 : Math.min(6, 2 - (int) Math.floor(Math.log10(magnitude)));
		return fixed(value, digits);
	}

	/** A share (0..1) as a percentage with one decimal, e.g. 12.5 %. */
	public String percent(double share) {
		return fixed(share * 100, 1) + " %";
	}

}
