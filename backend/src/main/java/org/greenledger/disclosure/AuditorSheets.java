package org.greenledger.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.greenledger.ledger.ActivityLineExport;
import org.greenledger.reports.Column;
import org.greenledger.reports.Document;
import org.greenledger.reports.RowSource;
import org.greenledger.reports.Sheet;
import org.greenledger.reports.Table;
import org.springframework.stereotype.Component;

/**
 * The auditors' sheets of a report's workbook: by scope, every activity line of the
 * period with its source row, its source file and factors by key (streamed from a cursor
 * while the workbook is written; the Source files sheet gives each file's name and
 * SHA-256 once, the Factors used sheet each factor once), data quality, the providers'
 * figures against GreenLedger's and the changes since the last version.
 */
@Component
class AuditorSheets {

	private final ActivityLineExport lines;

	private final ProviderComparison comparison;

	private final ReportSources sources;

	AuditorSheets(ActivityLineExport lines, ProviderComparison comparison, ReportSources sources) {
		this.lines = lines;
		this.comparison = comparison;
		this.sources = sources;
	}

	long count(LocalDate from, LocalDate to, @Nullable String orgUnit) {
		return this.lines.count(from, to, orgUnit);
	}

	Document appendTo(Document document, LocalDate from, LocalDate to, @Nullable String orgUnit,
			ReportProgress progress) {
		List<List<@Nullable Object>> factors = this.lines.factorsUsed(from, to);
		Map<String, String> factorKeys = ActivityLineExport.factorKeys(factors);
		Iterable<List<@Nullable Object>> rows = this.lines.keyedLines(from, to, orgUnit, factorKeys);
		@SuppressWarnings({ "unchecked", "rawtypes" })
		RowSource source = () -> (java.util.Iterator) rows.iterator();
		if (progress.followed()) {
			source = progress.lines(source, this.lines.count(from, to, orgUnit));
		}
		List<Sheet> sheets = new ArrayList<>();
		document.sections()
			.stream()
			.flatMap(section -> section.blocks().stream())
			.filter(block -> block instanceof Table table && table.caption().startsWith("Emissions by scope"))
			.findFirst()
			.ifPresent(table -> sheets.add(new Sheet("By scope", (Table) table)));
		sheets.add(new Sheet("Activity lines", Table.streaming("Activity lines",
				ActivityLineExport.KEYED_HEADERS.stream().map(Column::text).toList(), source)));
		// each line names its file and factors by key; the texts are here once
		sheets.add(new Sheet("Source files",
				Table.of("Source files", List.of(Column.text("Key"), Column.text("File"), Column.text("SHA-256")),
						this.sources.files(from, to, orgUnit)
							.stream()
							.map(file -> List.<@Nullable Object>of(ActivityLineExport.sourceKey(file.sha256()),
									file.name(), file.sha256()))
							.distinct()
							.toList())));
		List<List<@Nullable Object>> keyedFactors = new ArrayList<>();
		for (int i = 0; i < factors.size(); i++) {
			List<@Nullable Object> row = new ArrayList<>();
			row.add("F" + (i + 1));
			row.addAll(factors.get(i));
			keyedFactors.add(row);
		}
		sheets.add(new Sheet("Factors used", Table.of("Factors used",
				Stream.concat(Stream.of("Key"), ActivityLineExport.FACTOR_HEADERS.stream()).map(Column::text).toList(),
				keyedFactors)));
		sheets.add(new Sheet("Data quality", Table.of("Data quality",
				List.of(Column.text("Tier"), Column.percent("Share of CO2e", 1)),
				document.dataQuality().stream().map(share -> List.<Object>of(share.tier(), share.share())).toList())));
		sheets.add(this.comparison.sheet(from, to, orgUnit));
		if (document.changes() != null) {
			Table changes = document.changes()
				.blocks()
				.stream()
				.filter(Table.class::isInstance)
				.map(Table.class::cast)
				.findFirst()
				.orElse(Table.of("Changes since the last version", List.of(Column.text("Note")),
						List.of(List.of("This is the first version of this report for the period."))));
			sheets.add(new Sheet("Changes since the last version", changes));
		}
		return document.withSheets(sheets);
	}

}
