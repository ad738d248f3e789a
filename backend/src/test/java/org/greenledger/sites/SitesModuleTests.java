package org.greenledger.sites;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.greenledger.TestDatabaseInitializer;
import org.greenledger.TestMonths;
import org.greenledger.ledger.FootprintQuery;
import org.greenledger.ledger.LedgerFixture;
import org.greenledger.ledger.MeasuredRollups;
import org.greenledger.ledger.SourceFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sites module with the modules it uses directly (ledger, factors, periods, audit,
 * security) on the suite's PostgreSQL: a site's months are the ledger's monthly sums of
 * its meters' readings.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
// a module context stays cached beside the suite's full one: two connections are enough
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=2")
class SitesModuleTests {

	private static final double TOLERANCE = 1e-9;

	@Autowired
	Sites sites;

	@Autowired
	SiteMonths siteMonths;

	@Autowired
	FootprintQuery footprint;

	@Autowired
	MeasuredRollups rollups;

	@Autowired
	DataSource dataSource;

	@Test
	void aSitesMonthsComeFromTheLedgersSumsOfItsMeters() {
		YearMonth month = TestMonths.unusedMonth(this.footprint);
		String code = "MOD-" + UUID.randomUUID().toString().substring(0, 8);
		Site site = this.sites.create(new SiteInput(code, "Module test hall", "OWN", "DE", "DE", null, null, null),
				"fixture");
		Meter facility = this.sites.addMeter(code, new MeterInput("F1", "FACILITY_TOTAL", null, null), "fixture");
		Meter it = this.sites.addMeter(code, new MeterInput("IT1", "IT_LOAD", null, null), "fixture");
		LedgerFixture ledger = new LedgerFixture(this.dataSource);
		var start = month.atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant();
		ledger.meterReadings(this.rollups, site.id(), facility.id(), start, 24, 1.5);
		ledger.meterReadings(this.rollups, site.id(), it.id(), start, 24, 1.0);

		List<SiteMonth> months = this.siteMonths.months(site, month, month.plusMonths(1));

		assertThat(months).extracting(SiteMonth::month).contains(month);
		SiteMonth first = months.stream().filter(m -> m.month().equals(month)).findFirst().orElseThrow();
		assertThat(first.facilityKwh()).isCloseTo(36.0, within(TOLERANCE));
		assertThat(first.itKwh()).isCloseTo(24.0, within(TOLERANCE));
		assertThat(first.pue()).isCloseTo(1.5, within(TOLERANCE));
		assertThat(months).filteredOn(m -> m.month().equals(month.plusMonths(1)))
			.allSatisfy(next -> assertThat(next.facilityKwh()).as("no readings the next month").isZero());
	}

	/**
	 * Ingestion's side of the ledger's source files: none known, as for lines of no
	 * upload.
	 */
	@TestConfiguration
	static class Ingestion {

		@Bean
		SourceFiles sourceFiles() {
			return jobs -> Map.<UUID, SourceFiles.SourceFile>of();
		}

	}

}
