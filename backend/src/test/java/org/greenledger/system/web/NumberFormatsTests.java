package org.greenledger.system.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumberFormatsTests {

	private final NumberFormats numbers = new NumberFormats();

	@Test
	void factorValuesKeepEverySignificantDigit() {
		assertThat(this.numbers.exact(0.000392)).isEqualTo("0.000392");
		assertThat(this.numbers.exact(1.15)).isEqualTo("1.15");
		assertThat(this.numbers.exact(0.85)).isEqualTo("0.85");
		assertThat(this.numbers.exact(1000)).isEqualTo("1,000");
		assertThat(this.numbers.exact(1234567.5)).isEqualTo("1,234,567.5");
	}

}
