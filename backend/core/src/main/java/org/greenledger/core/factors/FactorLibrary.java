package org.greenledger.core.factors;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * All factors and cloud regions, indexed for lookup. Immutable; the rules for choosing
 * among candidates are in docs/factors.md ("How a factor is chosen").
 */
public final class FactorLibrary {

	private static final Comparator<FactorValue> PREFERENCE = Comparator
		.comparingInt((FactorValue value) -> value.dataset().priority())
		.thenComparing(FactorValue::bounded)
		.thenComparing(value -> (value.validFrom() != null) ? value.validFrom() : LocalDate.MIN);

	private final List<FactorDataset> datasets;

	private final List<FactorValue> values;

	private final Map<FactorKind, Map<String, List<FactorValue>>> index;

	private final Map<String, CloudRegion> regions;

	public FactorLibrary(List<FactorDataset> datasets, List<FactorValue> values, List<CloudRegion> regions) {
		this.datasets = List.copyOf(datasets);
		this.values = List.copyOf(values);
		Map<FactorKind, Map<String, List<FactorValue>>> index = new EnumMap<>(FactorKind.class);
		for (FactorValue value : values) {
			index.computeIfAbsent(value.kind(), kind -> new HashMap<>())
				.computeIfAbsent(normalize(value.key()), key -> new java.util.ArrayList<>())
				.add(value);
		}
		index.replaceAll((kind, byKey) -> {
			byKey.replaceAll((key, list) -> List.copyOf(list));
			return Map.copyOf(byKey);
		});
		this.index = index;
		this.regions = regions.stream()
			.collect(Collectors.toUnmodifiableMap(region -> regionKey(region.provider(), region.region()),
					region -> region, (first, second) -> first));
	}

	public List<FactorDataset> datasets() {
		return this.datasets;
	}

	public List<FactorValue> values() {
		return this.values;
	}

	public List<CloudRegion> regions() {
		return this.regions.values()
			.stream()
			.sorted(Comparator.comparing(CloudRegion::provider).thenComparing(CloudRegion::region))
			.toList();
	}

	public Optional<CloudRegion> region(String provider, String region) {
		return Optional.ofNullable(this.regions.get(regionKey(provider, region)));
	}

	/** The factor of a kind for a key on a date, chosen as docs/factors.md describes. */
	public Optional<FactorMatch> find(FactorKind kind, String key, LocalDate date) {
		List<FactorValue> candidates = this.index.getOrDefault(kind, Map.of()).get(normalize(key));
		if (candidates == null) {
			return Optional.empty();
		}
		Optional<FactorValue> covering = candidates.stream().filter(value -> value.covers(date)).max(PREFERENCE);
		if (covering.isPresent()) {
			return Optional.of(new FactorMatch(covering.get(), true));
		}
		Optional<FactorValue> earlier = candidates.stream()
			.filter(value -> value.validTo() != null && value.validTo().isBefore(date))
			.max(Comparator.comparing(FactorValue::validTo).thenComparing(PREFERENCE));
		if (earlier.isPresent()) {
			return Optional.of(new FactorMatch(earlier.get(), false));
		}
		return candidates.stream()
			.filter(value -> value.validFrom() != null)
			.min(Comparator.comparing(FactorValue::validFrom))
			.map(value -> new FactorMatch(value, false));
	}

	/** The keys that have factors of a kind, as written in the data, sorted. */
	public List<String> keys(FactorKind kind) {
		return this.index.getOrDefault(kind, Map.of())
			.values()
			.stream()
			.map(values -> values.get(0).key())
			.sorted(String.CASE_INSENSITIVE_ORDER)
			.toList();
	}

	/**
	 * Whether any factor of a kind exists for a key (keys compare case-insensitively).
	 */
	public boolean has(FactorKind kind, String key) {
		return this.index.getOrDefault(kind, Map.of()).containsKey(normalize(key));
	}

	/** Factors matching every given criterion (null criteria match all). */
	public Stream<FactorValue> search(@Nullable FactorKind kind, @Nullable String key, @Nullable Integer year,
			@Nullable String dataset) {
		return this.values.stream()
			.filter(value -> kind == null || value.kind() == kind)
			.filter(value -> key == null || normalize(value.key()).equals(normalize(key))
					|| normalize(value.region()).equals(normalize(key)))
			.filter(value -> year == null || overlapsYear(value, year))
			.filter(value -> dataset == null || value.dataset().id().equals(dataset));
	}

	private static boolean overlapsYear(FactorValue value, int year) {
		LocalDate start = LocalDate.of(year, 1, 1);
		LocalDate end = LocalDate.of(year, 12, 31);
		return (value.validFrom() == null || !value.validFrom().isAfter(end))
				&& (value.validTo() == null || !value.validTo().isBefore(start));
	}

	static String normalize(String key) {
		return key.strip().toUpperCase(Locale.ROOT);
	}

	private static String regionKey(String provider, String region) {
		return normalize(provider) + ":" + normalize(region);
	}

}
