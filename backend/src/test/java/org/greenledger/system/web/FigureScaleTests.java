package org.greenledger.system.web;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class FigureScaleTests {

	private final NumberFormats numbers = new NumberFormats();

	@Test
	void aSingleFigureTakesTheUnitOfItsMagnitudeWithThreeSignificantDigits() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.numbers.co2e(0.412)).isEqualTo("412 g CO2e");
		assertThat(this.numbers.co2e(1.2345)).isEqualTo("1.23 kg CO2e");
		assertThat(this.numbers.co2e(12_345)).isEqualTo("12.3 t CO2e");
		assertThat(this.numbers.co2e(123_456_789)).isEqualTo("123 kt CO2e");
		assertThat(this.numbers.energy(0.85)).isEqualTo("850 Wh");
		assertThat(this.numbers.energy(12_300)).isEqualTo("12.3 MWh");
		assertThat(this.numbers.water(640)).isEqualTo("640 L");
		assertThat(this.numbers.water(1_250)).isEqualTo("1.25 m³");
	}

	@Test
	void aFigureThatRoundsToZeroSaysSoAndZeroIsZero() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.numbers.co2e(0.0004)).isEqualTo("< 1 g CO2e");
		assertThat(this.numbers.energy(0.0000001)).isEqualTo("< 1 Wh");
		assertThat(this.numbers.co2e(0)).isEqualTo("0 kg CO2e");
	}

	@Test
	void aTableTakesOneUnitForAllItsColumnsFromItsLargestFigure() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		FigureScale scale = this.numbers.co2eScale(List.of(0.5, 2.0), java.util.Arrays.asList(3_456.0, null));
		assertThat(scale.unit()).isEqualTo("t CO2e");
		assertThat(scale.format(3_456)).isEqualTo("3.46");
		assertThat(scale.format(2)).isEqualTo("< 0.01");
		assertThat(scale.format(-2)).isEqualTo("> -0.01");
		assertThat(scale.format(0)).isEqualTo("0.00");
		assertThat(scale.value(3_456)).isEqualTo(3.456);
		assertThat(this.numbers.co2eScale(List.of()).unit()).isEqualTo("kg CO2e");
	}

	@Test
	void separatorsFollowTheReadersLocale() {
		LocaleContextHolder.setLocale(Locale.GERMAN);
		assertThat(this.numbers.co2e(1_234.5)).isEqualTo("1,23 t CO2e");
		assertThat(this.numbers.energyScale(List.of(123_456_789.0)).format(123_456_789)).isEqualTo("123");
		LocaleContextHolder.resetLocaleContext();
	}

}
