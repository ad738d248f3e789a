package org.greenledger.core.factors;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.greenledger.core.footprint.ActivityRecord;
import org.greenledger.core.footprint.DataQuality;
import org.greenledger.core.footprint.FactorReference;
import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.core.footprint.ImpactLine;
import org.greenledger.core.footprint.Location;
import org.greenledger.core.footprint.MissingFactorException;
import org.greenledger.core.footprint.Money;
import org.greenledger.core.footprint.Scope;
import org.greenledger.core.footprint.Usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Spend-based estimates with the shipped library: US EPA supply chain factors (kg CO2e
 * per 2022 USD) and Federal Reserve annual exchange rates, hand-computed.
 */
class SpendBasedFactorsTests {

	private static final String HOSTING = "cloud-data-processing-hosting";

	private final FootprintEngine engine = new FootprintEngine(new LibraryFactorLookup(FactorLibraryTests.LIBRARY));

	@Test
	void theSpendDatasetsLoadWithSourceLicenceAndPositiveValues() {
		assertThat(FactorLibraryTests.LIBRARY.datasets()).extracting(FactorDataset::id)
			.contains("useeio-spend", "fed-exchange-rates");
		List<FactorValue> values = FactorLibraryTests.LIBRARY.values()
			.stream()
			.filter(value -> value.kind() == FactorKind.SPEND_INTENSITY || value.kind() == FactorKind.EXCHANGE_RATE)
			.toList();
		assertThat(values).hasSizeGreaterThan(60).allSatisfy(value -> {
			assertThat(value.value()).isPositive();
			assertThat(value.source()).isNotBlank();
			assertThat(value.dataset().licence()).isNotBlank();
		});
		assertThat(FactorLibraryTests.LIBRARY.find(FactorKind.SPEND_INTENSITY, HOSTING, LocalDate.of(2024, 1, 1))
			.orElseThrow()
			.value()
			.notes()).contains("518210", "2022 USD");
	}

	@Test
	void exchangeRatesCoverTheMainBillingCurrenciesFrom2021To2023() {
		for (String currency : List.of("EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "INR", "SEK", "DKK", "NOK", "CNY")) {
			for (int year = 2021; year <= 2023; year++) {
				assertThat(
						FactorLibraryTests.LIBRARY.find(FactorKind.EXCHANGE_RATE, currency, LocalDate.of(year, 6, 1)))
					.as("%s %s", currency, year)
					.hasValueSatisfying(match -> assertThat(match.covering()).isTrue());
			}
		}
	}

	@Test
	void spendInUsdIsTheAmountTimesTheFactor() {
		ImpactLine line = this.engine.calculate(spend("1000", "USD", LocalDate.of(2023, 3, 1)));

		// 1000 USD x 0.093 kg CO2e/USD (NAICS 518210, with margins)
		assertThat(line.locationBased().kilograms()).isCloseTo(93.0, within(1e-9));
		assertThat(line.marketBased().kilograms()).isCloseTo(93.0, within(1e-9));
		assertThat(line.itEnergy().kilowattHours()).isZero();
		assertThat(line.quality()).isEqualTo(DataQuality.SPEND_ESTIMATE);
		assertThat(line.quality().tier()).isEqualTo(4);
		assertThat(line.factors()).extracting(FactorReference::kind).containsExactly("SPEND_INTENSITY");
		assertThat(line.factors().get(0).dataset()).isEqualTo("useeio-spend");
		assertThat(line.factors().get(0).quality()).isEqualTo(DataQuality.SPEND_ESTIMATE);
	}

	@Test
	void spendInEurosIsConvertedAtTheAnnualAverageRateOfItsYear() {
		ImpactLine line = this.engine.calculate(spend("1000", "EUR", LocalDate.of(2022, 7, 1)));

		// 1000 EUR x 1.0534 USD/EUR (G.5A 2022) x 0.093 kg CO2e/USD = 97.9662 kg
		assertThat(line.locationBased().kilograms()).isCloseTo(97.9662, within(1e-6));
		assertThat(line.quality()).isEqualTo(DataQuality.SPEND_ESTIMATE);
		FactorReference rate = factor(line, "EXCHANGE_RATE");
		assertThat(rate.key()).isEqualTo("EUR");
		assertThat(rate.value()).isEqualTo(1.0534);
		assertThat(rate.unit()).isEqualTo("USD/unit");
		assertThat(rate.dataset()).isEqualTo("fed-exchange-rates");
		assertThat(rate.validity()).isEqualTo("2022-01-01..2022-12-31");
		assertThat(factor(line, "SPEND_INTENSITY").key()).isEqualTo(HOSTING);
	}

	@Test
	void spendInYenIsConvertedWithTheInvertedPublishedRate() {
		ImpactLine line = this.engine.calculate(spend("100000", "JPY", LocalDate.of(2023, 11, 1)));

		// 100000 JPY / 140.5001 JPY per USD (G.5A 2023) x 0.093 = 66.192124 kg
		assertThat(line.locationBased().kilograms()).isCloseTo(66.192124, within(1e-5));
	}

	@Test
	void spendAfterTheLastPublishedYearUsesTheLatestRateAndSaysSo() {
		ImpactLine line = this.engine.calculate(spend("250", "GBP", LocalDate.of(2025, 2, 1)));

		// 250 GBP x 1.2440 USD/GBP (G.5A 2023, the latest shipped) x 0.093 = 28.923 kg
		assertThat(line.locationBased().kilograms()).isCloseTo(28.923, within(1e-6));
		assertThat(factor(line, "EXCHANGE_RATE").validity()).contains("latest available for 2025-02-01");
	}

	@Test
	void anUnknownCurrencyOrCategoryIsAMissingFactorThatSaysWhy() {
		assertThatThrownBy(() -> this.engine.calculate(spend("10", "PLN", LocalDate.of(2023, 1, 1))))
			.isInstanceOf(MissingFactorException.class)
			.hasMessage("No exchange rate from PLN to USD is known, so spend in PLN cannot be converted for the"
					+ " spend-based factor (kgCO2e/USD)")
			.satisfies(ex -> assertThat(((MissingFactorException) ex).kind()).isEqualTo("EXCHANGE_RATE"));
		assertThatThrownBy(() -> this.engine
			.calculate(new ActivityRecord(new Usage.Spend(Money.of("10", "USD"), "lunch"), LocalDate.of(2023, 1, 1),
					LocalDate.of(2023, 1, 1), new Location.Unspecified(), Scope.SCOPE_3_CATEGORY_1, Map.of(), null)))
			.isInstanceOf(MissingFactorException.class)
			.hasMessageContaining("No spend-based factor is known for category 'lunch'");
	}

	private static ActivityRecord spend(String amount, String currency, LocalDate day) {
		return new ActivityRecord(new Usage.Spend(Money.of(amount, currency), HOSTING), day, day.plusDays(27),
				new Location.CloudRegion("aws", "us-east-1"), Scope.SCOPE_3_CATEGORY_1, Map.of(), null);
	}

	private static FactorReference factor(ImpactLine line, String kind) {
		return line.factors().stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow();
	}

}
