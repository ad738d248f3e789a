package org.greenledger.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;

/**
 * Which audit events to show; every part optional.
 *
 * @param actor exactly this user name
 * @param action actions starting with this text ({@code PERIOD_} for every period event),
 * case-insensitive
 * @param subject subjects containing this text, case-insensitive
 * @param from events on or after this day (UTC)
 * @param to events on or before this day (UTC)
 */
public record AuditFilter(@Nullable String actor, @Nullable String action, @Nullable String subject,
		@Nullable LocalDate from, @Nullable LocalDate to) {

	/** Every event. */
	public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);

	/**
	 * A filter from request parameters: blanks mean "any", dates as {@code yyyy-MM-dd}.
	 * @throws ApiProblemException 422 naming each invalid parameter
	 */
	public static AuditFilter of(@Nullable String actor, @Nullable String action, @Nullable String subject,
			@Nullable String from, @Nullable String to) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate fromDay = day("from", from, problems);
		LocalDate toDay = day("to", to, problems);
		if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
			problems.add(new FieldProblem("to", "must not be before 'from' (" + fromDay + ")"));
		}
		String actorText = blankToNull(actor);
		String actionText = blankToNull(action);
		String subjectText = blankToNull(subject);
		for (String[] field : new String[][] { { "actor", actorText }, { "action", actionText },
				{ "subject", subjectText } }) {
			if (field[1] != null && field[1].length() > 200) {
				problems.add(new FieldProblem(field[0], "at most 200 characters"));
			}
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		return new AuditFilter(actorText, (actionText != null) ? actionText.toUpperCase(Locale.ROOT) : null,
				subjectText, fromDay, toDay);
	}

	private static @Nullable LocalDate day(String field, @Nullable String value, List<FieldProblem> problems) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "a date as yyyy-MM-dd, not '" + text + "'"));
			return null;
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
