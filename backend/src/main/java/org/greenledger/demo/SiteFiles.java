package org.greenledger.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * The demo sites' meter readings in GreenLedger's meter CSV (columns as in
 * {@code fixtures/meter-csv/site-meters.csv}): every four hours the facility total, the
 * IT load and the water intake, and once a month the diesel of the generator's test run.
 * The IT load follows a daily cycle and grows with the organisation; the facility total
 * adds a cooling overhead that is higher in summer (PUE about 1.25 to 1.45).
 */
final class SiteFiles {

	private static final String HEADER = "site,meter,role,start,end,quantity,unit,note";

	private static final int HOURS = 24;

	private SiteFiles() {
	}

	/**
	 * A site of the demo.
	 *
	 * @param itKw the site's average IT load at the start
	 * @param litresPerKwh the water the cooling takes per kWh of IT energy
	 * @param generator whether a diesel generator is tested there once a month
	 */
	record Site(String code, double itKw, double litresPerKwh, boolean generator) {
	}

	/** The readings of the sites in the years accepted, day by day. */
	static byte[] readings(List<Site> sites, IntPredicate years, Random random) {
		CsvText csv = new CsvText(HEADER);
		for (LocalDate day = DemoOrganisation.firstDay(); day
			.isBefore(DemoOrganisation.endDay()); day = day.plusDays(1)) {
			if (!years.test(day.getYear())) {
				continue;
			}
			for (Site site : sites) {
				day(csv, site, day, random);
			}
		}
		return csv.bytes();
	}

	private static void day(CsvText csv, Site site, LocalDate day, Random random) {
		String code = site.code();
		double summer = Math.max(0, Math.cos((day.getDayOfYear() - 200) / 365.0 * 2 * Math.PI));
		for (int hour = 0; hour < 24; hour += HOURS) {
			Instant start = day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
			Instant end = start.plusSeconds(HOURS * 3600L);
			double cycle = 1 + 0.08 * Math.sin((hour - 8) / 24.0 * 2 * Math.PI);
			double it = site.itKw() * DemoOrganisation.growth(day) * cycle * (0.97 + 0.06 * random.nextDouble())
					* HOURS;
			double facility = it * (1.25 + 0.2 * summer + 0.02 * random.nextDouble());
			double water = it * site.litresPerKwh() * (0.5 + summer);
			csv.row(code, code + "-F1", "facility total", start, end, round(facility), "kWh", "");
			csv.row(code, code + "-IT1", "IT load", start, end, round(it), "kWh", "");
			csv.row(code, code + "-W1", "water intake", start, end, round(water), "L", "");
		}
		if (site.generator() && day.getDayOfMonth() == 1) {
			Instant start = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
			csv.row(code, code + "-G1", "generator fuel", start, start.plusSeconds(3600), 180 + random.nextInt(60), "L",
					"monthly generator test run");
		}
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
