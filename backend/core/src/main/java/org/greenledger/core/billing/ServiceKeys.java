package org.greenledger.core.billing;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The key that ties a bill's rows of one service and unit to an energy factor per unit
 * ({@code SERVICE_ENERGY} in a factor set): {@code provider:unit:service}, the provider
 * normalized as the mapper does ({@code aws}, {@code gcp}, {@code azure}), the unit
 * normalized ({@code Hrs} is {@code hour}, {@code GB-Mo} is {@code gb-month}; others in
 * lower case without spaces), the service name in lower case. The service comes last, so
 * that a name with a colon stays one part.
 */
public final class ServiceKeys {

	private ServiceKeys() {
	}

	/** The key, or null when the provider, unit or service is missing. */
	public static @Nullable String of(@Nullable String provider, @Nullable String consumedUnit,
			@Nullable String service) {
		String normalizedProvider = BillingMapper.provider(provider);
		String unit = BillingMapper.normalizedUnit(consumedUnit);
		if (normalizedProvider == null || unit == null || unit.isEmpty() || service == null || service.isBlank()) {
			return null;
		}
		return normalizedProvider + ":" + unit + ":" + service.strip().toLowerCase(Locale.ROOT);
	}

}
