package org.greenledger.core.greenbutton;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.measured.MeterRole;
import org.greenledger.core.measured.Quantity;

/**
 * What a ReadingType's codes mean for GreenLedger: the quantity of its readings, the
 * factor from a scaled reading value to kWh, litres or (power readings) W, how the values
 * accumulate, or why its readings cannot be used.
 *
 * @param quantity the quantity, null when the readings are refused
 * @param factor from the value times 10^powerOfTenMultiplier to kWh, litres or W
 * @param multiplier the powerOfTenMultiplier
 * @param accumulation how the values accumulate (ignored when refused)
 * @param accumulationCode the accumulationBehaviour code as written (0 when absent)
 * @param power whether the values are power (W) samples, integrated over time
 * @param assumed whether the file gave no ReadingType and GreenLedger's default (Wh,
 * interval amounts, delivered) is used
 * @param column the ReadingType field at fault, when refused
 * @param problem why the readings are refused, or null
 */
record EspiReadingType(@Nullable Quantity quantity, BigDecimal factor, int multiplier, EspiAccumulation accumulation,
		int accumulationCode, boolean power, boolean assumed, String column, @Nullable String problem) {

	/** uom 72: real energy, Wh. */
	static final int WATT_HOURS = 72;

	/** uom 38: real power, W. */
	static final int WATTS = 38;

	/** uom 42: cubic metres. */
	static final int CUBIC_METRES = 42;

	/** uom 134: litres. */
	static final int LITRES = 134;

	/** uom 128: US gallons. */
	static final int US_GALLONS = 128;

	/** uom 119: cubic feet. */
	static final int CUBIC_FEET = 119;

	/** flowDirection 1: forward, delivered to the customer. */
	static final int FORWARD = 1;

	/** flowDirection 19: reverse, exported by the customer. */
	static final int REVERSE = 19;

	/** kind 8: demand (a maximum over an interval, not an average). */
	static final int DEMAND = 8;

	private static final BigDecimal KWH_PER_WH = new BigDecimal("0.001");

	/** Energy exported to the grid (reverse flow): valid, but not consumption. */
	boolean exported() {
		return this.column.endsWith("flowDirection") && this.problem != null && this.problem.startsWith("is 19");
	}

	static EspiReadingType refused(String column, String problem) {
		return new EspiReadingType(null, BigDecimal.ZERO, 0, EspiAccumulation.AMOUNT, 0, false, false,
				"ReadingType/" + column, problem);
	}

	/**
	 * The documented default for readings whose file gives no ReadingType (or an empty
	 * one): Wh, multiplier 0, amounts per interval, delivered electricity. Refused when
	 * the UsagePoint says it is not electricity or the upload names a role that does not
	 * measure energy.
	 * @param serviceKind the UsagePoint's ServiceCategory kind, or null when not given
	 */
	static EspiReadingType assumed(@Nullable Integer serviceKind, @Nullable MeterRole role) {
		if (serviceKind != null && serviceKind != 0) {
			return refused("uom",
					"is not given (the file has no ReadingType for these readings) and the UsagePoint's"
							+ " ServiceCategory kind is " + serviceKind + " (" + service(serviceKind)
							+ "), not electricity: the readings have no unit GreenLedger can assume");
		}
		if (role != null && role.quantity() != Quantity.ENERGY) {
			return refused("uom", "is not given (the file has no ReadingType for these readings); GreenLedger assumes"
					+ " Wh, but the upload names the role " + role.name() + ", which does not measure energy");
		}
		return new EspiReadingType(Quantity.ENERGY, KWH_PER_WH, 0, EspiAccumulation.AMOUNT, 0, false, true, "", null);
	}

	/**
	 * Interprets a ReadingType's fields.
	 * @param fields element name to text
	 * @param role the role the upload names, or null
	 */
	static EspiReadingType of(Map<String, String> fields, @Nullable MeterRole role) {
		Integer uom = code(fields, "uom");
		Integer commodity = code(fields, "commodity");
		Integer flow = code(fields, "flowDirection");
		Integer accumulationCode = code(fields, "accumulationBehaviour");
		Integer multiplier = code(fields, "powerOfTenMultiplier");
		Integer kind = code(fields, "kind");
		if (uom == null || commodity == null || flow == null || accumulationCode == null || multiplier == null
				|| kind == null) {
			String name = firstNonInteger(fields);
			return refused(name, "'" + fields.get(name) + "' is not an integer code");
		}
		EspiAccumulation accumulation = EspiAccumulation.of(accumulationCode);
		if (accumulation == null) {
			return refused("accumulationBehaviour",
					"is " + EspiAccumulation.describe(accumulationCode) + "; GreenLedger reads interval amounts"
							+ " (4 deltaData, 9 summation, 14 boundedQuantity), register readings (1 bulkQuantity,"
							+ " 2 continuousCumulative, 3 cumulative) and power samples (6 indicating,"
							+ " 12 instantaneous)");
		}
		Quantity quantity;
		BigDecimal factor;
		boolean power = false;
		switch (uom) {
			case WATT_HOURS -> {
				quantity = Quantity.ENERGY;
				factor = KWH_PER_WH;
			}
			case CUBIC_METRES -> {
				quantity = Quantity.WATER;
				factor = new BigDecimal("1000");
			}
			case LITRES -> {
				quantity = Quantity.WATER;
				factor = BigDecimal.ONE;
			}
			case US_GALLONS -> {
				quantity = Quantity.WATER;
				factor = new BigDecimal("3.785411784");
			}
			case CUBIC_FEET -> {
				quantity = Quantity.WATER;
				factor = new BigDecimal("28.316846592");
			}
			case WATTS -> {
				if (accumulation != EspiAccumulation.INSTANT || kind == DEMAND) {
					return refused("uom",
							"is 38 (W) with accumulationBehaviour " + EspiAccumulation.describe(accumulationCode)
									+ ((kind == DEMAND) ? " and kind 8 (demand)" : "")
									+ ": demand readings (a maximum per interval) are not energy; power is read only as"
									+ " instantaneous samples (accumulationBehaviour 6 or 12), energy as uom 72 (Wh)");
				}
				quantity = Quantity.ENERGY;
				factor = BigDecimal.ONE;
				power = true;
			}
			case 0 -> {
				return refused("uom", "is missing or 0 (not applicable); the readings have no unit");
			}
			default -> {
				return refused("uom", "is " + uom + ", not a unit GreenLedger reads (energy: 72, Wh; power samples:"
						+ " 38, W; water: 42 m3, 134 L, 128 US gal, 119 ft3)");
			}
		}
		if (accumulation == EspiAccumulation.INSTANT && !power) {
			return refused("accumulationBehaviour", "is " + EspiAccumulation.describe(accumulationCode)
					+ ": a value at one instant of an energy or volume unit is not an amount over an interval");
		}
		String commodityProblem = commodityProblem(commodity, quantity);
		if (commodityProblem != null) {
			return refused("commodity", commodityProblem);
		}
		if (flow == REVERSE) {
			return refused("flowDirection", "is 19 (reverse): energy exported to the grid is not consumption;"
					+ " only delivered energy (flowDirection 1, forward) is read");
		}
		if (flow != FORWARD && flow != 0) {
			return refused("flowDirection", "is " + flow + "; only delivered amounts (flowDirection 1, forward)"
					+ " are read, not net or total flows");
		}
		if (multiplier < -15 || multiplier > 15) {
			return refused("powerOfTenMultiplier", "is " + multiplier + ", outside -15 to 15");
		}
		if (role != null && role.quantity() != quantity) {
			return refused("commodity",
					"the readings are " + quantity.name().toLowerCase(Locale.ROOT) + ", but the upload names the role "
							+ role.name() + ", which measures " + role.quantity().name().toLowerCase(Locale.ROOT));
		}
		return new EspiReadingType(quantity, factor, multiplier, accumulation, accumulationCode, power, false, "",
				null);
	}

	/** Null when the commodity fits the quantity the unit implies. */
	private static @Nullable String commodityProblem(int commodity, Quantity quantity) {
		return switch (commodity) {
			case 0 -> null;
			case 1, 2 ->
				(quantity == Quantity.ENERGY) ? null : "is " + commodity + " (electricity) but the uom is a volume";
			case 9 -> (quantity == Quantity.WATER) ? null : "is 9 (potable water) but the uom is energy";
			case 7 -> "is 7 (natural gas); only electricity (1, 2) and potable water (9) are read";
			default -> "is " + commodity + "; only electricity (1, 2) and potable water (9) are read";
		};
	}

	private static String service(int kind) {
		return switch (kind) {
			case 1 -> "gas";
			case 2 -> "water";
			case 4 -> "heat";
			default -> "another service";
		};
	}

	/** The default role of the quantity's meters. */
	static MeterRole defaultRole(Quantity quantity) {
		return (quantity == Quantity.WATER) ? MeterRole.WATER_INTAKE : MeterRole.FACILITY_TOTAL;
	}

	/** The code, 0 when absent, null when not an integer. */
	private static @Nullable Integer code(Map<String, String> fields, String name) {
		String text = fields.get(name);
		if (text == null || text.isEmpty()) {
			return 0;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String firstNonInteger(Map<String, String> fields) {
		for (String name : new String[] { "uom", "commodity", "flowDirection", "accumulationBehaviour",
				"powerOfTenMultiplier", "kind" }) {
			if (code(fields, name) == null) {
				return name;
			}
		}
		return "uom";
	}

}
