package org.greenledger.reports;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Objects;

/**
 * A chart of one or more series over categories. Renderers print the values as a table
 * next to the chart, so the chart is never the only place a number appears.
 *
 * @param kind the kind of chart
 * @param title the title
 * @param categories the category labels (for example months)
 * @param series the series, each with one value per category ({@link Kind#PIE} uses the
 * first series only)
 * @param unit the unit of the values
 */
public record Chart(Kind kind, String title, List<String> categories, List<Series> series,
		String unit) implements Block {

	public Chart {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(title, "title");
		categories = List.copyOf(categories);
		series = List.copyOf(series);
		Objects.requireNonNull(unit, "unit");
		for (Series s : series) {
			if (s.values().size() != categories.size()) {
				throw new IllegalArgumentException("Series '" + s.name() + "' has " + s.values().size() + " values for "
						+ categories.size() + " categories");
			}
		}
	}

	/**
	 * The category labels as readers see them: months given as {@code yyyy-MM} read
	 * {@code "Oct 2018"}, other labels as they are.
	 * @return one label per category
	 */
	public List<String> labels() {
		return this.categories.stream().map((category) -> monthLabel(category, false)).toList();
	}

	/**
	 * The chart's figures as a table, printed after the chart by every renderer (the
	 * accessible alternative to the drawing): one row per category with its label, one
	 * column per series ({@link Kind#PIE}: the first series only).
	 * @return the table
	 */
	public Table dataTable() {
		List<Column> columns = new ArrayList<>();
		columns.add(Column.text("Category"));
		int seriesCount = (this.kind == Kind.PIE) ? Math.min(1, this.series.size()) : this.series.size();
		for (int s = 0; s < seriesCount; s++) {
			columns.add(Column.number(this.series.get(s).name(), this.unit, 3));
		}
		List<String> labels = labels();
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			List<Object> row = new ArrayList<>();
			row.add(labels.get(i));
			for (int s = 0; s < seriesCount; s++) {
				row.add(this.series.get(s).values().get(i));
			}
			rows.add(row);
		}
		return Table.of("Data of the chart \"" + this.title + "\"", columns, rows);
	}

	/**
	 * The category labels in their short form, for axes with little room: months read
	 * {@code "Oct 18"}.
	 * @return one label per category
	 */
	public List<String> shortLabels() {
		return this.categories.stream().map((category) -> monthLabel(category, true)).toList();
	}

	/**
	 * Whether the categories are months ({@code yyyy-MM}).
	 * @return {@code true} if every category is a month
	 */
	public boolean isMonthly() {
		return !this.categories.isEmpty() && this.categories.stream().allMatch((c) -> MONTH.matcher(c).matches());
	}

	private static String monthLabel(String category, boolean brief) {
		if (!MONTH.matcher(category).matches()) {
			return category;
		}
		YearMonth month = YearMonth.parse(category);
		return month.format(brief ? SHORT_MONTH : LONG_MONTH);
	}

	private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	private static final DateTimeFormatter LONG_MONTH = DateTimeFormatter.ofPattern("MMM uuuu", Locale.ENGLISH);

	private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM uu", Locale.ENGLISH);

	/**
	 * A named series of values.
	 *
	 * @param name the name, shown in the legend
	 * @param values one value per category
	 */
	public record Series(String name, List<Double> values) {

		public Series {
			Objects.requireNonNull(name, "name");
			values = List.copyOf(values);
		}

	}

	/**
	 * The kind of chart.
	 */
	public enum Kind {

		/** Vertical bars, one group per category. */
		BAR,

		/** Vertical bars with the series stacked. */
		STACKED_BAR,

		/** Lines over the categories. */
		LINE,

		/** A pie of the first series. */
		PIE

	}

}
