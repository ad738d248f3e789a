package org.greenledger.procurement.questionnaire;

import org.apache.poi.ss.util.CellReference;

/**
 * Where things are in the questionnaire workbook; shared by the template and the reader.
 */
final class Layout {

	static final String INSTRUCTIONS = "Instructions";

	static final String ANSWERS = "Answers";

	static final String META = "meta";

	static final int ID = 0;

	static final int QUESTION = 1;

	static final int UNIT = 2;

	static final int REQUIRED = 3;

	static final int ANSWER = 4;

	static final int ALLOWED = 5;

	static final int GUIDANCE = 6;

	static final String[] HEADERS = { "Question id", "Question", "Unit", "Required", "Your answer",
			"Allowed values / range", "Guidance" };

	/** Index of the first question row (row 2 in Excel). */
	static final int FIRST_QUESTION_ROW = 1;

	/** Rows of the Answers sheet looked at; anything below is reported, not read. */
	static final int MAX_ROWS = 500;

	static final int META_VERSION_ROW = 0;

	static final int META_TYPE_ROW = 1;

	static final int META_SUPPLIER_ROW = 2;

	static final String VERSION_NAME = "GL_QUESTIONNAIRE_VERSION";

	static final String TYPE_NAME = "GL_SUPPLIER_TYPE";

	private Layout() {
	}

	/** A cell reference as suppliers see it, e.g. {@code Answers!E7}. */
	static String ref(String sheet, int row, int column) {
		return sheet + "!" + new CellReference(row, column).formatAsString(false);
	}

}
