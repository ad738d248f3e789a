package org.greenledger.sites;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.MeasuredUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Sites end to end over HTTP against real PostgreSQL: meter CSV and hourly grid intensity
 * uploads become measured months with PUE, WUE, Scope 1 and Scope 2 (location with the
 * hourly intensity, market with instruments), and bad measured input is refused whole.
 */
@IntegrationTest
class SiteMeasurementsTests {

	/** Hourly DE intensity for two hours of 2031 (a year no other test uses). */
	private static final String GRID = """
			Datetime (UTC),Country,Zone name,Zone id,Carbon intensity gCO₂eq/kWh (direct),Carbon intensity gCO₂eq/kWh (Life cycle),Carbon-free energy percentage (CFE%),Renewable energy percentage (RE%),Data source,Data estimated,Data estimation method
			2031-01-10 00:00:00,Germany,Germany,DE,350,400,50,45,test,false,
			2031-01-10 01:00:00,Germany,Germany,DE,150,200,70,65,test,false,
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	MeasuredUploads uploads;

	@BeforeEach
	void setUp() {
		this.uploads = new MeasuredUploads(new HttpTestClient(this.port));
	}

	private String site(String zone) {
		String code = "S" + UUID.randomUUID().toString().substring(0, 8);
		this.uploads.postJson("/api/v1/sites", """
				{"code": "%s", "name": "Test hall", "kind": "OWN", "gridZone": "%s", "country": "DE"}""".formatted(code,
				zone));
		return code;
	}

	@Test
	void metersBecomeMonthlyPueWueScope1AndScope2WithHourlyIntensityAndInstruments() {
		DocumentContext grid = this.uploads.upload("de-hourly-2031.csv", GRID.getBytes(StandardCharsets.UTF_8),
				Map.of());
		assertThat(grid.read("$.status", String.class)).as(grid.jsonString()).isIn("COMPLETED");
		String site = site("DE");
		String meters = """
				meter,site,role,start,end,quantity,unit
				F1,%1$s,facility total,2031-01-10T00:00:00Z,2031-01-10T01:00:00Z,150,kWh
				F1,%1$s,facility total,2031-01-10T01:00:00Z,2031-01-10T02:00:00Z,0.15,MWh
				IT1,%1$s,IT load,2031-01-10T00:00:00Z,2031-01-10T01:00:00Z,100000,Wh
				IT1,%1$s,IT load,2031-01-10T01:00:00Z,2031-01-10T02:00:00Z,100,kW
				W1,%1$s,water intake,2031-01-10T00:00:00Z,2031-01-11T00:00:00Z,0.1,m3
				G1,%1$s,generator fuel,2031-01-10T00:00:00Z,2031-01-10T02:00:00Z,10,L
				""".formatted(site);
		DocumentContext job = this.uploads.upload("meters.csv", meters.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		assertThat(job.read("$.rowsRead", Long.class)).isEqualTo(6);
		assertThat(job.read("$.rowsAccepted", Long.class)).isEqualTo(6);
		assertThat(job.read("$.measured.energyKwh", Double.class)).isCloseTo(500, within(1e-9));
		assertThat(job.read("$.measured.waterLitres", Double.class)).isCloseTo(100, within(1e-9));
		assertThat(job.read("$.measured.fuelLitres", Double.class)).isCloseTo(10, within(1e-9));
		this.uploads.postJson("/api/v1/sites/" + site + "/instruments", """
				{"kind": "EAC", "periodStart": "2031-01-01", "periodEnd": "2031-01-31", "energyMwh": 0.1,
				 "kgCo2ePerKwh": 0, "evidence": "GO 123-456"}""");
		this.uploads.postJson("/api/v1/sites/" + site + "/instruments", """
				{"kind": "RESIDUAL_MIX", "periodStart": "2031-01-01", "periodEnd": "2031-12-31",
				 "kgCo2ePerKwh": 0.5, "evidence": "AIB European residual mix 2030, Germany"}""");

		DocumentContext month = this.uploads.getJson("/api/v1/sites/" + site + "/months?from=2031-01&to=2031-01");
		assertThat(month.read("$[0].facilityKwh", Double.class)).isCloseTo(300, within(1e-9));
		assertThat(month.read("$[0].itKwh", Double.class)).isCloseTo(200, within(1e-9));
		assertThat(month.read("$[0].pue", Double.class)).isCloseTo(1.5, within(1e-12));
		assertThat(month.read("$[0].wue", Double.class)).isCloseTo(0.5, within(1e-12));
		// 10 L x 2.7058 kg CO2e/L (US EPA 2024, distillate fuel oil No. 2)
		assertThat(month.read("$[0].scope1Kg", Double.class)).isCloseTo(27.058, within(1e-9));
		// 150 kWh x 400 g + 150 kWh x 200 g, hourly
		assertThat(month.read("$[0].scope2LocationKg", Double.class)).isCloseTo(90, within(1e-9));
		assertThat(month.read("$[0].hourlyShare", Double.class)).isCloseTo(1, within(1e-12));
		// 100 kWh under certificates at 0, the other 200 kWh at the residual mix 0.5
		assertThat(month.read("$[0].scope2MarketKg", Double.class)).isCloseTo(100, within(1e-9));
		assertThat(month.read("$[0].market.remainderBasis", String.class)).isEqualTo("RESIDUAL_MIX");
		assertThat(month.read("$[0].market.coveredKwh", Double.class)).isCloseTo(100, within(1e-9));

		DocumentContext detail = this.uploads.getJson("/api/v1/sites/" + site);
		assertThat(detail.read("$.meters[*].code", List.class)).containsExactlyInAnyOrder("F1", "IT1", "W1", "G1");

		// the same file again changes nothing
		DocumentContext again = this.uploads.upload("meters-again.csv", meters.getBytes(StandardCharsets.UTF_8),
				Map.of());
		assertThat(again.read("$.duplicateOf", String.class)).isEqualTo(job.read("$.id", String.class));
		// a corrected export replaces the readings of the same meters and time
		String corrected = meters.replace(",150,kWh", ",180,kWh");
		DocumentContext replacing = this.uploads.upload("meters-corrected.csv",
				corrected.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(replacing.read("$.status", String.class)).isEqualTo("COMPLETED");
		assertThat(replacing.read("$.replaced[0].job", String.class)).isEqualTo(job.read("$.id", String.class));
		DocumentContext after = this.uploads.getJson("/api/v1/sites/" + site + "/months?from=2031-01&to=2031-01");
		assertThat(after.read("$[0].facilityKwh", Double.class)).isCloseTo(330, within(1e-9));
		// appending the original again would count the same hours twice: refused whole
		DocumentContext appended = this.uploads.upload("meters-append.csv",
				(meters + "\n").getBytes(StandardCharsets.UTF_8), Map.of("overlap", "APPEND"));
		assertThat(appended.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(appended.read("$.message", String.class)).contains("already ingested", "overlap=REPLACE");
	}

	@Test
	void aReadingAcrossAMonthBoundaryIsSharedByTimeAndAReplacementIsSummedAgain() {
		String site = site("DE");
		String readings = """
				meter,site,role,start,end,quantity,unit
				W1,%1$s,water intake,2032-01-31T12:00:00Z,2032-02-01T12:00:00Z,10,m3
				F1,%1$s,facility total,2032-01-31T18:00:00Z,2032-02-01T06:00:00Z,120,kWh
				IT1,%1$s,IT load,2032-01-31T18:00:00Z,2032-02-01T06:00:00Z,100,kWh
				""".formatted(site);
		DocumentContext job = this.uploads.upload("boundary-" + site + ".csv",
				readings.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		DocumentContext months = this.uploads.getJson("/api/v1/sites/" + site + "/months?from=2032-01&to=2032-02");
		assertThat(months.read("$[0].waterLitres", Double.class)).isCloseTo(5_000, within(1e-6));
		assertThat(months.read("$[1].waterLitres", Double.class)).isCloseTo(5_000, within(1e-6));
		assertThat(months.read("$[0].facilityKwh", Double.class)).isCloseTo(60, within(1e-9));
		assertThat(months.read("$[1].itKwh", Double.class)).isCloseTo(50, within(1e-9));

		// a corrected file replaces the readings of the same meters and times: summed
		// again
		DocumentContext corrected = this.uploads.upload("boundary-corrected-" + site + ".csv",
				readings.replace(",10,m3", ",4,m3").getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(corrected.read("$.status", String.class)).as(corrected.jsonString()).isEqualTo("COMPLETED");
		months = this.uploads.getJson("/api/v1/sites/" + site + "/months?from=2032-01&to=2032-02");
		assertThat(months.read("$[0].waterLitres", Double.class)).isCloseTo(2_000, within(1e-6));
		assertThat(months.read("$[1].waterLitres", Double.class)).isCloseTo(2_000, within(1e-6));
		assertThat(months.read("$[0].facilityKwh", Double.class)).isCloseTo(60, within(1e-9));
	}

	@Test
	void readingsOfAnUnknownSiteAreRejectedWithRowAndColumnAndNothingIsStored() {
		String csv = """
				meter,site,role,start,end,quantity,unit
				M1,NOPE-%s,IT load,2031-02-01T00:00:00Z,2031-02-01T01:00:00Z,5,kWh
				""".formatted(UUID.randomUUID());
		DocumentContext job = this.uploads.upload("unknown-site.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(job.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(job.read("$.errors[0].row", Long.class)).isEqualTo(1);
		assertThat(job.read("$.errors[0].column", String.class)).isEqualTo("site");
		assertThat(job.read("$.errors[0].message", String.class)).contains("unknown site");
		assertThat(this.jdbc.sql("select count(*) from measured_line where job_id = ?::uuid")
			.param(job.read("$.id", String.class))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void greenButtonWithExternalEntitiesIsRefusedWithoutReadingAnyFile() throws Exception {
		String site = site("FR");
		byte[] xxe = Files.readAllBytes(Path.of("src/test/resources/fixtures/green-button/xxe.xml"));
		DocumentContext job = this.uploads.upload("xxe.xml", xxe, Map.of("site", site));
		assertThat(job.read("$.status", String.class)).isEqualTo("REJECTED");
		assertThat(job.read("$.message", String.class)).containsIgnoringCase("DTD").doesNotContain("root:");
		byte[] laughs = Files.readAllBytes(Path.of("src/test/resources/fixtures/green-button/billion-laughs.xml"));
		DocumentContext bomb = this.uploads.upload("laughs.xml", laughs, Map.of("site", site));
		assertThat(bomb.read("$.status", String.class)).isEqualTo("REJECTED");
	}

	@Test
	void greenButtonIntervalsBecomeFacilityElectricityOfTheSite() throws Exception {
		String site = site("FR");
		// a comment after the feed makes the content this run's own (a persistent test
		// database would otherwise take it for a duplicate of an earlier run's upload)
		byte[] feed = (Files.readString(Path.of("src/test/resources/fixtures/green-button/usage-15min.xml")) + "\n<!-- "
				+ site + " -->\n")
			.getBytes(StandardCharsets.UTF_8);
		DocumentContext job = this.uploads.upload("usage.xml", feed, Map.of("site", site));
		assertThat(job.read("$.status", String.class)).as(job.jsonString()).isEqualTo("COMPLETED");
		// the fixture's exported (reverse-flow) readings are read and not counted, with a
		// note
		assertThat(job.read("$.rowsCostOnly", Long.class)).isPositive();
		assertThat(job.read("$.rowsRead", Long.class)).isEqualTo(job.read("$.rowsAccepted", Long.class)
				+ job.read("$.rowsCostOnly", Long.class) + job.read("$.rowsRejected", Long.class));
		assertThat(job.read("$.notes[0].message", String.class)).contains("not counted", "exported");
		assertThat(job.read("$.measured.energyKwh", Double.class)).isPositive();
		assertThat(job.read("$.measured.co2eLocationKg", Double.class)).isPositive();
	}

}
