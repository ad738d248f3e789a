package org.greenledger.demo;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Provider-reported figures of the demo's AWS account: the AWS Data Exports
 * {@code CARBON_EMISSIONS} table (columns as in
 * {@code fixtures/provider-carbon/aws/carbon_emissions_export_synthetic.csv}), one row
 * per month, product and region. AWS derives its figures from its own metering; the demo
 * derives them from the same usage with its own assumptions (power per instance, the
 * region's grid, renewable purchases for the market-based figure), so that the
 * reconciliation page shows a plausible, not an identical, provider figure.
 */
final class ProviderFiles {

	private static final String HEADER = "last_refresh_timestamp,location,model_version,payer_account_id,"
			+ "product_code,region_code,total_lbm_emissions_unit,total_lbm_emissions_value,total_mbm_emissions_unit,"
			+ "total_mbm_emissions_value,total_scope_1_emissions_unit,total_scope_1_emissions_value,"
			+ "total_scope_2_lbm_emissions_unit,total_scope_2_lbm_emissions_value,total_scope_2_mbm_emissions_unit,"
			+ "total_scope_2_mbm_emissions_value,total_scope_3_lbm_emissions_unit,total_scope_3_lbm_emissions_value,"
			+ "total_scope_3_mbm_emissions_unit,total_scope_3_mbm_emissions_value,usage_account_id,usage_period_end,"
			+ "usage_period_start";

	/** The demo's assumption of an instance's average power draw in kW. */
	private static final Map<String, Double> KILOWATTS = Map.of("m5.xlarge", 0.045, "g5.xlarge", 0.32, "p5.48xlarge",
			6.8);

	/** The demo's assumption of the region's grid in kg CO2e per kWh. */
	private static final Map<String, Double> GRID = Map.of("us-east-1", 0.37, "eu-west-1", 0.29);

	private ProviderFiles() {
	}

	/** AWS's figures for the months of the given year. */
	static byte[] awsCarbon(List<CloudUsage.Day> awsDays, int year) {
		Map<String, Double> tonnes = new TreeMap<>();
		for (CloudUsage.Day day : awsDays) {
			if (day.day().getYear() != year) {
				continue;
			}
			String key = YearMonth.from(day.day()) + "|" + day.fleet().region();
			double kwh = day.hours() * KILOWATTS.get(day.fleet().instanceType()) * 1.135;
			tonnes.merge(key, kwh * GRID.get(day.fleet().region()) / 1000, Double::sum);
		}
		CsvText csv = new CsvText(HEADER);
		tonnes.forEach((key, location) -> {
			YearMonth month = YearMonth.parse(key.substring(0, 7));
			String region = key.substring(8);
			double scope1 = location * 0.005;
			double scope2 = location;
			double scope3 = location * 0.28;
			double scope2Market = scope2 * 0.12;
			csv.row(month.plusMonths(3).atDay(20) + " 07:00:00Z", region, "v3.0.0", DemoOrganisation.AWS_PAYER,
					"AmazonEC2", region, "MTCO2e", round(scope1 + scope2 + scope3), "MTCO2e",
					round(scope1 + scope2Market + scope3), "MTCO2e", round(scope1), "MTCO2e", round(scope2), "MTCO2e",
					round(scope2Market), "MTCO2e", round(scope3), "MTCO2e", round(scope3), DemoOrganisation.AWS_ACCOUNT,
					month.plusMonths(1).atDay(1) + " 00:00:00Z", month.atDay(1) + " 00:00:00Z");
		});
		return csv.bytes();
	}

	private static String round(double value) {
		return String.format(Locale.ROOT, "%.6f", value);
	}

}
