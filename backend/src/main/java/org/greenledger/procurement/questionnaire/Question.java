package org.greenledger.procurement.questionnaire;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One question of the questionnaire.
 *
 * @param id stable key, e.g. {@code grid.location_intensity}; never reused for another
 * meaning
 * @param text the question as the supplier reads it
 * @param unit the unit the answer is in, e.g. {@code gCO2e/kWh}, {@code %},
 * {@code yes/no}
 * @param type how the answer is typed and checked
 * @param required whether the answer may be left empty
 * @param min lower bound: a number for numeric types, an ISO date for {@code DATE}, the
 * minimum length for {@code TEXT}; {@code null} when unbounded
 * @param max upper bound, like {@code min}
 * @param choices the allowed values of a {@code CHOICE} question, else empty
 * @param guidance how to answer: definitions, scope, an example
 */
public record Question(String id, String text, String unit, AnswerType type, boolean required, @Nullable String min,
		@Nullable String max, List<String> choices, String guidance) {

	public Question {
		choices = List.copyOf(choices);
	}

	/** The lower bound as a number (numeric and text types), or {@code null}. */
	public @Nullable BigDecimal minNumber() {
		return (this.min != null && this.type != AnswerType.DATE) ? new BigDecimal(this.min) : null;
	}

	/** The upper bound as a number (numeric and text types), or {@code null}. */
	public @Nullable BigDecimal maxNumber() {
		return (this.max != null && this.type != AnswerType.DATE) ? new BigDecimal(this.max) : null;
	}

	/** The earliest allowed date of a {@code DATE} question, or {@code null}. */
	public @Nullable LocalDate minDate() {
		return (this.min != null && this.type == AnswerType.DATE) ? LocalDate.parse(this.min) : null;
	}

	/** The latest allowed date of a {@code DATE} question, or {@code null}. */
	public @Nullable LocalDate maxDate() {
		return (this.max != null && this.type == AnswerType.DATE) ? LocalDate.parse(this.max) : null;
	}

	/** The allowed values or range in words, as printed next to the answer cell. */
	public String allowedText() {
		return switch (this.type) {
			case BOOLEAN -> "yes, no";
			case CHOICE -> String.join(", ", this.choices);
			case TEXT -> (this.max != null) ? "text, at most " + this.max + " characters" : "text";
			case DATE -> "date (YYYY-MM-DD)" + bounds();
			case INTEGER -> "whole number" + bounds();
			case DECIMAL, PERCENT -> "number" + bounds();
		};
	}

	private String bounds() {
		if (this.min != null && this.max != null) {
			return " from " + this.min + " to " + this.max;
		}
		if (this.min != null) {
			return ", at least " + this.min;
		}
		return (this.max != null) ? ", at most " + this.max : "";
	}

}
