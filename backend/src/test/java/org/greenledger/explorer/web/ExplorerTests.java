package org.greenledger.explorer.web;

import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.FocusFiles;
import org.greenledger.HttpTestClient;
import org.greenledger.ReadableFigures;
import org.greenledger.TestMonths;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestOrgUnits;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer groups the filtered lines like the footprint API, drills down to the lines
 * and shows a line's lineage: source file, row, hash and factors.
 */
@IntegrationTest
class ExplorerTests {

	private static final Pattern LINE_LINK = Pattern.compile("href=\"/explorer/lines/([0-9a-f-]{36})/(\\d+)[?\"]");

	@LocalServerPort
	int port;

	HttpTestClient http;

	MeasuredUploads uploads;

	YearMonth month;

	DocumentContext job;

	@BeforeEach
	void ingest() {
		this.http = new HttpTestClient(this.port);
		this.uploads = new MeasuredUploads(this.http);
		this.month = YearMonth.of(TestMonths.unusedYear(this.http), 5);
		FocusFiles file = new FocusFiles().gcpStorage(this.month, "2.30").unknownInstance(this.month, "1.00");
		for (int i = 0; i < 60; i++) {
			file.ec2(this.month, 1 + i, "0.192");
		}
		this.job = this.uploads.upload("explore.csv", file.bytes(), Map.of());
		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void groupsByProviderAndDrillsIntoServices() {
		String providers = page("groupBy=provider");
		assertThat(providers).contains(">aws<", ">gcp<")
			.contains("href=\"/explorer?from=" + this.month + "&amp;to=" + this.month
					+ "&amp;provider=aws&amp;groupBy=service\"");
		String services = page("provider=aws&groupBy=service");
		String groups = services.substring(services.indexOf("id=\"explorer-groups\""));
		assertThat(groups.substring(0, groups.indexOf("</table>"))).contains(">EC2<").doesNotContain("Cloud Storage");
		DocumentContext api = this.uploads.getJson("/api/v1/footprint?from=" + this.month.atDay(1) + "&to="
				+ this.month.atEndOfMonth() + "&groupBy=provider");
		double awsKg = api.read("$.groups[?(@.key == 'aws')].co2eKg.locationBased", java.util.List.class)
			.stream()
			.mapToDouble(value -> ((Number) value).doubleValue())
			.sum();
		// the groups' unit follows the largest CO2e figure of the selection's total (aws)
		double largest = awsKg;
		for (String basis : java.util.List.of("marketBased", "embodied")) {
			largest = Math.max(largest,
					api.read("$.groups[?(@.key == 'aws')].co2eKg." + basis, java.util.List.class)
						.stream()
						.mapToDouble(value -> ((Number) value).doubleValue())
						.sum());
		}
		assertThat(groups).contains(">" + ReadableFigures.co2eCell(awsKg, largest) + "<");
	}

	@Test
	void listsTheLinesFiftyAtATime() {
		String first = lines("provider=aws&service=EC2&groupBy=service");
		assertThat(LINE_LINK.matcher(first).results().count()).isEqualTo(50);
		Matcher next = Pattern.compile("href=\"(/explorer/lines\\?[^\"]*after=[^\"]*)\"").matcher(first);
		assertThat(next.find()).isTrue();
		String second = this.http.get(next.group(1).replace("&amp;", "&")).body();
		assertThat(LINE_LINK.matcher(second).results().count()).isEqualTo(11);
		assertThat(second).doesNotContain("Next 50 lines");
	}

	@Test
	void aLineShowsItsSourceAndTheFactorsUsed() {
		Matcher link = LINE_LINK.matcher(lines("provider=gcp&groupBy=service"));
		assertThat(link.find()).isTrue();
		assertThat(link.group(1)).isEqualTo(this.job.read("$.id", String.class));
		String lineage = this.http.get("/explorer/lines/" + link.group(1) + "/" + link.group(2)).body();
		assertThat(lineage).contains("explore.csv", this.job.read("$.sha256", String.class), "Cloud Storage",
				"europe-west4", "Factors used", "Dataset");
		assertThat(lineage).containsPattern("<td>[A-Za-z].*</td>");
	}

	@Test
	void anInstanceLineSaysWhereItsInstanceTypeWasRead() {
		// the last line listed is an m5.xlarge row (an earlier one is the unknown type's
		// cost-only line)
		java.util.List<java.util.regex.MatchResult> links = LINE_LINK
			.matcher(lines("provider=aws&service=EC2&groupBy=service"))
			.results()
			.toList();
		assertThat(links).isNotEmpty();
		java.util.regex.MatchResult last = links.get(links.size() - 1);
		String lineage = this.http.get("/explorer/lines/" + last.group(1) + "/" + last.group(2)).body();
		assertThat(lineage)
			.contains("Usage read from the row: instance type m5.xlarge from SkuPriceDetails.InstanceType");
	}

	@Test
	void aCostOnlyLineSaysWhy() {
		String lines = lines("provider=aws&groupBy=service");
		assertThat(lines).contains("cost only");
	}

	@Test
	void anUnknownLineIs404AndABadQueryIsExplained() {
		assertThat(this.http.get("/explorer/lines/" + java.util.UUID.randomUUID() + "/1").statusCode()).isEqualTo(404);
		String bad = this.http.get("/explorer?from=2025-13&groupBy=colour").body();
		assertThat(bad).contains("The query is not valid").doesNotContain("Exception");
	}

	@Test
	void aUserScopedToAnOrgUnitSeesOnlyItsLines() {
		String nonce = java.util.UUID.randomUUID().toString().substring(0, 8);
		String ours = TestOrgUnits.register(this.http, "ours-" + nonce);
		String theirs = TestOrgUnits.register(this.http, "theirs-" + nonce);
		this.uploads.upload("ours.csv", new FocusFiles().ec2(this.month, 7, "1.344").bytes(), Map.of("orgUnit", ours));
		DocumentContext their = this.uploads.upload("theirs.csv",
				new FocusFiles().gcpStorage(this.month, "9.99").bytes(), Map.of("orgUnit", theirs));
		this.uploads.postJson("/api/v1/users", """
				{"username": "explorer-%s", "password": "scoped password 1", "roles": ["AUDITOR"],
				 "orgUnits": ["%s"]}""".formatted(nonce, ours));
		HttpTestClient scoped = new HttpTestClient(this.port);
		scoped.signIn("explorer-" + nonce, "scoped password 1");

		String lines = scoped.get("/explorer/lines?from=" + this.month + "&to=" + this.month).body();
		assertThat(lines).contains("ours.csv").doesNotContain("theirs.csv").doesNotContain("explore.csv");
		assertThat(scoped.get("/explorer?from=" + this.month + "&to=" + this.month + "&groupBy=provider").body())
			.contains(">aws<")
			.doesNotContain(">gcp<");
		Matcher theirLine = LINE_LINK.matcher(lines("orgUnit=" + theirs));
		assertThat(theirLine.find()).isTrue();
		assertThat(theirLine.group(1)).isEqualTo(their.read("$.id", String.class));
		assertThat(scoped.get("/explorer/lines/" + theirLine.group(1) + "/" + theirLine.group(2)).statusCode())
			.isEqualTo(404);
		assertThat(scoped.get("/?period=" + this.month + ":" + this.month).body()).contains("data-figure=\"cost-USD\"")
			.contains("1.34")
			.doesNotContain("9.99");
	}

	private String lines(String query) {
		var response = this.http.get("/explorer/lines?from=" + this.month + "&to=" + this.month + "&" + query);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private String page(String query) {
		var response = this.http.get("/explorer?from=" + this.month + "&to=" + this.month + "&" + query);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
