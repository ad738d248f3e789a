package org.greenledger.system;

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

}
