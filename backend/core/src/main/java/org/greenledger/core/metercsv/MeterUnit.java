package org.greenledger.core.metercsv;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.greenledger.core.measured.Quantity;

/**
 * The units the meter CSV accepts, each with the quantity it measures and its conversion
 * to the quantity's unit (kWh, litres). Power units are an average over the interval and
 * are multiplied by the interval's length in hours.
 */
enum MeterUnit {

	WH(Quantity.ENERGY, new BigDecimal("0.001"), false, "Wh"),

	KWH(Quantity.ENERGY, BigDecimal.ONE, false, "kWh"),

	MWH(Quantity.ENERGY, new BigDecimal("1000"), false, "MWh"),

	GWH(Quantity.ENERGY, new BigDecimal("1000000"), false, "GWh"),

	KW(Quantity.ENERGY, BigDecimal.ONE, true, "kW"),

	MW(Quantity.ENERGY, new BigDecimal("1000"), true, "MW"),

	CUBIC_METRE(Quantity.WATER, new BigDecimal("1000"), false, "m3", "m\u00b3", "m^3"),

	LITRE(Quantity.WATER, BigDecimal.ONE, false, "L", "litre", "litres", "liter", "liters"),

	KILOLITRE(Quantity.WATER, new BigDecimal("1000"), false, "kL"),

	DIESEL_LITRE(Quantity.FUEL, BigDecimal.ONE, false, "L diesel", "litre diesel", "litres diesel", "liter diesel",
			"liters diesel");

	private static final BigDecimal MILLIS_PER_HOUR = new BigDecimal(3_600_000);

	private final Quantity quantity;

	private final BigDecimal factor;

	private final boolean power;

	private final List<String> spellings;

	MeterUnit(Quantity quantity, BigDecimal factor, boolean power, String... spellings) {
		this.quantity = quantity;
		this.factor = factor;
		this.power = power;
		this.spellings = List.of(spellings);
	}

	Quantity quantity() {
		return this.quantity;
	}

	/** The usual spelling, for messages. */
	String symbol() {
		return this.spellings.get(0);
	}

	/**
	 * The unit written in a cell: case-insensitive (there are no milliwatt meters, so
	 * {@code mwh} is megawatt-hours), blanks around and between words ignored.
	 */
	static Optional<MeterUnit> parse(String text) {
		String unit = text.strip().replaceAll("\\s+", " ");
		for (MeterUnit candidate : values()) {
			for (String spelling : candidate.spellings) {
				if (spelling.equalsIgnoreCase(unit)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * The unit for a meter of the given quantity: plain litres on a generator fuel meter
	 * are litres of diesel.
	 */
	MeterUnit on(Quantity meterQuantity) {
		return (this == LITRE && meterQuantity == Quantity.FUEL) ? DIESEL_LITRE : this;
	}

	/**
	 * The amount in the quantity's unit (kWh or litres) for an interval of this length.
	 */
	double convert(BigDecimal value, long intervalMillis) {
		BigDecimal amount = value.multiply(this.factor);
		if (this.power) {
			amount = amount.multiply(BigDecimal.valueOf(intervalMillis)).divide(MILLIS_PER_HOUR, MathContext.DECIMAL64);
		}
		return amount.doubleValue();
	}

	/** The units a meter of the quantity takes, for messages. */
	static String accepted(Quantity quantity) {
		return switch (quantity) {
			case ENERGY -> "Wh, kWh, MWh, GWh, or kW, MW (average power)";
			case WATER -> "m3, L, kL";
			case FUEL -> "L or L diesel";
		};
	}

	/** The metric of the series: what kind of amount the rows carry. */
	static String metric(Quantity quantity) {
		return quantity.name().toLowerCase(Locale.ROOT);
	}

}
