package org.greenledger.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * The demo's cloud usage, day by day: what each provider's bill will show, before it is
 * written in that provider's format. Deterministic for a seed.
 */
final class CloudUsage {

	/** A fleet of one instance type in one region, with its on-demand rate. */
	record Fleet(String provider, String region, String instanceType, double instances, double ratePerHour, String team,
			@Nullable String workload, boolean onlyWhenTraining) {
	}

	/** One fleet's usage of one day. */
	record Day(LocalDate day, Fleet fleet, double hours, double cost) {
	}

	static final List<Fleet> FLEETS = List.of(new Fleet("aws", "us-east-1", "m5.xlarge", 6, 0.192, "web", null, false),
			new Fleet("aws", "us-east-1", "p5.48xlarge", 2, 98.32, "ml", DemoOrganisation.TRAINING_TAG, true),
			new Fleet("aws", "eu-west-1", "g5.xlarge", 4, 1.123, "ml", DemoOrganisation.INFERENCE_TAG, false),
			new Fleet("azure", "westeurope", "Standard_D4s_v3", 4, 0.211, "data", null, false),
			new Fleet("azure", "westeurope", "Standard_NC24ads_A100_v4", 1, 4.41, "ml", DemoOrganisation.INFERENCE_TAG,
					false),
			new Fleet("gcp", "us-central1", "n2-standard-8", 3, 0.388, "data", null, false),
			new Fleet("gcp", "europe-west4", "a2-highgpu-1g", 2, 4.05, "ml", DemoOrganisation.TRAINING_TAG, true));

	private CloudUsage() {
	}

	/**
	 * Every fleet's usage of every day of the demo's months, in order of day and fleet.
	 */
	static List<Day> days(Random random) {
		List<Day> days = new ArrayList<>();
		for (LocalDate day = DemoOrganisation.firstDay(); day
			.isBefore(DemoOrganisation.endDay()); day = day.plusDays(1)) {
			for (Fleet fleet : FLEETS) {
				if (fleet.onlyWhenTraining() && !DemoOrganisation.training(YearMonth.from(day))) {
					continue;
				}
				double load = fleet.onlyWhenTraining() ? 0.9 + 0.1 * random.nextDouble()
						: DemoOrganisation.growth(day) * (0.85 + 0.3 * random.nextDouble());
				double hours = Math.round(24 * fleet.instances() * load * 100) / 100.0;
				double cost = Math.round(hours * fleet.ratePerHour() * 10_000) / 10_000.0;
				days.add(new Day(day, fleet, hours, cost));
			}
		}
		return days;
	}

	static List<Day> of(List<Day> days, String provider, java.util.function.IntPredicate years) {
		return days.stream()
			.filter(day -> day.fleet().provider().equals(provider) && years.test(day.day().getYear()))
			.toList();
	}

}
