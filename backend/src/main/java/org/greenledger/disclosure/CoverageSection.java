package org.greenledger.disclosure;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.ledger.DataCoverage;
import org.greenledger.reports.Column;
import org.greenledger.reports.Document;
import org.greenledger.reports.Section;
import org.greenledger.reports.Table;
import org.greenledger.security.OrgUnitScope;
import org.greenledger.sites.Site;
import org.greenledger.sites.Sites;
import org.greenledger.system.CodeLabels;
import org.springframework.stereotype.Component;

/**
 * The "Data coverage" section of the GHG inventory and ESRS documents: which cloud
 * provider and account and which site and meter hold data for which months of the period,
 * and the months without data, so that a reader never takes a month without data for a
 * month without emissions. Added after a document's own sections ({@link #appendTo}).
 */
@Component
class CoverageSection {

	static final String HEADING = "Data coverage";

	private final DataCoverage coverage;

	private final Sites sites;

	CoverageSection(DataCoverage coverage, Sites sites) {
		this.coverage = coverage;
		this.sites = sites;
	}

	/** The document with the coverage section of its period after its own sections. */
	Document appendTo(Document document, YearMonth from, YearMonth to, OrgUnitScope scope) {
		List<Section> sections = new ArrayList<>(document.sections());
		sections.add(section(from, to, scope));
		return new Document(document.titleBlock(), sections, document.changes(), document.dataQuality(),
				document.methodology(), document.footnotes(), document.sheets(), document.provenance());
	}

	Section section(YearMonth from, YearMonth to, OrgUnitScope scope) {
		Map<UUID, Site> sitesById = new HashMap<>();
		this.sites.all(scope).forEach(site -> sitesById.put(site.id(), site));
		Map<UUID, String> meters = new HashMap<>();
		List<List<Object>> rows = new ArrayList<>();
		java.util.SortedSet<YearMonth> covered = new java.util.TreeSet<>();
		for (DataCoverage.Source source : this.coverage.sources(scope.units())) {
			List<YearMonth> months = source.months().subSet(from, to.plusMonths(1)).stream().toList();
			if (months.isEmpty()) {
				continue;
			}
			String name;
			if ("CLOUD".equals(source.kind())) {
				name = text(source.provider(), "(no provider)") + ", account " + text(source.account(), "(none)");
			}
			else {
				Site site = (source.siteId() != null) ? sitesById.get(source.siteId()) : null;
				if (site == null) {
					continue;
				}
				if (source.meterId() != null && !meters.containsKey(source.meterId())) {
					this.sites.meters(site.id()).forEach(meter -> meters.put(meter.id(), meter.code()));
				}
				name = site.code() + " " + site.name() + ", meter "
						+ ((source.meterId() != null) ? meters.getOrDefault(source.meterId(), "(unknown)") : "(none)");
			}
			covered.addAll(months);
			rows.add(List.of(CodeLabels.label(source.kind()), name, ranges(months), months.size()));
		}
		List<YearMonth> missing = new ArrayList<>();
		for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
			if (!covered.contains(month)) {
				missing.add(month);
			}
		}
		Section.Builder section = Section.builder(HEADING);
		section.paragraph("Which source holds data for which month of the period. A month that no source covers is"
				+ " reported as \"no data\", not as zero emissions.");
		section.add(Table.of("Months with data per source", List.of(Column.text("Kind"), Column.text("Source"),
				Column.text("Months with data"), Column.integer("Months", null)), rows));
		section.paragraph(missing.isEmpty() ? "Every month of the period holds data."
				: "Months without data from any source: " + ranges(missing) + ".");
		return section.build();
	}

	/** Consecutive months as ranges: "2018-10 to 2018-12, 2019-02". */
	static String ranges(List<YearMonth> months) {
		List<String> ranges = new ArrayList<>();
		YearMonth start = null;
		YearMonth previous = null;
		for (YearMonth month : months) {
			if (start != null && previous != null && !month.equals(previous.plusMonths(1))) {
				ranges.add(range(start, previous));
				start = null;
			}
			if (start == null) {
				start = month;
			}
			previous = month;
		}
		if (start != null && previous != null) {
			ranges.add(range(start, previous));
		}
		return String.join(", ", ranges);
	}

	private static String range(YearMonth start, YearMonth end) {
		return start.equals(end) ? start.toString() : start + " to " + end;
	}

	private static String text(@Nullable String value, String none) {
		return (value == null || value.isBlank()) ? none : value;
	}

}
