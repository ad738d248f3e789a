package org.greenledger.reports.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.plot.PlotOrientation;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.PdfWriter;

import org.greenledger.reports.Chart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Charts whose category labels fit: every label printed whole (never cut to "20..."),
 * months as "Oct 2018" or "Oct 18", turned upright or thinned when there are many, and
 * many categories that are not months as horizontal bars. Each chart is drawn alone on a
 * page and the page's text read back with PDFBox.
 */
class ChartDrawerTest {

	private static final float WIDTH = PageSize.A4.getWidth() - 100;

	private static final float HEIGHT = WIDTH * 0.48f;

	@Test
	void printsEveryMonthOfAYearWhole() throws IOException {
		Chart chart = monthly(YearMonth.of(2018, 1), 12, 4);
		ChartAxis axis = ChartAxis.fit(chart, WIDTH, HEIGHT);
		String text = chartText(chart);
		assertThat(axis.orientation()).isEqualTo(PlotOrientation.VERTICAL);
		assertThat(axis.step()).isEqualTo(1);
		for (int m = 1; m <= 12; m++) {
			String month = YearMonth.of(2018, m)
				.format(java.time.format.DateTimeFormatter.ofPattern("MMM", java.util.Locale.ENGLISH));
			// "Oct 2018" or, when the long form does not fit side by side, "Oct 18":
			// never "20..." or "Oct ...".
			assertThat(text).containsPattern(month + " (2018|18)\\b");
		}
		assertThat(text).doesNotContain("...").doesNotContain("\u2026");
	}

	@Test
	void printsTheLongFormWhenItFits() throws IOException {
		Chart chart = monthly(YearMonth.of(2018, 10), 3, 1);
		assertThat(ChartAxis.fit(chart, WIDTH, HEIGHT).labels()).containsExactly("Oct 2018", "Nov 2018", "Dec 2018");
		assertThat(chartText(chart)).contains("Oct 2018", "Nov 2018", "Dec 2018");
	}

	@Test
	void turnsThreeYearsOfMonthsUprightAndKeepsEveryLabel() throws IOException {
		Chart chart = monthly(YearMonth.of(2016, 1), 36, 2);
		ChartAxis axis = ChartAxis.fit(chart, WIDTH, HEIGHT);
		assertThat(axis.upright()).isTrue();
		assertThat(axis.step()).isEqualTo(1);
		// PDFBox spaces the glyphs of upright text unevenly ("Ja n 20 16"): compare
		// without spaces.
		String text = chartText(chart).replaceAll("\\s+", "");
		for (String label : chart.labels()) {
			assertThat(text).contains(label.replace(" ", ""));
		}
	}

	@Test
	void thinsTheLabelsOfTenYearsOfMonths() throws IOException {
		Chart chart = monthly(YearMonth.of(2010, 1), 120, 1);
		ChartAxis axis = ChartAxis.fit(chart, WIDTH, HEIGHT);
		assertThat(axis.upright()).isTrue();
		assertThat(axis.step()).isGreaterThan(1);
		String text = chartText(chart).replaceAll("\\s+", "");
		List<String> labels = chart.labels();
		for (int i = 0; i < labels.size(); i++) {
			String label = labels.get(i).replace(" ", "");
			if (i % axis.step() == 0) {
				assertThat(text).contains(label);
			}
			else {
				assertThat(text).doesNotContain(label);
			}
		}
	}

	@Test
	void drawsManyRegionsAsHorizontalBarsWithEveryLabel() throws IOException {
		List<String> regions = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2",
				"eu-west-3", "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2",
				"ap-southeast-1", "ap-southeast-2", "ca-central-1", "sa-east-1");
		List<Double> values = new ArrayList<>();
		for (int i = 0; i < regions.size(); i++) {
			values.add(100.0 / (i + 1));
		}
		Chart chart = new Chart(Chart.Kind.BAR, "Emissions by region", regions,
				List.of(new Chart.Series("Location-based", values)), "t CO2e");
		ChartAxis axis = ChartAxis.fit(chart, WIDTH, HEIGHT);
		assertThat(axis.orientation()).isEqualTo(PlotOrientation.HORIZONTAL);
		assertThat(axis.height()).isGreaterThanOrEqualTo(HEIGHT);
		String text = chartText(chart);
		for (String region : regions) {
			assertThat(text).containsPattern("(?m)^" + region + "$");
		}
	}

	@Test
	void describesTheChartInItsAlternativeText() {
		Chart chart = monthly(YearMonth.of(2018, 1), 12, 2);
		assertThat(ChartDrawer.alternativeText(chart)).isEqualTo(
				"Stacked bar chart: Emissions per month, 12 categories from Jan 2018 to Dec 2018, Series 1, Series 2 "
						+ "in t CO2e. The figures are in the table that follows.");
	}

	private static Chart monthly(YearMonth first, int months, int seriesCount) {
		List<String> categories = new ArrayList<>();
		for (int m = 0; m < months; m++) {
			categories.add(first.plusMonths(m).toString());
		}
		List<Chart.Series> series = new ArrayList<>();
		for (int s = 0; s < seriesCount; s++) {
			List<Double> values = new ArrayList<>(Collections.nCopies(months, 0.0));
			values.set(months - 1, 0.032);
			values.set(0, 12.3 * (s + 1));
			series.add(new Chart.Series("Series " + (s + 1), values));
		}
		return new Chart(Chart.Kind.STACKED_BAR, "Emissions per month", categories, series, "t CO2e");
	}

	private static String chartText(Chart chart) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Document pdf = new Document(PageSize.A4, 50, 50, 56, 60);
		PdfWriter writer = PdfWriter.getInstance(pdf, bytes);
		pdf.open();
		pdf.add(org.openpdf.text.Image
			.getInstance(ChartDrawer.draw(chart, writer.getDirectContent(), new PdfFonts(), WIDTH, HEIGHT)));
		pdf.close();
		try (PDDocument document = Loader.loadPDF(bytes.toByteArray())) {
			return new PDFTextStripper().getText(document);
		}
	}

}
