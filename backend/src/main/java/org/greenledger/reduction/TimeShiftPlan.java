package org.greenledger.reduction;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hourly energy moved within each UTC day to the day's cleanest hours: per day, the
 * movable share of the energy is taken out of the hours it was used in and placed in the
 * cleanest hours first, each hour filled up to the day's largest hourly energy (the
 * capacity the workload showed that day). Days without an imported intensity for each of
 * their 24 hours are left out.
 *
 * @param days the days planned
 * @param daysSkipped days with energy but without all 24 imported hours
 * @param energyKwh the planned days' facility energy
 * @param shiftedKwh energy placed in another hour than it was used in
 * @param currentKg the planned days' energy at the hours' imported intensities
 * @param savingKg currentKg less the moved energy's emissions
 * @param cleanestHoursOfDay the (UTC) hours of day that received moved energy most often,
 * at most three
 */
record TimeShiftPlan(int days, int daysSkipped, double energyKwh, double shiftedKwh, double currentKg, double savingKg,
		List<Integer> cleanestHoursOfDay) {

	private static final Duration HOUR = Duration.ofHours(1);

	/**
	 * @param energy facility kWh per hour start
	 * @param intensity imported g CO2e/kWh per hour start
	 * @param flexible the share of each day's energy that can move (0 to 1)
	 */
	static TimeShiftPlan of(Map<Instant, Double> energy, Map<Instant, Double> intensity, double flexible) {
		TreeMap<LocalDate, double[]> byDay = new TreeMap<>();
		energy.forEach((hour, kwh) -> byDay.computeIfAbsent(LocalDate.ofInstant(hour, ZoneOffset.UTC),
				day -> new double[24])[hour.atZone(ZoneOffset.UTC).getHour()] += kwh);
		int days = 0;
		int skipped = 0;
		double total = 0;
		double shifted = 0;
		double current = 0;
		double saving = 0;
		int[] received = new int[24];
		for (Map.Entry<LocalDate, double[]> day : byDay.entrySet()) {
			double[] grams = new double[24];
			Instant start = day.getKey().atStartOfDay(ZoneOffset.UTC).toInstant();
			boolean complete = true;
			for (int h = 0; h < 24 && complete; h++) {
				Double value = intensity.get(start.plus(HOUR.multipliedBy(h)));
				complete = value != null;
				grams[h] = (value != null) ? value : 0;
			}
			if (!complete) {
				skipped++;
				continue;
			}
			days++;
			double[] used = day.getValue();
			double capacity = 0;
			double dayKwh = 0;
			double dayKg = 0;
			for (int h = 0; h < 24; h++) {
				capacity = Math.max(capacity, used[h]);
				dayKwh += used[h];
				dayKg += used[h] * grams[h] / 1000;
			}
			// what stays where it was, and the movable rest placed cleanest first
			double[] planned = new double[24];
			for (int h = 0; h < 24; h++) {
				planned[h] = used[h] * (1 - flexible);
			}
			double movable = dayKwh * flexible;
			List<Integer> order = new ArrayList<>();
			for (int h = 0; h < 24; h++) {
				order.add(h);
			}
			order.sort(Comparator.comparingDouble((Integer h) -> grams[h]).thenComparing(h -> h));
			for (int h : order) {
				double room = Math.min(capacity - planned[h], movable);
				if (room > 0) {
					planned[h] += room;
					movable -= room;
					received[h]++;
				}
			}
			double plannedKg = 0;
			for (int h = 0; h < 24; h++) {
				plannedKg += planned[h] * grams[h] / 1000;
				shifted += Math.max(0, planned[h] - used[h]);
			}
			total += dayKwh;
			current += dayKg;
			saving += dayKg - plannedKg;
		}
		List<Integer> hours = new ArrayList<>();
		for (int h = 0; h < 24; h++) {
			if (received[h] > 0) {
				hours.add(h);
			}
		}
		hours.sort(Comparator.comparingInt((Integer h) -> -received[h]).thenComparing(h -> h));
		return new TimeShiftPlan(days, skipped, total, shifted, current, Math.max(0, saving),
				List.copyOf(hours.subList(0, Math.min(3, hours.size()))));
	}

}
