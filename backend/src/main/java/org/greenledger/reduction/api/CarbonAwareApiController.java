package org.greenledger.reduction.api;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.greenledger.core.footprint.Location;
import org.greenledger.reduction.CarbonAwareSignal;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The carbon-aware signal, answered like the Green Software Foundation Carbon Aware SDK's
 * {@code /emissions/bylocations/best}: an array of emissions data (location, time,
 * rating, duration), the best first.
 */
@RestController
@Tag(name = "Carbon-aware", description = "Where and when the grid is cleanest, for schedulers")
class CarbonAwareApiController {

	static final int MAX_REGIONS = 50;

	static final int MAX_DAYS = 31;

	private final CarbonAwareSignal signal;

	CarbonAwareApiController(CarbonAwareSignal signal) {
		this.signal = signal;
	}

	@GetMapping("/api/v1/carbon-aware/best")
	@Operation(summary = "The region and start time with the lowest expected grid intensity",
			description = "Each region's cleanest window of durationHours within [from, to), the best first, in the"
					+ " shape of the Carbon Aware SDK's EmissionsData (rating in g CO2e/kWh, duration hh:mm:ss);"
					+ " hourly intensities where imported, the factor library's yearly value for other hours.")
	List<EmissionsData> best(@RequestParam String regions,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "1") int durationHours) {
		List<FieldProblem> problems = new ArrayList<>();
		List<Location.CloudRegion> locations = new ArrayList<>();
		String[] names = regions.split(",");
		if (names.length > MAX_REGIONS) {
			problems.add(new FieldProblem("regions", "at most " + MAX_REGIONS + " regions"));
		}
		for (String name : names) {
			String[] parts = name.strip().split(":", 2);
			Location.CloudRegion region = (parts.length == 2)
					? new Location.CloudRegion(parts[0].strip().toLowerCase(java.util.Locale.ROOT), parts[1].strip())
					: null;
			if (region == null || !this.signal.knows(region)) {
				problems.add(new FieldProblem("regions", "'" + name.strip()
						+ "' is not a provider:region the factor library knows (e.g. aws:eu-north-1)"));
			}
			else {
				locations.add(region);
			}
		}
		Instant start = from.truncatedTo(ChronoUnit.HOURS);
		long hours = Duration.between(start, to).toHours();
		if (!to.isAfter(from) || Duration.between(from, to).toDays() > MAX_DAYS) {
			problems.add(new FieldProblem("to", "after from, at most " + MAX_DAYS + " days after it"));
		}
		else if (durationHours < 1 || durationHours > hours) {
			problems.add(new FieldProblem("durationHours",
					"at least 1 and at most the " + hours + " whole hours from the start of from's hour to to"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		return this.signal.best(locations, start, start.plus(Duration.ofHours(hours)), durationHours)
			.stream()
			.map(window -> new EmissionsData(window.location(), window.start(), window.gramsPerKwh(),
					timespan(window.duration()), window.gridZone(), window.hourlyHours(), window.yearlyHours()))
			.toList();
	}

	private static String timespan(Duration duration) {
		return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", duration.toHours(), duration.toMinutesPart(),
				duration.toSecondsPart());
	}

	/**
	 * One region's cleanest window: {@code location}, {@code time}, {@code rating} and
	 * {@code duration} as the Carbon Aware SDK names them, then GreenLedger's grid zone
	 * and how many of the window's hours had imported hourly data.
	 */
	record EmissionsData(String location, Instant time, double rating, String duration, String gridZone,
			int hourlyHours, int yearlyHours) {
	}

}
