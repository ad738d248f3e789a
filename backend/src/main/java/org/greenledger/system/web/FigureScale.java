package org.greenledger.system.web;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * The unit and decimals in which a set of figures of one kind (a card, a table's columns)
 * is shown, chosen by their magnitude: the largest unit in which the largest figure is at
 * least 1, and decimals giving that figure three significant digits (100 and more: none;
 * 10 to 99.9: one; below 10: two). Figures are given in the kind's base unit (kg CO2e,
 * kWh, litres). A figure that is not zero but rounds to zero in the chosen unit is shown
 * as "&lt; 0.01" (or "&lt; 1" in the smallest unit), never as 0; zero is "0".
 *
 * @param unit the unit's symbol, e.g. {@code t CO2e}
 * @param factor base units per unit (1000 for t when the base is kg)
 * @param decimals decimals shown
 * @param locale the reader's locale (grouping and decimal separators)
 */
public record FigureScale(String unit, double factor, int decimals, Locale locale) {

	/** A kind of figure and its units, smallest first. */
	public enum Kind {

		/** Base unit kg CO2e. */
		CO2E(List.of(new Unit("g CO2e", 1e-3), new Unit("kg CO2e", 1), new Unit("t CO2e", 1e3),
				new Unit("kt CO2e", 1e6))),

		/** Base unit kWh. */
		ENERGY(List.of(new Unit("Wh", 1e-3), new Unit("kWh", 1), new Unit("MWh", 1e3), new Unit("GWh", 1e6))),

		/** Base unit litres. */
		WATER(List.of(new Unit("mL", 1e-3), new Unit("L", 1), new Unit("m³", 1e3), new Unit("million L", 1e6)));

		private final List<Unit> units;

		Kind(List<Unit> units) {
			this.units = units;
		}

	}

	private record Unit(String symbol, double factor) {
	}

	/**
	 * The scale for figures of a kind whose largest absolute value (in the base unit) is
	 * {@code largest}; with no figure or only zeros, the base unit.
	 */
	static FigureScale of(Kind kind, double largest, Locale locale) {
		double magnitude = Math.abs(largest);
		Unit chosen = kind.units.stream().filter((unit) -> unit.factor() == 1).findFirst().orElseThrow();
		if (magnitude > 0 && Double.isFinite(magnitude)) {
			chosen = kind.units.get(0);
			for (Unit unit : kind.units) {
				if (magnitude / unit.factor() >= 1) {
					chosen = unit;
				}
			}
		}
		double inUnit = magnitude / chosen.factor();
		int decimals = (inUnit == 0 || inUnit >= 100 || (inUnit < 1 && chosen == kind.units.get(0))) ? 0
				: (inUnit >= 10) ? 1 : 2;
		return new FigureScale(chosen.symbol(), chosen.factor(), decimals, locale);
	}

	/** A figure (in the base unit) in this scale's unit, as a number for charts. */
	public double value(double base) {
		return base / this.factor;
	}

	/**
	 * A figure (in the base unit) in this scale's unit and decimals, without the unit.
	 */
	public String format(double base) {
		double value = value(base);
		double smallest = Math.pow(10, -this.decimals);
		if (value != 0 && Math.abs(value) < smallest / 2) {
			return ((value < 0) ? "> -" : "< ") + number(smallest);
		}
		return number(value);
	}

	/** A figure with its unit, e.g. "12.3 t CO2e" or "&lt; 1 g CO2e". */
	public String withUnit(double base) {
		return format(base) + " " + this.unit;
	}

	private String number(double value) {
		NumberFormat format = NumberFormat.getNumberInstance(this.locale);
		format.setMinimumFractionDigits(this.decimals);
		format.setMaximumFractionDigits(this.decimals);
		return format.format(value);
	}

}
