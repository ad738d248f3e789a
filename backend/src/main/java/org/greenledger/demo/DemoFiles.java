package org.greenledger.demo;

import java.util.List;
import java.util.Random;

/**
 * The demo organisation's files, generated from one seed: cloud bills of the 24 months
 * (AWS CUR; Azure cost details until 2025 and FOCUS from 2026, as an organisation moving
 * to FOCUS would have them; Google Cloud billing export), the two sites' meter readings,
 * and AWS's carbon figures for 2025. Few files with many rows: a load's time goes mostly
 * to each job's fixed work, not to its rows.
 */
final class DemoFiles {

	/** The first year of Azure bills in FOCUS rather than Azure's own cost details. */
	static final int FOCUS_FROM = 2026;

	private DemoFiles() {
	}

	static List<DemoFile> bills() {
		List<CloudUsage.Day> days = CloudUsage.days(new Random(DemoOrganisation.SEED));
		String span = DemoOrganisation.FIRST_MONTH + "-to-"
				+ DemoOrganisation.FIRST_MONTH.plusMonths(DemoOrganisation.MONTHS - 1);
		return List.of(
				new DemoFile("demo-aws-cur-" + span + ".csv", "AWS Cost and Usage Report (legacy CSV)",
						BillFiles.awsCur(CloudUsage.of(days, "aws", year -> true))),
				new DemoFile("demo-azure-cost-details-until-2025.csv", "Azure cost details (EA)",
						BillFiles.azureEa(CloudUsage.of(days, "azure", year -> year < FOCUS_FROM))),
				new DemoFile("demo-azure-focus-" + FOCUS_FROM + ".csv", "FinOps FOCUS 1.0 (Azure)",
						BillFiles.focus(CloudUsage.of(days, "azure", year -> year >= FOCUS_FROM))),
				new DemoFile("demo-gcp-billing-" + span + ".csv", "Google Cloud billing export (CSV)",
						BillFiles.gcp(CloudUsage.of(days, "gcp", year -> true))));
	}

	/** Meter readings of both sites, all months, in one file. */
	static DemoFile readings() {
		Random random = new Random(DemoOrganisation.SEED + 1);
		return new DemoFile("demo-meters-" + DemoOrganisation.OWN_SITE + "-" + DemoOrganisation.COLOCATED_SITE + ".csv",
				"Meter readings (GreenLedger meter CSV)",
				SiteFiles.readings(
						List.of(new SiteFiles.Site(DemoOrganisation.OWN_SITE, 380, 1.1, true),
								new SiteFiles.Site(DemoOrganisation.COLOCATED_SITE, 120, 0.4, false)),
						year -> true, random));
	}

	/** AWS's own carbon figures for 2025 (provider-reported, tier 2). */
	static DemoFile providerCarbon() {
		List<CloudUsage.Day> days = CloudUsage.days(new Random(DemoOrganisation.SEED));
		return new DemoFile("demo-aws-carbon-emissions-2025.csv", "AWS Data Exports CARBON_EMISSIONS",
				ProviderFiles.awsCarbon(CloudUsage.of(days, "aws", year -> year == 2025), 2025));
	}

}
