package org.greenledger.core.factors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.footprint.CarbonIntensity;
import org.greenledger.core.footprint.CloudInstance;
import org.greenledger.core.footprint.DataQuality;
import org.greenledger.core.footprint.Energy;
import org.greenledger.core.footprint.Factor;
import org.greenledger.core.footprint.FactorLookup;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.MissingFactorException;
import org.greenledger.core.footprint.Power;
import org.greenledger.core.footprint.PowerUsageEffectiveness;
import org.greenledger.core.footprint.StorageType;
import org.greenledger.core.footprint.Utilization;
import org.greenledger.core.footprint.WaterIntensity;

/**
 * The shipped factor library as the engine's {@link FactorLookup}: resolves cloud regions
 * to grid zones and goes from specific to general (region, provider, default; zone,
 * country).
 */
public final class LibraryFactorLookup implements FactorLookup {

	static final String DEFAULT_KEY = "DEFAULT";

	/** The currency the spend-based factors are per ({@code kgCO2e/USD}). */
	static final String SPEND_CURRENCY = "USD";

	/**
	 * Bounds the memo (about 100 bytes an entry); it refills from the library when
	 * cleared.
	 */
	static final int MEMO_LIMIT = 500_000;

	private static final LocalDate TIMELESS = LocalDate.of(2000, 1, 1);

	private final FactorLibrary library;

	/**
	 * Resolved factors by (what, about, date): the library is immutable, so answers never
	 * change.
	 */
	private final Map<MemoKey, Object> memo = new ConcurrentHashMap<>();

	private final EmbodiedLookup embodied;

	public LibraryFactorLookup(FactorLibrary library) {
		this.library = library;
		this.embodied = new EmbodiedLookup(library);
	}

	@SuppressWarnings("unchecked")
	private <T> T memo(String what, Object about, @Nullable LocalDate date, Supplier<T> resolve) {
		MemoKey key = new MemoKey(what, about, date);
		Object known = this.memo.get(key);
		if (known == null) {
			known = resolve.get();
			if (this.memo.size() >= MEMO_LIMIT) {
				this.memo.clear();
			}
			this.memo.put(key, known);
		}
		return (T) known;
	}

	private record MemoKey(String what, Object about, @Nullable LocalDate date) {
	}

	@Override
	public Factor<PowerUsageEffectiveness> pue(Location location, LocalDate date) {
		return memo("PUE", location, date, () -> {
			return facility(FactorKind.PUE, location, date, PowerUsageEffectiveness::of);
		});
	}

	@Override
	public Factor<WaterIntensity> wue(Location location, LocalDate date) {
		return memo("WUE", location, date, () -> {
			return facility(FactorKind.WUE, location, date, WaterIntensity::ofLitersPerKilowattHour);
		});
	}

	@Override
	public Factor<CarbonIntensity> gridIntensity(Location location, LocalDate date) {
		return memo("GRID", location, date, () -> {
			Grid grid = grid(location);
			return first(FactorKind.GRID_INTENSITY, date, CarbonIntensity::ofGramsPerKilowattHour, grid.zone(),
					grid.country())
				.orElseThrow(() -> missing(FactorKind.GRID_INTENSITY, grid.zone(),
						"No grid carbon intensity is known for zone '" + grid.zone() + "' or country '" + grid.country()
								+ "'"));
		});
	}

	@Override
	public Optional<Factor<CarbonIntensity>> marketIntensity(Location location, LocalDate date) {
		return Optional.empty();
	}

	@Override
	public Factor<WaterIntensity> ewif(Location location, LocalDate date) {
		return memo("EWIF", location, date, () -> {
			Grid grid = (location instanceof Location.Unspecified) ? new Grid("-", "-") : grid(location);
			return first(FactorKind.EWIF, date, WaterIntensity::ofLitersPerKilowattHour, grid.zone(), grid.country())
				.orElseGet(
						() -> new Factor<>(WaterIntensity.ofLitersPerKilowattHour(0),
								new FactorReference(FactorKind.EWIF.name(), grid.zone(), 0, FactorKind.EWIF.unit(),
										"none", "-", "-", "No EWIF is known for zone '" + grid.zone() + "' or country '"
												+ grid.country() + "': off-site water is not estimated",
										DataQuality.DEFAULT_PROXY)));
		});
	}

	@Override
	public Factor<Utilization> defaultUtilization() {
		return memo("UTIL", "DEVICE", null, () -> {
			return required(FactorKind.DEFAULT_UTILIZATION, "DEVICE", Utilization::of);
		});
	}

	@Override
	public Factor<Power> acceleratorIdlePower(String model) {
		return memo("ACC_IDLE", model, null, () -> {
			return required(FactorKind.ACCELERATOR_POWER_IDLE, model, Power::ofWatts);
		});
	}

	@Override
	public Factor<Power> acceleratorMaxPower(String model) {
		return memo("ACC_MAX", model, null, () -> {
			return required(FactorKind.ACCELERATOR_POWER_MAX, model, Power::ofWatts);
		});
	}

	@Override
	public Factor<Power> cpuMinPowerPerVcpu(String microarchitecture) {
		return memo("CPU_MIN", microarchitecture, null, () -> {
			return required(FactorKind.CPU_POWER_MIN, microarchitecture, Power::ofWatts);
		});
	}

	@Override
	public Factor<Power> cpuMaxPowerPerVcpu(String microarchitecture) {
		return memo("CPU_MAX", microarchitecture, null, () -> {
			return required(FactorKind.CPU_POWER_MAX, microarchitecture, Power::ofWatts);
		});
	}

	@Override
	public Factor<Energy> memoryEnergyPerGigabyteHour() {
		return memo("MEM", "DRAM", null, () -> {
			return required(FactorKind.MEMORY_ENERGY, "DRAM", Energy::ofKilowattHours);
		});
	}

	@Override
	public Factor<Energy> storageEnergyPerTerabyteHour(StorageType type) {
		return memo("STORAGE", type, null, () -> {
			return required(FactorKind.STORAGE_ENERGY, type.name(), Energy::ofWattHours);
		});
	}

	@Override
	public Factor<Double> storageReplicationFactor(Location location, StorageType type, @Nullable String service) {
		String provider = (location instanceof Location.CloudRegion cloud) ? cloud.provider() : "own";
		return memo("REPLICATION", provider + "|" + service, null, () -> {
			if (location instanceof Location.CloudRegion cloud) {
				String fallback = cloud.provider() + ":default";
				if (service != null && service.startsWith(cloud.provider() + ":")) {
					return first(FactorKind.REPLICATION_FACTOR, TIMELESS, Double::valueOf, service, fallback)
						.orElseThrow(() -> missing(FactorKind.REPLICATION_FACTOR, fallback,
								"No " + FactorKind.REPLICATION_FACTOR + " factor is known for '" + service + "' or '"
										+ fallback + "'"));
				}
				return required(FactorKind.REPLICATION_FACTOR, fallback, Double::valueOf);
			}
			return new Factor<>(1.0,
					new FactorReference(FactorKind.REPLICATION_FACTOR.name(), "own", 1,
							FactorKind.REPLICATION_FACTOR.unit(), "none", "-", "-",
							"Storage outside a cloud provider counts its stated capacity once (no replication factor)",
							DataQuality.USAGE_ESTIMATE));
		});
	}

	@Override
	public Factor<Energy> networkEnergyPerGigabyte() {
		return memo("NETWORK", "INTER_REGION", null, () -> {
			return required(FactorKind.NETWORK_ENERGY, "INTER_REGION", Energy::ofKilowattHours);
		});
	}

	@Override
	public Optional<EmbodiedFactors> acceleratorEmbodied(String model) {
		return memo("EMBODIED", model, null, () -> this.embodied.accelerator(model));
	}

	@Override
	public Optional<EmbodiedFactors> cloudAcceleratorEmbodied(String model) {
		return memo("EMBODIED_CLOUD_ACC", model, null, () -> this.embodied.cloudAccelerator(model));
	}

	@Override
	public Optional<HostFactors> instanceHostEmbodied(CloudInstance instance) {
		return memo("EMBODIED_HOST", instance, null, () -> this.embodied.host(instance));
	}

	/**
	 * The spend-based factor of a category in the spend's currency: the factor (kg CO2e
	 * per USD) times the annual average exchange rate (USD per unit) of the date's year.
	 * No price-year (inflation) adjustment is made (docs/methodology.md).
	 */
	@Override
	public SpendFactors spendIntensity(String category, String currencyCode, LocalDate date) {
		return memo("SPEND", category + "|" + currencyCode, date, () -> {
			Factor<Double> intensity = first(FactorKind.SPEND_INTENSITY, date, Double::valueOf, category)
				.orElseThrow(() -> missing(FactorKind.SPEND_INTENSITY, category,
						"No spend-based factor is known for category '" + category + "'"));
			if (SPEND_CURRENCY.equals(currencyCode)) {
				return new SpendFactors(intensity.value(), List.of(intensity.reference()));
			}
			Factor<Double> rate = first(FactorKind.EXCHANGE_RATE, date, Double::valueOf, currencyCode).orElseThrow(
					() -> missing(FactorKind.EXCHANGE_RATE, currencyCode,
							"No exchange rate from " + currencyCode + " to " + SPEND_CURRENCY
									+ " is known, so spend in " + currencyCode
									+ " cannot be converted for the spend-based factor (kgCO2e/USD)"));
			return new SpendFactors(intensity.value() * rate.value(), List.of(intensity.reference(), rate.reference()));
		});
	}

	/**
	 * The Electricity Maps zone (or country code) whose grid supplies a location.
	 * @throws MissingFactorException when the location is not given or unknown
	 */
	public String gridZone(Location location) {
		return grid(location).zone();
	}

	/** The grid zone and country of a location. */
	public Grid grid(Location location) {
		return switch (location) {
			case Location.GridZone zone -> new Grid(zone.zone(), countryOf(zone.zone()));
			case Location.Country country -> new Grid(country.code(), country.code());
			case Location.Unspecified unspecified -> throw new MissingFactorException("LOCATION", "-",
					"No location is given, so no grid factor can be chosen");
			case Location.CloudRegion cloud -> this.library.region(cloud.provider(), cloud.region())
				.map(region -> new Grid(region.gridZone(), region.country()))
				.orElseThrow(() -> new MissingFactorException("REGION", cloud.provider() + ":" + cloud.region(),
						"Unknown " + cloud.provider() + " region '" + cloud.region() + "'"));
		};
	}

	private <T> Factor<T> facility(FactorKind kind, Location location, LocalDate date, DoubleFunction<T> type) {
		List<String> keys = new ArrayList<>();
		if (location instanceof Location.CloudRegion cloud) {
			grid(location);
			keys.add(cloud.provider() + ":" + cloud.region());
			keys.add(cloud.provider());
		}
		keys.add(DEFAULT_KEY);
		return first(kind, date, type, keys.toArray(String[]::new))
			.orElseThrow(() -> missing(kind, keys.get(0), "No " + kind + " is known for " + keys.get(0)));
	}

	private <T> Optional<Factor<T>> first(FactorKind kind, LocalDate date, DoubleFunction<T> type, String... keys) {
		for (String key : keys) {
			Optional<FactorMatch> match = match(kind, key, date);
			if (match.isPresent()) {
				return Optional.of(new Factor<>(type.apply(match.get().value().value()), reference(match.get(), date)));
			}
		}
		return Optional.empty();
	}

	private <T> Factor<T> required(FactorKind kind, String key, DoubleFunction<T> type) {
		return first(kind, TIMELESS, type, key)
			.orElseThrow(() -> missing(kind, key, "No " + kind + " factor is known for '" + key + "'"));
	}

	private Optional<FactorMatch> match(FactorKind kind, String key, LocalDate date) {
		return this.library.find(kind, key, date);
	}

	static FactorReference reference(FactorMatch match, LocalDate date) {
		FactorValue value = match.value();
		String validity = match.covering() || date.equals(TIMELESS) ? value.validity()
				: value.validity() + " (latest available for " + date + ")";
		return new FactorReference(value.kind().name(), value.key(), value.value(), value.unit(), value.dataset().id(),
				value.dataset().version(), validity, value.source(), quality(value));
	}

	private static DataQuality quality(FactorValue value) {
		if (value.kind() == FactorKind.SPEND_INTENSITY || value.kind() == FactorKind.EXCHANGE_RATE) {
			return DataQuality.SPEND_ESTIMATE;
		}
		if (DEFAULT_KEY.equalsIgnoreCase(value.key()) || "greenledger-defaults".equals(value.dataset().id())
				|| (value.notes() != null && value.notes().startsWith("DEFAULT"))) {
			return DataQuality.DEFAULT_PROXY;
		}
		return DataQuality.USAGE_ESTIMATE;
	}

	private static String countryOf(String zone) {
		int dash = zone.indexOf('-');
		return (dash > 0) ? zone.substring(0, dash) : zone;
	}

	private static MissingFactorException missing(FactorKind kind, String key, String detail) {
		return new MissingFactorException(kind.name(), key, detail);
	}

	/** A grid zone and its country. */
	public record Grid(String zone, String country) {
	}

}
