package org.greenledger.inventory;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.greenledger.TestDatabaseInitializer;
import org.greenledger.TestMonths;
import org.greenledger.ledger.FootprintQuery;
import org.greenledger.ledger.LedgerFixture;
import org.greenledger.ledger.LedgerFixture.Impacts;
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
 * The inventory module with the modules it reads (ledger, sites, and what they use) on
 * the suite's PostgreSQL: a period's figures are the ledger's cloud lines of that period,
 * by scope, provider, region and month.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
// a module context stays cached beside the suite's full one: two connections are enough
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=2")
class InventoryModuleTests {

	private static final double TOLERANCE = 1e-9;

	@Autowired
	InventoryFigures inventory;

	@Autowired
	FootprintQuery footprint;

	@Autowired
	DataSource dataSource;

	@Test
	void aPeriodsFiguresAreItsCloudLinesByScopeProviderRegionAndMonth() {
		YearMonth month = TestMonths.unusedMonth(this.footprint);
		new LedgerFixture(this.dataSource).write("fixture-unit",
				java.util.List.of(
						LedgerFixture.cloud(1, month.atDay(2), "aws", "us-east-1", "EC2", 10,
								new Impacts(2.0, 2.4, 0.9, 0.6, 0.3, 1.0), "1.50"),
						LedgerFixture.cloud(2, month.plusMonths(1).atDay(2), "azure", "westeurope", "Virtual Machines",
								10, new Impacts(1.0, 1.2, 0.2, 0.1, 0.1, 0.0), "2.25"),
						LedgerFixture.costOnly(3, month.atDay(9), "aws", "Support", "Unmapped service", "5.00")));
		LocalDate from = month.atDay(1);
		LocalDate to = month.plusMonths(1).atEndOfMonth();

		GhgInventory figures = this.inventory.inventory(from, to, "fixture-unit");

		assertThat(figures.scope3Category1LocationKg()).isCloseTo(1.1, within(TOLERANCE));
		assertThat(figures.scope3Category1MarketKg()).isCloseTo(0.7, within(TOLERANCE));
		assertThat(figures.scope3Category1EmbodiedKg()).isCloseTo(0.4, within(TOLERANCE));
		assertThat(figures.cloudFacilityKwh()).isCloseTo(3.6, within(TOLERANCE));
		assertThat(figures.scope1Kg()).as("no site of the org unit").isZero();
		assertThat(figures.totalLocationKg()).isCloseTo(1.5, within(TOLERANCE));
		assertThat(figures.cloudCost().get("USD")).isEqualByComparingTo("8.75");
		assertThat(figures.byProvider()).extracting(GhgInventory.Breakdown::key)
			.containsExactlyInAnyOrder("aws", "azure");
		assertThat(figures.byRegion()).filteredOn(group -> group.key().equals("westeurope"))
			.singleElement()
			.satisfies(group -> assertThat(group.locationKg()).isCloseTo(0.2, within(TOLERANCE)));
		assertThat(figures.months()).extracting(GhgInventory.MonthFigures::month)
			.containsExactly(month.toString(), month.plusMonths(1).toString());
		assertThat(figures.months().get(0).scope3LocationKg()).isCloseTo(0.9, within(TOLERANCE));
		assertThat(figures.months().get(1).scope3EmbodiedKg()).isCloseTo(0.1, within(TOLERANCE));
		assertThat(figures.qualityShares().get(3)).as("every line is a usage estimate")
			.isCloseTo(1.0, within(TOLERANCE));
		assertThat(this.inventory.inventory(from, to, "another-unit").scope3Category1LocationKg())
			.as("another org unit's inventory leaves these lines out")
			.isZero();
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
