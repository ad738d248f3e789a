package org.greenledger.reports.bench;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

import org.greenledger.reports.Column;
import org.greenledger.reports.RowSource;
import org.greenledger.reports.Table;

/**
 * A generated, streamed table of cloud activity lines (13 columns), as the backend would
 * stream them from its database: one row object at a time, none kept.
 */
public final class ActivityLines implements RowSource {

	static final List<Column> COLUMNS = List.of(Column.text("Source file"), Column.integer("Row", null),
			Column.date("Period start"), Column.date("Period end"), Column.text("Provider"), Column.text("Region"),
			Column.text("Service"), Column.number("Quantity", null, 3), Column.text("Quantity unit"),
			Column.number("Energy", "kWh", 3), Column.number("Emissions", "kg CO2e", 3), Column.text("Factor dataset"),
			Column.text("Factor version"));

	private static final String[] PROVIDERS = { "aws", "azure", "gcp" };

	private static final String[] REGIONS = { "eu-central-1", "westeurope", "europe-west4", "us-east-1", "eastus",
			"us-central1" };

	private static final String[] SERVICES = { "EC2", "S3", "Virtual Machines", "Blob Storage", "Compute Engine",
			"BigQuery", "SageMaker", "Vertex AI" };

	private static final String[] UNITS = { "vCPU-hours", "GB-months", "GPU-hours" };

	private static final LocalDate YEAR_START = LocalDate.of(2026, 1, 1);

	private final long rows;

	/**
	 * @param rows the number of rows to generate
	 */
	public ActivityLines(long rows) {
		this.rows = rows;
	}

	/**
	 * The lines as a streamed table.
	 * @param rows the number of rows
	 * @return the table
	 */
	public static Table table(long rows) {
		return Table.streaming("Activity lines behind the totals", COLUMNS, new ActivityLines(rows));
	}

	@Override
	public OptionalLong knownSize() {
		return OptionalLong.of(this.rows);
	}

	@Override
	public Iterator<List<? extends @Nullable Object>> iterator() {
		return new Iterator<>() {

			private long next;

			@Override
			public boolean hasNext() {
				return this.next < ActivityLines.this.rows;
			}

			@Override
			public List<? extends @Nullable Object> next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return row(this.next++);
			}

		};
	}

	static List<? extends @Nullable Object> row(long i) {
		int month = (int) (i % 12);
		LocalDate start = YEAR_START.plusMonths(month).plusDays((i / 12) % 28);
		int provider = (int) (i % 3);
		double quantity = 1 + (i * 7919 % 100_000) / 100.0;
		double kwh = quantity * (0.004 + provider * 0.001);
		double kg = kwh * (0.21 + (i % 6) * 0.05);
		return Arrays.asList("billing-2026-" + (month + 1) + ".csv", i + 2, start, start.plusDays(1),
				PROVIDERS[provider], REGIONS[(int) (i % REGIONS.length)], SERVICES[(int) (i % SERVICES.length)],
				quantity, UNITS[(int) (i % UNITS.length)], kwh, kg, "greenledger-cloud", "2026.1");
	}

}
