package org.greenledger.procurement.questionnaire;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A returned questionnaire that cannot be accepted, with every problem found (not just
 * the first), each with its cell, so that the supplier can fix them all in one go.
 */
public class QuestionnaireRejectedException extends RuntimeException {

	private final String fileName;

	private final transient List<QuestionnaireProblem> problems;

	public QuestionnaireRejectedException(String fileName, List<QuestionnaireProblem> problems) {
		super(fileName + " was rejected: "
				+ problems.stream().map(QuestionnaireProblem::toString).collect(Collectors.joining("; ")));
		this.fileName = fileName;
		this.problems = List.copyOf(problems);
	}

	/** The uploaded file's name. */
	public String fileName() {
		return this.fileName;
	}

	/** All problems found, in sheet order; never empty. */
	public List<QuestionnaireProblem> problems() {
		return this.problems;
	}

}
