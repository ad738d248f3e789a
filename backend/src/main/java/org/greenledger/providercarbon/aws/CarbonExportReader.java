package org.greenledger.providercarbon.aws;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.table.InvalidFileException;
import org.greenledger.ingestion.DelegatedFile;
import org.greenledger.ingestion.DelegatedRows;
import org.greenledger.providercarbon.Basis;
import org.greenledger.providercarbon.Figure;
import org.greenledger.providercarbon.Header;
import org.greenledger.providercarbon.ModelVersions;
import org.greenledger.providercarbon.Provider;
import org.greenledger.providercarbon.ProviderReader;
import org.greenledger.providercarbon.ProviderRecord;
import org.greenledger.providercarbon.RowCheck;

import org.springframework.stereotype.Component;

/**
 * AWS Data Exports' {@code CARBON_EMISSIONS} table, as CSV (plain or gzip) or Parquet:
 * columns by name, metric tons converted to kg once. With the v3 scope columns each row
 * gives Scope 1, Scope 2 and Scope 3 location- and market-based; an export without them
 * (created before v3.0.0) gives only the totals, stored as the sum of the scopes its
 * model version covers (Scope 1 + 2 before v3, 1 + 2 + 3 from v3). The {@code total_*}
 * columns are never added to the scope columns.
 */
@Component
class CarbonExportReader implements ProviderReader {

	static final String FORMAT = "AWS CARBON_EMISSIONS export";

	private static final String START = "usage_period_start";

	private static final String ACCOUNT = "usage_account_id";

	private static final String PAYER = "payer_account_id";

	private static final String VERSION = "model_version";

	private static final String TOTAL_LBM = "total_lbm_emissions_value";

	private static final String TOTAL_MBM = "total_mbm_emissions_value";

	/** The scope columns of model v3.0.0: column, scope, basis. */
	private static final List<String[]> SCOPES = List.of(
			new String[] { "total_scope_1_emissions_value", "1", "SINGLE" },
			new String[] { "total_scope_2_lbm_emissions_value", "2", "LOCATION" },
			new String[] { "total_scope_2_mbm_emissions_value", "2", "MARKET" },
			new String[] { "total_scope_3_lbm_emissions_value", "3", "LOCATION" },
			new String[] { "total_scope_3_mbm_emissions_value", "3", "MARKET" });

	@Override
	public List<String> formats() {
		return List.of(FORMAT);
	}

	@Override
	public Optional<String> recognise(String start) {
		String header = start.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
		boolean export = !header.startsWith("{") && header.contains(START)
				&& (header.contains(TOTAL_LBM) || header.contains(SCOPES.get(0)[0]));
		return export ? Optional.of(FORMAT) : Optional.empty();
	}

	@Override
	public Optional<String> recogniseColumns(List<String> columns) {
		List<String> names = columns.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
		boolean export = names.contains(START) && (names.contains(TOTAL_LBM) || names.contains(SCOPES.get(0)[0]));
		return export ? Optional.of(FORMAT) : Optional.empty();
	}

	@Override
	public long read(DelegatedFile file, Consumer<ProviderRecord> records) {
		try (DelegatedRows rows = file.rows()) {
			Header header = new Header(rows.header());
			header.require(file.fileName(), FORMAT, START, VERSION);
			if (!header.has(ACCOUNT) && !header.has(PAYER)) {
				throw new InvalidFileException(file.fileName() + ": the " + FORMAT + " lacks both " + ACCOUNT + " and "
						+ PAYER + "; at least one names the account");
			}
			boolean scoped = SCOPES.stream().anyMatch(scope -> header.has(scope[0]));
			if (!scoped) {
				header.require(file.fileName(), FORMAT, TOTAL_LBM);
			}
			long row = 0;
			for (List<String> cells = rows.next(); cells != null; cells = rows.next()) {
				row++;
				ProviderRecord record = record(new RowCheck(file, row), header, cells, scoped);
				if (record != null) {
					records.accept(record);
				}
			}
			return row;
		}
	}

	private static @Nullable ProviderRecord record(RowCheck check, Header header, List<String> cells, boolean scoped) {
		YearMonth month = check.month(START, header.cell(cells, START));
		String version = check.required(VERSION, header.cell(cells, VERSION));
		String payer = RowCheck.text(header.cell(cells, PAYER));
		String account = RowCheck.text(header.cell(cells, ACCOUNT));
		if (account == null) {
			account = payer;
		}
		if (account == null) {
			check.reject(ACCOUNT, "the value is missing (and so is " + PAYER + ")");
		}
		List<Figure> figures = new ArrayList<>();
		boolean market = false;
		if (scoped) {
			for (String[] scope : SCOPES) {
				BigDecimal tons = tons(check, header, cells, scope[0]);
				if (tons != null) {
					figures.add(new Figure(scope[1], Basis.valueOf(scope[2]), RowCheck.kilograms(tons)));
					market |= scope[2].equals("MARKET");
				}
			}
		}
		else {
			String scopes = (version != null && ModelVersions.major(version) < 3) ? "1+2" : "1+2+3";
			BigDecimal location = tons(check, header, cells, TOTAL_LBM);
			BigDecimal marketTons = tons(check, header, cells, TOTAL_MBM);
			if (location != null) {
				figures.add(new Figure(scopes, Basis.LOCATION, RowCheck.kilograms(location)));
			}
			if (marketTons != null) {
				figures.add(new Figure(scopes, Basis.MARKET, RowCheck.kilograms(marketTons)));
				market = true;
			}
		}
		if (!check.ok() || month == null) {
			return null;
		}
		return new ProviderRecord(check.row(), Provider.AWS, payer, account,
				RowCheck.text(header.cell(cells, "product_code")), RowCheck.text(header.cell(cells, "region_code")),
				month, version, market, figures);
	}

	private static @Nullable BigDecimal tons(RowCheck check, Header header, List<String> cells, String column) {
		String unitColumn = column.replace("_value", "_unit");
		check.metricTons(unitColumn, header.cell(cells, unitColumn));
		return check.amount(column, header.cell(cells, column));
	}

}
