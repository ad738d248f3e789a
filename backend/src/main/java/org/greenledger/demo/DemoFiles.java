package org.greenledger.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo organisation's files, generated from one seed: cloud bills of the 24 months
 * (AWS CUR for every year; Azure cost details until 2025 and FOCUS from 2026, as an
 * organisation moving to FOCUS would have them; Google Cloud billing export), the two
 * sites' meter readings per year, and AWS's carbon figures for 2025.
 */
final class DemoFiles {

	private DemoFiles() {
	}

	static List<DemoFile> bills() {
		List<CloudUsage.Day> days = CloudUsage.days(new Random(DemoOrganisation.SEED));
		List<DemoFile> files = new ArrayList<>();
		for (int year : years()) {
			files.add(new DemoFile("demo-aws-cur-" + year + ".csv", "AWS Cost and Usage Report (legacy CSV)",
					BillFiles.awsCur(CloudUsage.of(days, "aws", year))));
			List<CloudUsage.Day> azure = CloudUsage.of(days, "azure", year);
			files.add((year < 2026)
					? new DemoFile("demo-azure-cost-details-" + year + ".csv", "Azure cost details (EA)",
							BillFiles.azureEa(azure))
					: new DemoFile("demo-azure-focus-" + year + ".csv", "FinOps FOCUS 1.0 (Azure)",
							BillFiles.focus(azure)));
			files.add(new DemoFile("demo-gcp-billing-" + year + ".csv", "Google Cloud billing export (CSV)",
					BillFiles.gcp(CloudUsage.of(days, "gcp", year))));
		}
		return files;
	}

	/** Meter readings of both sites, one file per site and year. */
	static List<DemoFile> readings() {
		Random random = new Random(DemoOrganisation.SEED + 1);
		List<DemoFile> files = new ArrayList<>();
		for (int year : years()) {
			files.add(new DemoFile("demo-meters-" + DemoOrganisation.OWN_SITE + "-" + year + ".csv",
					"Meter readings (GreenLedger meter CSV)",
					SiteFiles.readings(DemoOrganisation.OWN_SITE, year, 380, 1.1, true, random)));
			files.add(new DemoFile("demo-meters-" + DemoOrganisation.COLOCATED_SITE + "-" + year + ".csv",
					"Meter readings (GreenLedger meter CSV)",
					SiteFiles.readings(DemoOrganisation.COLOCATED_SITE, year, 120, 0.4, false, random)));
		}
		return files;
	}

	/** AWS's own carbon figures for 2025 (provider-reported, tier 2). */
	static DemoFile providerCarbon() {
		List<CloudUsage.Day> days = CloudUsage.days(new Random(DemoOrganisation.SEED));
		return new DemoFile("demo-aws-carbon-emissions-2025.csv", "AWS Data Exports CARBON_EMISSIONS",
				ProviderFiles.awsCarbon(CloudUsage.of(days, "aws", 2025), 2025));
	}

	private static List<Integer> years() {
		int first = DemoOrganisation.FIRST_MONTH.getYear();
		int last = DemoOrganisation.endDay().minusDays(1).getYear();
		List<Integer> years = new ArrayList<>();
		for (int year = first; year <= last; year++) {
			years.add(year);
		}
		return years;
	}

}
