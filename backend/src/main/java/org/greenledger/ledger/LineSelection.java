package org.greenledger.ledger;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Which of the filtered activity lines to list, and in which order: all of them, only
 * those with a footprint (calculated with factors), only cost-only ones, or those of one
 * data-quality tier; in file order (upload, then row) or sorted by CO2e, cost or date.
 * Every sorted order ends with the job and the source row, so that it is total and a page
 * boundary is stable.
 *
 * @param show which lines
 * @param tier the data-quality tier (1 to 5) the lines must have, or null for any
 * @param order the order of the lines
 */
public record LineSelection(Show show, @Nullable Integer tier, Order order) {

	/** Every line, in file order. */
	public static final LineSelection ALL = new LineSelection(Show.ALL, null, Order.FILE);

	public LineSelection {
		if (tier != null && (tier < 1 || tier > 5)) {
			throw new IllegalArgumentException("the data-quality tier is 1 to 5, not " + tier);
		}
		if (tier != null && show == Show.COST_ONLY) {
			throw new IllegalArgumentException("cost-only lines have no data-quality tier");
		}
	}

	/** Which lines to list. */
	public enum Show {

		/** Every line. */
		ALL,
		/** Lines with impacts calculated with factors. */
		FOOTPRINT,
		/** Lines with a cost and no footprint (nothing GreenLedger could map). */
		COST_ONLY;

		/** The name in a query ({@code all}, {@code footprint}, {@code cost-only}). */
		public String parameter() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		/** The value of a query parameter; empty for an unknown one. */
		public static Optional<Show> of(@Nullable String parameter) {
			for (Show show : values()) {
				if (show.parameter().equals(parameter)) {
					return Optional.of(show);
				}
			}
			return Optional.empty();
		}

	}

	/**
	 * The orders lines can be listed in. Sorted by CO2e (location-based), cost-only lines
	 * (which have none) come last in both directions.
	 */
	public enum Order {

		/** Upload order, then row order (the lines as the files hold them). */
		FILE(null, false),
		/** The most location-based CO2e first. */
		CO2E_DESC("coalesce(l.co2e_location_kg, '-Infinity'::float8)", true),
		/** The least location-based CO2e first. */
		CO2E_ASC("coalesce(l.co2e_location_kg, 'Infinity'::float8)", false),
		/** The highest billed cost first. */
		COST_DESC("l.billed_cost", true),
		/** The lowest billed cost first. */
		COST_ASC("l.billed_cost", false),
		/** The latest period start first. */
		DATE_DESC("l.period_start", true),
		/** The earliest period start first. */
		DATE_ASC("l.period_start", false);

		private final @Nullable String key;

		private final boolean descending;

		Order(@Nullable String key, boolean descending) {
			this.key = key;
			this.descending = descending;
		}

		/** The name in a query, e.g. {@code co2e-desc}. */
		public String parameter() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		/** The value of a query parameter; empty for an unknown one. */
		public static Optional<Order> of(@Nullable String parameter) {
			for (Order order : values()) {
				if (order.parameter().equals(parameter)) {
					return Optional.of(order);
				}
			}
			return Optional.empty();
		}

		/**
		 * The SQL expression sorted by, on the line alias {@code l}; null for file order.
		 */
		@Nullable String key() {
			return this.key;
		}

		/**
		 * The key as text that reads back exactly (a timestamp as an ISO instant in UTC,
		 * without characters a query string would change).
		 */
		String text() {
			return switch (this) {
				case DATE_DESC, DATE_ASC ->
					"to_char(l.period_start at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
				default -> "(" + this.key + ")::text";
			};
		}

		/** The cast of a key written as text, for the keyset condition. */
		String cast() {
			return switch (this) {
				case CO2E_DESC, CO2E_ASC -> "float8";
				case COST_DESC, COST_ASC -> "numeric";
				default -> "timestamptz";
			};
		}

		/** Whether a key written as text by a page of this order can be read back. */
		boolean accepts(String text) {
			try {
				switch (this) {
					case CO2E_DESC, CO2E_ASC -> Double.parseDouble(text);
					case COST_DESC, COST_ASC -> new java.math.BigDecimal(text);
					case DATE_DESC, DATE_ASC -> java.time.Instant.parse(text);
					case FILE -> {
						return false;
					}
				}
				return true;
			}
			catch (NumberFormatException | java.time.format.DateTimeParseException ex) {
				return false;
			}
		}

		boolean descending() {
			return this.descending;
		}

		/** {@code order by} of the sorted orders: key, job and row in one direction. */
		String orderBy() {
			String direction = this.descending ? " desc" : " asc";
			return "sort_key" + direction + ", l.job_id" + direction + ", l.source_row" + direction;
		}

	}

	/**
	 * The condition on the monthly sums (alias {@code r}), whose quality is 0 for
	 * cost-only lines.
	 */
	String sumCondition() {
		if (this.tier != null) {
			return "r.quality = " + this.tier;
		}
		return switch (this.show) {
			case ALL -> "true";
			case FOOTPRINT -> "r.quality > 0";
			case COST_ONLY -> "r.quality = 0";
		};
	}

	/**
	 * The condition on the lines (alias {@code l}), whose quality is null when cost-only.
	 */
	String lineCondition() {
		if (this.tier != null) {
			return "l.quality = " + this.tier;
		}
		return switch (this.show) {
			case ALL -> "true";
			case FOOTPRINT -> "l.quality is not null";
			case COST_ONLY -> "l.quality is null";
		};
	}

}
