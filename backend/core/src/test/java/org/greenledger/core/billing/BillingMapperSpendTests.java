package org.greenledger.core.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.greenledger.core.catalog.InstanceCatalog;
import org.greenledger.core.catalog.InstanceHours;
import org.greenledger.core.catalog.SpendCategories;
import org.greenledger.core.factors.FactorLibrary;
import org.greenledger.core.factors.LibraryFactorLookup;
import org.greenledger.core.factors.TestFactorLibraries;
import org.greenledger.core.footprint.ActivityRecord;
import org.greenledger.core.footprint.DataQuality;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.Usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Usage rows without a usage mapping become spend lines that the engine estimates at tier
 * 4; charges that are not usage, and rows without a positive cost, stay cost-only.
 */
class BillingMapperSpendTests {

	private static final FactorLibrary LIBRARY = TestFactorLibraries.shipped();

	private static final Instant MARCH_2023 = Instant.parse("2023-03-01T00:00:00Z");

	private final BillingMapper mapper = new BillingMapper(InstanceCatalog.shipped(),
			key -> LIBRARY.region(key.substring(0, key.indexOf(':')), key.substring(key.indexOf(':') + 1)).isPresent(),
			InstanceHours.Hardware.of(LIBRARY), SpendCategories.shipped());

	private final FootprintEngine engine = new FootprintEngine(new LibraryFactorLookup(LIBRARY));

	@Test
	void anAiServiceRowWithoutAUsageMappingBecomesASpendLineEstimatedAtTier4() {
		BillingRow row = usage("Usage", "12.50", "USD", "AWS", "AI and Machine Learning", "Amazon Bedrock", "us-east-1",
				"1200", "1K tokens");

		List<SourceLine> lines = this.mapper.map(row);

		assertThat(lines).hasSize(1);
		SourceLine line = lines.get(0);
		assertThat(line.costOnly()).isFalse();
		assertThat(line.unit()).isEqualTo("USD");
		assertThat(line.location()).isEqualTo(new Location.CloudRegion("aws", "us-east-1"));
		assertThat(line.billedCost()).isEqualByComparingTo("12.50");
		Usage.Spend spend = (Usage.Spend) line.usage();
		assertThat(spend.amount().amount()).isEqualByComparingTo("12.50");
		assertThat(spend.amount().currency().getCurrencyCode()).isEqualTo("USD");
		assertThat(spend.category()).isEqualTo("cloud-data-processing-hosting");

		ImpactLine impact = this.engine.calculate(activity(line));
		assertThat(impact.quality()).isEqualTo(DataQuality.SPEND_ESTIMATE);
		assertThat(impact.quality().tier()).isEqualTo(4);
		// 12.50 USD x 0.093 kg CO2e/USD (US EPA v1.3, NAICS 518210)
		assertThat(impact.locationBased().kilograms()).isCloseTo(1.1625, within(1e-9));
		assertThat(impact.factors()).extracting(FactorReference::kind).containsExactly("SPEND_INTENSITY");
	}

	@Test
	void spendInEurosCarriesTheExchangeRateInItsLineage() {
		BillingRow row = usage("Usage", "40.00", "EUR", "Microsoft", "AI and Machine Learning", "Azure OpenAI",
				"westeurope", "3", "1M tokens");

		ImpactLine impact = this.engine.calculate(activity(this.mapper.map(row).get(0)));

		// 40 EUR x 1.0817 USD/EUR (Federal Reserve G.5A, 2023) x 0.093 kg CO2e/USD
		assertThat(impact.locationBased().kilograms()).isCloseTo(40 * 1.0817 * 0.093, within(1e-9));
		assertThat(impact.factors()).extracting(FactorReference::kind)
			.containsExactly("SPEND_INTENSITY", "EXCHANGE_RATE");
	}

	@Test
	void rowsOfUnknownProvidersOrRegionsAreSpendLinesWithoutALocation() {
		SourceLine saas = this.mapper
			.map(usage("Usage", "9.99", "USD", "ACMECORP", "Business Applications", "ACME", null, "1", "Seats"))
			.get(0);
		assertThat(saas.costOnly()).isFalse();
		assertThat(saas.provider()).isEqualTo("ACMECORP");
		assertThat(saas.location()).isEqualTo(new Location.Unspecified());
		assertThat(((Usage.Spend) saas.usage()).category()).isEqualTo("software-publishers");

		SourceLine global = this.mapper
			.map(usage("Usage", "3.00", "USD", "AWS", "Networking", "Amazon Route 53", "global", "1", "Queries"))
			.get(0);
		assertThat(global.costOnly()).isFalse();
		assertThat(global.location()).isEqualTo(new Location.Unspecified());
		assertThat(this.engine.calculate(activity(global)).locationBased().kilograms()).isCloseTo(3 * 0.093,
				within(1e-9));
	}

	@Test
	void aTaxRowStaysCostOnly() {
		List<SourceLine> lines = this.mapper.map(usage("Tax", "3.50", "USD", "AWS", null, null, null, null, null));

		assertThat(lines).singleElement().satisfies(line -> {
			assertThat(line.costOnly()).isTrue();
			assertThat(line.costOnlyReason()).isEqualTo("Tax charge");
			assertThat(line.billedCost()).isEqualByComparingTo("3.50");
		});
	}

	@Test
	void zeroOrNegativeSpendAndAnUnknownCurrencyStayCostOnlyWithTheReason() {
		SourceLine zero = this.mapper
			.map(usage("Usage", "0.00", "USD", "AWS", "AI and Machine Learning", "Amazon Bedrock", "us-east-1", "5",
					"1K tokens"))
			.get(0);
		assertThat(zero.costOnly()).isTrue();
		assertThat(zero.costOnlyReason()).isEqualTo(
				"no usage mapping for Amazon Bedrock in 1K tokens; no spend-based estimate for a billed cost of 0.00");

		SourceLine refund = this.mapper
			.map(usage("Usage", "-2.00", "USD", "ACMECORP", "Analytics", "ACME", null, "1", "Seats"))
			.get(0);
		assertThat(refund.costOnly()).isTrue();
		assertThat(refund.costOnlyReason()).startsWith("no usage mapping for provider 'ACMECORP'")
			.endsWith("billed cost of -2.00");

		SourceLine noCurrency = this.mapper
			.map(usage("Usage", "5.00", null, "AWS", "Analytics", "Amazon Athena", "us-east-1", "1", "TB"))
			.get(0);
		assertThat(noCurrency.costOnly()).isTrue();
		assertThat(noCurrency.costOnlyReason()).endsWith("without a known billing currency ('')");
	}

	private static BillingRow usage(String chargeCategory, String billed, @Nullable String currency,
			@Nullable String provider, @Nullable String serviceCategory, @Nullable String serviceName,
			@Nullable String region, @Nullable String quantity, @Nullable String unit) {
		return new BillingRow(1, chargeCategory, null, MARCH_2023, MARCH_2023.plusSeconds(3600), new BigDecimal(billed),
				null, currency, provider, serviceCategory, null, serviceName, region, "acct", null, null,
				(quantity != null) ? new BigDecimal(quantity) : null, unit, null, null, Map.of(), Map.of());
	}

	private static ActivityRecord activity(SourceLine line) {
		LocalDate day = LocalDate.ofInstant(line.periodStart(), ZoneOffset.UTC);
		return new ActivityRecord(line.usage(), day, day, line.location(), Scope.SCOPE_3_CATEGORY_1, line.tags(), null);
	}

}
