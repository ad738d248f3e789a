package org.greenledger.procurement.pact;

import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The unit of measurement a PACT footprint is declared in. Spec 2.x knows seven physical
 * units; spec 3.x adds {@code piece}, {@code hour} and {@code megabit second}.
 */
public enum DeclaredUnit {

	/** {@code liter}. */
	LITER("liter", true),

	/** {@code kilogram}. */
	KILOGRAM("kilogram", true),

	/** {@code cubic meter}. */
	CUBIC_METER("cubic meter", true),

	/** {@code kilowatt hour}. */
	KILOWATT_HOUR("kilowatt hour", true),

	/** {@code megajoule}. */
	MEGAJOULE("megajoule", true),

	/** {@code ton kilometer}. */
	TON_KILOMETER("ton kilometer", true),

	/** {@code square meter}. */
	SQUARE_METER("square meter", true),

	/** {@code piece} (3.x only). */
	PIECE("piece", false),

	/** {@code hour} (3.x only), for services such as IT services. */
	HOUR("hour", false),

	/** {@code megabit second} (3.x only), for data transfer services. */
	MEGABIT_SECOND("megabit second", false);

	private final String pactName;

	private final boolean inV2;

	DeclaredUnit(String pactName, boolean inV2) {
		this.pactName = pactName;
		this.inV2 = inV2;
	}

	/**
	 * The name as written in PACT documents.
	 * @return for example {@code kilowatt hour}
	 */
	public String pactName() {
		return this.pactName;
	}

	/**
	 * Whether the unit may be used by a footprint of the given spec version.
	 * @param spec the spec version
	 * @return {@code true} if the unit is defined in that version
	 */
	public boolean allowedIn(PactSpec spec) {
		return spec == PactSpec.V3 || this.inV2;
	}

	/**
	 * The unit with the given PACT name (exact, case-sensitive, as the spec defines it).
	 * @param pactName the name from the document
	 * @return the unit, or empty if the name is not a PACT declared unit
	 */
	public static Optional<DeclaredUnit> ofPactName(@Nullable String pactName) {
		return Arrays.stream(values()).filter((unit) -> unit.pactName.equals(pactName)).findFirst();
	}

}
