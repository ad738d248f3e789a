package org.greenledger.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.greenledger.TestDatabaseInitializer;
import org.greenledger.TestMonths;
import org.greenledger.ledger.LedgerFixture.Impacts;
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
 * The ledger alone (with the modules it uses: periods, audit, security, database) on the
 * suite's PostgreSQL: lines written through its writer are what its footprint query sums.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
// a module context stays cached beside the suite's full one: two connections are enough
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=2")
class LedgerModuleTests {

	private static final double TOLERANCE = 1e-9;

	@Autowired
	FootprintQuery footprint;

	@Autowired
	DataSource dataSource;

	@Test
	void linesWrittenThroughTheWriterAreSummedByTheFootprintQuery() {
		YearMonth month = TestMonths.unusedMonth(this.footprint);
		LedgerFixture ledger = new LedgerFixture(this.dataSource);
		ledger.write(
				LedgerFixture.cloud(1, month.atDay(3), "aws", "eu-west-1", "EC2", 24,
						new Impacts(1.25, 1.5, 0.4, 0.1, 0.05, 2.0), "0.96"),
				LedgerFixture.cloud(2, month.atDay(20), "gcp", "europe-west1", "Compute Engine", 12,
						new Impacts(0.5, 0.55, 0.02, 0.01, 0.03, 0.5), "0.48"),
				LedgerFixture.costOnly(3, month.atDay(20), "aws", "Support", "Unmapped service", "10.00"));
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();

		List<FootprintQuery.Group> total = this.footprint.query(from, to, Optional.empty());
		assertThat(total).hasSize(1);
		assertThat(total.get(0).rows()).isEqualTo(3);
		assertThat(total.get(0).itKwh()).isCloseTo(1.75, within(TOLERANCE));
		assertThat(total.get(0).facilityKwh()).isCloseTo(2.05, within(TOLERANCE));
		assertThat(total.get(0).locationKg()).isCloseTo(0.42, within(TOLERANCE));
		assertThat(total.get(0).marketKg()).isCloseTo(0.11, within(TOLERANCE));
		assertThat(total.get(0).embodiedKg()).isCloseTo(0.08, within(TOLERANCE));
		assertThat(total.get(0).onSiteLiters()).isCloseTo(2.5, within(TOLERANCE));
		assertThat(total.get(0).cost().get("USD")).isEqualByComparingTo("11.44");

		Map<String, Double> byProvider = this.footprint.query(from, to, Optional.of("provider"))
			.stream()
			.collect(Collectors.toMap(FootprintQuery.Group::key, FootprintQuery.Group::locationKg));
		assertThat(byProvider).containsOnlyKeys("aws", "gcp");
		assertThat(byProvider.get("aws")).isCloseTo(0.4, within(TOLERANCE));
		assertThat(byProvider.get("gcp")).isCloseTo(0.02, within(TOLERANCE));
		assertThat(this.footprint.query(from.plusDays(4), to, Optional.empty()).get(0).locationKg())
			.as("the days of a partial month come from the day sums")
			.isCloseTo(0.02, within(TOLERANCE));
	}

	/**
	 * What other modules implement for the ledger (ingestion: the source files; sites:
	 * the meters), answering that none are known, as for lines of no upload.
	 */
	@TestConfiguration
	static class OtherModules {

		@Bean
		SourceFiles sourceFiles() {
			return jobs -> Map.<UUID, SourceFiles.SourceFile>of();
		}

		@Bean
		SiteMeters siteMeters() {
			return site -> Map.<UUID, SiteMeters.Meter>of();
		}

	}

}
