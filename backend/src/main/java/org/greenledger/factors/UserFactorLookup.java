package org.greenledger.factors;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;

import org.greenledger.core.factors.FactorKind;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.CarbonIntensity;
import org.greenledger.core.footprint.DataQuality;
import org.greenledger.core.footprint.DelegatingFactorLookup;
import org.greenledger.core.footprint.Energy;
import org.greenledger.core.footprint.Factor;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.PowerUsageEffectiveness;
import org.greenledger.core.footprint.WaterIntensity;

/**
 * The organisation's factor sets over the shipped library: for a location and date, the
 * most specific covering value (region, zone, country, provider, organisation) wins;
 * otherwise the library answers.
 */
public final class UserFactorLookup extends DelegatingFactorLookup {

	private static final Comparator<UserFactor> PREFERENCE = Comparator
		.comparing((UserFactor factor) -> factor.scope().type())
		.reversed()
		.thenComparing(factor -> (factor.validFrom() != null) ? factor.validFrom() : LocalDate.MIN)
		.thenComparing(UserFactor::recordedAt);

	private final LibraryFactorLookup library;

	private final List<UserFactor> factors;

	public UserFactorLookup(LibraryFactorLookup library, List<UserFactor> factors) {
		super(library);
		this.library = library;
		this.factors = List.copyOf(factors);
	}

	@Override
	public Factor<PowerUsageEffectiveness> pue(Location location, LocalDate date) {
		return own(FactorKind.PUE, location, date, PowerUsageEffectiveness::of)
			.orElseGet(() -> this.library.pue(location, date));
	}

	@Override
	public Factor<CarbonIntensity> gridIntensity(Location location, LocalDate date) {
		return own(FactorKind.GRID_INTENSITY, location, date, CarbonIntensity::ofGramsPerKilowattHour)
			.orElseGet(() -> this.library.gridIntensity(location, date));
	}

	@Override
	public Optional<Factor<CarbonIntensity>> marketIntensity(Location location, LocalDate date) {
		return own(FactorKind.MARKET_INTENSITY, location, date, CarbonIntensity::ofGramsPerKilowattHour)
			.or(() -> this.library.marketIntensity(location, date));
	}

	@Override
	public Factor<WaterIntensity> wue(Location location, LocalDate date) {
		return own(FactorKind.WUE, location, date, WaterIntensity::ofLitersPerKilowattHour)
			.orElseGet(() -> this.library.wue(location, date));
	}

	@Override
	public Factor<WaterIntensity> ewif(Location location, LocalDate date) {
		return own(FactorKind.EWIF, location, date, WaterIntensity::ofLitersPerKilowattHour)
			.orElseGet(() -> this.library.ewif(location, date));
	}

	@Override
	public Optional<Factor<Energy>> serviceEnergyPerUnit(String key, LocalDate date) {
		return this.factors.stream()
			.filter(factor -> factor.kind() == FactorKind.SERVICE_ENERGY && factor.covers(date)
					&& factor.scope().names(key))
			.max(PREFERENCE)
			.map(factor -> new Factor<>(Energy.ofKilowattHours(factor.value()),
					new FactorReference(FactorKind.SERVICE_ENERGY.name(), factor.scope().toString(), factor.value(),
							FactorKind.SERVICE_ENERGY.unit(), "factor-set:" + factor.setName(), "v" + factor.version(),
							factor.validity(), factor.source(), DataQuality.SUPPLIER_REPORTED)));
	}

	/** Whether a service and unit has an energy factor per unit valid on a day. */
	public boolean hasServiceEnergy(String key, LocalDate date) {
		return serviceEnergyPerUnit(key, date).isPresent();
	}

	private <T> Optional<Factor<T>> own(FactorKind kind, Location location, LocalDate date, DoubleFunction<T> type) {
		if (this.factors.isEmpty()) {
			return Optional.empty();
		}
		LibraryFactorLookup.Grid grid = (location instanceof Location.Unspecified)
				? new LibraryFactorLookup.Grid("-", "-") : this.library.grid(location);
		return this.factors.stream()
			.filter(factor -> factor.kind() == kind && factor.covers(date)
					&& factor.scope().covers(location, grid.zone(), grid.country()))
			.max(PREFERENCE)
			.map(factor -> new Factor<>(type.apply(factor.value()),
					new FactorReference(kind.name(), factor.scope().toString(), factor.value(), kind.unit(),
							"factor-set:" + factor.setName(), "v" + factor.version(), factor.validity(),
							factor.source(), DataQuality.SUPPLIER_REPORTED)));
	}

}
