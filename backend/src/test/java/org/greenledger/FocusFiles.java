package org.greenledger;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Small FOCUS files for tests; with {@link TestMonths} their figures are theirs alone on
 * the suite's persistent database.
 */
public final class FocusFiles {

	private static final String HEADER = "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,"
			+ "ProviderName,ServiceCategory,ServiceName,RegionId,ConsumedQuantity,ConsumedUnit,SkuPriceDetails,Tags";

	private final List<String> rows = new ArrayList<>();

	/** An hour of {@code hours} m5.xlarge instances (AWS EC2, us-east-1). */
	public FocusFiles ec2(YearMonth month, int hours, String cost) {
		return row(month, "Usage," + cost + ",USD,AWS,Compute,EC2,us-east-1," + hours
				+ ",Hours,\"{\"\"InstanceType\"\":\"\"m5.xlarge\"\"}\",");
	}

	/** 100 GB-months of Cloud Storage in europe-west4. */
	public FocusFiles gcpStorage(YearMonth month, String cost) {
		return row(month, "Usage," + cost + ",USD,Google Cloud,Storage,Cloud Storage,europe-west4,100,GB-Mo,,");
	}

	/** An instance type GreenLedger's catalog does not know: a cost-only line. */
	public FocusFiles unknownInstance(YearMonth month, String cost) {
		return row(month, "Usage," + cost + ",USD,AWS,Compute,EC2,us-east-1,1,Hours,"
				+ "\"{\"\"InstanceType\"\":\"\"zz9.plural\"\"}\",");
	}

	private FocusFiles row(YearMonth month, String rest) {
		String start = month.atDay(1) + "T00:00:00Z";
		String end = month.atDay(1) + "T01:00:00Z";
		this.rows.add(start + "," + end + "," + rest);
		return this;
	}

	public byte[] bytes() {
		return (HEADER + "\n" + String.join("\n", this.rows) + "\n").getBytes(StandardCharsets.UTF_8);
	}

}
