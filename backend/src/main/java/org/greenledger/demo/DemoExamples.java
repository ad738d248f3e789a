package org.greenledger.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Example files of the supported formats, for the Data sources page: one month (meters:
 * one week) of the demo organisation in each format the demo generator writes, generated
 * on request by the same code that writes the demo's uploads, and for the other formats
 * files of the test resources whose licence allows it (shipped in {@code examples/}, with
 * their sources in {@code examples/SOURCES.md}).
 */
public final class DemoExamples {

	/** The month the bill examples show. */
	private static final YearMonth MONTH = YearMonth.of(2025, 6);

	private static final String GENERATED = "GreenLedger's demo generator (invented figures)";

	/**
	 * An example file.
	 *
	 * @param doc the name of its format page ({@code docs/formats/<doc>.md})
	 * @param source where the file comes from, with its licence
	 */
	public record Example(String name, String format, String doc, String contentType, String source,
			Supplier<byte[]> content) {
	}

	private static final List<Example> EXAMPLES = List.of(
			new Example("example-focus-1.0.csv", "FinOps FOCUS 1.0", "focus", "text/csv", GENERATED,
					() -> BillFiles.focus(month("azure"))),
			new Example("example-aws-cur.csv", "AWS Cost and Usage Report (legacy CSV)", "aws-cur", "text/csv",
					GENERATED, () -> BillFiles.awsCur(month("aws"))),
			new Example("example-azure-cost-details.csv", "Azure cost details (EA)", "azure", "text/csv", GENERATED,
					() -> BillFiles.azureEa(month("azure"))),
			new Example("example-gcp-billing.csv", "Google Cloud billing export (CSV)", "gcp", "text/csv", GENERATED,
					() -> BillFiles.gcp(month("gcp"))),
			new Example("example-meter-readings.csv", "GreenLedger meter CSV", "meter-csv", "text/csv", GENERATED,
					DemoExamples::meterWeek),
			new Example("example-aws-carbon-emissions.csv", "AWS Data Exports CARBON_EMISSIONS", "aws-carbon-emissions",
					"text/csv", GENERATED, () -> DemoFiles.providerCarbon().content()),
			new Example("example-pact-footprint.json", "WBCSD PACT product footprint 2.2", "pact", "application/json",
					GENERATED, DemoPact::gpuServer),
			shipped("codecarbon-2.7-cubes-and-clouds.csv", "CodeCarbon emissions.csv", "codecarbon", "text/csv",
					"EO-College/cubes-and-clouds emissions.csv, CC-BY-4.0, EO College"),
			shipped("nvidia-smi-h100.csv", "nvidia-smi CSV (GPU telemetry)", "nvidia-smi", "text/csv",
					"written by hand for GreenLedger's tests (no real measurement)"),
			shipped("dcgm-t4-scrape.prom", "DCGM exporter scrape (GPU telemetry)", "prometheus", "text/plain",
					"DataDog/integrations-core dcgm/tests/fixtures/metrics.txt, BSD-3-Clause, (c) 2016 Datadog, Inc."),
			shipped("kepler-0.7-scrape.prom", "Kepler scrape (container energy)", "prometheus", "text/plain",
					"DataDog/integrations-extras kepler/tests/fixtures/output.txt, BSD-3-Clause, (c) 2016 Datadog, Inc."),
			shipped("gba-electric-containerized.xml", "Green Button (ESPI) XML", "green-button", "application/xml",
					"vladistan/greenbutton_objects tests/data/abridged/electric_containerized.xml, Apache-2.0"),
			shipped("grid-intensity-hourly.csv", "Electricity Maps hourly CSV (grid intensity)", "grid-intensity",
					"text/csv", "written by hand for GreenLedger's tests in Electricity Maps' layout (not their data)"),
			shipped("gcp-carbon-footprint.csv", "Google Cloud Carbon Footprint export (CSV)", "gcp-carbon-footprint",
					"text/csv", "synthetic, GreenLedger's own test data"),
			shipped("azure-carbon-monthly-summary.json", "Azure carbon optimization report (JSON)",
					"azure-carbon-optimization", "application/json",
					"Microsoft's example in Azure/azure-rest-api-specs (Microsoft.Carbon 2025-10-01), MIT, (c) Microsoft"));

	private DemoExamples() {
	}

	public static List<Example> all() {
		return EXAMPLES;
	}

	public static Optional<Example> named(String name) {
		return EXAMPLES.stream().filter(example -> example.name().equals(name)).findFirst();
	}

	private static Example shipped(String name, String format, String doc, String contentType, String source) {
		return new Example(name, format, doc, contentType, source, () -> {
			try (InputStream in = DemoExamples.class.getResourceAsStream("/examples/" + name)) {
				if (in == null) {
					throw new IllegalStateException("The example file " + name + " is not in the application.");
				}
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
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
		// header, the generator's run on the 1st, then 7 days of 3 meters
		StringBuilder week = new StringBuilder();
		for (int i = 0; i < Math.min(lines.length, 1 + 1 + 7 * 3); i++) {
			week.append(lines[i]).append('\n');
		}
		return week.toString().getBytes(StandardCharsets.UTF_8);
	}

}
