package org.greenledger.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Codes shown in the interface read as words. */
class CodeLabelsTests {

	@Test
	void scopesAndCategoriesReadAsTheGhgProtocolNamesThem() {
		assertThat(CodeLabels.label("SCOPE_3_CATEGORY_1"))
			.isEqualTo("Scope 3, category 1: purchased goods and services");
		assertThat(CodeLabels.label("SCOPE_3_CATEGORY_15")).isEqualTo("Scope 3, category 15: investments");
		assertThat(CodeLabels.label("SCOPE_1")).isEqualTo("Scope 1: direct emissions");
	}

	@Test
	void rulesAndSourcesReadAsSentences() {
		assertThat(CodeLabels.label("MEASURED {project=codecarbon}"))
			.isEqualTo("measured series with project = codecarbon");
		assertThat(CodeLabels.label("CLOUD_TAG {team=ml}")).isEqualTo("cloud rows tagged team = ml");
		assertThat(CodeLabels.label("CODECARBON")).isEqualTo("CodeCarbon runs");
		assertThat(CodeLabels.label("FINE_TUNING")).isEqualTo("fine-tuning");
	}

	@Test
	void unknownCodesBecomeWordsAndOtherTextStays() {
		assertThat(CodeLabels.label("LOCATION_FALLBACK")).isEqualTo("location fallback");
		assertThat(CodeLabels.label("us-east-1")).isEqualTo("us-east-1");
		assertThat(CodeLabels.label(null)).isEqualTo("(none)");
	}

}
