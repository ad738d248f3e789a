package org.greenledger.system.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

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

}
