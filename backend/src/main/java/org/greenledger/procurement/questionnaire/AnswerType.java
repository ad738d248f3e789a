package org.greenledger.procurement.questionnaire;

/** How the answer to a question is typed and checked. */
public enum AnswerType {

	/** A decimal number, checked against the question's range. */
	DECIMAL,

	/**
	 * A percentage typed as a number of percent (85 for 85 %), checked against the range.
	 */
	PERCENT,

	/** A whole number, checked against the range. */
	INTEGER,

	/** yes or no. */
	BOOLEAN,

	/** A calendar date, checked against the range (ISO dates in the definition). */
	DATE,

	/** Free text; the range gives the minimum and maximum length. */
	TEXT,

	/** One of the question's allowed values. */
	CHOICE

}
