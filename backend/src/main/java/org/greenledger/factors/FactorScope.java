package org.greenledger.factors;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.billing.ServiceKeys;
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

		REGION, ZONE, COUNTRY, PROVIDER, ORGANISATION,

		/**
		 * One cloud service's billed unit ({@code service:aws:Events:AWSCloudTrail}), for
		 * an energy factor per unit; not a location.
		 */
		SERVICE

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
			case "service" -> service(target);
			case "provider" -> Optional.of(new FactorScope(Type.PROVIDER, target.toLowerCase(Locale.ROOT)));
			case "region" -> target.matches("[a-z]+:[A-Za-z0-9-]+")
					? Optional.of(new FactorScope(Type.REGION, target.toLowerCase(Locale.ROOT))) : Optional.empty();
			case "zone" -> Optional.of(new FactorScope(Type.ZONE, target.toUpperCase(Locale.ROOT)));
			case "country" -> target.matches("[A-Za-z]{2}")
					? Optional.of(new FactorScope(Type.COUNTRY, target.toUpperCase(Locale.ROOT))) : Optional.empty();
			default -> Optional.empty();
		};
	}

	/**
	 * {@code provider:unit:service}, normalized as {@link ServiceKeys} does; the service
	 * comes last and may hold a colon.
	 */
	private static Optional<FactorScope> service(String target) {
		String[] parts = target.split(":", 3);
		if (parts.length < 3) {
			return Optional.empty();
		}
		return Optional.ofNullable(ServiceKeys.of(parts[0], parts[1], parts[2]))
			.map(key -> new FactorScope(Type.SERVICE, key));
	}

	/** The scope of an energy factor per unit of a service. */
	public static Optional<FactorScope> service(@Nullable String provider, @Nullable String unit,
			@Nullable String service) {
		return Optional.ofNullable(ServiceKeys.of(provider, unit, service))
			.map(key -> new FactorScope(Type.SERVICE, key));
	}

	/** Whether this scope names the service and unit of a key ({@link ServiceKeys}). */
	boolean names(String serviceKey) {
		return this.type == Type.SERVICE && this.target.equals(serviceKey);
	}

	/** Whether this scope covers a location whose grid zone and country are known. */
	boolean covers(Location location, String zone, String country) {
		return switch (this.type) {
			case SERVICE -> false;
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
