package org.greenledger.procurement.questionnaire;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A checked answer to one question, typed by the question's {@link AnswerType}; every
 * answer knows the cell it came from (e.g. {@code Answers!E7}) for audit and follow-up
 * questions.
 */
public sealed interface Answer {

	/** The question's id. */
	String questionId();

	/** The cell the answer was read from, e.g. {@code Answers!E7}. */
	String cell();

	/**
	 * A {@code DECIMAL}, {@code PERCENT} (in percent: 85 for 85 %) or {@code INTEGER}
	 * answer.
	 */
	record Numeric(String questionId, String cell, BigDecimal value) implements Answer {
	}

	/** A {@code BOOLEAN} answer. */
	record YesNo(String questionId, String cell, boolean value) implements Answer {
	}

	/** A {@code DATE} answer. */
	record Date(String questionId, String cell, LocalDate value) implements Answer {
	}

	/**
	 * A {@code TEXT} answer, stripped. Stored exactly as typed: text starting with
	 * {@code =}, {@code +}, {@code -} or {@code @} is plain text here and must be escaped
	 * by whatever writes it into a spreadsheet or CSV again.
	 */
	record Text(String questionId, String cell, String value) implements Answer {
	}

	/** A {@code CHOICE} answer, spelled exactly as in the definition's list. */
	record Choice(String questionId, String cell, String value) implements Answer {
	}

}
