package org.greenledger.core.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.catalog.InstanceCatalog;
import org.greenledger.core.catalog.InstanceHours;
import org.greenledger.core.catalog.SpendCategories;
import org.greenledger.core.footprint.DataSize;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.Money;
import org.greenledger.core.footprint.StorageType;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.core.footprint.Usage;

/**
 * Maps a billing row (from any billing reader) to usage lines: instance-hours (through
 * the instance catalog) to vCPU, memory and accelerator hours; storage GB-months and
 * GB-hours to TB-hours; data transfer to GB. Usage rows without a usage mapping (also of
 * unknown providers or regions) become a spend line (billed cost and spend category) for
 * a spend-based estimate. Everything else (taxes, credits, purchases, adjustments,
 * unknown hardware, no positive cost) becomes a cost-only line that says why.
 */
public final class BillingMapper {

	static final double HOURS_PER_MONTH = 730;

	/**
	 * A SKU detail readers set on a row whose usage another row of the same resource
	 * already accounts for (for example a Google VM's memory row, counted with its vCPU
	 * row's instance-hours): such a row stays cost-only, without a spend estimate, so
	 * that nothing is counted twice.
	 */
	public static final String COVERED_BY = "x_GreenLedgerCoveredBy";

	private final InstanceCatalog catalog;

	private final InstanceHours instances;

	private final InstanceResolutions resolutions;

	private final CellMeanings cells;

	private final SpendCategories spendCategories;

	private final StorageServices storageServices;

	private final ServiceFactors serviceFactors;

	/**
	 * @param catalog instance types
	 * @param knownRegion whether a {@code provider:region} is a known cloud region
	 * @param hardware which microarchitectures and accelerators have power data
	 * @param spendCategories the spend category of a service without a usage mapping
	 */
	public BillingMapper(InstanceCatalog catalog, Predicate<String> knownRegion, InstanceHours.Hardware hardware,
			SpendCategories spendCategories) {
		this(catalog, knownRegion, hardware, spendCategories, StorageServices.shipped(), ServiceFactors.NONE);
	}

	/**
	 * @param serviceFactors whether the organisation has an energy factor per unit for a
	 * service and unit ({@link ServiceKeys}); rows of such a service without a usage
	 * mapping become usage lines calculated with it
	 */
	public BillingMapper(InstanceCatalog catalog, Predicate<String> knownRegion, InstanceHours.Hardware hardware,
			SpendCategories spendCategories, ServiceFactors serviceFactors) {
		this(catalog, knownRegion, hardware, spendCategories, StorageServices.shipped(), serviceFactors);
	}

	BillingMapper(InstanceCatalog catalog, Predicate<String> knownRegion, InstanceHours.Hardware hardware,
			SpendCategories spendCategories, StorageServices storageServices) {
		this(catalog, knownRegion, hardware, spendCategories, storageServices, ServiceFactors.NONE);
	}

	private BillingMapper(InstanceCatalog catalog, Predicate<String> knownRegion, InstanceHours.Hardware hardware,
			SpendCategories spendCategories, StorageServices storageServices, ServiceFactors serviceFactors) {
		this.serviceFactors = serviceFactors;
		this.catalog = catalog;
		// the mapper runs on one thread, for one file
		this.instances = new InstanceHours(catalog, hardware.remembered());
		this.resolutions = new InstanceResolutions(this.instances, CACHED);
		this.cells = new CellMeanings(knownRegion);
		this.spendCategories = spendCategories;
		this.storageServices = storageServices;
	}

	public List<SourceLine> map(BillingRow record) {
		String provider = this.cells.provider(record.provider());
		if (!"Usage".equals(record.chargeCategory())) {
			return List.of(costOnly(record, provider, record.chargeCategory() + " charge"));
		}
		String coveredBy = record.skuPriceDetails().get(COVERED_BY);
		if (coveredBy != null) {
			return List.of(costOnly(record, provider, "usage counted with " + coveredBy));
		}
		if (provider == null) {
			return List
				.of(spend(record, record.provider(), new Location.Unspecified(), "no usage mapping for provider '"
						+ (record.provider() != null ? record.provider() : "(none)") + "'"));
		}
		Location location = (record.regionId() != null) ? this.cells.location(provider, record.regionId()) : null;
		if (location == null) {
			return List.of(spend(record, provider, new Location.Unspecified(),
					"unknown or missing region '" + record.regionId() + "'"));
		}
		String unit = this.cells.unit(record.consumedUnit());
		BigDecimal quantity = record.consumedQuantity();
		if (quantity == null || unit == null) {
			return List.of(costOnly(record, provider, "no consumed quantity"));
		}
		double amount = quantity.doubleValue();
		if (amount < 0) {
			return List.of(costOnly(record, provider, "negative consumed quantity"));
		}
		Optional<InstanceTypes.Found> instance = unit.equals("hour")
				? InstanceTypes.of(record, provider, (p, name) -> this.catalog.find(p, name).isPresent())
				: Optional.empty();
		if (instance.isPresent()) {
			return compute(record, provider, location, instance.get(), amount);
		}
		if (unit.equals("gb-month") || unit.equals("gb-hour")) {
			double gbHours = unit.equals("gb-month") ? amount * HOURS_PER_MONTH : amount;
			Storage storage = storage(record, provider);
			Optional<StorageServices.Found> service = storage.service();
			Usage usage = new Usage.StorageHours(DataSize.ofGigabytes(gbHours), TimeSpan.ofHours(1), storage.type(),
					null, service.map(StorageServices.Found::key).orElse(null));
			SourceLine line = line(record, 0, provider, location, usage, "TB-hours");
			return List.of(service.map(found -> line.withUsageSource(storageSource(found))).orElse(line));
		}
		if (unit.equals("gb") && (this.cells.networkCategory(record) || DataTransfers.isTransfer(record))) {
			return List
				.of(line(record, 0, provider, location, new Usage.NetworkTransfer(DataSize.ofGigabytes(amount)), "GB"));
		}
		String serviceKey = ServiceKeys.of(provider, record.consumedUnit(), record.serviceName());
		if (serviceKey != null && this.serviceFactors.has(serviceKey,
				java.time.LocalDate.ofInstant(record.chargePeriodStart(), java.time.ZoneOffset.UTC))) {
			return List.of(line(record, 0, provider, location, new Usage.ServiceUnits(amount, serviceKey),
					record.consumedUnit())
				.withUsageSource("energy per " + record.consumedUnit() + " of " + record.serviceName()
						+ " from the organisation's factor sets"));
		}
		return List.of(spend(record, provider, location, "no usage mapping for " + describe(record)));
	}

	/**
	 * The row's billed cost as spend for a spend-based estimate; a cost-only line saying
	 * why (the reason there is no usage, then why not even spend) when that is not
	 * possible.
	 */
	private SourceLine spend(BillingRow record, @Nullable String provider, Location location, String noUsage) {
		if (record.billedCost().signum() <= 0) {
			return costOnly(record, provider,
					noUsage + "; no spend-based estimate for a billed cost of " + record.billedCost().toPlainString());
		}
		String code = (record.currency() != null) ? record.currency().strip().toUpperCase(Locale.ROOT) : "";
		Currency currency;
		try {
			currency = Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			return costOnly(record, provider,
					noUsage + "; no spend-based estimate without a known billing currency ('" + code + "')");
		}
		Usage usage = new Usage.Spend(new Money(record.billedCost(), currency),
				this.spendCategories.categoryOf(record.serviceName(), record.serviceCategory()));
		return line(record, 0, provider, location, usage, currency.getCurrencyCode());
	}

	/**
	 * The lines of a row of instance-hours, each saying where the instance type was
	 * found; a cost-only line when the type is not mapped.
	 */
	private List<SourceLine> compute(BillingRow record, String provider, Location location, InstanceTypes.Found found,
			double hours) {
		InstanceHours.Mapping mapping = this.instances.map(this.resolutions.of(provider, found.name()), hours);
		if (mapping instanceof InstanceHours.Mapped mapped) {
			String source = usageSource(found);
			List<InstanceHours.Line> each = mapped.lines();
			SourceLine[] lines = new SourceLine[each.size()];
			for (int i = 0; i < lines.length; i++) {
				lines[i] = line(record, i, provider, location, each.get(i).usage(), each.get(i).unit(), source);
			}
			return java.util.Arrays.asList(lines);
		}
		return List.of(costOnly(record, provider, ((InstanceHours.Unmapped) mapping).reason()));
	}

	private static final int CACHED = 10_000;

	private final Map<InstanceTypes.Found, String> usageSources = new HashMap<>();

	/**
	 * "instance type c5.2xlarge from ChargeDescription", one instance per distinct text.
	 */
	private String usageSource(InstanceTypes.Found found) {
		String recent = this.recentSources.get(found.name(), found.from());
		if (recent == null) {
			recent = usageSourceByValue(found);
			this.recentSources.put(found.name(), found.from(), recent);
		}
		return recent;
	}

	private final RecentPairs<String> recentSources = new RecentPairs<>();

	private String usageSourceByValue(InstanceTypes.Found found) {
		if (this.usageSources.size() >= CACHED) {
			this.usageSources.clear();
		}
		return this.usageSources.computeIfAbsent(found,
				each -> "instance type " + each.name() + " from " + each.from());
	}

	/** The storage service and type of a storage row. */
	private record Storage(Optional<StorageServices.Found> service, StorageType type) {
	}

	private final Map<List<@Nullable String>, Storage> storages = new HashMap<>();

	/**
	 * A storage row's service and type, found once per distinct combination of the texts
	 * they are read from (a file repeats a few).
	 */
	private Storage storage(BillingRow record, String provider) {
		List<@Nullable String> texts = usageTexts(record);
		List<@Nullable String> key = new ArrayList<>(texts.size() + 3);
		key.add(provider);
		key.add(record.serviceName());
		key.add(record.skuId());
		key.addAll(texts);
		Storage known = this.storages.get(key);
		if (known == null) {
			known = new Storage(this.storageServices.of(provider, record.serviceName(), texts), storageType(record));
			if (this.storages.size() >= CACHED) {
				this.storages.clear();
			}
			this.storages.put(key, known);
		}
		return known;
	}

	/**
	 * The texts that name what a storage row stores: usage type, meter, SKU description,
	 * charge description (the row's hints), storage class and subcategory.
	 */
	private static List<@Nullable String> usageTexts(BillingRow record) {
		List<@Nullable String> texts = new ArrayList<>(record.hints().values());
		texts.add(record.skuPriceDetails().get("StorageClass"));
		texts.add(record.serviceSubcategory());
		return texts;
	}

	private final Map<StorageServices.Found, String> storageSources = new HashMap<>();

	/**
	 * "storage service aws:s3 (usage 'timedstorage')", one instance per distinct rule.
	 */
	private String storageSource(StorageServices.Found found) {
		if (this.storageSources.size() >= CACHED) {
			this.storageSources.clear();
		}
		return this.storageSources.computeIfAbsent(found, each -> "storage service " + each.key()
				+ (each.usageText().isEmpty() ? " (by service name)" : " (usage '" + each.usageText() + "')"));
	}

	private static StorageType storageType(BillingRow record) {
		String hints = (String.valueOf(record.skuPriceDetails().get("StorageClass")) + " " + record.serviceName() + " "
				+ record.serviceSubcategory() + " " + record.skuId())
			.toLowerCase(Locale.ROOT);
		boolean hdd = hints.contains("hdd") || hints.contains("st1") || hints.contains("sc1")
				|| hints.contains("object") || hints.contains("s3") || hints.contains("blob")
				|| hints.contains("cloud storage") || hints.contains("archive") || hints.contains("glacier")
				|| hints.contains("cold") || hints.contains("nearline");
		return hdd ? StorageType.HDD : StorageType.SSD;
	}

	static @Nullable String normalizedUnit(@Nullable String unit) {
		if (unit == null) {
			return null;
		}
		String value = unit.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "-");
		return switch (value) {
			case "hour", "hours", "hrs", "hr", "h", "1hour" -> "hour";
			case "gb-mo", "gb-month", "gb-months", "gbmonth", "gib-mo", "gib-month", "gib-months", "gbmo", "1gb/month",
					"gb/month", "gib/month", "gb/mo" ->
				"gb-month";
			case "gb-hour", "gb-hours", "gib-hour", "gib-hours", "gbhour" -> "gb-hour";
			case "gb", "gib", "gigabyte", "gigabytes", "1gb" -> "gb";
			default -> value;
		};
	}

	static @Nullable String provider(@Nullable String name) {
		if (name == null) {
			return null;
		}
		String value = name.toLowerCase(Locale.ROOT);
		if (value.equals("aws") || value.contains("amazon")) {
			return "aws";
		}
		if (value.equals("gcp") || value.contains("google")) {
			return "gcp";
		}
		if (value.contains("azure") || value.contains("microsoft")) {
			return "azure";
		}
		return null;
	}

	private static String describe(BillingRow record) {
		return (record.serviceName() != null ? record.serviceName() : "service (none)") + " in "
				+ (record.consumedUnit() != null ? record.consumedUnit() : "(no unit)");
	}

	private static SourceLine line(BillingRow record, int line, @Nullable String provider, Location location,
			Usage usage, String unit) {
		return line(record, line, provider, location, usage, unit, null);
	}

	private static SourceLine line(BillingRow record, int line, @Nullable String provider, Location location,
			Usage usage, String unit, @Nullable String usageSource) {
		boolean first = line == 0;
		return new SourceLine(record.row(), line, usage, unit, location, null, record.chargePeriodStart(),
				record.chargePeriodEnd(), provider, record.subAccountId(), record.regionId(), record.serviceName(),
				record.serviceCategory(), record.chargeCategory(), first ? record.billedCost() : BigDecimal.ZERO,
				first ? record.effectiveCost() : null, record.currency(), record.tags(), usageSource);
	}

	/**
	 * A cost-only line; its provider is the normalized one, or the file's own name for a
	 * provider without a usage mapping (as spend lines have it), so that a corrected
	 * re-export replaces it like the provider's other rows.
	 */
	private static SourceLine costOnly(BillingRow record, @Nullable String provider, String reason) {
		return new SourceLine(record.row(), 0, null, null, null, reason, record.chargePeriodStart(),
				record.chargePeriodEnd(), (provider != null) ? provider : record.provider(), record.subAccountId(),
				record.regionId(), record.serviceName(), record.serviceCategory(), record.chargeCategory(),
				record.billedCost(), record.effectiveCost(), record.currency(), record.tags());
	}

}
