package org.greenledger.core.gridintensity;

import java.util.List;
import java.util.Locale;

import org.greenledger.core.table.Column;
import org.greenledger.core.table.Columns;
import org.greenledger.core.table.InvalidFileException;

/**
 * The columns of an Electricity Maps hourly export, found by name. Names are compared
 * without regard to case, repeated blanks or a byte-order mark, with the subscript
 * {@code ₂} read as {@code 2}; older exports' names are accepted beside the current ones.
 */
record GridColumns(Column datetime, Column country, Column zoneName, Column zoneId, Column direct, Column lifecycle,
		Column carbonFree, Column renewable, Column dataSource, Column estimated, Column estimationMethod) {

	static final List<String> DATETIME = List.of("Datetime (UTC)");

	static final List<String> ZONE_ID = List.of("Zone id");

	static final List<String> LIFECYCLE = List.of("Carbon intensity gCO2eq/kWh (Life cycle)",
			"Carbon intensity gCO2eq/kWh (LCA)");

	static GridColumns of(String fileName, List<String> header) {
		Columns columns = Columns.of(header, GridColumns::normalize);
		List<String> missing = columns.missing(List.of(DATETIME, ZONE_ID, LIFECYCLE));
		if (!missing.isEmpty()) {
			throw new InvalidFileException(fileName + ": not an hourly grid intensity file (Electricity Maps layout): "
					+ Columns.describeMissing(missing) + " (found: " + String.join(", ", header) + ")");
		}
		return new GridColumns(columns.find(DATETIME.toArray(String[]::new)), columns.find("Country"),
				columns.find("Zone name"), columns.find(ZONE_ID.toArray(String[]::new)),
				columns.find("Carbon intensity gCO2eq/kWh (direct)"), columns.find(LIFECYCLE.toArray(String[]::new)),
				columns.find("Carbon-free energy percentage (CFE%)", "Low Carbon Percentage"),
				columns.find("Renewable energy percentage (RE%)", "Renewable Percentage"), columns.find("Data source"),
				columns.find("Data estimated"), columns.find("Data estimation method"));
	}

	/** Lower case, {@code ₂} as {@code 2}, blanks collapsed, without a BOM. */
	static String normalize(String name) {
		return name.replace("\uFEFF", "")
			.replace('\u2082', '2')
			.strip()
			.replaceAll("\\s+", " ")
			.toLowerCase(Locale.ROOT);
	}

}
