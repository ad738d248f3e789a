package org.greenledger.ingestion.web;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused file's report in the user's words: identical errors once with their count and
 * rows (every row stays in the rejected-rows file), no server setting's name, and a file
 * refused as a whole is not told to correct rows it does not have.
 */
@IntegrationTest
class ValidationReportWordsTests {

	private static final String HEADER = "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,"
			+ "ProviderName,ServiceCategory,ServiceName,RegionId,ConsumedQuantity,ConsumedUnit";

	@LocalServerPort
	int port;

	@Test
	void aThousandIdenticalErrorsAreOneLineWithTheirRowsAndTheFileKeepsEveryOne() {
		HttpTestClient http = new HttpTestClient(this.port);
		YearMonth month = TestMonths.unusedMonth(http);
		String good = month.atDay(1) + "T00:00:00Z," + month.atDay(1) + "T01:00:00Z,Tax,1.00,USD,AWS,,,,,";
		String bad = "yesterday," + month.atDay(1) + "T01:00:00Z,Tax,1.00,USD,AWS,,,,,";
		String csv = HEADER + "\n" + IntStream.range(0, 1000).mapToObj(i -> bad).collect(Collectors.joining("\n"))
				+ "\n" + IntStream.range(0, 10).mapToObj(i -> good).collect(Collectors.joining("\n")) + "\n";
		DocumentContext job = new MeasuredUploads(http).upload("thousand.csv", csv.getBytes(StandardCharsets.UTF_8),
				Map.of());
		assertThat(job.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(job.read("$.rowsRejected", Integer.class)).isEqualTo(1000);
		String id = job.read("$.id", String.class);

		http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		String page = http.get("/data-sources/" + id).body();
		String table = page.substring(page.indexOf("id=\"row-errors\""),
				page.indexOf("</table>", page.indexOf("id=\"row-errors\"")));
		assertThat(table.split("<tr>", -1)).as("a heading row and one line for the thousand errors").hasSize(3);
		assertThat(table).contains("<td class=\"num\">1,000</td>", "<td>ChargePeriodStart</td>",
				"<td>rows 1-1000</td>");
		assertThat(page).contains("correct the rows the validation report lists")
			.doesNotContain("greenledger.ingestion", "greenledger.max");

		String rejected = http.get("/data-sources/" + id + "/rejected-rows.csv").body();
		assertThat(rejected.lines().count()).as("a heading and every rejected row").isEqualTo(1001);
	}

	@Test
	void aFileRefusedAsAWholeSaysWhyAndNamesNoSetting() {
		HttpTestClient http = new HttpTestClient(this.port);
		String header = IntStream.rangeClosed(1, 5001).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
		DocumentContext job = new MeasuredUploads(http).upload("wide.csv",
				(header + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(job.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(job.read("$.rowsRejected", Integer.class)).isZero();
		String message = job.read("$.message", String.class);
		assertThat(message).contains("more than 5000 fields", "ask your administrator")
			.doesNotContain("greenledger.ingestion");

		http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		String page = http.get("/data-sources/" + job.read("$.id", String.class)).body();
		assertThat(page).contains("refused as a whole", "ask your administrator")
			.doesNotContain("correct the rows", "Correct the rows", "greenledger.ingestion");
	}

}
