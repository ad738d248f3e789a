package org.greenledger.procurement.questionnaire;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.greenledger.procurement.SupplierType;

/**
 * A questionnaire that passed every check.
 *
 * @param type the supplier type the template was made for
 * @param version the questionnaire version, e.g. {@code questionnaire-v1}
 * @param answers the answers by question id, in the template's order; optional questions
 * left empty are absent
 */
public record QuestionnaireAnswers(SupplierType type, String version, Map<String, Answer> answers) {

	public QuestionnaireAnswers {
		answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
	}

	/** The answer to a question, if given. */
	public Optional<Answer> answer(String questionId) {
		return Optional.ofNullable(this.answers.get(questionId));
	}

	/** The value of a numeric answer, if given. */
	public Optional<BigDecimal> number(String questionId) {
		return answer(questionId).filter(Answer.Numeric.class::isInstance)
			.map(answer -> ((Answer.Numeric) answer).value());
	}

}
