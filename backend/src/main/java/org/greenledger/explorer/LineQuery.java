package org.greenledger.explorer;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.greenledger.ledger.LineSelection;

/**
 * What the explorer's list of lines shows: the explorer's months and filters, which lines
 * (all, with a footprint, cost-only, one data-quality tier), their order, and where the
 * previous page ended.
 *
 * @param after where the previous page ended, or null for the first page
 */
public record LineQuery(ExplorerQuery query, LineSelection selection, @Nullable String after) {

	/**
	 * The selection of the parameters {@code show} (all, footprint, cost-only),
	 * {@code tier} (1 to 5) and {@code sort} (file, co2e-desc, co2e-asc, cost-desc,
	 * cost-asc, date-desc, date-asc); absent ones are all lines in file order.
	 * @throws IllegalArgumentException for a value that is none of these
	 */
	public static LineSelection selection(Map<String, String> params) {
		String show = blank(params.get("show"));
		String sort = blank(params.get("sort"));
		String tier = blank(params.get("tier"));
		LineSelection.Show which = (show == null) ? LineSelection.Show.ALL : LineSelection.Show.of(show)
			.orElseThrow(() -> new IllegalArgumentException("show is all, footprint or cost-only, not '" + show + "'"));
		LineSelection.Order order = (sort == null) ? LineSelection.Order.FILE
				: LineSelection.Order.of(sort)
					.orElseThrow(() -> new IllegalArgumentException("the lines sort by file, co2e-desc, co2e-asc,"
							+ " cost-desc, cost-asc, date-desc or date-asc, not '" + sort + "'"));
		Integer level = null;
		if (tier != null) {
			try {
				level = Integer.valueOf(tier);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("the data-quality tier is 1 to 5, not '" + tier + "'");
			}
		}
		return new LineSelection(which, level, order);
	}

	private static @Nullable String blank(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
