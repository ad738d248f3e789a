package org.greenledger.explorer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.greenledger.ingestion.ActivityLines;
import org.greenledger.ingestion.FootprintQuery;
import org.greenledger.ingestion.LedgerFilter;
import org.greenledger.security.OrgUnitScope;
import org.springframework.stereotype.Service;

/** Reads the groups, the lines and a line's lineage for the explorer pages. */
@Service
public class Explorer {

	/** Lines per page. */
	static final int PAGE_SIZE = 50;

	private final FootprintQuery footprint;

	private final ActivityLines lines;

	Explorer(FootprintQuery footprint, ActivityLines lines) {
		this.footprint = footprint;
		this.lines = lines;
	}

	/** The groups of the filtered lines, the largest location-based CO2e first. */
	public List<FootprintQuery.Group> groups(ExplorerQuery query, OrgUnitScope scope) {
		List<FootprintQuery.Group> groups = new java.util.ArrayList<>(this.footprint.query(query.from().atDay(1),
				query.to().atEndOfMonth(), java.util.Optional.of(query.groupBy()), query.filter(scope)));
		if (!query.groupBy().equals("month")) {
			groups.sort(java.util.Comparator
				.comparingDouble((FootprintQuery.Group group) -> group.locationKg() + group.embodiedKg())
				.reversed()
				.thenComparing(FootprintQuery.Group::key));
		}
		return groups;
	}

	/** The totals of the filtered lines. */
	public Optional<FootprintQuery.Group> total(ExplorerQuery query, OrgUnitScope scope) {
		return this.footprint
			.query(query.from().atDay(1), query.to().atEndOfMonth(), java.util.Optional.empty(), query.filter(scope))
			.stream()
			.findFirst();
	}

	/** A page of the filtered lines, after the query's position. */
	public ActivityLines.Page lines(ExplorerQuery query, OrgUnitScope scope) {
		return this.lines.page(query.from().atDay(1), query.to().atEndOfMonth(), query.filter(scope),
				ActivityLines.Position.parse(query.after()).orElse(null), PAGE_SIZE);
	}

	/**
	 * The distinct values of an attribute in the months of the query and the scope, for
	 * the filters.
	 */
	public List<String> values(ExplorerQuery query, String attribute, OrgUnitScope scope) {
		if (scope.unrestricted()) {
			return this.footprint.values(query.from().atDay(1), query.to().atEndOfMonth(), attribute);
		}
		return this.footprint
			.query(query.from().atDay(1), query.to().atEndOfMonth(), Optional.of(attribute),
					LedgerFilter.ALL.within(scope))
			.stream()
			.map(FootprintQuery.Group::key)
			.sorted()
			.toList();
	}

	/**
	 * A line within the scope; empty for a line of another org unit, as for a missing
	 * one.
	 */
	public Optional<ActivityLines.Detail> line(UUID jobId, long row, OrgUnitScope scope) {
		return this.lines.line(jobId, row).filter(detail -> scope.includes(detail.line().orgUnit()));
	}

}
