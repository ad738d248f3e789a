package org.greenledger.sites;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.greenledger.core.factors.FactorKind;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.factors.FactorMatch;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.CarbonIntensity;
import org.greenledger.core.footprint.Factor;
import org.greenledger.factors.FactorSets;
import org.greenledger.factors.UserFactorLookup;
import org.greenledger.ledger.MeasuredMonths;
import org.greenledger.periods.PeriodLocks;
import org.greenledger.periods.ReportingPeriod;

import org.springframework.stereotype.Service;

import org.greenledger.core.measured.MeterRole;

/**
 * A site's measured months: energy by meter role, PUE and WUE, Scope 1 from generator
 * fuel and Scope 2 location- and market-based. Meter lines spanning months are shared
 * between them by time.
 */
@Service
public class SiteMonths {

	/** The fuel the generator-fuel meters measure. */
	static final String DIESEL = "diesel";

	private final MeasuredMonths measuredMonths;

	private final Sites sites;

	private final FactorLibrary library;

	private final LibraryFactorLookup lookup;

	private final FactorSets factorSets;

	private final PeriodLocks locks;

	SiteMonths(MeasuredMonths measuredMonths, Sites sites, FactorLibrary library, LibraryFactorLookup lookup,
			FactorSets factorSets, PeriodLocks locks) {
		this.locks = locks;
		this.measuredMonths = measuredMonths;
		this.sites = sites;
		this.library = library;
		this.lookup = lookup;
		this.factorSets = factorSets;
	}

	/** The months from {@code from} to {@code to}, both included, oldest first. */
	public List<SiteMonth> months(Site site, YearMonth from, YearMonth to) {
		YearMonth first = from.minusMonths(11);
		Map<YearMonth, Map<MeterRole, Sums>> sums = sums(site, first, to);
		List<Instrument> instruments = this.sites.instruments(site.id())
			.stream()
			.filter(instrument -> instrument.supersededBy() == null)
			.toList();
		UserFactorLookup current = new UserFactorLookup(this.lookup, this.factorSets.active());
		List<ReportingPeriod> locked = this.locks.locked();
		Map<Instant, UserFactorLookup> approved = new TreeMap<>();
		List<SiteMonth> months = new ArrayList<>();
		for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
			Optional<Instant> lockedAt = lockedAt(locked, month);
			UserFactorLookup factors = lockedAt
				.map(at -> approved.computeIfAbsent(at,
						key -> new UserFactorLookup(this.lookup, this.factorSets.activeAt(key))))
				.orElse(current);
			months.add(month(site, month, sums, instruments, factors));
		}
		return months;
	}

	/**
	 * When a locked reporting period holds days of the month: the moment the first of
	 * them was approved. The month is then calculated with the factor set values of that
	 * moment, so that a later version does not change an approved figure.
	 */
	private static Optional<Instant> lockedAt(List<ReportingPeriod> locked, YearMonth month) {
		return locked.stream()
			.filter(period -> period.covers(month.atDay(1), month.atEndOfMonth()) && period.approvedAt() != null)
			.map(ReportingPeriod::approvedAt)
			.min(Instant::compareTo);
	}

	private SiteMonth month(Site site, YearMonth month, Map<YearMonth, Map<MeterRole, Sums>> sums,
			List<Instrument> instruments, UserFactorLookup factors) {
		Map<MeterRole, Sums> roles = sums.getOrDefault(month, Map.of());
		Sums facility = roles.getOrDefault(MeterRole.FACILITY_TOTAL, Sums.NONE);
		Sums it = roles.getOrDefault(MeterRole.IT_LOAD, Sums.NONE);
		Sums water = roles.getOrDefault(MeterRole.WATER_INTAKE, Sums.NONE);
		Sums fuel = roles.getOrDefault(MeterRole.GENERATOR_FUEL, Sums.NONE);
		Sums heat = roles.getOrDefault(MeterRole.WASTE_HEAT_REUSED, Sums.NONE);
		double onSite = roles.getOrDefault(MeterRole.ON_SITE_RENEWABLE, Sums.NONE).amount();
		List<String> used = new ArrayList<>();
		double scope1 = 0;
		if (fuel.amount() > 0) {
			FactorMatch diesel = this.library.find(FactorKind.FUEL_COMBUSTION, DIESEL, month.atDay(1))
				.orElseThrow(() -> new IllegalStateException("The factor library has no diesel combustion factor"));
			scope1 = fuel.amount() * diesel.value().value();
			used.add(describe(diesel));
		}
		MarketResult market = market(site, month, facility, instruments, factors, used);
		List<SiteMonth.RoleCoverage> coverage = new ArrayList<>();
		roles.forEach((role, sum) -> coverage.add(new SiteMonth.RoleCoverage(role, sum.meters(), sum.hours())));
		return new SiteMonth(month, facility.amount(), it.amount(),
				roles.getOrDefault(MeterRole.COOLING, Sums.NONE).amount(), water.amount(), fuel.amount(),
				pue(facility.amount(), onSite, it.amount()), trailingPue(month, sums),
				ratio(water.amount(), it.amount()), scope1, facility.locationKg(), market.kilograms(),
				(facility.amount() > 0) ? facility.hourlyAmount() / facility.amount() : 0, market.basis(), coverage,
				used, heat.amount(), (heat.weightedKwh() > 0) ? heat.degreeKwh() / heat.weightedKwh() : null, onSite);
	}

	/**
	 * Market-based Scope 2 (GHG Protocol Scope 2 Guidance): instruments for an amount
	 * cover the month's electricity up to its consumption, each allocated to the month by
	 * the share of its period the month takes; the rest takes the supplier-specific rate,
	 * else the residual mix recorded for the site, else a market factor of the library or
	 * the organisation's factor sets, else the location-based intensity of the month
	 * (flagged).
	 */
	private MarketResult market(Site site, YearMonth month, Sums facility, List<Instrument> instruments,
			UserFactorLookup factors, List<String> used) {
		double consumption = facility.amount();
		LocalDate start = month.atDay(1);
		LocalDate end = month.atEndOfMonth();
		List<Instrument> overlapping = instruments.stream()
			.filter(instrument -> !instrument.periodStart().isAfter(end) && !instrument.periodEnd().isBefore(start))
			.sorted(java.util.Comparator.comparing(Instrument::periodStart).thenComparing(Instrument::createdAt))
			.toList();
		double covered = 0;
		double zeroRate = 0;
		double allocatedTotal = 0;
		double kilograms = 0;
		List<String> ids = new ArrayList<>();
		for (Instrument instrument : overlapping) {
			if (!instrument.kind().coversAnAmount() || instrument.energyMwh() == null) {
				continue;
			}
			double share = overlapDays(instrument, start, end)
					/ (double) (ChronoUnit.DAYS.between(instrument.periodStart(), instrument.periodEnd()) + 1);
			double allocated = instrument.energyMwh() * 1000 * share;
			allocatedTotal += allocated;
			double applied = Math.min(allocated, consumption - covered);
			if (applied > 0) {
				covered += applied;
				zeroRate += (instrument.kgCo2ePerKwh() == 0) ? applied : 0;
				kilograms += applied * instrument.kgCo2ePerKwh();
				ids.add(instrument.id().toString());
			}
		}
		double remainder = consumption - covered;
		String basis;
		Optional<Instrument> supplier = first(overlapping, InstrumentKind.SUPPLIER_SPECIFIC);
		Optional<Instrument> residual = first(overlapping, InstrumentKind.RESIDUAL_MIX);
		if (supplier.isPresent()) {
			basis = "SUPPLIER_SPECIFIC";
			kilograms += remainder * supplier.get().kgCo2ePerKwh();
			ids.add(supplier.get().id().toString());
		}
		else if (residual.isPresent()) {
			basis = "RESIDUAL_MIX";
			kilograms += remainder * residual.get().kgCo2ePerKwh();
			ids.add(residual.get().id().toString());
		}
		else {
			Optional<Factor<CarbonIntensity>> factor = factors.marketIntensity(site.location(), start);
			if (factor.isPresent()) {
				basis = "MARKET_FACTOR";
				kilograms += remainder * factor.get().value().gramsPerKilowattHour() / 1000;
				used.add(factor.get().reference().toString());
			}
			else {
				basis = "LOCATION_FALLBACK";
				kilograms += (consumption > 0) ? remainder * facility.locationKg() / consumption : 0;
			}
		}
		return new MarketResult(kilograms,
				new SiteMonth.MarketBasis(covered, zeroRate, Math.max(0, allocatedTotal - covered), basis, ids));
	}

	private static Optional<Instrument> first(List<Instrument> instruments, InstrumentKind kind) {
		return instruments.stream().filter(instrument -> instrument.kind() == kind).findFirst();
	}

	private static long overlapDays(Instrument instrument, LocalDate start, LocalDate end) {
		LocalDate from = instrument.periodStart().isAfter(start) ? instrument.periodStart() : start;
		LocalDate to = instrument.periodEnd().isBefore(end) ? instrument.periodEnd() : end;
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	private static Double trailingPue(YearMonth month, Map<YearMonth, Map<MeterRole, Sums>> sums) {
		double facility = 0;
		double onSite = 0;
		double it = 0;
		for (int back = 0; back < 12; back++) {
			Map<MeterRole, Sums> roles = sums.get(month.minusMonths(back));
			if (roles == null || !roles.containsKey(MeterRole.FACILITY_TOTAL)
					|| !roles.containsKey(MeterRole.IT_LOAD)) {
				return null;
			}
			facility += roles.get(MeterRole.FACILITY_TOTAL).amount();
			onSite += roles.getOrDefault(MeterRole.ON_SITE_RENEWABLE, Sums.NONE).amount();
			it += roles.get(MeterRole.IT_LOAD).amount();
		}
		return pue(facility, onSite, it);
	}

	/**
	 * PUE (ISO/IEC 30134-2, EN 50600-4-2): total facility energy / IT energy, where the
	 * total is the grid electricity of the facility-total meters plus the on-site
	 * renewable generation consumed (metered at the generator's output, so not in the
	 * grid meter); null without facility or IT readings.
	 */
	private static Double pue(double facilityKwh, double onSiteKwh, double itKwh) {
		return (facilityKwh > 0) ? ratio(facilityKwh + onSiteKwh, itKwh) : null;
	}

	private static Double ratio(double numerator, double denominator) {
		return (numerator > 0 && denominator > 0) ? numerator / denominator : null;
	}

	private static String describe(FactorMatch match) {
		var value = match.value();
		return value.kind() + " " + value.key() + " = " + value.value() + " " + value.unit() + " ("
				+ value.dataset().id() + " " + value.dataset().version() + ": " + value.source() + ")";
	}

	private Map<YearMonth, Map<MeterRole, Sums>> sums(Site site, YearMonth from, YearMonth to) {
		Map<UUID, Meter> meters = new HashMap<>();
		this.sites.meters(site.id()).forEach(meter -> meters.put(meter.id(), meter));
		Map<YearMonth, Map<MeterRole, Sums>> sums = new TreeMap<>();
		for (MeasuredMonths.MeterMonth month : this.measuredMonths.byMeter(site.id(), from, to)) {
			Meter meter = meters.get(month.meterId());
			if (meter != null) {
				Double temperature = meter.temperatureC();
				sums.computeIfAbsent(month.month(), key -> new EnumMap<>(MeterRole.class))
					.merge(meter.role(),
							new Sums(month.amount(), 1, month.hours(), month.locationKg(), month.hourlyAmount(),
									(temperature != null) ? month.amount() * temperature : 0,
									(temperature != null) ? month.amount() : 0),
							Sums::plus);
			}
		}
		return sums;
	}

	/**
	 * A role's sums of a month; {@code degreeKwh} and {@code weightedKwh} are the amount
	 * x temperature and the amount of the meters with a registered temperature.
	 */
	private record Sums(double amount, int meters, double hours, double locationKg, double hourlyAmount,
			double degreeKwh, double weightedKwh) {

		static final Sums NONE = new Sums(0, 0, 0, 0, 0, 0, 0);

		Sums plus(Sums other) {
			return new Sums(this.amount + other.amount, this.meters + other.meters, this.hours + other.hours,
					this.locationKg + other.locationKg, this.hourlyAmount + other.hourlyAmount,
					this.degreeKwh + other.degreeKwh, this.weightedKwh + other.weightedKwh);
		}

	}

	private record MarketResult(double kilograms, SiteMonth.MarketBasis basis) {
	}

}
