package org.greenledger.explorer.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.explorer.ExplorerQuery;
import org.greenledger.ledger.LineSelection;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of the explorer's list of lines, as paths for {@code @{...}}: the same months and
 * filters sorted or selected differently, the next page, the exports, each line's lineage
 * (which carries the list's query, so that its page links back to the same list) and the
 * groups.
 */
public final class LineLinks {

	private final ExplorerQuery query;

	private final LineSelection selection;

	LineLinks(ExplorerQuery query, LineSelection selection) {
		this.query = query;
		this.selection = selection;
	}

	/** The list from its first page. */
	public String first() {
		return build("/explorer/lines", this.selection);
	}

	/** The list sorted by {@code sort} (an order's parameter), from its first page. */
	public String sort(String sort) {
		LineSelection.Order order = LineSelection.Order.of(sort).orElse(LineSelection.Order.FILE);
		return build("/explorer/lines", new LineSelection(this.selection.show(), this.selection.tier(), order));
	}

	/**
	 * The sort of a column header: descending first, ascending when the list is already
	 * sorted descending by it.
	 * @param column co2e, cost or date
	 */
	public String toggle(String column) {
		String descending = column + "-desc";
		return sort(this.selection.order().parameter().equals(descending) ? column + "-asc" : descending);
	}

	/** The list showing {@code show} (all, footprint, cost-only) of any tier. */
	public String show(String show) {
		LineSelection.Show which = LineSelection.Show.of(show).orElse(LineSelection.Show.ALL);
		return build("/explorer/lines", new LineSelection(which, null, this.selection.order()));
	}

	/** The page after {@code position}. */
	public String next(Object position) {
		return first() + "&after="
				+ java.net.URLEncoder.encode(String.valueOf(position), java.nio.charset.StandardCharsets.UTF_8);
	}

	/** Every line of the list as {@code csv} or {@code xlsx}. */
	public String export(String extension) {
		return build("/explorer/lines." + extension, this.selection);
	}

	/** A line's lineage, carrying the list's query. */
	public String lineage(UUID jobId, long row) {
		return build("/explorer/lines/" + jobId + "/" + row, this.selection);
	}

	/** The explorer's groups of the same months and filters. */
	public String groups() {
		UriComponentsBuilder uri = months("/explorer");
		uri.queryParam("groupBy", this.query.groupBy());
		return uri.toUriString();
	}

	private String build(String path, LineSelection selection) {
		UriComponentsBuilder uri = months(path);
		if (!this.query.groupBy().equals("provider")) {
			uri.queryParam("groupBy", this.query.groupBy());
		}
		if (selection.show() != LineSelection.Show.ALL) {
			uri.queryParam("show", selection.show().parameter());
		}
		if (selection.tier() != null) {
			uri.queryParam("tier", selection.tier());
		}
		if (selection.order() != LineSelection.Order.FILE) {
			uri.queryParam("sort", selection.order().parameter());
		}
		return uri.toUriString();
	}

	private UriComponentsBuilder months(String path) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path)
			.queryParam("from", this.query.from())
			.queryParam("to", this.query.to());
		this.query.filters().forEach(uri::queryParam);
		return uri;
	}

	/** The selection's tier, or null. */
	public @Nullable Integer tier() {
		return this.selection.tier();
	}

}
