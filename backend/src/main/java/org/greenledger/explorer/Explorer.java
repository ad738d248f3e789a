package org.greenledger.explorer;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.ingestion.SourceRows;
import org.greenledger.inventory.GhgInventory;
import org.greenledger.inventory.InventoryFigures;
import org.greenledger.ledger.ActivityLineExport;
import org.greenledger.ledger.ActivityLines;
import org.greenledger.ledger.FootprintQuery;
import org.greenledger.ledger.LedgerFilter;
import org.greenledger.ledger.MeterLines;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.sites.Site;
import org.greenledger.sites.Sites;
import org.springframework.stereotype.Service;

/** Reads the groups, the lines and a line's lineage for the explorer pages. */
@Service
public class Explorer {

	/** Lines per page. */
	static final int PAGE_SIZE = 50;

	private final FootprintQuery footprint;

	private final ActivityLines lines;

	private final InventoryFigures inventory;

	private final Sites sites;

	private final MeterLines meterLines;

	private final ActivityLineExport export;

	private final SourceRows sourceRows;

	Explorer(FootprintQuery footprint, ActivityLines lines, InventoryFigures inventory, Sites sites,
			MeterLines meterLines, ActivityLineExport export, SourceRows sourceRows) {
		this.export = export;
		this.sourceRows = sourceRows;
		this.footprint = footprint;
		this.lines = lines;
		this.inventory = inventory;
		this.sites = sites;
		this.meterLines = meterLines;
	}

	/**
	 * The figures of the own sites in the months of the query and the scope (the
	 * dashboard's and the GHG inventory's: Scope 1 and 2 from their meters), for a query
	 * that filters by org unit at most; none for one that filters cloud attributes.
	 */
	public List<GhgInventory.SiteFigures> sites(ExplorerQuery query, OrgUnitScope scope) {
		if (query.provider() != null || query.service() != null || query.region() != null || query.account() != null
				|| query.scope() != null) {
			return List.of();
		}
		List<GhgInventory.SiteFigures> figures = new java.util.ArrayList<>();
		for (Site site : this.sites.all(scope)) {
			if (query.orgUnit() == null || query.orgUnit().equals(site.orgUnit())) {
				siteFigures(site, query.from(), query.to()).ifPresent(figures::add);
			}
		}
		return figures;
	}

	/**
	 * A site of the scope by its code; empty for another unit's site, as for a missing
	 * one.
	 */
	public Optional<Site> site(String code, OrgUnitScope scope) {
		return this.sites.byCode(code).filter(site -> scope.includes(site.orgUnit()));
	}

	/** The site's figures in the months (none when it has no readings there). */
	public Optional<GhgInventory.SiteFigures> siteFigures(Site site, YearMonth from, YearMonth to) {
		return this.inventory.site(site, from.atDay(1), to.atEndOfMonth());
	}

	/** Page {@code page} (from 1) of the readings of the site's meters in the months. */
	public MeterLines.Page meterLines(Site site, YearMonth from, YearMonth to, int page) {
		return this.meterLines.page(site.id(), from.atDay(1), to.atEndOfMonth(), (long) (page - 1) * PAGE_SIZE,
				PAGE_SIZE);
	}

	/**
	 * A meter reading line with its site, within the scope; empty for another unit's
	 * site's line, as for a missing one.
	 */
	public Optional<MeterLine> meterLine(UUID jobId, long seriesId, long firstRow, OrgUnitScope scope) {
		return this.meterLines.line(jobId, seriesId, firstRow)
			.flatMap(detail -> this.sites.byId(detail.siteId())
				.filter(site -> scope.includes(site.orgUnit()))
				.map(site -> new MeterLine(site, detail)));
	}

	/** A meter reading line and the site of its meter. */
	public record MeterLine(Site site, MeterLines.Detail detail) {
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

	/**
	 * A page of the filtered lines the selection selects, in its order, after the query's
	 * position.
	 */
	public ActivityLines.Page lines(LineQuery lines, OrgUnitScope scope) {
		ExplorerQuery query = lines.query();
		return this.lines.page(query.from().atDay(1), query.to().atEndOfMonth(), query.filter(scope), lines.selection(),
				ActivityLines.Position.parse(lines.after()).orElse(null), PAGE_SIZE);
	}

	/**
	 * Every filtered line the selection selects, in its order, with the auditor
	 * workbook's columns ({@link ActivityLineExport#HEADERS}), streamed from a cursor.
	 */
	public Iterable<List<@Nullable Object>> export(LineQuery lines, OrgUnitScope scope) {
		ExplorerQuery query = lines.query();
		return this.export.lines(query.from().atDay(1), query.to().atEndOfMonth(), query.filter(scope),
				lines.selection());
	}

	/**
	 * The source row of a line within the scope, read again from its stored file; empty
	 * when the line is not in the scope or the row cannot be read.
	 */
	public Optional<SourceRows.SourceRow> sourceRow(UUID jobId, long row, OrgUnitScope scope) {
		return line(jobId, row, scope).flatMap(detail -> this.sourceRows.row(jobId, row));
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
