package org.greenledger.providercarbon.gcp;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.greenledger.providercarbon.Basis;
import org.greenledger.providercarbon.Figure;
import org.greenledger.providercarbon.Provider;
import org.greenledger.providercarbon.ProviderRecord;
import org.greenledger.providercarbon.RowCheck;

/**
 * One row of Google Cloud's Carbon Footprint export (kg CO2e), whatever its container:
 * each field by its BigQuery path ({@code carbon_footprint_kgCO2e.scope2.market_based},
 * in nested JSON) or its flattened alias ({@code carbon_footprint_scope2_market_based},
 * in CSV from the export documentation's flattening query). Scope 1 and Scope 3 are
 * single figures; Scope 2 is location- and market-based (the market-based field is empty
 * before 2023). A row without a project, or of a deleted project, keeps the project
 * number as its account, or no account. The total columns are not read: they are the sums
 * of the scopes.
 */
final class CarbonFootprintRows {

	static final String MONTH = "usage_month";

	static final List<String> PROJECT_ID = List.of("project.id", "project_id");

	static final List<String> PROJECT_NUMBER = List.of("project.number", "project_number");

	static final List<String> SERVICE = List.of("service.description", "service_description");

	static final List<String> REGION = List.of("location.region", "region");

	static final String VERSION = "carbon_model_version";

	static final List<String> SCOPE1 = List.of("carbon_footprint_kgco2e.scope1", "carbon_footprint_scope1");

	static final List<String> SCOPE2_LOCATION = List.of("carbon_footprint_kgco2e.scope2.location_based",
			"carbon_footprint_scope2_location_based");

	static final List<String> SCOPE2_MARKET = List.of("carbon_footprint_kgco2e.scope2.market_based",
			"carbon_footprint_scope2_market_based");

	static final List<String> SCOPE3 = List.of("carbon_footprint_kgco2e.scope3", "carbon_footprint_scope3");

	private CarbonFootprintRows() {
	}

	/**
	 * The row's record, or null when a cell was rejected.
	 * @param field a field's value by name (null when absent or empty)
	 * @param name the name the file uses for a field (its path or its alias)
	 */
	static @Nullable ProviderRecord record(RowCheck check, Function<String, @Nullable String> field,
			Function<List<String>, String> name) {
		YearMonth month = check.month(MONTH, field.apply(MONTH));
		List<Figure> figures = new ArrayList<>();
		add(check, field, name, SCOPE1, "1", Basis.SINGLE, figures);
		add(check, field, name, SCOPE2_LOCATION, "2", Basis.LOCATION, figures);
		boolean market = add(check, field, name, SCOPE2_MARKET, "2", Basis.MARKET, figures);
		add(check, field, name, SCOPE3, "3", Basis.SINGLE, figures);
		if (!check.ok() || month == null) {
			return null;
		}
		String account = RowCheck.text(field.apply(name.apply(PROJECT_ID)));
		if (account == null) {
			account = RowCheck.text(field.apply(name.apply(PROJECT_NUMBER)));
		}
		return new ProviderRecord(check.row(), Provider.GOOGLE_CLOUD, RowCheck.text(field.apply("billing_account_id")),
				account, RowCheck.text(field.apply(name.apply(SERVICE))),
				RowCheck.text(field.apply(name.apply(REGION))), month, RowCheck.text(field.apply(VERSION)), market,
				figures);
	}

	private static boolean add(RowCheck check, Function<String, @Nullable String> field,
			Function<List<String>, String> name, List<String> names, String scope, Basis basis, List<Figure> figures) {
		String column = name.apply(names);
		BigDecimal kg = check.amount(column, field.apply(column));
		if (kg == null) {
			return false;
		}
		figures.add(new Figure(scope, basis, kg));
		return true;
	}

}
