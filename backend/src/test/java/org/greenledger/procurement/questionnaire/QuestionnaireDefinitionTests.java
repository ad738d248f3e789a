package org.greenledger.procurement.questionnaire;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.greenledger.procurement.SupplierType;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionnaireDefinitionTests {

	private final QuestionnaireDefinition definition = QuestionnaireDefinition.current();

	@Test
	void isVersionOne() {
		assertThat(this.definition.version()).isEqualTo("questionnaire-v1");
	}

	@ParameterizedTest
	@EnumSource(SupplierType.class)
	void everyTypeAnswersTheCommonQuestionsOnce(SupplierType type) {
		List<Question> questions = this.definition.questions(type);
		assertThat(questions).extracting(Question::id)
			.contains("reporting.data_as_of", "contact.name", "contact.email", "grid.location_intensity",
					"grid.market_intensity", "energy.renewable_share", "water.site_stress", "embodied.pcf_available",
					"targets.science_based", "assurance.level", "disclosure.cdp_climate_score")
			.doesNotHaveDuplicates();
		assertThat(new HashSet<>(questions.stream().map(Question::id).toList())).hasSize(questions.size());
	}

	@Test
	void typeSpecificQuestionsAreAskedOnlyOfTheirType() {
		assertThat(this.definition.question(SupplierType.HARDWARE_VENDOR, "hardware.reference_server_pcf"))
			.hasValueSatisfying(question -> {
				assertThat(question.unit()).isEqualTo("kgCO2e");
				assertThat(question.required()).isTrue();
			});
		assertThat(this.definition.question(SupplierType.CLOUD_PROVIDER, "hardware.reference_server_pcf")).isEmpty();
		assertThat(this.definition.question(SupplierType.AI_API_PROVIDER, "ai.energy_per_1000_requests"))
			.hasValueSatisfying(question -> assertThat(question.unit()).isEqualTo("kWh"));
		assertThat(this.definition.question(SupplierType.COLOCATION_OPERATOR, "facility.heat_reuse"))
			.hasValueSatisfying(question -> assertThat(question.type()).isEqualTo(AnswerType.BOOLEAN));
		assertThat(this.definition.question(SupplierType.HARDWARE_VENDOR, "facility.pue")).isEmpty();
		assertThat(this.definition.question(SupplierType.AI_API_PROVIDER, "facility.pue"))
			.hasValueSatisfying(question -> assertThat(question.required()).isFalse());
	}

	@Test
	void choicesAndRangesComeFromTheData() {
		Question cdp = this.definition.question(SupplierType.CLOUD_PROVIDER, "disclosure.cdp_climate_score")
			.orElseThrow();
		assertThat(cdp.choices()).containsExactly("A", "A-", "B", "B-", "C", "C-", "D", "D-", "F", "not disclosed");
		Question pue = this.definition.question(SupplierType.CLOUD_PROVIDER, "facility.pue").orElseThrow();
		assertThat(pue.minNumber()).isEqualByComparingTo("1");
		assertThat(pue.maxNumber()).isEqualByComparingTo("3");
		assertThat(pue.allowedText()).isEqualTo("number from 1 to 3");
		Question asOf = this.definition.question(SupplierType.CLOUD_PROVIDER, "reporting.data_as_of").orElseThrow();
		assertThat(asOf.minDate()).hasYear(2015);
		assertThat(this.definition.question(SupplierType.CLOUD_PROVIDER, "water.site_stress").orElseThrow().choices())
			.containsExactly("low", "medium", "high", "extremely high");
	}

}
