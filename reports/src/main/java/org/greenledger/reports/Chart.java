package org.greenledger.reports;

import java.util.List;
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
