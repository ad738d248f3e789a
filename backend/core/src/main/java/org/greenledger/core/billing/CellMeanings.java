package org.greenledger.core.billing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.footprint.Location;

/**
 * What a billing file's repeated cells mean to the mapper: the normalized provider, the
 * known cloud region, the normalized unit, whether a service category says network. Each
 * is worked out once per distinct text and then found by the cells' instances (readers
 * hand out the same instance for a repeated cell), so that most rows neither hash nor
 * compare a text. For one file's mapper, on one thread.
 */
final class CellMeanings {

	private final Predicate<String> knownRegion;

	/**
	 * @param knownRegion whether a {@code provider:region} is a known cloud region
	 */
	CellMeanings(Predicate<String> knownRegion) {
		this.knownRegion = knownRegion;
	}

	/** A file repeats a few regions and units on every row: each is resolved once. */
	private final Map<String, Map<String, Optional<Location>>> locations = new HashMap<>();

	private int locationCount;

	private final Map<String, String> units = new HashMap<>();

	private static final int CACHED = 10_000;

	/** The cloud region, or null when it is not a known region of the provider. */
	@Nullable Location location(String provider, String regionId) {
		Optional<Location> recent = this.recentLocations.get(regionId, provider);
		if (recent == null) {
			recent = locationByValue(provider, regionId);
			this.recentLocations.put(regionId, provider, recent);
		}
		return recent.orElse(null);
	}

	private final RecentPairs<Optional<Location>> recentLocations = new RecentPairs<>();

	private Optional<Location> locationByValue(String provider, String regionId) {
		Map<String, Optional<Location>> regions = this.locations.computeIfAbsent(provider, p -> new HashMap<>());
		Optional<Location> known = regions.get(regionId);
		if (known == null) {
			known = this.knownRegion.test(provider + ":" + regionId)
					? Optional.of(new Location.CloudRegion(provider, regionId.toLowerCase(Locale.ROOT)))
					: Optional.empty();
			if (++this.locationCount > CACHED) {
				this.locations.clear();
				this.locationCount = 1;
				regions = this.locations.computeIfAbsent(provider, p -> new HashMap<>());
			}
			regions.put(regionId, known);
		}
		return known;
	}

	@Nullable String unit(@Nullable String consumedUnit) {
		if (consumedUnit == null) {
			return null;
		}
		String recent = this.recentUnits.get(consumedUnit, consumedUnit);
		if (recent == null) {
			if (this.units.size() >= CACHED) {
				this.units.clear();
			}
			recent = this.units.computeIfAbsent(consumedUnit, BillingMapper::normalizedUnit);
			this.recentUnits.put(consumedUnit, consumedUnit, recent);
		}
		return recent;
	}

	private final RecentPairs<String> recentUnits = new RecentPairs<>();

	private final RecentPairs<String> recentProviders = new RecentPairs<>();

	/**
	 * The normalized provider; rows repeat the same few provider cells, read as the same
	 * instances.
	 */
	@Nullable String provider(@Nullable String name) {
		if (name == null) {
			return null;
		}
		String recent = this.recentProviders.get(name, name);
		if (recent == null) {
			recent = BillingMapper.provider(name);
			if (recent != null) {
				this.recentProviders.put(name, name, recent);
			}
		}
		return recent;
	}

	private final RecentPairs<Boolean> networkCategories = new RecentPairs<>();

	/**
	 * Whether the row's service category or subcategory says network or data transfer;
	 * found once per pair of cells (by their instances) of the rows lately mapped.
	 */
	boolean networkCategory(BillingRow record) {
		String category = record.serviceCategory();
		String subcategory = record.serviceSubcategory();
		if (category == null || subcategory == null) {
			return networkCategory(category, subcategory);
		}
		Boolean recent = this.networkCategories.get(category, subcategory);
		if (recent == null) {
			recent = networkCategory(category, subcategory);
			this.networkCategories.put(category, subcategory, recent);
		}
		return recent;
	}

	private static boolean networkCategory(@Nullable String serviceCategory, @Nullable String serviceSubcategory) {
		String category = (serviceCategory + " " + serviceSubcategory).toLowerCase(Locale.ROOT);
		return category.contains("network") || category.contains("data transfer");
	}

}
