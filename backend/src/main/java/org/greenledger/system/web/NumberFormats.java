package org.greenledger.system.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Collection;
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

	/** CO2e in kg as people read it: "412 g CO2e", "1.23 t CO2e", "&lt; 1 g CO2e". */
	public String co2e(double kg) {
		return scale(FigureScale.Kind.CO2E, kg).withUnit(kg);
	}

	/** Energy in kWh as people read it: "850 Wh", "12.3 MWh". */
	public String energy(double kWh) {
		return scale(FigureScale.Kind.ENERGY, kWh).withUnit(kWh);
	}

	/** Water in litres as people read it: "640 L", "1.25 m³". */
	public String water(double litres) {
		return scale(FigureScale.Kind.WATER, litres).withUnit(litres);
	}

	/**
	 * The scale of a table's CO2e columns (values in kg, nulls skipped), e.g.
	 * {@code ${@numbers.co2eScale(rows.![locationKg()], rows.![marketKg()])}}.
	 */
	public FigureScale co2eScale(Collection<?>... columns) {
		return scale(FigureScale.Kind.CO2E, largest(columns));
	}

	/** The scale of a table's energy columns (values in kWh). */
	public FigureScale energyScale(Collection<?>... columns) {
		return scale(FigureScale.Kind.ENERGY, largest(columns));
	}

	/** The scale of a table's water columns (values in litres). */
	public FigureScale waterScale(Collection<?>... columns) {
		return scale(FigureScale.Kind.WATER, largest(columns));
	}

	/** The scale of CO2e figures given one by one (kg). */
	public FigureScale co2eScaleOf(double... kg) {
		return scale(FigureScale.Kind.CO2E, largest(kg));
	}

	/** The scale of energy figures given one by one (kWh). */
	public FigureScale energyScaleOf(double... kWh) {
		return scale(FigureScale.Kind.ENERGY, largest(kWh));
	}

	/** The scale of water figures given one by one (litres). */
	public FigureScale waterScaleOf(double... litres) {
		return scale(FigureScale.Kind.WATER, largest(litres));
	}

	private static double largest(double... values) {
		double largest = 0;
		for (double value : values) {
			if (Double.isFinite(value)) {
				largest = Math.max(largest, Math.abs(value));
			}
		}
		return largest;
	}

	private static FigureScale scale(FigureScale.Kind kind, double largest) {
		return FigureScale.of(kind, largest, LocaleContextHolder.getLocale());
	}

	/** The largest absolute figure of columns (nested lists are read through). */
	private static double largest(Collection<?>... columns) {
		double largest = 0;
		for (Collection<?> column : columns) {
			for (Object value : column) {
				if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
					largest = Math.max(largest, Math.abs(number.doubleValue()));
				}
				else if (value instanceof Collection<?> nested) {
					largest = Math.max(largest, largest(nested));
				}
			}
		}
		return largest;
	}

	/** A share (0..1) as a percentage with one decimal, e.g. 12.5 %. */
	public String percent(double share) {
		return fixed(share * 100, 1) + " %";
	}

}
