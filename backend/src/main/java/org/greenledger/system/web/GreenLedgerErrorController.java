package org.greenledger.system.web;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.greenledger.system.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page for everything no controller answered: an RFC 9457 problem for the API
 * (and any client that does not ask for HTML), a page of the portal's layout for
 * browsers. Neither ever shows a stack trace.
 */
@Controller
class GreenLedgerErrorController implements ErrorController {

	@RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request) {
		HttpStatus status = status(request);
		if (isApi(request)) {
			return new ModelAndView("forward:/error/problem");
		}
		return new ModelAndView("error/page", Map.of("status", status.value(), "reason", status.getReasonPhrase()),
				status);
	}

	@RequestMapping(path = { "/error", "/error/problem" })
	ResponseEntity<Map<String, Object>> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(URI.create(uri.toString()));
		}
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemResponses.asMap(problem));
	}

	private static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri != null && uri.toString().startsWith(request.getContextPath() + "/api/");
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "No resource exists at this address.";
			case METHOD_NOT_ALLOWED -> "This resource does not support that HTTP method.";
			case UNAUTHORIZED -> "Authentication is required.";
			case FORBIDDEN -> "You are not allowed to do this.";
			case CONTENT_TOO_LARGE -> "The request body is larger than this server accepts.";
			default -> status.is5xxServerError() ? "An unexpected error occurred; it has been logged."
					: status.getReasonPhrase();
		};
	}

}
