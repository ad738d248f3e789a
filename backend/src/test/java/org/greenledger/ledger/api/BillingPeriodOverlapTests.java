package org.greenledger.ledger.api;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.TestMonths;
import org.greenledger.IntegrationTest;
import org.greenledger.ingestion.api.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A corrected re-export replaces the earlier rows of the same provider, account and
 * month, explicitly and audited; another part of the same export is appended.
 */
@IntegrationTest
class BillingPeriodOverlapTests {

	private static final String HEADER = "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,"
			+ "ProviderName,ServiceCategory,ServiceName,RegionId,SubAccountId,ConsumedQuantity,ConsumedUnit,"
			+ "SkuPriceDetails,Tags";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HttpTestClient http;

	LocalDate month;

	String account;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.month = TestMonths.unusedMonth(this.http).atDay(1);
		this.account = "acct-" + UUID.randomUUID();
	}

	@Test
	void aCorrectedReExportReplacesTheAccountsMonthAndIsAudited() {
		DocumentContext first = upload("march.csv", Map.of(), row(2, "10.00", this.account, "ml"),
				row(3, "5.00", this.account, "web"));
		DocumentContext other = upload("other-account.csv", Map.of(), row(2, "7.00", "other-" + this.account, "ml"));
		assertThat(total()).isEqualByComparingTo("22.00");

		DocumentContext corrected = upload("march-corrected.csv", Map.of(), row(2, "12.00", this.account, "ml"));

		assertThat(corrected.read("$.status", String.class)).isEqualTo("COMPLETED");
		assertThat(corrected.read("$.overlap", String.class)).isEqualTo("REPLACE");
		assertThat(corrected.read("$.replaced", List.class)).hasSize(1);
		assertThat(corrected.read("$.replaced[0].job", String.class)).isEqualTo(first.read("$.id", String.class));
		assertThat(corrected.read("$.replaced[0].accountId", String.class)).isEqualTo(this.account);
		assertThat(corrected.read("$.replaced[0].rows", Long.class)).isEqualTo(2);
		assertThat(corrected.read("$.replaced[0].month", String.class))
			.isEqualTo(this.month.toString().substring(0, 7));
		assertThat(total()).as("the other account's month is untouched").isEqualByComparingTo("19.00");
		DocumentContext replaced = JsonPath
			.parse(this.http.get("/api/v1/ingestions/" + first.read("$.id"), Jobs.admin()).body());
		assertThat(replaced.read("$.replacedBy[0].job", String.class)).isEqualTo(corrected.read("$.id", String.class));
		assertThat(replaced.read("$.replacedBy[0].rows", Long.class)).isEqualTo(2);
		HttpTestClient browser = new HttpTestClient(this.port);
		browser.signIn("admin", org.greenledger.IntegrationTest.ADMIN_PASSWORD);
		String page = browser.get("/data-sources/" + first.read("$.id")).body();
		assertThat(page).contains("Rows replaced by later uploads", corrected.read("$.id", String.class));
		assertThat(browser.get("/data-sources/" + corrected.read("$.id")).body()).contains("Replaced earlier rows",
				first.read("$.id", String.class), this.account);
		assertThat(rows(first)).isZero();
		assertThat(rows(other)).isOne();
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'BILLING_PERIOD_REPLACED'
				and subject = ? and actor = 'admin' and details ->> 'replacedBy' = ?""")
			.params("ingestion job " + first.read("$.id"), corrected.read("$.id"))
			.query(Integer.class)
			.single()).isOne();
		DocumentContext byAccount = footprint("account");
		assertThat(byAccount.read("$.groups[*].key", List.class)).as("summed again after the replacement")
			.containsExactly(this.account, "other-" + this.account);
		assertThat(byAccount.read("$.groups[0].cost[0].amount", Double.class)).isCloseTo(12.00, within(1e-9));
		assertThat(byAccount.read("$.groups[1].cost[0].amount", Double.class)).isCloseTo(7.00, within(1e-9));
		DocumentContext byTag = footprint("tag:team");
		assertThat(byTag.read("$.groups[*].key", List.class)).containsExactly("ml");
		assertThat(byTag.read("$.groups[0].cost[0].amount", Double.class)).isCloseTo(19.00, within(1e-9));
	}

	@Test
	void aReExportOfSeveralAccountsAndMonthsReplacesThemAllAndTheSumsStillMatchTheLines() {
		LocalDate next = this.month.plusMonths(1);
		String a = this.account + "-a";
		String b = this.account + "-b";
		String c = this.account + "-c";
		DocumentContext first = upload("two-months.csv", Map.of(), row(this.month.withDayOfMonth(2), "10.00", a, "ml"),
				row(this.month.withDayOfMonth(3), "5.00", b, "web"), row(this.month.withDayOfMonth(4), "1.00", c, "ml"),
				row(next.withDayOfMonth(5), "20.00", a, "ml"), row(next.withDayOfMonth(6), "8.00", b, "ml"),
				row(next.withDayOfMonth(7), "2.00", c, "web"));

		DocumentContext corrected = upload("two-months-corrected.csv", Map.of(),
				row(this.month.withDayOfMonth(2), "11.00", a, "ml"), row(next.withDayOfMonth(6), "9.00", b, "ml"),
				row(next.withDayOfMonth(9), "3.00", a, "ops"), row(this.month.withDayOfMonth(8), "4.00", b, "ml"));

		assertThat(corrected.read("$.replaced", List.class)).as("two accounts in two months").hasSize(4);
		assertThat(corrected.read("$.replaced[*].rows", List.class)).containsOnly(1);
		UUID old = UUID.fromString(first.read("$.id"));
		assertThat(this.jdbc.sql("""
				select string_agg(d.account_id || ' ' || l.billed_cost, ', ' order by l.source_row)
				from activity_line l join activity_dimension d on d.id = l.dimension_id where l.job_id = ?""")
			.param(old)
			.query(String.class)
			.single()).as("only the third account's rows are left").isEqualTo(c + " 1.00, " + c + " 2.00");
		for (String table : List.of("footprint_rollup_day", "footprint_rollup_month")) {
			assertThat(this.jdbc
				.sql("select coalesce(sum(row_count), 0) || ' ' || round(coalesce(sum(billed_cost), 0), 2) from "
						+ table + " where job_id = ?")
				.param(old)
				.query(String.class)
				.single()).as(table + " of the earlier job summed again").isEqualTo("2 3.00");
		}
		assertThat(this.jdbc
			.sql("""
					select string_agg(value || ' ' || round(billed_cost, 2), ', ' order by value) from footprint_rollup_attribute_month
					where job_id = ? and attribute in ('account', 'tag:team')""")
			.param(old)
			.query(String.class)
			.single()).isEqualTo(c + " 1.00, " + c + " 2.00, ml 1.00, web 2.00");
		assertThat(total()).as("this month: the corrections and the third account").isEqualByComparingTo("16.00");
		assertThat(this.jdbc.sql("select count(*) from billing_replacement where job_id = ?")
			.param(UUID.fromString(corrected.read("$.id")))
			.query(Integer.class)
			.single()).isEqualTo(4);
	}

	@Test
	void anotherPartOfTheSameExportIsAppended() {
		upload("part-1.csv", Map.of(), row(2, "10.00", this.account, "ml"));
		DocumentContext part2 = upload("part-2.csv", Map.of("overlap", "APPEND"), row(4, "4.00", this.account, "ml"));

		assertThat(part2.read("$.overlap", String.class)).isEqualTo("APPEND");
		assertThat(part2.read("$.replaced[0].rows", Long.class)).as("the overlap is reported").isEqualTo(1);
		assertThat(total()).isEqualByComparingTo("14.00");
		assertThat(this.jdbc.sql("select count(*) from billing_replacement where job_id = ?")
			.param(UUID.fromString(part2.read("$.id")))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void rowsWithoutAnAccountAreNeverReplaced() {
		upload("no-account-1.csv", Map.of(), row(2, "10.00", "", "ml"));
		DocumentContext second = upload("no-account-2.csv", Map.of(), row(3, "4.00", "", "ml"));
		assertThat(second.read("$.replaced", List.class)).isEmpty();
		assertThat(total()).isEqualByComparingTo("14.00");
	}

	@Test
	void theAuditLogCannotBeChanged() {
		upload("a.csv", Map.of(), row(2, "1.00", this.account, "ml"));
		upload("b.csv", Map.of(), row(2, "2.00", this.account, "ml"));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.jdbc.sql("delete from audit_event").update())
			.hasMessageContaining("append-only");
	}

	private int rows(DocumentContext job) {
		return this.jdbc.sql("select count(*) from activity_line where job_id = ?")
			.param(UUID.fromString(job.read("$.id")))
			.query(Integer.class)
			.single();
	}

	private BigDecimal total() {
		return new BigDecimal(footprint(null).read("$.groups[0].cost[0].amount").toString());
	}

	private DocumentContext footprint(String groupBy) {
		HttpResponse<String> response = this.http.get("/api/v1/footprint?from=" + this.month + "&to="
				+ this.month.plusMonths(1).minusDays(1) + ((groupBy != null) ? "&groupBy=" + groupBy : ""),
				Jobs.admin());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.parse(response.body());
	}

	private DocumentContext upload(String name, Map<String, String> fields, String... rows) {
		String csv = HEADER + "\n" + String.join("\n", rows) + "\n";
		HttpResponse<String> response = this.http.postMultipart("/api/v1/ingestions", name,
				csv.getBytes(StandardCharsets.UTF_8), fields, Jobs.admin());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		DocumentContext job = Jobs.await(this.http, JsonPath.read(response.body(), "$.id"));
		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		return job;
	}

	private String row(int day, String cost, String account, String team) {
		return row(this.month.withDayOfMonth(day), cost, account, team);
	}

	private String row(LocalDate day, String cost, String account, String team) {
		String start = day + "T00:00:00Z";
		String end = day + "T01:00:00Z";
		return String.join(",", start, end, "Usage", cost, "USD", "AWS", "Compute", "Amazon EC2", "us-east-1", account,
				"1", "Hours", "\"{\"\"InstanceType\"\":\"\"m5.xlarge\"\"}\"",
				"\"{\"\"team\"\":\"\"" + team + "\"\"}\"");
	}

}
