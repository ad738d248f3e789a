package org.greenledger.explorer.web;

import java.util.Map;

import org.greenledger.explorer.ExplorerQuery;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links from the explorer's current query to its drill-downs, filter removals, line pages
 * and lineage views, as paths for {@code @{...}}.
 */
public final class ExplorerLinks {

	private final ExplorerQuery query;

	ExplorerLinks(ExplorerQuery query) {
		this.query = query;
	}

	/**
	 * The current grouping's group {@code key} as a filter, grouped by the next
	 * attribute, or its lines when every attribute is filtered.
	 */
	public String drill(String key) {
		UriComponentsBuilder uri = base(this.query.filters());
		if (this.query.groupBy().equals("month")) {
			return uri.replaceQueryParam("from", key)
				.replaceQueryParam("to", key)
				.replacePath("/explorer/lines")
				.toUriString();
		}
		if (!ExplorerQuery.isValue(key)) {
			return uri.queryParam("groupBy", this.query.groupBy()).replacePath("/explorer/lines").toUriString();
		}
		uri.replaceQueryParam(this.query.groupBy(), key);
		String next = this.query.nextGrouping();
		return ((next != null) ? uri.queryParam("groupBy", next) : uri.replacePath("/explorer/lines")).toUriString();
	}

	/** The lines of one group of the current grouping. */
	public String linesOf(String key) {
		UriComponentsBuilder uri = base(this.query.filters()).queryParam("groupBy", this.query.groupBy());
		if (this.query.groupBy().equals("month")) {
			uri.replaceQueryParam("from", key).replaceQueryParam("to", key);
		}
		else if (ExplorerQuery.isValue(key)) {
			uri.replaceQueryParam(this.query.groupBy(), key);
		}
		return uri.replacePath("/explorer/lines").toUriString();
	}

	/** The current query without the filter {@code name}. */
	public String without(String name) {
		Map<String, String> filters = new java.util.LinkedHashMap<>(this.query.filters());
		filters.remove(name);
		return base(filters).queryParam("groupBy", name).toUriString();
	}

	/** The current query's lines, from the first page. */
	public String lines() {
		return base(this.query.filters()).queryParam("groupBy", this.query.groupBy())
			.replacePath("/explorer/lines")
			.toUriString();
	}

	/** The current query grouped differently. */
	public String groupBy(String grouping) {
		return base(this.query.filters()).queryParam("groupBy", grouping).toUriString();
	}

	/** The current groups as a download ({@code csv} or {@code xlsx}). */
	public String export(String format) {
		return base(this.query.filters()).replacePath("/explorer/export")
			.queryParam("groupBy", this.query.groupBy())
			.queryParam("format", format)
			.toUriString();
	}

	private UriComponentsBuilder base(Map<String, String> filters) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/explorer")
			.queryParam("from", this.query.from())
			.queryParam("to", this.query.to());
		filters.forEach(uri::queryParam);
		return uri;
	}

}
