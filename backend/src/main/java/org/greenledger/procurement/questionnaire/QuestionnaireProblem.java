package org.greenledger.procurement.questionnaire;

import org.jspecify.annotations.Nullable;

/**
 * One reason a returned questionnaire was rejected.
 *
 * @param cell where, e.g. {@code Answers!E7}; {@code null} for problems with the file as
 * a whole (size, macros, not a workbook)
 * @param questionId the question concerned, or {@code null}
 * @param reason what is wrong and how to fix it, in words for the supplier
 */
public record QuestionnaireProblem(@Nullable String cell, @Nullable String questionId, String reason) {

	static QuestionnaireProblem file(String reason) {
		return new QuestionnaireProblem(null, null, reason);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		if (this.cell != null) {
			text.append(this.cell).append(": ");
		}
		if (this.questionId != null) {
			text.append('[').append(this.questionId).append("] ");
		}
		return text.append(this.reason).toString();
	}

}
