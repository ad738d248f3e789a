package org.greenledger.reduction;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.MissingFactorException;
import org.greenledger.ingestion.GridHours;
import org.springframework.stereotype.Service;

/**
 * Where and when the grid is cleanest: for each region the window of the wanted length
 * with the lowest mean grid intensity, from the imported hourly data where every hour is
 * there and the factor library's yearly value for the hours that are not.
 */
@Service
public class CarbonAwareSignal {

	private static final Duration HOUR = Duration.ofHours(1);

	private final LibraryFactorLookup factors;

	private final GridHours grid;

	CarbonAwareSignal(LibraryFactorLookup factors, GridHours grid) {
		this.factors = factors;
		this.grid = grid;
	}

	/**
	 * Each region's best window, the best first.
	 * @param regions provider and region code each
	 * @param from the earliest start (whole hour, UTC)
	 * @param to the latest end
	 * @param hours the window's length in hours
	 */
	public List<Window> best(List<Location.CloudRegion> regions, Instant from, Instant to, int hours) {
		List<Window> windows = new ArrayList<>();
		for (Location.CloudRegion region : regions) {
			windows.add(best(region, from, to, hours));
		}
		windows.sort(Comparator.comparingDouble(Window::gramsPerKwh).thenComparing(Window::start));
		return windows;
	}

	private Window best(Location.CloudRegion region, Instant from, Instant to, int hours) {
		String zone = this.factors.gridZone(region);
		Map<Instant, Double> imported = new HashMap<>();
		for (GridHours.Hour hour : this.grid.hours(zone, from, to)) {
			imported.put(hour.start(), hour.gramsPerKwh());
		}
		int count = (int) Duration.between(from, to).dividedBy(HOUR);
		double[] values = new double[count];
		boolean[] hourly = new boolean[count];
		Map<LocalDate, Double> yearly = new HashMap<>();
		for (int i = 0; i < count; i++) {
			Instant start = from.plus(HOUR.multipliedBy(i));
			Double value = imported.get(start);
			hourly[i] = value != null;
			values[i] = (value != null) ? value : yearly.computeIfAbsent(LocalDate.ofInstant(start, ZoneOffset.UTC),
					date -> this.factors.gridIntensity(region, date).value().gramsPerKilowattHour());
		}
		int bestStart = 0;
		double bestSum = Double.POSITIVE_INFINITY;
		double sum = 0;
		for (int i = 0; i < count; i++) {
			sum += values[i];
			if (i >= hours) {
				sum -= values[i - hours];
			}
			if (i >= hours - 1 && sum < bestSum - 1e-9) {
				bestSum = sum;
				bestStart = i - hours + 1;
			}
		}
		int importedHours = 0;
		for (int i = bestStart; i < bestStart + hours; i++) {
			importedHours += hourly[i] ? 1 : 0;
		}
		return new Window(region.provider() + ":" + region.region(), zone, from.plus(HOUR.multipliedBy(bestStart)),
				Duration.ofHours(hours), bestSum / hours, importedHours, hours - importedHours);
	}

	/** Whether the factor library knows a region's grid. */
	public boolean knows(Location.CloudRegion region) {
		try {
			this.factors.gridZone(region);
			return true;
		}
		catch (MissingFactorException ex) {
			return false;
		}
	}

	/**
	 * A region's cleanest window.
	 *
	 * @param location {@code provider:region}
	 * @param gridZone the grid zone the region draws from
	 * @param gramsPerKwh the window's mean life-cycle grid intensity
	 * @param hourlyHours hours of the window with imported hourly data
	 * @param yearlyHours hours of the window at the yearly average (no hourly data)
	 */
	public record Window(String location, String gridZone, Instant start, Duration duration, double gramsPerKwh,
			int hourlyHours, int yearlyHours) {
	}

}
