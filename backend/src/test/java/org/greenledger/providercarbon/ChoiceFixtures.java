package org.greenledger.providercarbon;

import java.time.YearMonth;

/** A one-line AWS bill (FOCUS) and an AWS CARBON_EMISSIONS export for the same month. */
final class ChoiceFixtures {

	private static final String FOCUS_HEADER = "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,"
			+ "BillingCurrency,ProviderName,ServiceCategory,ServiceName,RegionId,SubAccountId,ConsumedQuantity,"
			+ "ConsumedUnit,SkuPriceDetails\n";

	private static final String CARBON_HEADER = "usage_account_id,usage_period_start,model_version,product_code,"
			+ "region_code,total_scope_1_emissions_value,total_scope_2_lbm_emissions_value,"
			+ "total_scope_2_mbm_emissions_value,total_scope_3_lbm_emissions_value,total_scope_3_mbm_emissions_value\n";

	private ChoiceFixtures() {
	}

	/** 720 hours of an m5.xlarge in us-east-1 for the account. */
	static String bill(YearMonth month, String account) {
		return FOCUS_HEADER + month.atDay(1) + "T00:00:00Z," + month.plusMonths(1).atDay(1)
				+ "T00:00:00Z,Usage,140.16,USD,AWS,Compute,Amazon Elastic Compute Cloud,us-east-1," + account
				+ ",720,Hours,\"{\"\"InstanceType\"\":\"\"m5.xlarge\"\"}\"\n";
	}

	static String export(String... rows) {
		return CARBON_HEADER + String.join("", rows);
	}

	/**
	 * An EC2 row in us-east-1, model v3.0.0: scope 1, scope 2 location and market, scope
	 * 3 location and market, in metric tons.
	 */
	static String row(String account, YearMonth month, String... tons) {
		return account + "," + month.atDay(1) + ",v3.0.0,AmazonEC2,us-east-1," + String.join(",", tons) + "\n";
	}

}
