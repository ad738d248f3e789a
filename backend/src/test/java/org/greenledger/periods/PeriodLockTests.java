package org.greenledger.periods;

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
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Locks are absolute: no write path changes a figure of an approved period, neither by
 * what it adds nor by what it removes, and the database refuses what the application
 * would let through. Every test restates its period at the end, so that the suite's
 * database keeps no lock.
 */
@IntegrationTest
class PeriodLockTests {

	private static final String HEADER = "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,"
			+ "ProviderName,ServiceCategory,ServiceName,RegionId,SubAccountId,ConsumedQuantity,ConsumedUnit,"
			+ "SkuPriceDetails,Tags";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PeriodLocks locks;

	@Autowired
	LockedPeriodFailures failures;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	HttpTestClient http;

	MeasuredUploads api;

	LocalDate month;

	String account;

	String name;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.api = new MeasuredUploads(this.http);
		this.month = TestMonths.unusedMonth(this.http).atDay(1);
		this.account = "acct-" + UUID.randomUUID();
		this.name = "Lock-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aReplaceThatWouldRemoveRowsOfALockedPeriodIsRefusedNamingIt() {
		DocumentContext first = upload("export.csv", Map.of(), row(5, "10.00", this.account),
				row(20, "5.00", this.account));
		assertThat(first.read("$.status", String.class)).isEqualTo("COMPLETED");
		String period = approve(this.month, this.month.withDayOfMonth(15));
		try {
			assertThat(cost(this.month, this.month.withDayOfMonth(15))).isCloseTo(10.00, within(1e-9));

			// the corrected re-export holds one row on the 21st: replacing the month
			// would
			// remove the approved row of the 5th
			DocumentContext corrected = upload("corrected.csv", Map.of(), row(21, "7.00", this.account));

			assertThat(corrected.read("$.status", String.class)).isEqualTo("REJECTED");
			assertThat(corrected.read("$.message", String.class)).contains(this.name, "approved and locked",
					"overlap=REPLACE would remove 2 earlier row(s)", this.account,
					this.month.withDayOfMonth(5).toString(), "Nothing of the file was stored");
			assertThat(cost(this.month, this.month.withDayOfMonth(15))).as("the approved figure")
				.isCloseTo(10.00, within(1e-9));
			assertThat(cost(this.month, this.month.plusMonths(1).minusDays(1))).isCloseTo(15.00, within(1e-9));
			assertThat(lines(first)).isEqualTo(2);

			// the unlocked days of the month can still grow, and another account's rows
			// that lie after the period can still be replaced
			DocumentContext appended = upload("part-2.csv", Map.of("overlap", "APPEND"), row(21, "7.00", this.account));
			assertThat(appended.read("$.status", String.class)).isEqualTo("COMPLETED");
			String other = "other-" + this.account;
			upload("other.csv", Map.of(), row(20, "3.00", other));
			DocumentContext replaced = upload("other-corrected.csv", Map.of(), row(22, "4.00", other));
			assertThat(replaced.read("$.status", String.class)).as(replaced.jsonString()).isEqualTo("COMPLETED");
			assertThat(replaced.read("$.replaced[0].rows", Long.class)).isEqualTo(1);
			assertThat(cost(this.month, this.month.withDayOfMonth(15))).isCloseTo(10.00, within(1e-9));
			assertThat(cost(this.month, this.month.plusMonths(1).minusDays(1))).isCloseTo(26.00, within(1e-9));
			DocumentContext byAccount = footprint(this.month, this.month.withDayOfMonth(15), "account");
			assertThat(byAccount.read("$.groups[*].key", List.class)).containsExactly(this.account);
		}
		finally {
			restate(period);
		}
	}

	@Test
	void thePortalUploadIsRefusedTheSameWay() {
		upload("export.csv", Map.of(), row(5, "10.00", this.account), row(20, "5.00", this.account));
		String period = approve(this.month, this.month.withDayOfMonth(15));
		try {
			HttpTestClient browser = new HttpTestClient(this.port);
			browser.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
			String token = browser.csrfToken("/data-sources");
			String csv = HEADER + "\n" + row(21, "7.00", this.account) + "\n";
			HttpResponse<String> upload = browser.postMultipart("/data-sources", "corrected.csv",
					csv.getBytes(StandardCharsets.UTF_8), Map.of("_csrf", token));
			assertThat(upload.statusCode()).isEqualTo(302);
			String location = upload.headers().firstValue("Location").orElseThrow();
			String id = location.substring(location.lastIndexOf('/') + 1);
			DocumentContext job = this.api.await(id);
			assertThat(job.read("$.status", String.class)).isEqualTo("REJECTED");
			assertThat(browser.get("/data-sources/" + id).body()).contains("REJECTED", this.name,
					"approved and locked");
			assertThat(cost(this.month, this.month.withDayOfMonth(15))).isCloseTo(10.00, within(1e-9));
		}
		finally {
			restate(period);
		}
	}

	@Test
	void theDatabaseRefusesWritesOfALockedPeriodItself() {
		DocumentContext first = upload("export.csv", Map.of(), row(5, "10.00", this.account),
				row(20, "5.00", this.account));
		UUID job = UUID.fromString(first.read("$.id", String.class));
		String period = approve(this.month, this.month.withDayOfMonth(15));
		try {
			refused("delete from activity_line where job_id = ?", job);
			refused("update activity_line set billed_cost = 0 where job_id = ?", job);
			refused("delete from footprint_rollup_day where job_id = ?", job);
			refused("update footprint_rollup_attribute_day set billed_cost = 0 where job_id = ?", job);
			refused("""
					insert into footprint_rollup_day
					select job_id, day - 1, dimension_id, quality + 1, row_count, it_kwh, facility_kwh, co2e_location_kg,
					       co2e_market_kg, co2e_embodied_kg, water_onsite_l, water_offsite_l, billed_cost
					from footprint_rollup_day where job_id = ? and day = ?""",
					job, this.month.withDayOfMonth(5));
			// the day after the period is not locked
			assertThat(
					this.jdbc.sql("update footprint_rollup_day set row_count = row_count where job_id = ? and day = ?")
						.params(job, this.month.withDayOfMonth(20))
						.update())
				.isOne();
			assertThat(cost(this.month, this.month.withDayOfMonth(15))).isCloseTo(10.00, within(1e-9));
		}
		finally {
			restate(period);
		}
		// restated: the same statement is allowed (and rolled back here by deleting
		// nothing)
		assertThat(this.jdbc.sql("update activity_line set billed_cost = billed_cost where job_id = ?")
			.param(job)
			.update()).isEqualTo(2);
	}

	@Test
	void theDatabaseRefusesTheSideDoorsToo() {
		DocumentContext first = upload("export.csv", Map.of(), row(5, "10.00", this.account),
				row(20, "5.00", this.account));
		String partition = "activity_line_" + first.read("$.id", String.class).replace("-", "");
		// a partition without guards of its own, as older nodes attach (before V61)
		DocumentContext older = upload("older.csv", Map.of(), row(6, "3.00", "older-" + this.account));
		String unguarded = "activity_line_" + older.read("$.id", String.class).replace("-", "");
		for (String guard : List.of("insert", "update", "delete", "truncate")) {
			this.jdbc.sql("drop trigger " + unguarded + "_lock_" + guard + " on " + unguarded).update();
		}
		String period = approve(this.month, this.month.withDayOfMonth(15));
		try {
			// statements naming the job's partition instead of activity_line
			refused("delete from " + partition);
			refused("update " + partition + " set billed_cost = 0");
			refused("insert into " + partition + " select * from " + partition);
			// refused while any period is locked, naming the earliest (as for
			// activity_line)
			refusedWhileAnyPeriodIsLocked("truncate " + partition);
			// DDL that would remove the lines or their guards
			refused("drop table " + partition);
			refused("alter table activity_line detach partition " + partition);
			// its first step commits before the command ends: refused at the start
			refused("alter table activity_line detach partition " + partition + " concurrently");
			refused("drop trigger " + partition + "_lock_delete on " + partition);
			refused("alter table " + partition + " disable trigger " + partition + "_lock_update");
			refused("alter trigger " + partition + "_lock_insert on " + partition + " rename to unguarded");
			refusedWhileAnyPeriodIsLocked(
					"alter table footprint_rollup_day disable trigger footprint_rollup_day_lock_delete");
			refusedWhileAnyPeriodIsLocked("drop table footprint_rollup_attribute_day");
			refused("drop table " + unguarded);
			refused("alter table activity_line detach partition " + unguarded);
			assertThat(lines(first)).isEqualTo(2);
			assertThat(lines(older)).isEqualTo(1);
			assertThat(cost(this.month, this.month.withDayOfMonth(15))).isCloseTo(13.00, within(1e-9));
		}
		finally {
			restate(period);
		}
		// restated: the same partition may be written again (and here nothing changes)
		assertThat(this.jdbc.sql("update " + partition + " set billed_cost = billed_cost").update()).isEqualTo(2);
	}

	@Test
	void measuredReadingsInstrumentsAndOutputsOfALockedPeriodStayAsTheyWere() {
		String site = "L" + UUID.randomUUID().toString().substring(0, 8);
		this.api.postJson("/api/v1/sites", """
				{"code": "%s", "name": "Locked hall", "kind": "OWN", "gridZone": "DE"}""".formatted(site));
		// a daily reading across the period's end
		String readings = "meter,site,role,start,end,quantity,unit\n" + "F1," + site + ",facility total,"
				+ this.month.withDayOfMonth(15) + "T12:00:00Z," + this.month.withDayOfMonth(16)
				+ "T12:00:00Z,240,kWh\n";
		DocumentContext meters = this.api.upload("meters.csv", readings.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(meters.read("$.status", String.class)).as(meters.jsonString()).isEqualTo("COMPLETED");
		DocumentContext instrument = this.api.postJson("/api/v1/sites/" + site + "/instruments", """
				{"kind": "EAC", "periodStart": "%s", "periodEnd": "%s", "energyMwh": 1, "kgCo2ePerKwh": 0,
				 "evidence": "GO 1"}""".formatted(this.month, this.month.withDayOfMonth(28)));
		DocumentContext workload = this.api.postJson("/api/v1/workloads", """
				{"name": "lock-%s", "kind": "SERVICE"}""".formatted(this.name));
		String workloadId = workload.read("$.id", String.class);
		String period = approve(this.month, this.month.withDayOfMonth(15));
		try {
			// a corrected reading for the 16th only would replace the reading of the 15th
			// too
			String corrected = "meter,site,role,start,end,quantity,unit\n" + "F1," + site + ",facility total,"
					+ this.month.withDayOfMonth(16) + "T00:00:00Z," + this.month.withDayOfMonth(16)
					+ "T01:00:00Z,10,kWh\n";
			DocumentContext replacing = this.api.upload("meters-corrected.csv",
					corrected.getBytes(StandardCharsets.UTF_8), Map.of());
			assertThat(replacing.read("$.status", String.class)).isEqualTo("REJECTED");
			assertThat(replacing.read("$.message", String.class)).contains(this.name, "would remove earlier readings",
					meters.read("$.id", String.class), "Nothing of the file was stored");
			assertThat(this.jdbc.sql("select count(*) from measured_line where job_id = ?")
				.param(UUID.fromString(meters.read("$.id", String.class)))
				.query(Long.class)
				.single()).isOne();
			refused("delete from measured_line where job_id = ?", UUID.fromString(meters.read("$.id", String.class)));

			// superseding the instrument would take it out of the locked days
			HttpResponse<String> superseding = this.http.post("/api/v1/sites/" + site + "/instruments",
					"application/json",
					"""
							{"kind": "EAC", "periodStart": "%s", "periodEnd": "%s", "energyMwh": 1, "kgCo2ePerKwh": 0,
							 "evidence": "GO 2", "supersedes": "%s"}""".formatted(this.month.withDayOfMonth(20),
							this.month.withDayOfMonth(28), instrument.read("$.id", String.class)),
					MeasuredUploads.admin());
			assertThat(superseding.statusCode()).as(superseding.body()).isEqualTo(409);
			assertThat(superseding.body()).contains("Superseding", this.name, "approved and locked");
			refused("update site_instrument set superseded_by = id where id = ?",
					UUID.fromString(instrument.read("$.id", String.class)));

			// workload outputs: the service checks, the database too
			HttpResponse<String> output = this.http.post("/api/v1/workloads/" + workloadId + "/outputs",
					"application/json", """
							{"unit": "REQUESTS", "quantity": 1000, "periodStart": "%s", "periodEnd": "%s"}"""
						.formatted(this.month, this.month.withDayOfMonth(2)),
					MeasuredUploads.admin());
			assertThat(output.statusCode()).as(output.body()).isEqualTo(409);
			refused("""
					insert into workload_output (id, workload_id, period_start, period_end, unit, quantity, created_at,
					                             created_by)
					values (gen_random_uuid(), ?, ?, ?, 'REQUESTS', 5, now(), 'sql')""", UUID.fromString(workloadId),
					this.month, this.month.withDayOfMonth(3));

			// a rule attributing the locked readings to the workload is refused; one that
			// matches nothing of the period is recorded
			HttpResponse<String> rule = this.http.post("/api/v1/workloads/" + workloadId + "/rules", "application/json",
					"""
							{"phase": "INFERENCE", "source": "MEASURED", "match": {"site": "%s"}}""".formatted(site),
					MeasuredUploads.admin());
			assertThat(rule.statusCode()).as(rule.body()).isEqualTo(409);
			assertThat(rule.body()).contains("rule", this.name, "approved and locked");
			HttpResponse<String> unrelated = this.http
				.post("/api/v1/workloads/" + workloadId + "/rules", "application/json", """
						{"phase": "INFERENCE", "source": "MEASURED", "match": {"site": "none-%s"}}""".formatted(site),
						MeasuredUploads.admin());
			assertThat(unrelated.statusCode()).as(unrelated.body()).isEqualTo(200);
		}
		finally {
			restate(period);
		}
	}

	@Test
	void aFactorSetVersionMayRepeatButNotDropOrChangeADatedValueOfALockedPeriod() {
		DocumentContext set = this.api.postJson("/api/v1/factor-sets", factorSet("v1", "1.3", "1.5"));
		String id = set.read("$.id", String.class);
		String period = approve(this.month, this.month.withDayOfMonth(15));
		try {
			// the dated value repeated, the undated one changed: allowed
			HttpResponse<String> repeated = this.http.put("/api/v1/factor-sets/" + id, "application/json",
					factorSet("v2", "1.3", "1.6"), MeasuredUploads.admin());
			assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(200);
			// the dated value changed: refused
			HttpResponse<String> changed = this.http.put("/api/v1/factor-sets/" + id, "application/json",
					factorSet("v3", "1.4", "1.6"), MeasuredUploads.admin());
			assertThat(changed.statusCode()).as(changed.body()).isEqualTo(409);
			assertThat(changed.body()).contains(this.name, "A PUE value of factor set", "valid from " + this.month);
			// the dated value dropped: refused
			HttpResponse<String> dropped = this.http.put("/api/v1/factor-sets/" + id, "application/json", """
					{"name": "lock-%s", "description": "", "note": "v3", "values": [
					 {"kind": "PUE", "scope": "country:LI", "value": 1.6, "unit": "ratio", "source": "survey"}]}"""
				.formatted(this.name), MeasuredUploads.admin());
			assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(409);
			assertThat(dropped.body()).contains(this.name, "Dropping or changing the PUE value 1.3");
			// and directly: a version without values drops the dated value
			assertThatThrownBy(() -> this.jdbc.sql("""
					insert into factor_set_version (set_id, version, created_at, created_by, note)
					values (?, 3, now(), 'sql', '')""").param(UUID.fromString(id)).update())
				.satisfies(ex -> assertThat(this.locks.refusal(ex, "x"))
					.hasValueSatisfying(refusal -> assertThat(refusal.period().name()).isEqualTo(this.name)));
			assertThat(this.api.getJson("/api/v1/factor-sets/" + id).read("$.version", Integer.class)).isEqualTo(2);
		}
		finally {
			restate(period);
		}
	}

	@Test
	void aRetriedJobIsCheckedLikeANewOne() {
		String period = approve(this.month, this.month.withDayOfMonth(15));
		try {
			DocumentContext job = upload("retried.csv", Map.of(), row(3, "1.00", this.account));
			assertThat(job.read("$.status", String.class)).isEqualTo("REJECTED");
			// as if it had failed on a database outage
			this.jdbc.sql("update ingestion_job set status = 'FAILED', message = 'outage' where id = ?::uuid")
				.param(job.read("$.id", String.class))
				.update();
			HttpResponse<String> retry = this.http.post("/api/v1/ingestions/" + job.read("$.id") + "/retry",
					"application/json", "", MeasuredUploads.admin());
			assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
			DocumentContext again = this.api.await(job.read("$.id", String.class));
			assertThat(again.read("$.status", String.class)).isEqualTo("REJECTED");
			assertThat(again.read("$.message", String.class)).contains(this.name, "approved and locked");
		}
		finally {
			restate(period);
		}
	}

	@Test
	void aLockedSiteMonthKeepsTheFactorSetValuesOfItsApproval() {
		String site = "F" + UUID.randomUUID().toString().substring(0, 8);
		this.api.postJson("/api/v1/sites", """
				{"code": "%s", "name": "Factor hall", "kind": "OWN", "gridZone": "IS"}""".formatted(site));
		LocalDate next = this.month.plusMonths(1);
		String readings = "meter,site,role,start,end,quantity,unit\n" + "F1," + site + ",facility total," + this.month
				+ "T00:00:00Z," + this.month + "T01:00:00Z,1000,kWh\n" + "F1," + site + ",facility total," + next
				+ "T00:00:00Z," + next + "T01:00:00Z,1000,kWh\n";
		DocumentContext meters = this.api.upload("meters.csv", readings.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(meters.read("$.status", String.class)).as(meters.jsonString()).isEqualTo("COMPLETED");
		String set = this.api.postJson("/api/v1/factor-sets", marketFactor(100)).read("$.id", String.class);
		assertThat(market(site, this.month)).isCloseTo(100, within(1e-9));
		String period = approve(this.month, this.month.plusMonths(1).minusDays(1));
		try {
			HttpResponse<String> revised = this.http.put("/api/v1/factor-sets/" + set, "application/json",
					marketFactor(300), MeasuredUploads.admin());
			assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
			assertThat(market(site, this.month)).as("the approved month, with the values of its approval")
				.isCloseTo(100, within(1e-9));
			assertThat(market(site, next)).as("an open month, with the current values").isCloseTo(300, within(1e-9));
		}
		finally {
			restate(period);
		}
		assertThat(market(site, this.month)).as("restated: the current values").isCloseTo(300, within(1e-9));
	}

	private String marketFactor(int gramsPerKwh) {
		return """
				{"name": "market-%s", "description": "", "note": "", "values": [
				 {"kind": "MARKET_INTENSITY", "scope": "zone:IS", "value": %d, "unit": "gCO2e/kWh",
				  "source": "supplier disclosure"}]}""".formatted(this.name, gramsPerKwh);
	}

	/** Market-based Scope 2 of a site's month, kg. */
	private double market(String site, LocalDate month) {
		String yearMonth = month.toString().substring(0, 7);
		return this.api.getJson("/api/v1/sites/" + site + "/months?from=" + yearMonth + "&to=" + yearMonth)
			.read("$[0].scope2MarketKg", Double.class);
	}

	@Test
	void anApprovalWaitsForAWriteThatCheckedTheLocksUntilItCommits() throws Exception {
		DocumentContext period = this.api.postJson("/api/v1/periods", """
				{"name": "%s", "start": "%s", "end": "%s"}""".formatted(this.name, this.month,
				this.month.withDayOfMonth(15)));
		String id = period.read("$.id", String.class);
		this.api.postJson("/api/v1/periods/" + id + "/transitions", "{\"status\": \"IN_REVIEW\"}");
		java.util.concurrent.CountDownLatch checked = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		Thread writer = Thread.ofVirtual()
			.start(() -> new org.springframework.transaction.support.TransactionTemplate(this.transactions)
				.executeWithoutResult(status -> {
					// a write that found the dates open and has not committed yet
					this.locks.requireUnlocked(this.month, this.month, "A write");
					checked.countDown();
					try {
						release.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}));
		checked.await();
		java.util.concurrent.CompletableFuture<HttpResponse<String>> approval = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> this.http.post("/api/v1/periods/" + id + "/transitions", "application/json",
					"{\"status\": \"APPROVED\"}", MeasuredUploads.admin()));
		try {
			Thread.sleep(1500);
			assertThat(approval).as("the approval waits for the write").isNotDone();
		}
		finally {
			release.countDown();
			writer.join();
		}
		assertThat(approval.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		restate(id);
	}

	private String factorSet(String note, String dated, String undated) {
		return """
				{"name": "lock-%s", "description": "", "note": "%s", "values": [
				 {"kind": "PUE", "scope": "organisation", "value": %s, "unit": "ratio", "validFrom": "%s",
				  "validTo": "%s", "source": "meters"},
				 {"kind": "PUE", "scope": "country:LI", "value": %s, "unit": "ratio", "source": "survey"}]}"""
			.formatted(this.name, note, dated, this.month, this.month.withDayOfMonth(10), undated);
	}

	private void refused(String sql, Object... params) {
		assertThatThrownBy(() -> this.jdbc.sql(sql).params(params).update()).as(sql).satisfies(ex -> {
			assertThat(this.locks.refusal(ex, "A change")).as("the database's refusal, named")
				.hasValueSatisfying(refusal -> assertThat(refusal.getBody().getDetail()).contains(this.name,
						"approved and locked", this.month.toString()));
			// the API's answer: 409 in the same words, never PostgreSQL's message
			assertThat(this.failures.translate(ex)).hasValueSatisfying(problem -> {
				assertThat(problem.getStatusCode().value()).isEqualTo(409);
				assertThat(problem.getBody().getDetail())
					.startsWith("This change would change reporting period '" + this.name + "'")
					.doesNotContain("GL423", "period-locked", "ERROR");
			});
		});
	}

	/**
	 * Refused as a change to a table whose rows are not dated one by one: naming a locked
	 * period (the earliest; other tests' periods may be locked too), answered with 409.
	 */
	private void refusedWhileAnyPeriodIsLocked(String sql) {
		assertThatThrownBy(() -> this.jdbc.sql(sql).update()).as(sql).satisfies(ex -> {
			assertThat(this.locks.refusal(ex, "A change")).as("the database's refusal, named").isPresent();
			assertThat(this.failures.translate(ex))
				.hasValueSatisfying(problem -> assertThat(problem.getStatusCode().value()).isEqualTo(409));
		});
	}

	private String approve(LocalDate start, LocalDate end) {
		DocumentContext period = this.api.postJson("/api/v1/periods", """
				{"name": "%s", "start": "%s", "end": "%s"}""".formatted(this.name, start, end));
		String id = period.read("$.id", String.class);
		this.api.postJson("/api/v1/periods/" + id + "/transitions", "{\"status\": \"IN_REVIEW\"}");
		this.api.postJson("/api/v1/periods/" + id + "/transitions", "{\"status\": \"APPROVED\"}");
		return id;
	}

	private void restate(String id) {
		this.api.postJson("/api/v1/periods/" + id + "/restatements", "{\"reason\": \"end of the test\"}");
	}

	private long lines(DocumentContext job) {
		return this.jdbc.sql("select count(*) from activity_line where job_id = ?::uuid")
			.param(job.read("$.id", String.class))
			.query(Long.class)
			.single();
	}

	private double cost(LocalDate from, LocalDate to) {
		DocumentContext footprint = footprint(from, to, null);
		return footprint.read("$.groups[0].cost[0].amount", Double.class);
	}

	private DocumentContext footprint(LocalDate from, LocalDate to, String groupBy) {
		HttpResponse<String> response = this.http.get(
				"/api/v1/footprint?from=" + from + "&to=" + to + ((groupBy != null) ? "&groupBy=" + groupBy : ""),
				MeasuredUploads.admin());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.parse(response.body());
	}

	private DocumentContext upload(String fileName, Map<String, String> fields, String... rows) {
		String csv = HEADER + "\n" + String.join("\n", rows) + "\n";
		return this.api.upload(fileName, csv.getBytes(StandardCharsets.UTF_8), fields);
	}

	private String row(int day, String cost, String account) {
		String start = this.month.withDayOfMonth(day) + "T00:00:00Z";
		String end = this.month.withDayOfMonth(day) + "T01:00:00Z";
		return String.join(",", start, end, "Usage", cost, "USD", "AWS", "Compute", "Amazon EC2", "us-east-1", account,
				"1", "Hours", "\"{\"\"InstanceType\"\":\"\"m5.xlarge\"\"}\"", "\"{\"\"team\"\":\"\"ml\"\"}\"");
	}

}
