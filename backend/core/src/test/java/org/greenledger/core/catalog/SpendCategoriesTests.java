package org.greenledger.core.catalog;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.greenledger.core.factors.FactorKind;
import org.greenledger.core.factors.TestFactorLibraries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped mapping of cloud services to spend categories. */
class SpendCategoriesTests {

	private final SpendCategories shipped = SpendCategories.shipped();

	@Test
	void aServiceNameRuleWinsOverItsCategoryAndUnknownServicesGetTheDefault() {
		assertThat(this.shipped.categoryOf("Amazon Bedrock", "AI and Machine Learning"))
			.isEqualTo("cloud-data-processing-hosting");
		assertThat(this.shipped.categoryOf("Some SaaS", "business applications")).isEqualTo("software-publishers");
		assertThat(this.shipped.categoryOf("AWS Support (Business)", "Other")).isEqualTo("computer-related-services");
		assertThat(this.shipped.categoryOf(null, null)).isEqualTo("cloud-data-processing-hosting");
		assertThat(this.shipped.categoryOf("x", "Quantum Teleportation")).isEqualTo("cloud-data-processing-hosting");
	}

	@Test
	void everyCategoryOfTheMappingHasASpendBasedFactor() {
		assertThat(this.shipped.categories()).isNotEmpty()
			.allSatisfy(category -> assertThat(TestFactorLibraries.shipped().has(FactorKind.SPEND_INTENSITY, category))
				.as(category)
				.isTrue());
	}

	@Test
	void aMappingWithoutADefaultIsRefused() {
		byte[] csv = "match,value,spend_category,rationale\nservice_category,Compute,x,because\n"
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> SpendCategories.read(new ByteArrayInputStream(csv)))
			.hasMessageContaining("no default row");
	}

}
