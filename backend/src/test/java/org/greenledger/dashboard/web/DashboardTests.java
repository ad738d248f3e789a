package org.greenledger.dashboard.web;

import java.time.LocalDate;

import javax.sql.DataSource;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.ReadableFigures;
import org.greenledger.TestMonths;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.ledger.LedgerFixture;
import org.greenledger.ledger.LedgerFixture.Impacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard shows the same figures as the footprint API, compared with the previous
 * period, with breakdowns, movers and the open data issues. Its lines are written
 * straight into the ledger ({@link LedgerFixture}): last year one EC2 row, this year an
 * EC2 row, a Cloud Storage row and an EC2 row of an unknown instance type (cost only).
 */
@IntegrationTest
class DashboardTests {

	@LocalServerPort
	int port;

	HttpTestClient http;

	MeasuredUploads uploads;

	@Autowired
	DataSource dataSource;

	int year;

	@BeforeEach
	void writeTwoYears() {
		this.http = new HttpTestClient(this.port);
		this.uploads = new MeasuredUploads(this.http);
		this.year = TestMonths.unusedYear(this.http);
		LedgerFixture ledger = new LedgerFixture(this.dataSource);
		ledger.write(LedgerFixture.cloud(1, LocalDate.of(this.year - 1, 3, 1), "aws", "us-east-1", "EC2", 8,
				new Impacts(0.2, 0.24, 0.09, 0.08, 0.03, 0.4), "0.384"));
		ledger.write(
				LedgerFixture.cloud(1, LocalDate.of(this.year, 3, 1), "aws", "us-east-1", "EC2", 4,
						new Impacts(0.1, 0.12, 0.045, 0.04, 0.015, 0.2), "0.192"),
				LedgerFixture.storage(2, LocalDate.of(this.year, 3, 1), "gcp", "europe-west4", "Cloud Storage", 100,
						new Impacts(0.02, 0.03, 0.004, 0.003, 0.001, 0.05), "2.30"),
				LedgerFixture.costOnly(3, LocalDate.of(this.year, 3, 1), "aws", "EC2",
						"instance type 'zz9.plural' is not in the instance catalog", "1.00"));
		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void keyFiguresMatchTheFootprintApiAndCompareWithThePreviousYear() {
		DocumentContext now = footprint(this.year, null);
		DocumentContext before = footprint(this.year - 1, null);
		double location = now.read("$.groups[0].co2eKg.locationBased", Double.class);
		double previous = before.read("$.groups[0].co2eKg.locationBased", Double.class);

		String page = dashboard("period=" + this.year + "-01:" + this.year + "-12");

		assertThat(figure(page, "co2e-location")).contains(ReadableFigures.co2e(location))
			.contains(String.format(java.util.Locale.ENGLISH, "%.1f %%", (location - previous) / previous * 100)
				.replace("-", ""));
		assertThat(figure(page, "cost-USD")).contains("3.49").contains("USD");
		assertThat(page).as("figures take a readable unit instead of rounding to zero").doesNotContain(">0.000<");
		assertThat(page).contains("compared with " + (this.year - 1) + "-01 to " + (this.year - 1) + "-12");
	}

	@Test
	void showsTheTrendBreakdownsMoversAndIssues() {
		String page = dashboard("period=" + this.year + "-01:" + this.year + "-12");
		assertThat(section(page, "id=\"trend\"")).contains(this.year + "-03", this.year + "-12");
		assertThat(page).contains("By cloud provider").contains(">aws<").contains(">gcp<");
		assertThat(section(page, "id=\"movers\"")).contains("EC2").contains("Cloud Storage");
		assertThat(section(page, "id=\"cost-only-issues\"")).contains("Unmapped service")
			.contains("zz9.plural")
			.contains("/explorer/lines?")
			.contains("show=cost-only");
	}

	@Test
	void fromAndToMonthsChooseAPeriodToo() {
		String page = dashboard("from=" + this.year + "-03&to=" + this.year + "-03");
		assertThat(page).contains("From " + this.year + "-03 to " + this.year + "-03")
			.contains("compared with " + this.year + "-02 to " + this.year + "-02")
			.contains("no data in the previous period");
	}

	@Test
	void anEmptyPeriodSaysWhatToDoNext() {
		String page = dashboard("period=" + (this.year + 1) + "-01:" + (this.year + 1) + "-12");
		assertThat(page).contains("No footprint data for this period").contains("Upload data");
	}

	@Test
	void aMalformedPeriodIsExplainedAndTheDefaultShown() {
		String page = dashboard("period=2025-13:2025-01");
		assertThat(page).contains("The period &#39;2025-13:2025-01&#39; is not valid").doesNotContain("Exception");
		assertThat(dashboard("period=2000-01:2025-01")).contains("at most ten years");
	}

	private String dashboard(String query) {
		var response = this.http.get("/?" + query);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private DocumentContext footprint(int year, String groupBy) {
		return this.uploads.getJson("/api/v1/footprint?from=" + year + "-01-01&to=" + year + "-12-31"
				+ ((groupBy != null) ? "&groupBy=" + groupBy : ""));
	}

	private static String figure(String page, String id) {
		String figure = section(page, "data-figure=\"" + id + "\"");
		return figure.substring(0, figure.indexOf("</li>"));
	}

	private static String section(String page, String marker) {
		int start = page.indexOf(marker);
		assertThat(start).as("%s on the page", marker).isPositive();
		int end = page.indexOf("</table>", start);
		return page.substring(start, (end > 0) ? end : Math.min(page.length(), start + 3000));
	}

}
