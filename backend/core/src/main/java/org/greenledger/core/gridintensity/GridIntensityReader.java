package org.greenledger.core.gridintensity;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.Column;
import org.greenledger.core.table.CsvTable;
import org.greenledger.core.table.RowCells;
import org.greenledger.core.table.Table;
import org.greenledger.core.table.TableRows;
import org.greenledger.core.measured.GridIntensitySink;
import org.greenledger.core.measured.HourlyIntensity;

/**
 * Reads an hourly grid carbon intensity CSV in the Electricity Maps export layout
 * ({@code Datetime (UTC)}, {@code Zone id}, life-cycle intensity mandatory; see
 * {@link GridColumns} for the accepted header variants) and hands every row to the sink,
 * in file order, as one {@link HourlyIntensity} or as a rejection listing everything
 * wrong with it.
 * <p>
 * A row is rejected when its datetime cannot be read or is not on the hour, an intensity
 * is negative or not below {@value #MAX_GRAMS_PER_KWH} gCO2e/kWh, a percentage is outside
 * 0 to 100, {@code Data estimated} is neither true nor false, or its zone already had an
 * accepted row for the same hour in the file (the first one is kept). Datetimes without
 * an offset are UTC, as the column says.
 */
public final class GridIntensityReader {

	/**
	 * The exclusive upper bound of a plausible intensity: the dirtiest grids stay below
	 * about 1,100 g/kWh, so 3,000 can only be a unit or typing mistake.
	 */
	public static final double MAX_GRAMS_PER_KWH = 3000;

	private GridIntensityReader() {
	}

	public static void read(String fileName, Reader reader, GridIntensitySink sink) {
		try (Table table = CsvTable.open(reader)) {
			read(fileName, table, sink);
		}
		catch (IOException ex) {
			throw TableRows.damaged(fileName, 0, ex);
		}
	}

	static void read(String fileName, Table table, GridIntensitySink sink) {
		TableRows.requireHeader(fileName, table);
		GridColumns columns = GridColumns.of(fileName, table.header());
		Map<String, Map<Instant, Long>> seen = new HashMap<>();
		TableRows.each(fileName, table, (row, cells) -> {
			RowCells get = new RowCells(row, cells);
			HourlyIntensity hour = parse(get, columns);
			if (hour != null && get.ok()) {
				Long first = seen.computeIfAbsent(hour.zone(), zone -> new HashMap<>()).putIfAbsent(hour.hour(), row);
				if (first != null) {
					get.error(columns.datetime(), "zone " + hour.zone() + " already has the hour " + hour.hour()
							+ " (row " + first + "); duplicate hours are not used");
				}
			}
			if (hour == null || !get.ok()) {
				sink.rejected(row, List.copyOf(get.errors()));
			}
			else {
				sink.hour(hour);
			}
		});
	}

	private static @Nullable HourlyIntensity parse(RowCells get, GridColumns c) {
		Instant hour = get.required(c.datetime(), get.instant(c.datetime()));
		if (hour != null && (hour.getEpochSecond() % 3600 != 0 || hour.getNano() != 0)) {
			get.error(c.datetime(), hour + " is not on the hour (the file must hold hourly values)");
		}
		String zone = get.required(c.zoneId(), get.text(c.zoneId()));
		Double direct = intensity(get, c.direct());
		Double lifecycle = get.required(c.lifecycle(), intensity(get, c.lifecycle()));
		Double carbonFree = percent(get, c.carbonFree());
		Double renewable = percent(get, c.renewable());
		Boolean estimated = trueFalse(get, c.estimated());
		if (!get.ok() || hour == null || zone == null || lifecycle == null) {
			return null;
		}
		return new HourlyIntensity(get.row(), hour, zone, get.text(c.country()), get.text(c.zoneName()), direct,
				lifecycle, carbonFree, renewable, get.text(c.dataSource()), Boolean.TRUE.equals(estimated),
				get.text(c.estimationMethod()));
	}

	private static @Nullable Double number(RowCells get, Column column) {
		java.math.BigDecimal value = get.decimal(column);
		return (value != null) ? value.doubleValue() : null;
	}

	private static @Nullable Double intensity(RowCells get, Column column) {
		Double value = number(get, column);
		if (value != null && (value < 0 || value >= MAX_GRAMS_PER_KWH)) {
			return get.error(column, value + " gCO2eq/kWh is outside 0 to " + (int) MAX_GRAMS_PER_KWH);
		}
		return value;
	}

	private static @Nullable Double percent(RowCells get, Column column) {
		Double value = number(get, column);
		if (value != null && (value < 0 || value > 100)) {
			return get.error(column, value + " is not a percentage (0 to 100)");
		}
		return value;
	}

	/** True or false (any case); an empty cell or a missing column is false. */
	private static @Nullable Boolean trueFalse(RowCells get, Column column) {
		String text = get.text(column);
		if (text == null) {
			return false;
		}
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> get.error(column, "'" + text + "' is not true or false");
		};
	}

}
