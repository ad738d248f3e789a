package org.greenledger.factors;

import java.util.Locale;
import java.util.Optional;

import org.greenledger.core.footprint.Location;

/**
 * Where an organisation's factor applies: the whole organisation, one supplier (cloud
 * provider), one cloud region, one grid zone or one country. Written as
 * {@code organisation}, {@code provider:aws}, {@code region:aws:us-east-1},
 * {@code zone:US-MIDA-PJM}, {@code country:DE}.
 *
 * @param type the kind of scope
 * @param target what it names (empty for the organisation)
 */
public record FactorScope(Type type, String target) {

	/** Scope types, from the most specific to the most general. */
	public enum Type {

		REGION, ZONE, COUNTRY, PROVIDER, ORGANISATION

	}

	public static Optional<FactorScope> parse(String text) {
		String value = text.strip();
		if (value.equalsIgnoreCase("organisation")) {
			return Optional.of(new FactorScope(Type.ORGANISATION, ""));
		}
		int colon = value.indexOf(':');
		if (colon <= 0 || colon == value.length() - 1) {
			return Optional.empty();
		}
		String target = value.substring(colon + 1).strip();
		return switch (value.substring(0, colon).toLowerCase(Locale.ROOT)) {
			case "provider" -> Optional.of(new FactorScope(Type.PROVIDER, target.toLowerCase(Locale.ROOT)));
			case "region" -> target.matches("[a-z]+:[A-Za-z0-9-]+")
					? Optional.of(new FactorScope(Type.REGION, target.toLowerCase(Locale.ROOT))) : Optional.empty();
			case "zone" -> Optional.of(new FactorScope(Type.ZONE, target.toUpperCase(Locale.ROOT)));
			case "country" -> target.matches("[A-Za-z]{2}")
					? Optional.of(new FactorScope(Type.COUNTRY, target.toUpperCase(Locale.ROOT))) : Optional.empty();
			default -> Optional.empty();
		};
	}

	/** Whether this scope covers a location whose grid zone and country are known. */
	boolean covers(Location location, String zone, String country) {
		return switch (this.type) {
			case ORGANISATION -> true;
			case PROVIDER -> location instanceof Location.CloudRegion cloud && cloud.provider().equals(this.target);
			case REGION -> location instanceof Location.CloudRegion cloud
					&& (cloud.provider() + ":" + cloud.region()).equalsIgnoreCase(this.target);
			case ZONE -> zone.equalsIgnoreCase(this.target);
			case COUNTRY -> country.equalsIgnoreCase(this.target);
		};
	}

	@Override
	public String toString() {
		return (this.type == Type.ORGANISATION) ? "organisation"
				: this.type.name().toLowerCase(Locale.ROOT) + ":" + this.target;
	}

}
