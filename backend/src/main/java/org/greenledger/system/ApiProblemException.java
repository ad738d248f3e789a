package org.greenledger.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal the API explains to its caller, such as a conflict (409) or a request that is
 * well formed but cannot be carried out (422). Answered as an RFC 9457 problem.
 */
public class ApiProblemException extends ErrorResponseException {

	public ApiProblemException(HttpStatus status, String detail) {
		super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

	public static ApiProblemException notFound(String detail) {
		return new ApiProblemException(HttpStatus.NOT_FOUND, detail);
	}

	public static ApiProblemException conflict(String detail) {
		return new ApiProblemException(HttpStatus.CONFLICT, detail);
	}

	public static ApiProblemException unprocessable(String detail) {
		return new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
	}

	/** 422 listing each invalid field ({@code errors: [{field, message}]}). */
	public static ApiProblemException invalidFields(List<FieldProblem> problems) {
		ApiProblemException exception = new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
				"The request has invalid fields.");
		exception.getBody().setProperty("errors", problems.stream().map(FieldProblem::toMap).toList());
		return exception;
	}

	/** The invalid fields of the refusal (empty for one that names none). */
	@SuppressWarnings("unchecked")
	public List<FieldProblem> fieldProblems() {
		Object errors = (getBody().getProperties() != null) ? getBody().getProperties().get("errors") : null;
		if (!(errors instanceof List<?> list)) {
			return List.of();
		}
		return list.stream().map(each -> (Map<String, Object>) each).map(each -> {
			Object suggestions = each.get("suggestions");
			return new FieldProblem(String.valueOf(each.get("field")), String.valueOf(each.get("message")),
					(suggestions instanceof List<?> values) ? values.stream().map(String::valueOf).toList()
							: List.of());
		}).toList();
	}

	/**
	 * What the refusal says, for a page: each invalid field as "field: message", or the
	 * detail.
	 */
	@SuppressWarnings("unchecked")
	public List<String> messages() {
		Object errors = (getBody().getProperties() != null) ? getBody().getProperties().get("errors") : null;
		if (errors instanceof List<?> list && !list.isEmpty()) {
			return list.stream()
				.map(each -> (Map<String, Object>) each)
				.map(each -> each.get("field") + ": " + each.get("message"))
				.toList();
		}
		return List.of(String.valueOf(getBody().getDetail()));
	}

	/**
	 * One invalid field.
	 *
	 * @param field its path in the request, e.g. {@code usage[0].quantity}
	 * @param message what is wrong with it
	 * @param suggestions values that would be accepted and are closest to the one given
	 * (for an unknown name), closest first; empty when there are none
	 */
	public record FieldProblem(String field, String message, List<String> suggestions) {

		public FieldProblem {
			suggestions = List.copyOf(suggestions);
		}

		public FieldProblem(String field, String message) {
			this(field, message, List.of());
		}

		/**
		 * As the problem's {@code errors} list holds it: field first, then message, in
		 * that order in every answer.
		 */
		public Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("field", this.field);
			map.put("message", this.message);
			if (!this.suggestions.isEmpty()) {
				map.put("suggestions", this.suggestions);
			}
			return map;
		}

	}

}
