package org.greenledger.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
 * period with its source row and factors (streamed from a cursor while the workbook is
 * written), the factors used, data quality, the providers' figures against GreenLedger's
 * and the changes since the last version.
 */
@Component
class AuditorSheets {

	private final ActivityLineExport lines;

	private final ProviderComparison comparison;

	AuditorSheets(ActivityLineExport lines, ProviderComparison comparison) {
		this.lines = lines;
		this.comparison = comparison;
	}

	long count(LocalDate from, LocalDate to, @Nullable String orgUnit) {
		return this.lines.count(from, to, orgUnit);
	}

	Document appendTo(Document document, LocalDate from, LocalDate to, @Nullable String orgUnit,
			ReportProgress progress) {
		Iterable<List<@Nullable Object>> rows = this.lines.lines(from, to, orgUnit);
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
				ActivityLineExport.HEADERS.stream().map(Column::text).toList(), source)));
		sheets.add(new Sheet("Factors used",
				Table.of("Factors used", ActivityLineExport.FACTOR_HEADERS.stream().map(Column::text).toList(),
						this.lines.factorsUsed(from, to))));
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
