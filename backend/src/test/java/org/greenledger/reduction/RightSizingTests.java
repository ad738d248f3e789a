package org.greenledger.reduction;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.greenledger.TestMonths;
import org.greenledger.core.billing.SourceLine;
import org.greenledger.core.catalog.InstanceHours;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.footprint.ActivityRecord;
import org.greenledger.core.footprint.CloudInstance;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.TimeSpan;
import org.greenledger.ledger.FootprintQuery;
import org.greenledger.ledger.LedgerFixture;
import org.greenledger.security.OrgUnitScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code RIGHT_SIZING}: a week of an m5.4xlarge (16 vCPUs, Skylake) billed around the
 * clock in us-east-1, whose CloudWatch CPU utilization (uploaded through the API) is 12.5
 * % at the 95th percentile and 24 % at its peak, is moved to an m5.xlarge (4 vCPUs, the
 * smallest m5 that holds 4 x 16 x 12.5 / 70 = 2.9 and 16 x 24 / 100 = 3.84 vCPUs).
 */
@IntegrationTest
class RightSizingTests {

	private static final double TOLERANCE = 1e-9;

	private static final Path WEEK = Path.of("src/test/resources/fixtures/cloudwatch/m5-4xlarge-idle-week.json");

	private static final Path REAL = Path
		.of("src/test/resources/corpus/measured/cloudwatch/aws-cli-cpuutilization-maximum-hourly.json");

	private static final String ACCOUNT = "123456789012";

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LibraryFactorLookup factors;

	@Autowired
	InstanceHours instanceHours;

	@Autowired
	FootprintQuery footprint;

	@Autowired
	Opportunities opportunities;

	HttpTestClient http;

	MeasuredUploads api;

	@BeforeEach
	void setUp() {
		this.http = new HttpTestClient(this.port);
		this.api = new MeasuredUploads(this.http);
	}

	@Test
	void aMostlyIdleInstanceIsMovedToTheSmallestSizeThatHoldsItsLoad() throws IOException {
		YearMonth month = TestMonths.unusedMonth(this.footprint);
		LocalDate from = month.atDay(1);
		LocalDate to = month.atDay(7);
		String instanceId = "i-0" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		// the bill: 7 days x 24 h of the m5.4xlarge at 0.768 USD/h (18.432 USD a day),
		// and one day of another instance, an m5.xlarge at 0.192 USD/h, whose price the
		// cost change is taken from
		List<LedgerFixture.Row> rows = new ArrayList<>();
		double ledgerKg = 0;
		for (int day = 1; day <= 7; day++) {
			LedgerFixture.Row row = instanceDay(day, month.atDay(day), "m5.4xlarge", "18.432");
			ledgerKg += row.impacts()
				.stream()
				.mapToDouble(line -> line.locationBased().kilograms() + line.embodied().kilograms())
				.sum();
			rows.add(row);
		}
		rows.add(instanceDay(8, month.atDay(2), "m5.xlarge", "4.608"));
		UUID job = new LedgerFixture(this.dataSource).write(null, rows);
		ReductionFixtures.registerUpload(this.jdbc, job);
		String week = Files.readString(WEEK, StandardCharsets.UTF_8).replace("2030-01-", month + "-");
		DocumentContext upload = this.api.upload("cpu-week.json", week.getBytes(StandardCharsets.UTF_8), Map.of("host",
				"instance_id=" + instanceId + ",instance_type=m5.4xlarge,region=us-east-1,account_id=" + ACCOUNT));
		assertThat(upload.read("$.status", String.class)).as(upload.jsonString()).isEqualTo("COMPLETED");
		assertThat(upload.read("$.rowsAccepted", Long.class)).isEqualTo(168L);

		List<Opportunity> found = this.opportunities
			.find(new OpportunityQuery(from, to, Set.of(), OrgUnitScope.UNRESTRICTED))
			.stream()
			.filter(each -> each.kind() == OpportunityKind.RIGHT_SIZING)
			.toList();

		assertThat(found).extracting(each -> each.subject().name()).containsExactly(instanceId);
		Opportunity rightSize = found.getFirst();
		assertThat(rightSize.subject().attributes()).containsEntry("instanceType", "m5.4xlarge")
			.containsEntry("recommendedInstanceType", "m5.xlarge")
			.containsEntry("accountId", ACCOUNT);
		Map<String, Double> figures = rightSize.evidence().figures();
		// 160 hours at 12.5 % and 8 at 20 %: mean 2160 / 168, 95th percentile 12.5,
		// peak (the maxima) 24
		double mean = 2160.0 / 168;
		assertThat(figures.get("meanCpuPercent")).isCloseTo(mean, within(TOLERANCE));
		assertThat(figures.get("p95CpuPercent")).isCloseTo(12.5, within(TOLERANCE));
		assertThat(figures.get("peakCpuPercent")).isCloseTo(24, within(TOLERANCE));
		assertThat(figures.get("instanceHours")).isCloseTo(168, within(TOLERANCE));
		assertThat(figures.get("billedInstanceHours")).isCloseTo(168, within(TOLERANCE));

		// by hand, with the factor library's values: Skylake 0.65 to 4.26 W per vCPU,
		// memory 0.000392 kWh per GB-hour (Cloud Carbon Footprint)
		assertThat(this.factors.cpuMinPowerPerVcpu("Skylake").value().watts()).isEqualTo(0.65);
		assertThat(this.factors.cpuMaxPowerPerVcpu("Skylake").value().watts()).isEqualTo(4.26);
		assertThat(this.factors.memoryEnergyPerGigabyteHour().value().kilowattHours()).isEqualTo(0.000392);
		double u = mean / 100;
		// now: 16 vCPUs x 168 h at u, 64 GB x 168 h
		double itNow = 16 * 168 * (0.65 + u * (4.26 - 0.65)) / 1000 + 64 * 168 * 0.000392;
		// after: 4 vCPUs x 168 h at 4u (the same work), 16 GB x 168 h; the dynamic power
		// cancels, so the saving is 12 x 168 x 0.65 W + 48 x 168 x 0.000392 kWh =
		// 4.471488 kWh
		double itAfter = 4 * 168 * (0.65 + 4 * u * (4.26 - 0.65)) / 1000 + 16 * 168 * 0.000392;
		assertThat(itNow - itAfter).isCloseTo(4.471488, within(1e-9));
		assertThat(figures.get("currentItKwh")).isCloseTo(itNow, within(TOLERANCE));
		assertThat(figures.get("recommendedItKwh")).isCloseTo(itAfter, within(TOLERANCE));
		LocalDate mid = from.plusDays(3);
		Location here = new Location.CloudRegion("aws", "us-east-1");
		double kgPerItKwh = this.factors.pue(here, mid).value().ratio()
				* this.factors.gridIntensity(here, mid).value().gramsPerKilowattHour() / 1000;
		double embodiedNow = hostEmbodied("m5.4xlarge", 16);
		double embodiedAfter = hostEmbodied("m5.xlarge", 4);
		double embodiedCautious = hostEmbodied("m5.2xlarge", 8);
		assertThat(embodiedAfter).isGreaterThan(0).isLessThan(embodiedNow);
		double saving = (itNow - itAfter) * kgPerItKwh + embodiedNow - embodiedAfter;
		assertThat(rightSize.savingKgCo2e()).isCloseTo(saving, within(TOLERANCE));
		assertThat(rightSize.savingRange().highKgCo2e()).isCloseTo(saving, within(TOLERANCE));
		// cautious: the m5.2xlarge (8 vCPUs at 2u, 32 GB): 8 x 168 x 0.65 W + 32 x 168 x
		// 0.000392 kWh = 2.980992 kWh less
		double cautious = 2.980992 * kgPerItKwh + embodiedNow - embodiedCautious;
		assertThat(rightSize.savingRange().lowKgCo2e()).isCloseTo(cautious, within(1e-9));
		// the ledger's own figure for the instance's lines (calculated at the default
		// utilization)
		assertThat(rightSize.currentKgCo2e()).isCloseTo(ledgerKg, within(1e-9));
		// (0.192 - 0.768) USD/h x 168 h
		assertThat(rightSize.costImpact()).isNotNull();
		assertThat(rightSize.costImpact().amount()).isEqualByComparingTo(new BigDecimal("-96.77"));
		assertThat(rightSize.costImpact().currency()).isEqualTo("USD");
		assertThat(rightSize.confidence()).isEqualTo(Opportunity.Confidence.MEDIUM);
		assertThat(rightSize.evidence().ledgerLines()).extracting(Opportunity.LineRef::jobId).containsOnly(job);
		assertThat(rightSize.evidence().ledgerLines()).extracting(Opportunity.LineRef::row)
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
		String uploadId = upload.read("$.id", String.class);
		assertThat(rightSize.evidence().telemetry()).hasSize(20)
			.allSatisfy(ref -> assertThat(ref.jobId().toString()).isEqualTo(uploadId));
		assertThat(rightSize.evidence().factors()).extracting(reference -> reference.kind())
			.contains("CPU_POWER_MIN", "CPU_POWER_MAX", "MEMORY_ENERGY", "PUE", "GRID_INTENSITY", "EMBODIED");
		assertThat(this.opportunities.finder(OpportunityKind.RIGHT_SIZING)
			.emissions(rightSize.subject(), new OpportunityQuery(from, to, Set.of(), OrgUnitScope.UNRESTRICTED), false))
			.as("the instance type's and the recommended type's ledger emissions")
			.isGreaterThan(ledgerKg);

		DocumentContext answer = this.api.getJson("/api/v1/opportunities?from=" + from + "&to=" + to);
		assertThat(answer.read("$.items[?(@.kind == 'RIGHT_SIZING')].subject.name", List.class))
			.containsExactly(instanceId);
		this.http.signIn("admin", IntegrationTest.ADMIN_PASSWORD);
		String page = this.http.get("/opportunities?from=" + from + "&to=" + to).body();
		assertThat(page).contains("Right-sizing", "RIGHT_SIZING", instanceId, "m5.4xlarge → m5.xlarge",
				"/api/v1/ingestions/" + uploadId);
		System.out.printf("RIGHT_SIZING %s m5.4xlarge -> m5.xlarge: %.3f kg of %.3f kg, cost %s USD%n", instanceId,
				saving, ledgerKg, rightSize.costImpact().amount());
	}

	@Test
	void anInstanceWithoutTelemetryOrWithBusyTelemetryYieldsNoRightSizing() throws IOException {
		YearMonth month = TestMonths.unusedMonth(this.footprint);
		UUID job = new LedgerFixture(this.dataSource).write(null,
				List.of(instanceDay(1, month.atDay(1), "m5.4xlarge", "18.432"),
						instanceDay(2, month.atDay(2), "c5.9xlarge", "36.72")));
		ReductionFixtures.registerUpload(this.jdbc, job);
		// the real answer of the AWS CLI's documentation: 95th percentile 52.1 %, above
		// the threshold
		String instanceId = "i-0" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		DocumentContext upload = this.api.upload("aws-cli-cpu.json", Files.readAllBytes(REAL),
				Map.of("host", "instance_id=" + instanceId + ",instance_type=m5.4xlarge,region=us-east-1"));
		assertThat(upload.read("$.status", String.class)).as(upload.jsonString()).isEqualTo("COMPLETED");
		assertThat(upload.read("$.rowsAccepted", Long.class)).isEqualTo(23L);

		assertThat(rightSizings(month.atDay(1), month.atDay(7))).as("no telemetry in the month").isEmpty();
		assertThat(rightSizings(LocalDate.of(2014, 4, 8), LocalDate.of(2014, 4, 9))).as("telemetry above the threshold")
			.noneMatch(each -> each.subject().name().equals(instanceId));
	}

	@Test
	void aCloudWatchUploadWithoutItsInstanceOrWithTooManyBadDatapointsIsRefusedWhole() throws IOException {
		Path fixtures = WEEK.getParent();
		DocumentContext unnamed = this.api.upload("cpu-unnamed.json",
				Files.readString(WEEK, StandardCharsets.UTF_8)
					.replace("2030-01-", "2029-02-")
					.getBytes(StandardCharsets.UTF_8),
				Map.of());
		assertThat(unnamed.read("$.status", String.class)).as(unnamed.jsonString()).isEqualTo("REJECTED");
		assertThat(unnamed.read("$.message", String.class))
			.startsWith("cpu-unnamed.json: the upload does not name the instance")
			.contains("instance_id=i-0123456789abcdef0,instance_type=m5.4xlarge,region=us-east-1");
		assertThat(unnamed.read("$.rowsAccepted", Long.class)).isZero();

		// 7 of 9 datapoints rejected: above the telemetry limit of 10 %, nothing is kept
		DocumentContext broken = this.api.upload("broken-datapoints.json",
				Files.readAllBytes(fixtures.resolve("broken-datapoints.json")),
				Map.of("host", "instance_id=i-0abcdef1234567890,instance_type=m5.large,region=us-east-1"));
		assertThat(broken.read("$.status", String.class)).as(broken.jsonString()).isEqualTo("REJECTED");
		assertThat(broken.read("$.rowsRejected", Long.class)).isEqualTo(7L);
		assertThat(broken.read("$.errors[*].row", List.class)).containsExactly(9, 13, 18, 23, 28, 33, 38);
		assertThat(broken.read("$.errors[3].column", String.class)).isEqualTo("Unit");
		assertThat(broken.read("$.errors[3].message", String.class))
			.isEqualTo("is 'Bytes', not Percent: not a CPU utilization");
		assertThat(
				this.jdbc.sql("select count(*) from cpu_utilization_sample where instance_id = 'i-0abcdef1234567890'")
					.query(Long.class)
					.single())
			.isZero();
	}

	private List<Opportunity> rightSizings(LocalDate from, LocalDate to) {
		return this.opportunities.find(new OpportunityQuery(from, to, Set.of(), OrgUnitScope.UNRESTRICTED))
			.stream()
			.filter(each -> each.kind() == OpportunityKind.RIGHT_SIZING)
			.toList();
	}

	/**
	 * A day of one instance billed in us-east-1, calculated as the bills' mapper does.
	 */
	private LedgerFixture.Row instanceDay(long row, LocalDate day, String type, String billedUsd) {
		InstanceHours.Mapped mapped = (InstanceHours.Mapped) this.instanceHours.map("aws", type, 24);
		Location location = new Location.CloudRegion("aws", "us-east-1");
		FootprintEngine engine = new FootprintEngine(this.factors);
		List<SourceLine> lines = new ArrayList<>();
		List<ImpactLine> impacts = new ArrayList<>();
		int number = 0;
		for (InstanceHours.Line line : mapped.lines()) {
			impacts.add(engine.calculate(
					new ActivityRecord(line.usage(), day, day, location, Scope.SCOPE_3_CATEGORY_1, Map.of(), null)));
			BigDecimal cost = (number == 0) ? new BigDecimal(billedUsd) : BigDecimal.ZERO;
			lines.add(new SourceLine(row, number++, line.usage(), line.unit(), location, null,
					day.atStartOfDay(ZoneOffset.UTC).toInstant(),
					day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), "aws", ACCOUNT, "us-east-1", "AmazonEC2",
					"Compute", "Usage", cost, cost, "USD", Map.of()));
		}
		return new LedgerFixture.Row(lines, impacts);
	}

	/** A week of an instance type's share of its host, from the factor library. */
	private double hostEmbodied(String type, int vcpus) {
		CloudInstance instance = new CloudInstance("aws", type, vcpus, 96, vcpus * 4.0, 0);
		return this.factors.instanceHostEmbodied(instance)
			.orElseThrow()
			.forInstanceHours(TimeSpan.ofHours(168), instance.hostShare())
			.value()
			.kilograms();
	}

}
