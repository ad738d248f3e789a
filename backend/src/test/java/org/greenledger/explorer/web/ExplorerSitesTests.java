package org.greenledger.explorer.web;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.ReadableFigures;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.greenledger.TestOrgUnits;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The own sites' figures in the explorer are the dashboard's and the site's, and drill
 * down to the meter readings, their file and rows, and the factors used; another unit's
 * site is not found.
 */
@IntegrationTest
class ExplorerSitesTests {

	private static final Pattern READING_LINK = Pattern
		.compile("href=\"(/explorer/meter-lines/[0-9a-f-]{36}/-?\\d+/\\d+)\"");

	@LocalServerPort
	int port;

	HttpTestClient http;

	MeasuredUploads uploads;

	YearMonth month;

	String unit;

	String site;

	DocumentContext job;

	@BeforeEach
	void measure() {
		this.http = new HttpTestClient(this.port);
		this.uploads = new MeasuredUploads(this.http);
		this.month = TestMonths.unusedMonth(this.http);
		String nonce = UUID.randomUUID().toString().substring(0, 8);
		this.unit = TestOrgUnits.register(this.http, "hall-" + nonce);
		this.site = "E" + nonce;
		this.uploads.postJson("/api/v1/sites", """
				{"code": "%s", "name": "Explorer hall", "kind": "OWN", "gridZone": "DE", "country": "DE",
				 "orgUnit": "%s"}""".formatted(this.site, this.unit));
		String day = this.month.atDay(10).toString();
		String meters = """
				meter,site,role,start,end,quantity,unit
				F1,%1$s,facility total,%2$sT00:00:00Z,%2$sT01:00:00Z,150,kWh
				F1,%1$s,facility total,%2$sT01:00:00Z,%2$sT02:00:00Z,150,kWh
				IT1,%1$s,IT load,%2$sT00:00:00Z,%2$sT02:00:00Z,200,kWh
				G1,%1$s,generator fuel,%2$sT00:00:00Z,%2$sT02:00:00Z,10,L
				""".formatted(this.site, day);
		this.job = this.uploads.upload("hall-" + nonce + ".csv", meters.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(this.job.read("$.status", String.class)).as(this.job.jsonString()).isEqualTo("COMPLETED");
		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void theExplorerShowsTheSitesFiguresAndDrillsToTheReadingsAndTheirLineage() {
		String explorer = this.http.get("/explorer?from=" + this.month + "&to=" + this.month).body();
		String sites = explorer.substring(explorer.indexOf("id=\"explorer-sites\""));
		sites = sites.substring(0, sites.indexOf("</table>"));
		DocumentContext months = this.uploads
			.getJson("/api/v1/sites/" + this.site + "/months?from=" + this.month + "&to=" + this.month);
		double scope2 = months.read("$[0].scope2LocationKg", Double.class);
		assertThat(scope2).isPositive();
		double largest = Math.max(months.read("$[0].scope1Kg", Double.class),
				Math.max(scope2, months.read("$[0].scope2MarketKg", Double.class)));
		assertThat(sites)
			.contains("Explorer hall (" + this.site + ")", ">Facility kWh<", ">300<", ">200<",
					">" + ReadableFigures.co2eUnit(largest) + " Scope 2 location<",
					">" + ReadableFigures.co2eCell(scope2, largest) + "<")
			.contains("href=\"/explorer/sites/" + this.site + "?from=" + this.month + "&amp;to=" + this.month + "\"");
		assertThat(this.http.get("/explorer?from=" + this.month + "&to=" + this.month + "&provider=aws").body())
			.as("cloud filters leave the sites out")
			.doesNotContain("explorer-sites");

		String readings = this.http.get("/explorer/sites/" + this.site + "?from=" + this.month + "&to=" + this.month)
			.body();
		assertThat(readings).contains("id=\"site-figures\"", "id=\"meter-lines\"", ">F1<", ">IT1<", ">G1<",
				"FACILITY_TOTAL", "GENERATOR_FUEL", "150.000 kWh", "10.000 L");
		Matcher link = READING_LINK.matcher(readings);
		assertThat(link.results().count()).isEqualTo(4);
		link = READING_LINK.matcher(readings);
		assertThat(link.find()).isTrue();
		String lineage = this.http.get(link.group(1)).body();
		assertThat(lineage).contains(this.job.read("$.sha256", String.class), "Explorer hall", "F1", "FACILITY_TOTAL",
				"href=\"/data-sources/" + this.job.read("$.id", String.class) + "\"", "Factors used",
				"class=\"data lineage-factors\"");
	}

	@Test
	void anotherUnitsSiteAndReadingsAreNotFound() {
		String nonce = UUID.randomUUID().toString().substring(0, 8);
		String other = TestOrgUnits.register(this.http, "other-" + nonce);
		this.uploads.postJson("/api/v1/users", """
				{"username": "sites-%s", "password": "scoped password 1", "roles": ["AUDITOR"],
				 "orgUnits": ["%s"]}""".formatted(nonce, other));
		HttpTestClient scoped = new HttpTestClient(this.port);
		scoped.signIn("sites-" + nonce, "scoped password 1");

		String query = "?from=" + this.month + "&to=" + this.month;
		assertThat(scoped.get("/explorer" + query).body()).doesNotContain(this.site);
		assertThat(scoped.get("/explorer/sites/" + this.site + query).statusCode()).isEqualTo(404);
		Matcher link = READING_LINK.matcher(this.http.get("/explorer/sites/" + this.site + query).body());
		assertThat(link.find()).isTrue();
		assertThat(scoped.get(link.group(1)).statusCode()).isEqualTo(404);
		assertThat(this.http.get("/explorer/meter-lines/" + UUID.randomUUID() + "/1/1").statusCode()).isEqualTo(404);
	}

}
