package org.greenledger.ingestion.api;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import com.jayway.jsonpath.DocumentContext;
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

/**
 * Every rejected row keeps its reason, however many there are: the job shows the first
 * 1,000, the rejected-rows download lists them all, for refused and for completed files,
 * billing and measured alike.
 */
@IntegrationTest
class RowErrorsTests {

	private static final String FOCUS_HEADER = "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,"
			+ "BillingCurrency,ProviderName,ServiceCategory,ServiceName,RegionId,SubAccountId,ConsumedQuantity,"
			+ "ConsumedUnit,SkuPriceDetails,Tags";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HttpTestClient http;

	MeasuredUploads uploads;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.uploads = new MeasuredUploads(this.http);
	}

	@Test
	void aRefusedBillingFileListsEveryRejectedRowWithItsReason() {
		LocalDate month = TestMonths.unusedMonth(this.http).atDay(1);
		DocumentContext job = this.uploads.upload("many-bad-rows.csv", focus(month, 10, 2_500), Map.of());

		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("REJECTED");
		assertThat(job.read("$.rowsRead", Long.class)).isEqualTo(2_510);
		assertThat(job.read("$.rowsRejected", Long.class)).isEqualTo(2_500);
		assertThat(job.read("$.errors", List.class)).as("the job shows the first 1,000").hasSize(1_000);
		List<String> rows = rejectedRows(job);
		assertThat(rows).hasSize(2_500);
		assertThat(rows).allSatisfy(row -> assertThat(row).contains(",ChargePeriodStart,", "is not a date"));
		assertThat(rows.stream().mapToLong(row -> Long.parseLong(row.substring(0, row.indexOf(',')))))
			.containsExactlyElementsOf(LongStream.rangeClosed(11, 2_510).boxed().toList());
		assertThat(storedErrors(job)).isEqualTo(2_500);
	}

	@Test
	void aCompletedBillingFileKeepsEveryRejectedRowsReason() {
		LocalDate month = TestMonths.unusedMonth(this.http).atDay(1);
		// 1,100 of 6,100 rows rejected: 18 %, under the test profile's 20 %
		DocumentContext job = this.uploads.upload("some-bad-rows.csv", focus(month, 5_000, 1_100), Map.of());

		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		assertThat(job.read("$.rowsAccepted", Long.class)).isEqualTo(5_000);
		assertThat(job.read("$.rowsRejected", Long.class)).isEqualTo(1_100);
		List<String> rows = rejectedRows(job);
		assertThat(rows).hasSize(1_100);
		assertThat(rows.get(1_099)).startsWith("6100,ChargePeriodStart,");
		assertThat(storedErrors(job)).isEqualTo(1_100);
	}

	@Test
	void aRefusedMeterFileListsEveryRejectedRowWithItsReason() {
		String site = "S" + UUID.randomUUID().toString().substring(0, 8);
		this.uploads.postJson("/api/v1/sites", """
				{"code": "%s", "name": "Error hall", "kind": "OWN", "gridZone": "DE", "country": "DE"}"""
			.formatted(site));
		StringBuilder csv = new StringBuilder("meter,site,role,start,end,quantity,unit\n");
		csv.append("F1,%s,facility total,2031-02-01T00:00:00Z,2031-02-01T01:00:00Z,150,kWh\n".formatted(site));
		for (int i = 0; i < 1_200; i++) {
			csv.append("F1,%s,facility total,2031-02-01T01:00:00Z,2031-02-01T02:00:00Z,lots,kWh\n".formatted(site));
		}
		DocumentContext job = this.uploads.upload("meters-" + site + ".csv",
				csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());

		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("REJECTED");
		assertThat(job.read("$.rowsRejected", Long.class)).isEqualTo(1_200);
		List<String> rows = rejectedRows(job);
		assertThat(rows).hasSize(1_200);
		assertThat(rows).allSatisfy(row -> assertThat(row).contains("quantity", ",lots,"));
		assertThat(rows.get(1_199)).startsWith("1201,");
	}

	/** The download's data lines (without its header). */
	private List<String> rejectedRows(DocumentContext job) {
		HttpResponse<String> download = this.http.get("/api/v1/ingestions/" + job.read("$.id") + "/rejected-rows",
				HttpTestClient.basic("admin", IntegrationTest.ADMIN_PASSWORD));
		assertThat(download.statusCode()).isEqualTo(200);
		List<String> lines = download.body().lines().toList();
		assertThat(lines.get(0)).startsWith("\uFEFFRow,Column,Reason,");
		return lines.subList(1, lines.size());
	}

	private long storedErrors(DocumentContext job) {
		return this.jdbc.sql("select count(*) from ingestion_row_error where job_id = ?::uuid")
			.param(job.read("$.id", String.class))
			.query(Long.class)
			.single();
	}

	/** {@code good} EC2 hours, then {@code bad} rows whose start is not a timestamp. */
	private static byte[] focus(LocalDate month, int good, int bad) {
		String account = "acct-" + UUID.randomUUID();
		StringBuilder csv = new StringBuilder(FOCUS_HEADER).append('\n');
		for (int i = 0; i < good; i++) {
			LocalDate day = month.plusDays(i % 28);
			csv.append(day)
				.append("T00:00:00Z,")
				.append(day)
				.append("T01:00:00Z,Usage,0.19,USD,AWS,Compute,Amazon EC2,us-east-1,")
				.append(account)
				.append(",1,Hours,\"{\"\"InstanceType\"\":\"\"m5.xlarge\"\"}\",\n");
		}
		for (int i = 0; i < bad; i++) {
			csv.append("not-a-date,")
				.append(month)
				.append("T01:00:00Z,Usage,1.00,USD,AWS,Compute,Amazon EC2,us-east-1,")
				.append(account)
				.append(",1,Hours,,\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

}
