package org.greenledger.ingestion.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.TestOrgUnits;
import org.greenledger.security.Role;
import org.greenledger.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploading FOCUS files over real HTTP: jobs, row accounting, cost reconciliation,
 * idempotency.
 */
@IntegrationTest
class IngestionApiTests {

	private static final String HEADER = "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,BillingCurrency,"
			+ "ProviderName,ServiceCategory,ServiceName,RegionId,SubAccountId,ConsumedQuantity,ConsumedUnit,"
			+ "SkuPriceDetails,Tags";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	HttpTestClient http;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
	}

	@Test
	void aFocusFileBecomesUsageAndCostOnlyLinesWithEveryRowAccountedFor() {
		String nonce = UUID.randomUUID().toString();
		String csv = String.join("\n", HEADER,
				row("Usage", "0.192", "AWS", "Compute", "Amazon EC2", "us-east-1", "1", "Hours",
						"{\"\"InstanceType\"\":\"\"m5.xlarge\"\"}", "{\"\"team\"\":\"\"ml\"\"}"),
				row("Usage", "32.77", "AWS", "Compute", "Amazon EC2", "us-east-1", "1", "Hours",
						"{\"\"InstanceType\"\":\"\"p4d.24xlarge\"\"}", "{\"\"model\"\":\"\"llama\"\"}"),
				row("Usage", "2.30", "AWS", "Storage", "Amazon S3", "eu-west-1", "100", "GB-Mo", "", ""),
				row("Usage", "0.90", "AWS", "Networking", "AWS Data Transfer", "eu-west-1", "45", "GB", "", ""),
				row("Tax", "3.50", "AWS", "", "", "", "", "", "", ""),
				row("Credit", "-1.25", "AWS", "", "", "", "", "", "", ""),
				row("Usage", "9.99", "ACMECORP", "Business Applications", "ACME", "", "1", "Seats", "", ""),
				"not-a-date,2024-03-01T01:00:00Z,Usage,1.00,USD,AWS,Compute,Amazon EC2,us-east-1,1,1,Hours,,",
				"2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,Usage,0.00,USD,AWS,Other,x-" + nonce + ",us-east-1,1,,,,");
		DocumentContext job = upload("march.csv", csv.getBytes(StandardCharsets.UTF_8));

		assertThat(job.read("$.status", String.class)).isEqualTo("COMPLETED");
		assertThat(job.read("$.format", String.class)).startsWith("FOCUS");
		assertThat(job.read("$.rowsRead", Long.class)).isEqualTo(9);
		// the upload is in the audit log: who sent which content
		assertThat(this.jdbc
			.sql("select actor || ' ' || (details ->> 'sha256') from audit_event"
					+ " where action = 'INGESTION_SUBMITTED' and subject = ?")
			.param("ingestion job " + job.read("$.id", String.class))
			.query(String.class)
			.single()).isEqualTo("admin " + job.read("$.sha256", String.class));
		assertThat(job.read("$.rowsAccepted", Long.class)).isEqualTo(5);
		assertThat(job.read("$.rowsCostOnly", Long.class)).isEqualTo(3);
		assertThat(job.read("$.rowsRejected", Long.class)).isEqualTo(1);
		assertThat(job.read("$.errors[0].row", Long.class)).isEqualTo(8);
		assertThat(job.read("$.errors[0].column", String.class)).isEqualTo("ChargePeriodStart");
		assertThat(job.read("$.progress", Double.class)).isEqualTo(1.0);

		BigDecimal awsTotal = new BigDecimal(
				job.read("$.costs[?(@.provider == 'aws')].billedTotal", List.class).get(0).toString());
		assertThat(awsTotal).isEqualByComparingTo("38.412");

		UUID id = UUID.fromString(job.read("$.id"));
		assertThat(this.jdbc.sql("select count(*) from activity_line where job_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).as("one row per accepted or cost-only input row").isEqualTo(8);
		assertThat(this.jdbc.sql("select sum(billed_cost) from activity_line where job_id = ?")
			.param(id)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("48.402");
		assertThat(this.jdbc.sql("select sum(billed_cost) from footprint_rollup_month where job_id = ?")
			.param(id)
			.query(BigDecimal.class)
			.single()).as("the month sums reconcile with the rows").isEqualByComparingTo("48.402");
		assertThat(this.jdbc.sql("""
				select count(*) from activity_line where job_id = ? and lineage_id is not null and quality = 3
				and (it_kwh is null or it_kwh <= 0 or co2e_location_kg <= 0)""")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
		// an unknown provider's usage row: no usage mapping, so a spend-based estimate
		// (tier 4)
		assertThat(this.jdbc.sql("""
				select d.provider || ' ' || a.quality || ' ' || a.it_kwh || ' ' || round(a.co2e_location_kg::numeric, 6)
				from activity_line a join activity_dimension d on d.id = a.dimension_id
				where a.job_id = ? and a.source_row = 7""").param(id).query(String.class).single())
			.isEqualTo("ACMECORP 4 0 0.799200");
		assertThat(this.jdbc.sql("""
				select l.lines::text from calculation_lineage l
				join activity_line a on a.lineage_id = l.id where a.job_id = ? and a.source_row = 7""")
			.param(id)
			.query(String.class)
			.single()).contains("SPEND", "SPEND_INTENSITY", "software-publishers", "useeio-spend");
		assertThat(this.jdbc.sql("""
				select d.cost_only_reason from activity_line a join activity_dimension d on d.id = a.dimension_id
				where a.job_id = ? and a.source_row = 9""").param(id).query(String.class).single())
			.isEqualTo("no consumed quantity");
		assertThat(this.jdbc.sql("""
				select vcpu_hours, memory_gb_hours, accelerator_hours from activity_line
				where job_id = ? and source_row = 2""")
			.param(id)
			.query((rs, row) -> List.of(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)))
			.single()).as("p4d.24xlarge for one hour: 96 vCPU, 1152 GiB, 8 GPUs").containsExactly(96.0, 1152.0, 8.0);
		assertThat(this.jdbc.sql("""
				select l.lines::text from calculation_lineage l
				join activity_line a on a.lineage_id = l.id where a.job_id = ? and a.source_row = 2""")
			.param(id)
			.query(String.class)
			.single()).contains("ACCELERATOR_HOURS", "ACCELERATOR_POWER_MAX", "A100-40GB", "US-MIDA-PJM");
	}

	@Test
	void aFocusParquetExportIsReadLikeItsCsv() throws IOException {
		byte[] parquet = Files
			.readAllBytes(Path.of("src/test/resources/fixtures/focus/saas_spend_agreements_b2.parquet"));
		HttpResponse<String> response = this.http.postMultipart("/api/v1/ingestions", "saas.parquet", parquet,
				Map.of("overlap", "APPEND"), Jobs.admin());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		DocumentContext job = Jobs.await(this.http, JsonPath.read(response.body(), "$.id"));
		if (job.read("$.duplicateOf") == null) {
			assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
			assertThat(job.read("$.format", String.class)).startsWith("FOCUS 1.");
			assertThat(job.read("$.rowsRead", Long.class)).isPositive()
				.isEqualTo(job.read("$.rowsAccepted", Long.class) + job.read("$.rowsCostOnly", Long.class));
		}
	}

	@Test
	void partsMayComeInAnyOrderAndBadPartsAreNamed() {
		TestOrgUnits.register(this.http, "research");
		String boundary = "b-" + UUID.randomUUID();
		String csv = HEADER + "\n"
				+ row("Tax", "1.00", "AWS", "", "", "", "", "", "", "{\"\"n\"\":\"\"" + UUID.randomUUID() + "\"\"}");
		String fieldsAfterFile = "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"late.csv\"" + "\r\n\r\n" + csv
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"orgUnit\"\r\n\r\n"
				+ "research\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"overlap\"\r\n\r\nappend\r\n--" + boundary + "--\r\n";
		DocumentContext job = JsonPath.parse(multipart(boundary, fieldsAfterFile).body());
		assertThat(job.read("$.orgUnit", String.class)).isEqualTo("research");
		assertThat(job.read("$.overlap", String.class)).isEqualTo("APPEND");
		assertThat(job.read("$.fileName", String.class)).isEqualTo("late.csv");

		HttpResponse<String> noFile = multipart(boundary, "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nFOCUS\r\n--" + boundary + "--\r\n");
		assertThat(noFile.statusCode()).isEqualTo(422);
		assertThat(noFile.body()).contains("\"field\":\"file\"", "is required");

		HttpResponse<String> badOverlap = this.http.postMultipart("/api/v1/ingestions", "x.csv",
				csv.getBytes(StandardCharsets.UTF_8), Map.of("overlap", "sometimes"), Jobs.admin());
		assertThat(badOverlap.statusCode()).isEqualTo(422);
		assertThat(badOverlap.body()).contains("\"field\":\"overlap\"", "REPLACE or APPEND");

		HttpResponse<String> broken = multipart(boundary, "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.csv\"\r\n\r\nno closing boundary");
		assertThat(broken.statusCode()).isEqualTo(422);
		assertThat(broken.body()).contains("\"field\":\"file\"", "multipart body cannot be read");
	}

	@Test
	void aChunkedUploadOverTheLimitIs413AndLeavesNoFile() throws IOException {
		String boundary = "b-" + UUID.randomUUID();
		List<byte[]> parts = new java.util.ArrayList<>();
		parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		byte[] chunk = ("x," + UUID.randomUUID() + "\n").repeat(2000).getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < 20; i++) {
			parts.add(chunk);
		}
		long filesBefore = storedFiles();
		String[] auth = Jobs.admin();
		HttpResponse<String> response = this.http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/api/v1/ingestions"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header(auth[0], auth[1])
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArrays(parts))
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(storedFiles()).isEqualTo(filesBefore);
	}

	@Test
	void tooManyPartsAndRefusedUploadsLeaveNoFileBehind() throws IOException {
		String boundary = "b-" + UUID.randomUUID();
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 25; i++) {
			body.append("--")
				.append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"x")
				.append(i)
				.append("\"\r\n\r\nv\r\n");
		}
		body.append("--").append(boundary).append("--\r\n");
		HttpResponse<String> many = multipart(boundary, body.toString());
		assertThat(many.statusCode()).isEqualTo(422);
		assertThat(many.body()).contains("more than 20 parts");

		long filesBefore = storedFiles();
		HttpResponse<String> refused = this.http.postMultipart("/api/v1/ingestions", "x.csv",
				(HEADER + "\n"
						+ row("Tax", "1.00", "AWS", "", "", "", "", "", "",
								"{\"\"n\"\":\"\"" + UUID.randomUUID() + "\"\"}"))
					.getBytes(StandardCharsets.UTF_8),
				Map.of("format", "ORACLE"), Jobs.admin());
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(storedFiles()).as("the refused upload's file was discarded").isEqualTo(filesBefore);
	}

	private long storedFiles() throws IOException {
		Path files = Path.of("target/test-data/files");
		if (!Files.exists(files)) {
			return 0;
		}
		try (var walk = Files.walk(files)) {
			return walk.filter(Files::isRegularFile).count();
		}
	}

	private HttpResponse<String> multipart(String boundary, String body) {
		String[] auth = Jobs.admin();
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/api/v1/ingestions"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i < auth.length; i += 2) {
			request.header(auth[i], auth[i + 1]);
		}
		return this.http.send(request.build());
	}

	@Test
	void theSameFileSentAgainChangesNothing() {
		byte[] file = (HEADER + "\n"
				+ row("Usage", "1.00", "AWS", "Compute", "Amazon EC2", "us-east-1", "2", "Hours",
						"{\"\"InstanceType\"\":\"\"c5.large\"\"}", "{\"\"run\"\":\"\"" + UUID.randomUUID() + "\"\"}"))
			.getBytes(StandardCharsets.UTF_8);
		DocumentContext first = upload("once.csv", file);
		long lines = linesOf(first);

		DocumentContext second = upload("once-again.csv", file);

		assertThat(second.read("$.duplicateOf", String.class)).isEqualTo(first.read("$.id", String.class));
		assertThat(second.read("$.sha256", String.class)).isEqualTo(first.read("$.sha256", String.class));
		assertThat(lines).isOne();
		assertThat(linesOf(first)).isEqualTo(lines);
		assertThat(linesOf(second)).isZero();
	}

	@Test
	void aFileWithTooManyBadRowsIsRejectedAndLeavesNothingBehind() {
		String csv = String.join("\n", HEADER, "yesterday,2024-03-01T01:00:00Z,Usage,1.00,USD,AWS,,,,,,,,",
				"2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,Usage,lots,USD,AWS,,,,,,,,",
				row("Tax", "3.50", "AWS", "", "", "", "", "", "", "{\"\"n\"\":\"\"" + UUID.randomUUID() + "\"\"}"));
		DocumentContext job = upload("bad.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(job.read("$.message", String.class)).startsWith("2 of 3 rows were rejected");
		assertThat(job.read("$.errors[*].column", List.class)).containsExactly("ChargePeriodStart", "BilledCost");
		assertThat(this.jdbc.sql("select count(*) from activity_line where job_id = ?")
			.param(UUID.fromString(job.read("$.id")))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void unreadableFilesAreRejectedWithTheReason() throws IOException {
		DocumentContext cur = upload("cur.csv",
				("identity/LineItemId,lineItem/UnblendedCost\nx," + UUID.randomUUID() + "\n")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(cur.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(cur.read("$.message", String.class))
			.contains("cur.csv: not an AWS Cost and Usage Report, or an incomplete one: the mandatory columns");

		byte[] gzip = gzip(HEADER + "\n"
				+ (row("Usage", "1.00", "AWS", "Compute", "EC2", "us-east-1", "1", "Hours", "", "") + "\n").repeat(3000)
				+ UUID.randomUUID());
		DocumentContext truncated = upload("bill.csv.gz", Arrays.copyOf(gzip, gzip.length / 2));
		assertThat(truncated.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(truncated.read("$.message", String.class)).contains("compressed data ends unexpectedly");
	}

	@Test
	void aSpecExampleIsIngestedAndReconcilesWithTheFile() throws IOException {
		Path file = Path.of("src/test/resources/fixtures/focus-spec-examples/"
				+ "saas_examples__spend_agreements__saas_spend_agreements_b2.csv");
		DocumentContext job = upload(file.getFileName().toString(),
				(Files.readString(file) + "\n").getBytes(StandardCharsets.UTF_8));
		if (job.read("$.duplicateOf") != null) {
			// an earlier run on a persistent test database ingested it: its job holds the
			// rows
			job = JsonPath.parse(this.http.get("/api/v1/ingestions/" + job.read("$.duplicateOf"), Jobs.admin()).body());
		}
		assertThat(job.read("$.status", String.class)).isIn("COMPLETED");
		assertThat(job.read("$.rowsRead", Long.class)).isEqualTo(14);
		assertThat(job.read("$.rowsAccepted", Long.class) + job.read("$.rowsCostOnly", Long.class)
				+ job.read("$.rowsRejected", Long.class))
			.isEqualTo(14);
	}

	@Test
	void anUnsupportedFormatIs422AndAuditorsCannotUpload() {
		HttpResponse<String> oracle = this.http.postMultipart("/api/v1/ingestions", "oci.csv", "a,b\n".getBytes(),
				Map.of("format", "ORACLE"), Jobs.admin());
		assertThat(oracle.statusCode()).isEqualTo(422);
		assertThat(oracle.body()).contains("\"field\":\"format\"", "FOCUS, AWS_CUR, AWS_CUR2, GCP, AZURE");

		String auditor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(auditor, "auditor password 1", Set.of(Role.AUDITOR));
		assertThat(this.http
			.postMultipart("/api/v1/ingestions", "x.csv", "a\n".getBytes(), Map.of(),
					HttpTestClient.basic(auditor, "auditor password 1"))
			.statusCode()).isEqualTo(403);
		assertThat(
				this.http.get("/api/v1/ingestions", HttpTestClient.basic(auditor, "auditor password 1")).statusCode())
			.isEqualTo(200);
	}

	@Test
	void awsGoogleAndAzureExportsAreDetectedMappedAndReconciled() throws IOException {
		String nonce = UUID.randomUUID().toString();
		DocumentContext cur = upload("cur-legacy.csv", fixture("aws-cur/cur-legacy.csv", "li-0001", nonce));
		assertThat(cur.read("$.status", String.class)).isEqualTo("COMPLETED");
		assertThat(cur.read("$.format", String.class)).isEqualTo("AWS CUR");
		assertThat(List.of(cur.read("$.rowsRead", Long.class), cur.read("$.rowsAccepted", Long.class),
				cur.read("$.rowsCostOnly", Long.class), cur.read("$.rowsRejected", Long.class)))
			.containsExactly(19L, 9L, 10L, 0L);
		assertThat(billedTotal(cur, "aws", "USD")).isEqualByComparingTo("57.9240");
		assertThat(this.jdbc.sql("""
				select vcpu_hours > 0 and memory_gb_hours > 0 and accelerator_hours > 0 from activity_line
				where job_id = ? and source_row = 3""")
			.param(UUID.fromString(cur.read("$.id")))
			.query(Boolean.class)
			.single()).as("a GPU instance row: vCPU, memory and accelerator hours").isTrue();

		DocumentContext gcp = upload("gcp-billing.jsonl",
				fixture("gcp/gcp-billing.jsonl", "01EFGH-765432-10ABCD", nonce));
		assertThat(gcp.read("$.status", String.class)).isEqualTo("COMPLETED");
		assertThat(gcp.read("$.format", String.class)).isEqualTo("Google Cloud billing export (JSON)");
		assertThat(List.of(gcp.read("$.rowsRead", Long.class), gcp.read("$.rowsAccepted", Long.class),
				gcp.read("$.rowsCostOnly", Long.class), gcp.read("$.rowsRejected", Long.class)))
			.as("the GPU row of an N1 VM: a spend-based estimate")
			.containsExactly(6L, 4L, 2L, 0L);
		assertThat(billedTotal(gcp, "gcp", "EUR")).isEqualByComparingTo("2.6716");

		DocumentContext azure = upload("azure-ea.csv", fixture("azure/azure-ea-actual.csv", "CC-100", nonce),
				Map.of("format", "azure"));
		assertThat(azure.read("$.status", String.class)).isEqualTo("COMPLETED");
		assertThat(azure.read("$.format", String.class)).isEqualTo("Azure cost details (EA)");
		assertThat(List.of(azure.read("$.rowsRead", Long.class), azure.read("$.rowsAccepted", Long.class),
				azure.read("$.rowsCostOnly", Long.class), azure.read("$.rowsRejected", Long.class)))
			.as("storage units and virtual network: spend-based estimates")
			.containsExactly(10L, 8L, 2L, 0L);
		assertThat(billedTotal(azure, "azure", "USD")).isEqualByComparingTo("138.7035");

		DocumentContext contradicted = upload("cur2.csv", fixture("aws-cur/cur2.csv", "kept", nonce),
				Map.of("format", "GCP"));
		assertThat(contradicted.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(contradicted.read("$.format", String.class)).isEqualTo("GCP");
		assertThat(contradicted.read("$.message", String.class))
			.isEqualTo("cur2.csv: GCP was requested, but the file is an AWS CUR 2.0 export; send it without a format"
					+ " to have it detected, or with format AWS_CUR2");
	}

	private static byte[] fixture(String path, String token, String nonce) throws IOException {
		String text = Files.readString(Path.of("src/test/resources/fixtures").resolve(path));
		assertThat(text).contains(token);
		return text.replaceFirst(java.util.regex.Pattern.quote(token), token + "-" + nonce)
			.getBytes(StandardCharsets.UTF_8);
	}

	private static BigDecimal billedTotal(DocumentContext job, String provider, String currency) {
		List<?> totals = job.read(
				"$.costs[?(@.provider == '" + provider + "' && @.currency == '" + currency + "')].billedTotal",
				List.class);
		assertThat(totals).as(job.jsonString()).hasSize(1);
		return new BigDecimal(totals.get(0).toString());
	}

	private DocumentContext upload(String name, byte[] content) {
		return upload(name, content, Map.of());
	}

	private DocumentContext upload(String name, byte[] content, Map<String, String> fields) {
		HttpResponse<String> response = this.http.postMultipart("/api/v1/ingestions", name, content, fields,
				Jobs.admin());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return Jobs.await(this.http, JsonPath.read(response.body(), "$.id"));
	}

	private static String row(String category, String cost, String provider, String serviceCategory, String service,
			String region, String quantity, String unit, String details, String tags) {
		return String.join(",", "2024-03-01T00:00:00Z", "2024-03-01T01:00:00Z", category, cost, "USD", provider,
				serviceCategory, service, region, "123456789012", quantity, unit, quoted(details), quoted(tags));
	}

	private static String quoted(String json) {
		return json.isEmpty() ? "" : "\"" + json + "\"";
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	private long linesOf(DocumentContext job) {
		return this.jdbc.sql("select count(*) from activity_line where job_id = ?")
			.param(java.util.UUID.fromString(job.read("$.id")))
			.query(Long.class)
			.single();
	}

}
