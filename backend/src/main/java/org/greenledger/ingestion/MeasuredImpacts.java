package org.greenledger.ingestion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.factors.CloudRegion;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.ActivityRecord;
import org.greenledger.core.footprint.CarbonIntensity;
import org.greenledger.core.footprint.DataQuality;
import org.greenledger.core.footprint.DelegatingFactorLookup;
import org.greenledger.core.footprint.Energy;
import org.greenledger.core.footprint.Factor;
import org.greenledger.core.footprint.FactorLookup;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.MissingFactorException;
import org.greenledger.core.footprint.PowerUsageEffectiveness;
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.core.footprint.Usage;
import org.greenledger.core.footprint.WaterIntensity;
import org.greenledger.core.measured.CodeCarbonRun;
import org.greenledger.core.measured.MeasuredLine;
import org.greenledger.core.measured.SeriesLabels;
import org.greenledger.core.measured.Quantity;
import org.greenledger.sites.Site;
import org.greenledger.sites.SiteMonth;
import org.greenledger.sites.SiteMonths;

/**
 * The impacts of a measured energy line (methodology sections 2, 3 and 5): the energy as
 * measured; PUE from the site's metered month when known, else the factor library;
 * location-based CO2e with the zone's imported hourly intensity when it covers the line,
 * else the yearly average; water on site (WUE) and off site (EWIF); and, for GPU
 * telemetry, the amortized embodied emissions of the GPU for the time measured.
 */
final class MeasuredImpacts {

	private static final Map<String, String> ISO3_TO_ISO2 = new HashMap<>();

	static {
		for (String iso2 : Locale.getISOCountries()) {
			ISO3_TO_ISO2.put(Locale.of("", iso2).getISO3Country(), iso2);
		}
	}

	private final FactorLookup factors;

	private final LibraryFactorLookup library;

	private final FactorLibrary catalog;

	private final HourlyGrid hourly;

	private final SiteMonths siteMonths;

	private final Map<String, Optional<SiteMonth>> measuredMonths = new HashMap<>();

	MeasuredImpacts(FactorLookup factors, LibraryFactorLookup library, FactorLibrary catalog, HourlyGrid hourly,
			SiteMonths siteMonths) {
		this.factors = factors;
		this.library = library;
		this.catalog = catalog;
		this.hourly = hourly;
		this.siteMonths = siteMonths;
	}

	/**
	 * The result for one line: impacts, or none for lines that carry only their amount.
	 */
	record Result(@Nullable ImpactLine impacts, boolean hourly, double acceleratorHours) {

		static final Result NONE = new Result(null, false, 0);

	}

	Result calculate(ResolvedSeries series, MeasuredLine line) {
		if (series.series().quantity() != Quantity.ENERGY || series.treatment() == MeasuredTreatment.SUB_METER
				|| series.treatment() == MeasuredTreatment.SITE_RESOURCE) {
			return Result.NONE;
		}
		CodeCarbonRun run = line.run();
		Location location = (run != null && series.site() == null) ? location(run) : series.location();
		if (location == null) {
			throw new MissingFactorException("LOCATION", "-", "no location");
		}
		boolean facilityLevel;
		double kwh = line.amount();
		if (series.treatment() == MeasuredTreatment.FACILITY_ELECTRICITY) {
			facilityLevel = true;
		}
		else if (run != null) {
			// energy_consumed includes the file's PUE when the file has one; a
			// machine off the cloud without one is a workstation or own server: no
			// data-centre overhead
			facilityLevel = run.pue() != null || !Boolean.TRUE.equals(run.onCloud());
		}
		else {
			facilityLevel = false;
		}
		LocalDate date = Instant.ofEpochMilli(line.startMillis()).atZone(ZoneOffset.UTC).toLocalDate();
		LocalDate last = Instant.ofEpochMilli(Math.max(line.startMillis(), line.endMillis() - 1))
			.atZone(ZoneOffset.UTC)
			.toLocalDate();
		Optional<Factor<CarbonIntensity>> hourlyIntensity = zone(location)
			.flatMap(zone -> this.hourly.intensity(zone, line.startMillis(), line.endMillis()));
		SiteMonth measured = (series.site() != null && !facilityLevel) ? measured(series.site(), date) : null;
		Scope scope = (series.treatment() == MeasuredTreatment.FACILITY_ELECTRICITY) ? Scope.SCOPE_2
				: Scope.SCOPE_3_CATEGORY_1;
		FactorLookup lookup = new LineFactors(this.factors, hourlyIntensity.orElse(null), series.site(), measured);
		ImpactLine impacts = new FootprintEngine(lookup)
			.calculate(new ActivityRecord(new Usage.MeasuredEnergy(Energy.ofKilowattHours(kwh), facilityLevel), date,
					last, location, scope, Map.of(), null));
		double acceleratorHours = 0;
		String model = series.series().label(SeriesLabels.MODEL);
		boolean gpu = series.series().label(SeriesLabels.GPU) != null
				|| series.series().label(SeriesLabels.GPU_UUID) != null;
		if (series.treatment() == MeasuredTreatment.WORKLOAD_IT && gpu) {
			acceleratorHours = (line.endMillis() - line.startMillis()) / 3_600_000.0;
			String key = GpuModels.libraryKey(model);
			Optional<FactorLookup.EmbodiedFactors> embodied = this.factors.acceleratorEmbodied(key);
			if (embodied.isPresent()) {
				FactorLookup.Amortized mass = embodied.get().forAcceleratorHours(TimeSpan.ofHours(acceleratorHours));
				List<FactorReference> used = new java.util.ArrayList<>(impacts.factors());
				used.addAll(embodied.get().references());
				impacts = new ImpactLine(impacts.itEnergy(), impacts.facilityEnergy(), impacts.locationBased(),
						impacts.marketBased(), impacts.marketFallsBackToLocation(), mass.value(), impacts.waterOnSite(),
						impacts.waterOffSite(), impacts.scope(), impacts.quality(), used, impacts.methodVersion(),
						mass.range());
			}
		}
		if (SeriesLabels.UNIT_ASSUMED.equals(series.series().label(SeriesLabels.UNIT))) {
			// the amount rests on a default unit, not on the file: a default (tier 5)
			impacts = new ImpactLine(impacts.itEnergy(), impacts.facilityEnergy(), impacts.locationBased(),
					impacts.marketBased(), impacts.marketFallsBackToLocation(), impacts.embodied(),
					impacts.waterOnSite(), impacts.waterOffSite(), impacts.scope(),
					impacts.quality().worse(DataQuality.DEFAULT_PROXY), impacts.factors(), impacts.methodVersion());
		}
		return new Result(impacts, hourlyIntensity.isPresent(), acceleratorHours);
	}

	private Optional<String> zone(Location location) {
		try {
			return Optional.of(this.library.gridZone(location));
		}
		catch (MissingFactorException ex) {
			return Optional.empty();
		}
	}

	private @Nullable SiteMonth measured(Site site, LocalDate date) {
		YearMonth month = YearMonth.from(date);
		return this.measuredMonths
			.computeIfAbsent(site.id() + "|" + month,
					key -> Optional.of(this.siteMonths.months(site, month, month).get(0)))
			.orElse(null);
	}

	/**
	 * Where a CodeCarbon run drew its electricity: its cloud region, else its country.
	 */
	@Nullable Location location(CodeCarbonRun run) {
		if (Boolean.TRUE.equals(run.onCloud()) && run.cloudProvider() != null && run.cloudRegion() != null) {
			String provider = run.cloudProvider().strip().toLowerCase(Locale.ROOT);
			Optional<CloudRegion> region = this.catalog.region(provider, run.cloudRegion().strip());
			if (region.isPresent()) {
				return new Location.CloudRegion(region.get().provider(), region.get().region());
			}
		}
		if (run.countryIso3() != null) {
			String iso2 = ISO3_TO_ISO2.get(run.countryIso3().strip().toUpperCase(Locale.ROOT));
			if (iso2 != null) {
				return new Location.Country(iso2);
			}
		}
		return null;
	}

	/** The factors of one line: hourly intensity and the site's metered PUE and WUE. */
	private static final class LineFactors extends DelegatingFactorLookup {

		private final @Nullable Factor<CarbonIntensity> hourly;

		private final @Nullable Site site;

		private final @Nullable SiteMonth measured;

		LineFactors(FactorLookup delegate, @Nullable Factor<CarbonIntensity> hourly, @Nullable Site site,
				@Nullable SiteMonth measured) {
			super(delegate);
			this.hourly = hourly;
			this.site = site;
			this.measured = measured;
		}

		@Override
		public Factor<CarbonIntensity> gridIntensity(Location location, LocalDate date) {
			return (this.hourly != null) ? this.hourly : super.gridIntensity(location, date);
		}

		@Override
		public Factor<PowerUsageEffectiveness> pue(Location location, LocalDate date) {
			if (this.measured != null && this.measured.pue() != null && this.site != null) {
				double pue = this.measured.pue();
				return new Factor<>(PowerUsageEffectiveness.of(pue),
						new FactorReference("PUE", this.site.code(), pue, "ratio", "site-meters",
								this.measured.month().toString(), this.measured.month().toString(),
								"Measured at site " + this.site.code()
										+ ": (facility-total + on-site renewable) / IT-load metered energy of the month"
										+ " (ISO/IEC 30134-2)",
								DataQuality.METERED));
			}
			return super.pue(location, date);
		}

		@Override
		public Factor<WaterIntensity> wue(Location location, LocalDate date) {
			if (this.measured != null && this.measured.wue() != null && this.site != null) {
				double wue = this.measured.wue();
				return new Factor<>(WaterIntensity.ofLitersPerKilowattHour(wue),
						new FactorReference("WUE", this.site.code(), wue, "L/kWh", "site-meters",
								this.measured.month().toString(), this.measured.month().toString(),
								"Measured at site " + this.site.code()
										+ ": water-intake / IT-load metered amounts of the month (ISO/IEC 30134-9)",
								DataQuality.METERED));
			}
			return super.wue(location, date);
		}

	}

}
