package org.greenledger.providercarbon.gcp;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.greenledger.ingestion.DelegatedFile;
import org.greenledger.ingestion.DelegatedRows;
import org.greenledger.providercarbon.Header;
import org.greenledger.providercarbon.JsonValues;
import org.greenledger.providercarbon.ProviderReader;
import org.greenledger.providercarbon.ProviderRecord;

import org.springframework.stereotype.Component;

/**
 * Google Cloud's Carbon Footprint export as CSV (from a flattening query) or as
 * BigQuery's newline-delimited JSON, nested or flattened ({@link CarbonFootprintRows}).
 */
@Component
class CarbonFootprintReader implements ProviderReader {

	static final String CSV = "Google Cloud carbon footprint (CSV)";

	static final String JSON = "Google Cloud carbon footprint (JSON)";

	@Override
	public List<String> formats() {
		return List.of(CSV, JSON);
	}

	@Override
	public java.util.Optional<String> recognise(String start) {
		String first = start.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
		if (!first.contains(CarbonFootprintRows.MONTH) || !first.contains("carbon_footprint")) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(first.startsWith("{") ? JSON : CSV);
	}

	@Override
	public long read(DelegatedFile file, Consumer<ProviderRecord> records) {
		if (file.format().equals(JSON)) {
			return JsonValues.lines(file, (row, values) -> {
				ProviderRecord record = CarbonFootprintRows.record(
						new org.greenledger.providercarbon.RowCheck(file, row), values::get,
						names -> names.stream().filter(values::containsKey).findFirst().orElse(names.get(0)));
				if (record != null) {
					records.accept(record);
				}
			});
		}
		try (DelegatedRows rows = file.rows()) {
			Header header = new Header(rows.header());
			header.require(file.fileName(), CSV, CarbonFootprintRows.MONTH);
			if (header.first(CarbonFootprintRows.SCOPE2_LOCATION.toArray(String[]::new)) == null) {
				throw new org.greenledger.core.table.InvalidFileException(file.fileName() + ": the " + CSV
						+ " lacks the column carbon_footprint_scope2_location_based (or carbon_footprint_kgCO2e.scope2"
						+ ".location_based)");
			}
			long row = 0;
			for (List<String> cells = rows.next(); cells != null; cells = rows.next()) {
				row++;
				List<String> current = cells;
				ProviderRecord record = CarbonFootprintRows.record(
						new org.greenledger.providercarbon.RowCheck(file, row), name -> header.cell(current, name),
						names -> {
							String found = header.first(names.toArray(String[]::new));
							return (found != null) ? found : names.get(names.size() - 1);
						});
				if (record != null) {
					records.accept(record);
				}
			}
			return row;
		}
	}

}
