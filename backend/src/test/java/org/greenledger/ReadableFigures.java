package org.greenledger;

import java.util.Locale;

/**
 * What the portal should show for a figure, worked out independently of its formatter:
 * the largest unit in which the table's (or card's) largest figure is at least 1, three
 * significant digits for that figure, English separators.
 */
public final class ReadableFigures {

	private static final String[] CO2E = { "g CO2e", "kg CO2e", "t CO2e", "kt CO2e" };

	private static final String[] ENERGY = { "Wh", "kWh", "MWh", "GWh" };

	private ReadableFigures() {
	}

	/** A CO2e card: "12.3 t CO2e". */
	public static String co2e(double kg) {
		return inScale(kg, kg, CO2E) + " " + unit(kg, CO2E);
	}

	/** A CO2e cell of a table whose largest figure is {@code largestKg}, without unit. */
	public static String co2eCell(double kg, double largestKg) {
		return inScale(kg, largestKg, CO2E);
	}

	/** The CO2e unit of a table whose largest figure is {@code largestKg}. */
	public static String co2eUnit(double largestKg) {
		return unit(largestKg, CO2E);
	}

	/** An energy cell of a table whose largest figure is {@code largestKwh}. */
	public static String energyCell(double kWh, double largestKwh) {
		return inScale(kWh, largestKwh, ENERGY);
	}

	private static int exponent(double largest) {
		// 0: g/Wh, 1: kg/kWh, 2: t/MWh, 3: kt/GWh (base unit: index 1)
		if (largest == 0) {
			return 1;
		}
		int index = 0;
		for (int i = 0; i < 4; i++) {
			if (Math.abs(largest) / Math.pow(1000, i - 1) >= 1) {
				index = i;
			}
		}
		return index;
	}

	private static String unit(double largest, String[] units) {
		return units[exponent(largest)];
	}

	private static String inScale(double value, double largest, String[] units) {
		int index = exponent(largest);
		double factor = Math.pow(1000, index - 1);
		double top = Math.abs(largest) / factor;
		int decimals = (top == 0 || top >= 100 || (top < 1 && index == 0)) ? 0 : (top >= 10) ? 1 : 2;
		double shown = value / factor;
		double smallest = Math.pow(10, -decimals);
		if (shown != 0 && Math.abs(shown) < smallest / 2) {
			return "< " + String.format(Locale.ENGLISH, "%,." + decimals + "f", smallest);
		}
		return String.format(Locale.ENGLISH, "%,." + decimals + "f", shown);
	}

}
