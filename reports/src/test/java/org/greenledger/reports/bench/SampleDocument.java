package org.greenledger.reports.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.greenledger.reports.Block;
import org.greenledger.reports.Chart;
import org.greenledger.reports.Column;
import org.greenledger.reports.Document;
import org.greenledger.reports.KeyFigure;
import org.greenledger.reports.Provenance;
import org.greenledger.reports.Section;
import org.greenledger.reports.Sheet;
import org.greenledger.reports.Status;
import org.greenledger.reports.Table;
import org.greenledger.reports.TitleBlock;
import org.greenledger.reports.pdf.PdfRenderer;
import org.greenledger.reports.xlsx.XlsxRenderer;

/**
 * A sample "full-year inventory" document with made-up numbers, for tests, the benchmark
 * and the documentation's sample page. Run {@link #main} to write {@code sample.pdf} and
 * {@code sample.xlsx} into a directory.
 */
public final class SampleDocument {

	/** The months, as chart categories. */
	static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
			"Nov", "Dec");

	private static final String[] PROVIDERS = { "AWS", "Azure", "Google Cloud", "On-premises GPU cluster" };

	private static final String[] REGIONS = { "eu-central-1", "westeurope", "europe-west4", "us-east-1", "eastus",
			"us-central1", "eu-north-1", "uksouth" };

	private static final String[] SERVICES = { "Compute", "Storage", "Networking", "Managed databases", "AI training",
			"AI inference" };

	private SampleDocument() {
	}

	/**
	 * Writes the sample as PDF and XLSX.
	 * @param args the output directory (default {@code target/sample}) and the number of
	 * activity lines (default 1,000)
	 * @throws IOException if writing fails
	 */
	public static void main(String[] args) throws IOException {
		Path dir = Path.of((args.length > 0) ? args[0] : "target/sample");
		long lines = (args.length > 1) ? Long.parseLong(args[1]) : 1_000;
		Files.createDirectories(dir);
		Document document = fullYear(lines);
		try (OutputStream out = Files.newOutputStream(dir.resolve("sample.pdf"))) {
			new PdfRenderer().render(document, out);
		}
		try (OutputStream out = Files.newOutputStream(dir.resolve("sample.xlsx"))) {
			new XlsxRenderer().render(document, out);
		}
		System.out.println("Wrote " + dir.resolve("sample.pdf") + " and " + dir.resolve("sample.xlsx"));
	}

	/**
	 * A full-year inventory: key figures, 12 months by provider, region and service, four
	 * charts, a few hundred table rows and a sheet of activity lines.
	 * @param activityLines the number of activity lines in the spreadsheet-only sheet
	 * @return the document
	 */
	public static Document fullYear(long activityLines) {
		TitleBlock titleBlock = new TitleBlock("Greenhouse gas inventory 2026", "Cloud and AI compute",
				"Example Analytics GmbH", "1 January 2026 - 31 December 2026", "GHG inventory",
				Instant.parse("2027-01-15T09:30:00Z"), Status.DRAFT, "2");
		double[] monthly = new double[12];
		for (int m = 0; m < 12; m++) {
			monthly[m] = 80 + 12 * Math.sin(m / 2.0) + m * 1.5;
		}
		double total = 0;
		for (double value : monthly) {
			total += value;
		}
		Section summary = Section.builder("Summary")
			.reference("ESRS E1-6 §44")
			.paragraph("This inventory covers the cloud and AI compute of Example Analytics GmbH for the calendar "
					+ "year 2026. Emissions are reported in tonnes of CO2 equivalent (t CO2e).")
			.add(Block.KeyFigures.of(
					KeyFigure.of("Total emissions (location-based)", total, "t CO2e")
						.withReference("ESRS E1-6 §44 (a)"),
					KeyFigure.of("Total emissions (market-based)", total * 0.62, "t CO2e")
						.withReference("ESRS E1-6 §44 (b)"),
					KeyFigure.of("Electricity", 4_321_987.654, "kWh").withDecimals(0),
					KeyFigure.of("Measured share", 0.41 * 100, "%").withNote("Metered GPU power, rest estimated"),
					KeyFigure.of("Change on 2025", -8.4, "%"),
					KeyFigure.of("Intensity", 12.345, "kg CO2e / k EUR").withDecimals(2)))
			.note("Figures for December are based on provider estimates until the final bills arrive.")
			.build();
		Section monthlySection = Section.builder("Emissions by month")
			.reference("ESRS E1-6")
			.add(new Chart(Chart.Kind.LINE, "Emissions by month", MONTHS,
					List.of(series("Location-based", monthly, 1), series("Market-based", monthly, 0.62)), "t CO2e"))
			.add(monthTable("Emissions by month", monthly))
			.build();
		Section providers = breakdown("Emissions by provider", PROVIDERS, monthly, Chart.Kind.STACKED_BAR);
		Section regions = breakdown("Emissions by region", REGIONS, monthly, Chart.Kind.BAR);
		Section services = breakdown("Emissions by service", SERVICES, monthly, Chart.Kind.PIE);
		Section detail = Section.builder("Monthly detail by provider, region and service")
			.paragraph("Every combination of month, provider, region and service with activity.")
			.add(detailTable(monthly))
			.build();
		Section changes = Section.builder("Differences from version 1")
			.paragraph("Version 2 replaces the provider estimates for November with the final bills and uses "
					+ "the 2026.1 grid factors.")
			.add(Table.of("Changed figures",
					List.of(Column.text("Figure"), Column.number("Version 1", "t CO2e", 1),
							Column.number("Version 2", "t CO2e", 1), Column.percent("Change", 1)),
					List.of(List.of("Total (location-based)", total * 1.02, total, -0.0196),
							List.of("November", monthly[10] * 1.1, monthly[10], -0.0909))))
			.build();
		Provenance provenance = new Provenance("0.1.0", "greenledger-method 1.3",
				List.of(new Provenance.FactorDataset("greenledger-cloud", "2026.1"),
						new Provenance.FactorDataset("greenledger-grid", "2026.1"),
						new Provenance.FactorDataset("greenledger-hardware", "2025.2")),
				List.of(new Provenance.SourceFile("aws-cur-2026.parquet",
						"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
						new Provenance.SourceFile("azure-costs-2026.csv",
								"60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"),
						new Provenance.SourceFile("nvidia-smi-cluster-a.csv",
								"fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13")),
				"RPT-2026-0042", null);
		return Document.builder(titleBlock)
			.changes(changes)
			.section(summary)
			.section(monthlySection)
			.section(providers)
			.section(regions)
			.section(services)
			.section(detail)
			.dataQuality("Measured (metered power)", 0.41)
			.dataQuality("Provider-reported", 0.37)
			.dataQuality("Activity-based estimate", 0.17)
			.dataQuality("Spend-based estimate", 0.05)
			.methodology("Boundary",
					"Operational control. Cloud services bought by the entity and the GPU "
							+ "cluster it operates.\n\nLeased data-centre space is included under the cluster.")
			.methodology("Calculation",
					"Energy is estimated per service line from usage, then multiplied by the "
							+ "grid factor of the region and month. Measured power replaces estimates where available.")
			.methodology("Sources",
					"Provider billing exports (cost and usage reports), metered GPU power "
							+ "(nvidia-smi) and the factor datasets listed under Provenance.")
			.footnote("Market-based figures use the renewable energy certificates reported by the providers.")
			.footnote("Totals may differ from the sum of rounded figures.")
			.sheet(new Sheet("Activity lines", ActivityLines.table(activityLines)))
			.provenance(provenance)
			.build();
	}

	private static Chart.Series series(String name, double[] monthly, double factor) {
		List<Double> values = new ArrayList<>();
		for (double value : monthly) {
			values.add(value * factor);
		}
		return new Chart.Series(name, values);
	}

	private static Table monthTable(String caption, double[] monthly) {
		List<List<Object>> rows = new ArrayList<>();
		for (int m = 0; m < 12; m++) {
			rows.add(List.of(LocalDate.of(2026, m + 1, 1), monthly[m], monthly[m] * 0.62, monthly[m] * 1000 / 0.3));
		}
		return Table.of(caption, List.of(Column.date("Month"), Column.number("Location-based", "t CO2e", 1),
				Column.number("Market-based", "t CO2e", 1), Column.number("Electricity", "kWh", 0)), rows);
	}

	private static Section breakdown(String heading, String[] keys, double[] monthly, Chart.Kind kind) {
		List<Chart.Series> series = new ArrayList<>();
		List<List<Object>> rows = new ArrayList<>();
		double[] shares = new double[keys.length];
		double sum = 0;
		for (int k = 0; k < keys.length; k++) {
			shares[k] = 1.0 / (k + 1.5);
			sum += shares[k];
		}
		List<String> categories = (kind == Chart.Kind.PIE) ? List.of(keys) : MONTHS;
		if (kind == Chart.Kind.PIE) {
			List<Double> values = new ArrayList<>();
			double total = 0;
			for (double value : monthly) {
				total += value;
			}
			for (int k = 0; k < keys.length; k++) {
				values.add(total * shares[k] / sum);
			}
			series.add(new Chart.Series("Emissions", values));
		}
		else {
			for (int k = 0; k < keys.length; k++) {
				List<Double> values = new ArrayList<>();
				for (int m = 0; m < 12; m++) {
					values.add(monthly[m] * shares[k] / sum);
				}
				series.add(new Chart.Series(keys[k], values));
			}
		}
		for (int m = 0; m < 12; m++) {
			for (int k = 0; k < keys.length; k++) {
				double value = monthly[m] * shares[k] / sum;
				rows.add(List.of(MONTHS.get(m) + " 2026", keys[k], value, value * 1000 / 0.3, shares[k] / sum));
			}
		}
		return Section.builder(heading)
			.reference("ESRS E1-6 AR 46")
			.add(new Chart(kind, heading, categories, series, "t CO2e"))
			.add(Table.of(heading + ", monthly",
					List.of(Column.text("Month"), Column.text("Key"), Column.number("Emissions", "t CO2e", 2),
							Column.number("Electricity", "kWh", 0), Column.percent("Share", 1)),
					rows))
			.build();
	}

	private static Table detailTable(double[] monthly) {
		List<List<Object>> rows = new ArrayList<>();
		for (int m = 0; m < 12; m++) {
			for (int p = 0; p < 3; p++) {
				for (int s = 0; s < 4; s++) {
					double value = monthly[m] / 12 * (1 + p * 0.1 + s * 0.05);
					rows.add(List.of(MONTHS.get(m) + " 2026", PROVIDERS[p], REGIONS[(m + p) % REGIONS.length],
							SERVICES[s], (long) (value * 3333), value));
				}
			}
		}
		return Table.of("Emissions by month, provider, region and service",
				List.of(Column.text("Month"), Column.text("Provider"), Column.text("Region"), Column.text("Service"),
						Column.integer("Electricity", "kWh"), Column.number("Emissions", "t CO2e", 3)),
				rows);
	}

}
