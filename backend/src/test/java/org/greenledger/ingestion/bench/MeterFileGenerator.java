package org.greenledger.ingestion.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a year of hourly readings of a data hall for benchmarks, as GreenLedger meter
 * CSV: a facility meter and an IT load meter every hour (IT load around 800 kWh, a PUE
 * around 1.3) and the water intake once a day; reproducible. Usage:
 * {@code MeterFileGenerator <site> <year> <file>}.
 */
public final class MeterFileGenerator {

	private MeterFileGenerator() {
	}

	public static void main(String[] args) throws IOException {
		String site = args[0];
		Year year = Year.of(Integer.parseInt(args[1]));
		SplittableRandom random = new SplittableRandom(42);
		Instant start = year.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = year.plusYears(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		long rows = 0;
		try (Writer out = new BufferedWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8),
				1 << 16)) {
			out.write("meter,site,role,start,end,quantity,unit\n");
			for (Instant hour = start; hour.isBefore(end); hour = hour.plus(1, ChronoUnit.HOURS)) {
				Instant next = hour.plus(1, ChronoUnit.HOURS);
				double it = 800 + random.nextDouble() * 100;
				double facility = it * (1.25 + random.nextDouble() * 0.1);
				out.write(String.format(Locale.ROOT, "F1,%s,facility total,%s,%s,%.3f,kWh%n", site, hour, next,
						facility));
				out.write(String.format(Locale.ROOT, "IT1,%s,IT load,%s,%s,%.3f,kWh%n", site, hour, next, it));
				rows += 2;
				if (hour.atZone(ZoneOffset.UTC).getHour() == 0) {
					out.write(String.format(Locale.ROOT, "W1,%s,water intake,%s,%s,%.3f,m3%n", site, hour,
							hour.plus(1, ChronoUnit.DAYS), 20 + random.nextDouble() * 5));
					rows++;
				}
			}
		}
		System.out.println(rows + " readings written to " + args[2]);
	}

}
