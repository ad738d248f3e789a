package org.greenledger.core.metercsv;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.Column;
import org.greenledger.core.table.CsvTable;
import org.greenledger.core.table.InvalidFileException;
import org.greenledger.core.table.RowCells;
import org.greenledger.core.table.Table;
import org.greenledger.core.table.TableRows;
import org.greenledger.core.measured.MeasuredSource;
import org.greenledger.core.measured.MeasurementSink;
import org.greenledger.core.measured.Series;
import org.greenledger.core.measured.SeriesLabels;
import org.greenledger.core.measured.MeterRole;
import org.greenledger.core.measured.Quantity;

/**
 * Reads GreenLedger's meter CSV ({@code docs/formats/meter-csv.md}), streaming: each row
 * is one meter interval, handed to the sink as an amount in kWh (energy) or litres
 * (water, diesel) on the series of its site, meter and role, or rejected with every
 * problem (row, column, reason). The reader does not know which sites exist: it passes
 * the site code on as a label. A file without the mandatory columns is an
 * {@link InvalidFileException}.
 */
public final class MeterCsvReader {

	private MeterCsvReader() {
	}

	/** Reads a meter CSV whose times all carry an offset (or a timezone column). */
	public static void read(String fileName, Reader reader, MeasurementSink sink) {
		read(fileName, reader, null, sink);
	}

	/**
	 * Reads a meter CSV.
	 * @param zone the time zone of local times ({@code yyyy-MM-dd HH:mm}) in rows without
	 * a {@code timezone} cell; null to accept only times with an offset there
	 */
	public static void read(String fileName, Reader reader, @Nullable ZoneId zone, MeasurementSink sink) {
		try (Table table = CsvTable.open(reader)) {
			TableRows.requireHeader(fileName, table);
			MeterColumns columns = MeterColumns.of(fileName, table.header());
			Map<Series, Integer> handles = new HashMap<>();
			TableRows.each(fileName, table, (row, cells) -> {
				RowCells cellsOf = new RowCells(row, cells);
				Reading reading = parse(cellsOf, columns, zone);
				if (reading == null) {
					sink.rejected(row, List.copyOf(cellsOf.errors()));
					return;
				}
				int series = handles.computeIfAbsent(reading.series(), sink::series);
				sink.interval(row, series, reading.startMillis(), reading.endMillis(), reading.amount());
			});
		}
		catch (IOException ex) {
			throw TableRows.damaged(fileName, 0, ex);
		}
	}

	/** One row read: the series and the interval's amount in the quantity's unit. */
	private record Reading(Series series, long startMillis, long endMillis, double amount) {

	}

	private static @Nullable Reading parse(RowCells cells, MeterColumns columns, @Nullable ZoneId defaultZone) {
		String meter = cells.required(columns.meter(), cells.text(columns.meter()));
		String site = cells.required(columns.site(), cells.text(columns.site()));
		MeterRole role = role(cells, columns.role());
		MeterUnit unit = unit(cells, columns.unit(), role);
		BigDecimal quantity = cells.required(columns.quantity(), cells.decimal(columns.quantity()));
		if (quantity != null && quantity.signum() < 0) {
			cells.error(columns.quantity(), "'" + quantity.toPlainString() + "' is negative; a meter interval's"
					+ " quantity is at least 0 (corrections are a new upload of the period)");
		}
		ZoneId zone = zone(cells, columns.timezone(), defaultZone);
		long[] period = columns.startEnd() ? startEnd(cells, columns, zone) : timestamped(cells, columns, zone);
		if (!cells.ok() || meter == null || site == null || role == null || unit == null || quantity == null
				|| period == null) {
			return null;
		}
		Series series = Series.of(MeasuredSource.METER_CSV, MeterUnit.metric(role.quantity()), role.quantity(),
				Map.of(SeriesLabels.SITE, site, SeriesLabels.METER, meter, SeriesLabels.ROLE, role.name()));
		return new Reading(series, period[0], period[1], unit.convert(quantity, period[1] - period[0]));
	}

	private static @Nullable MeterRole role(RowCells cells, Column column) {
		String text = cells.required(column, cells.text(column));
		if (text == null) {
			return null;
		}
		MeterRole role = MeterRole.parse(text).orElse(null);
		if (role == null) {
			cells.error(column,
					"'" + MeterTimes.abbreviate(text) + "' is not a meter role"
							+ " (facility total, IT load, cooling, water intake, generator fuel, waste heat reused,"
							+ " on-site renewable)");
		}
		return role;
	}

	private static @Nullable MeterUnit unit(RowCells cells, Column column, @Nullable MeterRole role) {
		String text = cells.required(column, cells.text(column));
		if (text == null) {
			return null;
		}
		MeterUnit unit = MeterUnit.parse(text).orElse(null);
		if (unit == null) {
			return cells.error(column,
					"'" + MeterTimes.abbreviate(text) + "' is not a meter unit (energy "
							+ MeterUnit.accepted(Quantity.ENERGY) + "; water " + MeterUnit.accepted(Quantity.WATER)
							+ "; generator fuel " + MeterUnit.accepted(Quantity.FUEL) + ")");
		}
		if (role == null) {
			return unit;
		}
		MeterUnit fitted = unit.on(role.quantity());
		if (fitted.quantity() != role.quantity()) {
			return cells.error(column,
					"'" + text.strip() + "' measures " + MeterUnit.metric(fitted.quantity()) + ", but the role "
							+ role.name() + " measures " + MeterUnit.metric(role.quantity()) + " ("
							+ MeterUnit.accepted(role.quantity()) + ")");
		}
		return fitted;
	}

	private static @Nullable ZoneId zone(RowCells cells, Column column, @Nullable ZoneId defaultZone) {
		String text = cells.text(column);
		if (text == null) {
			return defaultZone;
		}
		try {
			return MeterTimes.zone(text);
		}
		catch (IllegalArgumentException ex) {
			cells.error(column, ex.getMessage());
			// the row is rejected for its time zone: read its times only to report what
			// else is wrong with them
			return ZoneOffset.UTC;
		}
	}

	private static long @Nullable [] startEnd(RowCells cells, MeterColumns columns, @Nullable ZoneId zone) {
		Instant start = instant(cells, columns.start(), zone);
		Instant end = instant(cells, columns.end(), zone);
		if (start == null || end == null) {
			return null;
		}
		if (!end.isAfter(start)) {
			return cells.error(columns.end(), "is not after start (" + start + " to " + end + ")");
		}
		return new long[] { start.toEpochMilli(), end.toEpochMilli() };
	}

	private static long @Nullable [] timestamped(RowCells cells, MeterColumns columns, @Nullable ZoneId zone) {
		Instant start = instant(cells, columns.timestamp(), zone);
		String interval = cells.required(columns.interval(), cells.text(columns.interval()));
		Long millis = null;
		if (interval != null) {
			try {
				millis = MeterTimes.intervalMillis(interval);
			}
			catch (IllegalArgumentException ex) {
				cells.error(columns.interval(), ex.getMessage());
			}
		}
		if (start == null || millis == null) {
			return null;
		}
		return new long[] { start.toEpochMilli(), start.toEpochMilli() + millis };
	}

	private static @Nullable Instant instant(RowCells cells, Column column, @Nullable ZoneId zone) {
		String text = cells.required(column, cells.text(column));
		if (text == null) {
			return null;
		}
		try {
			return MeterTimes.instant(text, zone);
		}
		catch (IllegalArgumentException ex) {
			return cells.error(column, ex.getMessage());
		}
	}

}
