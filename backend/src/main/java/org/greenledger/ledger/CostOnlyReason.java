package org.greenledger.ledger;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A stored cost-only reason (the billing mapper's words) read back into what a data issue
 * is about and said in the user's words: the unit of a service without a usage mapping,
 * or the instance type, provider or region in question, and why not even a spend-based
 * estimate was possible. Reasons that differ only by the amount billed (0.00 and 0.0000)
 * are the same issue.
 *
 * @param unit the billed unit of a service without a usage mapping, or null
 * @param subject what else the issue is about (an instance type, provider or region), or
 * null
 * @param explanation the reason in the user's words
 */
record CostOnlyReason(@Nullable String unit, @Nullable String subject, String explanation) {

	private static final Pattern SERVICE_UNIT = Pattern.compile("no usage mapping for (.+) in (.+?)(?:;.*)?");

	private static final Pattern PROVIDER = Pattern.compile("no usage mapping for provider '(.*?)'(?:;.*)?");

	private static final Pattern REGION = Pattern.compile("unknown or missing region '(.*?)'(?:;.*)?");

	private static final Pattern NOT_IN_CATALOG = Pattern
		.compile("instance type '(.+?)' is not in the instance catalog(?:;.*)?");

	private static final Pattern NO_POWER = Pattern
		.compile("instance type '(.+?)': no power data for (CPU|accelerator) '?(.+?)'?");

	private static final Pattern ZERO_COST = Pattern.compile(".*; no spend-based estimate for a billed cost of .*");

	private static final Pattern NO_CURRENCY = Pattern
		.compile(".*; no spend-based estimate without a known billing currency \\('(.*)'\\)");

	static CostOnlyReason of(String reason) {
		String noSpend = noSpend(reason);
		Matcher matcher = PROVIDER.matcher(reason);
		if (matcher.matches()) {
			return new CostOnlyReason(null, "provider " + matcher.group(1),
					"GreenLedger has no usage mapping for the provider '" + matcher.group(1) + "'" + noSpend);
		}
		matcher = REGION.matcher(reason);
		if (matcher.matches()) {
			String region = matcher.group(1);
			return new CostOnlyReason(null, "region " + region,
					("null".equals(region) || region.isEmpty() ? "The rows name no region"
							: "The region '" + region + "' is not one GreenLedger knows for this provider") + noSpend);
		}
		matcher = SERVICE_UNIT.matcher(reason);
		if (matcher.matches()) {
			String unit = matcher.group(2);
			return new CostOnlyReason(unit, null, "GreenLedger does not know how much energy one " + unit + " of "
					+ matcher.group(1) + " takes" + noSpend);
		}
		matcher = NOT_IN_CATALOG.matcher(reason);
		if (matcher.matches()) {
			return new CostOnlyReason(null, "instance type " + matcher.group(1),
					"The instance type " + matcher.group(1) + " is not yet in GreenLedger's instance catalog");
		}
		matcher = NO_POWER.matcher(reason);
		if (matcher.matches()) {
			String part = "(unknown)".equals(matcher.group(3))
					? "GreenLedger does not know which " + matcher.group(2) + " the instance type " + matcher.group(1)
							+ " runs on"
					: "GreenLedger has no power figures for the " + matcher.group(2) + " " + matcher.group(3)
							+ " of the instance type " + matcher.group(1);
			return new CostOnlyReason(null, "instance type " + matcher.group(1), part);
		}
		return new CostOnlyReason(null, null, reason);
	}

	/** Why not even a spend-based estimate, or nothing. */
	private static String noSpend(String reason) {
		if (ZERO_COST.matcher(reason).matches()) {
			return ", and the rows are billed at zero or less, so their cost cannot stand in for it either";
		}
		Matcher currency = NO_CURRENCY.matcher(reason);
		if (currency.matches()) {
			return currency.group(1).isEmpty()
					? ", and the rows name no billing currency, so their cost cannot stand in for it either"
					: ", and the billing currency '" + currency.group(1)
							+ "' is not one GreenLedger knows, so the cost cannot stand in for it either";
		}
		return "";
	}

}
