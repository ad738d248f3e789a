package org.greenledger.core.billing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Whether a row in GB is data transfer although its service is not a networking one:
 * providers bill inter-region and internet transfer under the service that sent the bytes
 * (AWS under Amazon Elastic Compute Cloud, with usage types such as
 * "USE2-DataTransfer-Out-Bytes" or "USE1-USW2-AWS-Out-Bytes" and descriptions such as
 * "$0.09 per GB - first 10 TB / month data transfer out"). Bytes processed by NAT
 * gateways or load balancers are not transfer: the same bytes are billed again as
 * transfer, and counting both would count them twice.
 */
final class DataTransfers {

	private static final Pattern TRANSFER_USAGE_TYPE = Pattern
		.compile("DataTransfer|-(?:In|Out)-A?Bytes|CloudFront-(?:In|Out)-Bytes", Pattern.CASE_INSENSITIVE);

	private static final List<String> USAGE_TYPE_HINTS = List.of("x_UsageType", "lineItem/UsageType",
			"line_item_usage_type");

	private static final List<String> DESCRIPTION_HINTS = List.of("ChargeDescription", "lineItem/LineItemDescription",
			"line_item_line_item_description", "SkuMeter");

	private DataTransfers() {
	}

	static boolean isTransfer(BillingRow record) {
		for (String hint : USAGE_TYPE_HINTS) {
			String usageType = record.hints().get(hint);
			if (usageType != null && !processed(usageType) && TRANSFER_USAGE_TYPE.matcher(usageType).find()) {
				return true;
			}
		}
		for (String hint : DESCRIPTION_HINTS) {
			String description = lower(record.hints().get(hint));
			if (description != null && !processed(description)
					&& (description.contains("data transfer") || TRANSFER_USAGE_TYPE.matcher(description).find())) {
				return true;
			}
		}
		return false;
	}

	private static boolean processed(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		return lower.contains("natgateway") || lower.contains("nat gateway") || lower.contains("data processed")
				|| lower.contains("dataprocessing");
	}

	private static @Nullable String lower(@Nullable String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : null;
	}

}
