package org.greenledger.core.measured;

import java.util.Locale;
import java.util.Optional;

/** What a site's meter measures; the role decides the quantity. */
public enum MeterRole {

	/** All electricity the site draws from the grid (the purchased electricity). */
	FACILITY_TOTAL(Quantity.ENERGY),

	/** Electricity delivered to IT equipment (the denominator of PUE). */
	IT_LOAD(Quantity.ENERGY),

	/** Electricity used for cooling (a sub-meter of the facility total). */
	COOLING(Quantity.ENERGY),

	/** Water drawn by the site (the numerator of WUE). */
	WATER_INTAKE(Quantity.WATER),

	/** Diesel burnt by on-site generators (Scope 1). */
	GENERATOR_FUEL(Quantity.FUEL),

	/**
	 * Heat energy of the data centre's waste heat delivered for reuse outside it (a
	 * district heating network, neighbouring buildings): the numerator of ERF (ISO/IEC
	 * 30134-6). kWh of heat, no impacts of its own.
	 */
	WASTE_HEAT_REUSED(Quantity.ENERGY),

	/**
	 * Renewable electricity generated on site and consumed by the data centre (ERES-OS of
	 * Delegated Regulation (EU) 2024/1364, part of the numerator of REF, ISO/IEC
	 * 30134-3). kWh, no impacts of its own.
	 */
	ON_SITE_RENEWABLE(Quantity.ENERGY);

	private final Quantity quantity;

	MeterRole(Quantity quantity) {
		this.quantity = quantity;
	}

	public Quantity quantity() {
		return this.quantity;
	}

	/**
	 * Parses a role as written in files and forms: the constant name, case-insensitive,
	 * with spaces or hyphens for underscores ({@code "IT load"}, {@code it-load}).
	 */
	public static Optional<MeterRole> parse(String text) {
		String name = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		for (MeterRole role : values()) {
			if (role.name().equals(name)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
