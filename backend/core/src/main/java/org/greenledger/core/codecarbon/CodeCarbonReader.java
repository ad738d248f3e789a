package org.greenledger.core.codecarbon;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.Column;
import org.greenledger.core.table.CsvTable;
import org.greenledger.core.table.RowCells;
import org.greenledger.core.table.RowError;
import org.greenledger.core.table.Table;
import org.greenledger.core.table.TableRows;
import org.greenledger.core.table.ValueRange;
import org.greenledger.core.measured.CodeCarbonRun;
import org.greenledger.core.measured.MeasuredSource;
import org.greenledger.core.measured.MeasurementSink;
import org.greenledger.core.measured.Series;
import org.greenledger.core.measured.SeriesLabels;
import org.greenledger.core.measured.Quantity;

/**
 * Reads a CodeCarbon {@code emissions.csv} of any 1.x, 2.x or 3.x layout (columns are
 * found by name; columns a version lacks are null) and hands every row to the sink, in
 * file order, as one {@link CodeCarbonRun} of the series {@code (CODECARBON,
 * energy_consumed, ENERGY, project, experiment, run)} or as a rejection listing
 * everything wrong with it.
 * <p>
 * Rows with partial data are used where the file itself says enough, each with a note
 * (flag): a file without a {@code run_id} column (1.x) or a row with an empty
 * {@code run_id} makes each such row a run of its own (labelled {@code row N}, since
 * nothing ties it to other rows); an empty {@code cpu_energy}, {@code gpu_energy} or
 * {@code ram_energy} beside a written {@code energy_consumed} keeps
 * {@code energy_consumed} (the component counts as 0 and the recomputation check is
 * skipped); an empty {@code energy_consumed} beside three written components takes their
 * sum (CodeCarbon writes it as their sum). A row whose energy cannot be known is
 * rejected.
 * <p>
 * CodeCarbon writes {@code timestamp} as the measuring machine's local time without a
 * zone; such timestamps are read in the zone given to the reader (UTC unless the upload
 * says otherwise). Timestamps with an offset or {@code Z} are taken as they are.
 * <p>
 * A row is rejected when a number or timestamp cannot be read, a mandatory cell is empty,
 * a duration, energy, power, water or emission is negative, {@code pue} is below 1, the
 * row has another number of cells than the header, or {@code energy_consumed} differs
 * from {@code cpu_energy + gpu_energy + ram_energy} by more than 0.1 % (CodeCarbon writes
 * it as their sum). Files without the three component columns (1.x) are read with
 * components of 0 and without that check.
 */
public final class CodeCarbonReader {

	/** The relative difference allowed between energy_consumed and its components. */
	public static final double RECOMPUTATION_TOLERANCE = 0.001;

	/** The metric of every CodeCarbon series. */
	public static final String METRIC = "energy_consumed";

	private CodeCarbonReader() {
	}

	/** Reads a CSV whose zoneless timestamps are UTC. */
	public static void read(String fileName, Reader reader, MeasurementSink sink) {
		read(fileName, reader, ZoneOffset.UTC, sink);
	}

	/**
	 * Reads a CSV.
	 * @param zone the zone of timestamps written without offset (CodeCarbon writes the
	 * machine's local time)
	 */
	public static void read(String fileName, Reader reader, ZoneId zone, MeasurementSink sink) {
		try (Table table = CsvTable.open(reader)) {
			read(fileName, table, zone, sink);
		}
		catch (IOException ex) {
			throw TableRows.damaged(fileName, 0, ex);
		}
	}

	static void read(String fileName, Table table, ZoneId zone, MeasurementSink sink) {
		TableRows.requireHeader(fileName, table);
		CodeCarbonColumns columns = CodeCarbonColumns.of(fileName, table.header());
		if (!columns.runId().present()) {
			sink.flagged(0, "run_id", "the file has no run_id column (CodeCarbon 1.x layout): each row is taken as a"
					+ " run of its own, labelled with its row number");
		}
		Map<Series, Integer> handles = new HashMap<>();
		TableRows.each(fileName, table, (row, cells) -> {
			RowCells get = new RowCells(row, cells);
			if (cells.size() != columns.count()) {
				sink.rejected(row, List.of(new RowError(row, "*", "has " + cells.size() + " cells but the header has "
						+ columns.count() + " columns (values would land in the wrong columns)")));
				return;
			}
			java.util.List<String> flags = new java.util.ArrayList<>(2);
			Parsed parsed = parse(row, get, columns, zone, flags);
			if (parsed == null || !get.ok()) {
				sink.rejected(row, List.copyOf(get.errors()));
				return;
			}
			int series = handles.computeIfAbsent(parsed.series(), sink::series);
			for (String flag : flags) {
				sink.flagged(row, flag.substring(0, flag.indexOf(':')), flag.substring(flag.indexOf(':') + 2));
			}
			sink.run(row, series, parsed.run());
		});
	}

	private record Parsed(Series series, CodeCarbonRun run) {

	}

	private static @Nullable Parsed parse(long row, RowCells get, CodeCarbonColumns c, ZoneId zone,
			List<String> flags) {
		Instant end = get.required(c.timestamp(), timestamp(get, c.timestamp(), zone));
		String project = get.required(c.projectName(), get.text(c.projectName()));
		String run = get.text(c.runId());
		if (run == null) {
			run = "row " + row;
			if (c.runId().present()) {
				flags.add("run_id: run_id is empty: the row is taken as a run of its own (labelled 'row " + row
						+ "'), since nothing ties it to the file's other rows");
			}
		}
		String experiment = get.text(c.experimentId());
		Double duration = get.required(c.duration(), nonNegative(get, c.duration()));
		Double emissions = get.required(c.emissions(), nonNegative(get, c.emissions()));
		Double energy = nonNegative(get, c.energyConsumed());
		Double cpu = component(get, c.cpuEnergy());
		Double gpu = component(get, c.gpuEnergy());
		Double ram = component(get, c.ramEnergy());
		boolean partial = cpu == null || gpu == null || ram == null;
		if (energy == null && get.ok() && c.hasComponents() && !partial) {
			energy = cpu + gpu + ram;
			flags.add("energy_consumed: energy_consumed is empty: taken as cpu_energy + gpu_energy + ram_energy = "
					+ energy + " kWh (CodeCarbon writes it as their sum)");
		}
		else if (energy == null && get.text(c.energyConsumed()) == null) {
			get.error(c.energyConsumed(), "is empty" + (c.hasComponents()
					? " and cpu_energy, gpu_energy and ram_energy are not all written, so the run's energy is unknown"
					: ", so the run's energy is unknown"));
		}
		if (energy != null && partial && get.ok()) {
			flags.add("energy_consumed: " + emptyComponents(get, c) + " empty: energy_consumed (" + energy
					+ " kWh) is taken as written and the recomputation check is skipped");
			cpu = (cpu != null) ? cpu : 0.0;
			gpu = (gpu != null) ? gpu : 0.0;
			ram = (ram != null) ? ram : 0.0;
		}
		Double rate = nonNegative(get, c.emissionsRate());
		Double cpuWatts = nonNegative(get, c.cpuPower());
		Double gpuWatts = nonNegative(get, c.gpuPower());
		Double ramWatts = nonNegative(get, c.ramPower());
		Double water = nonNegative(get, c.waterConsumed());
		Double wue = nonNegative(get, c.wue());
		Double pue = number(get, c.pue());
		if (pue != null && pue < 1) {
			get.error(c.pue(), pue + " is below 1 (a PUE is facility energy over IT energy)");
		}
		Integer cpuCount = count(get, c.cpuCount());
		Integer gpuCount = count(get, c.gpuCount());
		Double longitude = number(get, c.longitude());
		Double latitude = number(get, c.latitude());
		Double ramTotal = nonNegative(get, c.ramTotalSize());
		Double cpuUtil = nonNegative(get, c.cpuUtilization());
		Double gpuUtil = nonNegative(get, c.gpuUtilization());
		Double ramUtil = nonNegative(get, c.ramUtilization());
		Double ramUsed = nonNegative(get, c.ramUsedGb());
		Boolean onCloud = yesNo(get, c.onCloud());
		if (energy != null && cpu != null && gpu != null && ram != null && c.hasComponents() && !partial) {
			double sum = cpu + gpu + ram;
			if (Math.abs(sum - energy) > RECOMPUTATION_TOLERANCE * Math.max(energy, sum) + 1e-15) {
				get.error(c.energyConsumed(),
						energy + " kWh differs from cpu_energy + gpu_energy + ram_energy = " + sum
								+ " kWh by more than 0.1 % (CodeCarbon writes energy_consumed as their sum;"
								+ " GreenLedger's recomputation check)");
			}
		}
		if (!get.ok() || end == null || project == null || run == null || duration == null || emissions == null
				|| energy == null || cpu == null || gpu == null || ram == null) {
			return null;
		}
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put(SeriesLabels.PROJECT, project);
		if (experiment != null) {
			labels.put(SeriesLabels.EXPERIMENT, experiment);
		}
		labels.put(SeriesLabels.RUN, run);
		CodeCarbonRun parsed = new CodeCarbonRun(end, duration, cpu, gpu, ram, energy, emissions, rate, cpuWatts,
				gpuWatts, ramWatts, pue, water, wue, get.text(c.countryName()), get.text(c.countryIsoCode()),
				get.text(c.region()), get.text(c.cloudProvider()), get.text(c.cloudRegion()), get.text(c.os()),
				get.text(c.pythonVersion()), get.text(c.codecarbonVersion()), cpuCount, get.text(c.cpuModel()),
				gpuCount, get.text(c.gpuModel()), longitude, latitude, ramTotal, get.text(c.trackingMode()), onCloud,
				cpuUtil, gpuUtil, ramUtil, ramUsed);
		return new Parsed(Series.of(MeasuredSource.CODECARBON, METRIC, Quantity.ENERGY, labels), parsed);
	}

	/**
	 * A component energy: 0 when the file has no such column, null when the cell is empty
	 * (or not a number, which is an error).
	 */
	private static @Nullable Double component(RowCells get, Column column) {
		if (!column.present()) {
			return 0.0;
		}
		return nonNegative(get, column);
	}

	private static String emptyComponents(RowCells get, CodeCarbonColumns c) {
		List<String> empty = new java.util.ArrayList<>(3);
		for (Column column : List.of(c.cpuEnergy(), c.gpuEnergy(), c.ramEnergy())) {
			if (get.text(column) == null) {
				empty.add(column.name());
			}
		}
		return String.join(", ", empty) + ((empty.size() == 1) ? " is" : " are");
	}

	private static @Nullable Double number(RowCells get, Column column) {
		String text = get.text(column);
		if (text == null) {
			return null;
		}
		try {
			double value = Double.parseDouble(text);
			if (Double.isInfinite(value)
					&& text.chars().noneMatch(ch -> Character.isLetter(ch) && ch != 'e' && ch != 'E')) {
				return get.error(column, ValueRange.QUANTITY.check(new java.math.BigDecimal(text.strip())));
			}
			if (Double.isFinite(value)
					&& text.chars().noneMatch(ch -> Character.isLetter(ch) && ch != 'e' && ch != 'E')) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		return get.error(column, "'" + abbreviate(text) + "' is not a number");
	}

	private static @Nullable Double nonNegative(RowCells get, Column column) {
		Double value = number(get, column);
		if (value != null && value < 0) {
			return get.error(column, value + " is negative");
		}
		return value;
	}

	private static @Nullable Integer count(RowCells get, Column column) {
		Double value = nonNegative(get, column);
		if (value == null) {
			return null;
		}
		if (value != Math.rint(value) || value > Integer.MAX_VALUE) {
			return get.error(column, value + " is not a whole number");
		}
		return value.intValue();
	}

	private static @Nullable Boolean yesNo(RowCells get, Column column) {
		String text = get.text(column);
		if (text == null) {
			return null;
		}
		return switch (text.toUpperCase(Locale.ROOT)) {
			case "Y", "YES", "TRUE" -> true;
			case "N", "NO", "FALSE" -> false;
			default -> get.error(column, "'" + abbreviate(text) + "' is not Y or N");
		};
	}

	/**
	 * ISO 8601 with offset or {@code Z}, or a local date-time ({@code T} or a space
	 * between date and time, optional fraction) in the given zone.
	 */
	static @Nullable Instant timestamp(RowCells get, Column column, ZoneId zone) {
		String text = get.text(column);
		if (text == null) {
			return null;
		}
		String iso = (text.length() > 10 && text.charAt(10) == ' ') ? text.substring(0, 10) + 'T' + text.substring(11)
				: text;
		try {
			return OffsetDateTime.parse(iso).toInstant();
		}
		catch (DateTimeException ex) {
			// no offset: local time
		}
		try {
			return LocalDateTime.parse(iso).atZone(zone).toInstant();
		}
		catch (DateTimeException ex) {
			return get.error(column, "'" + abbreviate(text) + "' is not an ISO 8601 date-time");
		}
	}

	private static String abbreviate(String value) {
		return (value.length() <= 60) ? value : value.substring(0, 57) + "...";
	}

}
