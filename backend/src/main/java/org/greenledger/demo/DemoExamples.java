package org.greenledger.demo;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Example files of the formats the demo generator writes, for the Data sources page: one
 * month (meters: one week) of the demo organisation in each format, generated on request
 * by the same code that writes the demo's uploads.
 */
public final class DemoExamples {

	/** The month the bill examples show. */
	private static final YearMonth MONTH = YearMonth.of(2025, 6);

	/**
	 * An example file.
	 *
	 * @param doc the name of its format page ({@code docs/formats/<doc>.md})
	 */
	public record Example(String name, String format, String doc, String contentType, Supplier<byte[]> content) {
	}

	private static final List<Example> EXAMPLES = List.of(
			new Example("example-focus-1.0.csv", "FinOps FOCUS 1.0", "focus", "text/csv",
					() -> BillFiles.focus(month("azure"))),
			new Example("example-aws-cur.csv", "AWS Cost and Usage Report (legacy CSV)", "aws-cur", "text/csv",
					() -> BillFiles.awsCur(month("aws"))),
			new Example("example-azure-cost-details.csv", "Azure cost details (EA)", "azure-cost-details", "text/csv",
					() -> BillFiles.azureEa(month("azure"))),
			new Example("example-gcp-billing.csv", "Google Cloud billing export (CSV)", "gcp-billing", "text/csv",
					() -> BillFiles.gcp(month("gcp"))),
			new Example("example-meter-readings.csv", "GreenLedger meter CSV", "meter-csv", "text/csv",
					DemoExamples::meterWeek),
			new Example("example-aws-carbon-emissions.csv", "AWS Data Exports CARBON_EMISSIONS", "aws-carbon-emissions",
					"text/csv", () -> DemoFiles.providerCarbon().content()),
			new Example("example-pact-footprint.json", "WBCSD PACT product footprint 2.2", "pact", "application/json",
					DemoPact::gpuServer));

	private DemoExamples() {
	}

	public static List<Example> all() {
		return EXAMPLES;
	}

	public static Optional<Example> named(String name) {
		return EXAMPLES.stream().filter(example -> example.name().equals(name)).findFirst();
	}

	private static List<CloudUsage.Day> month(String provider) {
		return CloudUsage.days(new Random(DemoOrganisation.SEED))
			.stream()
			.filter(day -> day.fleet().provider().equals(provider) && YearMonth.from(day.day()).equals(MONTH))
			.toList();
	}

	private static byte[] meterWeek() {
		String text = new String(
				SiteFiles.readings(List.of(new SiteFiles.Site(DemoOrganisation.OWN_SITE, 380, 1.1, true)),
						year -> year == 2025, new Random(1)),
				StandardCharsets.UTF_8);
		String[] lines = text.split("\n");
		// header, then 7 days of 6 intervals x 3 meters, and the generator's run on the
		// 1st
		StringBuilder week = new StringBuilder();
		for (int i = 0; i < Math.min(lines.length, 1 + 7 * 18 + 1); i++) {
			week.append(lines[i]).append('\n');
		}
		return week.toString().getBytes(StandardCharsets.UTF_8);
	}

}
