package org.greenledger.system.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.greenledger.system.ApiProblemException;
import org.greenledger.system.FailureTranslator;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error an API controller raises becomes an RFC 9457 problem: Spring MVC's own
 * exceptions (400, 404, 405, 406, 413, 415), validation failures (422 with the fields),
 * GreenLedger's {@link ApiProblemException}s (404, 409, 422 ...) and anything unexpected
 * (500, with a reference to the server log but never a stack trace).
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final List<FailureTranslator> translators;

	ApiExceptionHandler(List<FailureTranslator> translators) {
		this.translators = translators;
	}

	@ExceptionHandler(ApiProblemException.class)
	ResponseEntity<Object> handleApiProblem(ApiProblemException ex, WebRequest request) {
		// with the refusal's own headers (Retry-After of a 429)
		HttpHeaders headers = new HttpHeaders();
		headers.addAll(ex.getHeaders());
		return handleExceptionInternal(ex, ex.getBody(), headers, ex.getStatusCode(), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		if (ExceptionUtils.hasCause(ex, LimitedRequest.BodyTooLargeException.class)) {
			// a body read by the handler itself (a streamed upload) passed the size limit
			ProblemDetail tooLarge = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					ExceptionUtils.cause(ex, LimitedRequest.BodyTooLargeException.class).getMessage());
			return handleExceptionInternal(ex, tooLarge, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
		}
		for (FailureTranslator translator : this.translators) {
			Optional<? extends ApiProblemException> problem = translator.translate(ex);
			if (problem.isPresent()) {
				return handleApiProblem(problem.get(), request);
			}
		}
		String reference = UUID.randomUUID().toString();
		log.error("Unexpected error answering {} (reference {})", request.getDescription(false), reference, ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"An unexpected error occurred. Quote reference " + reference + " when reporting it.");
		problem.setProperty("reference", reference);
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ExceptionUtils.hasCause(ex, LimitedRequest.BodyTooLargeException.class)) {
			ProblemDetail tooLarge = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					ExceptionUtils.cause(ex, LimitedRequest.BodyTooLargeException.class).getMessage());
			return handleExceptionInternal(ex, tooLarge, headers, HttpStatus.CONTENT_TOO_LARGE, request);
		}
		Optional<FieldProblem> nul = UnreadableBodies.nulCharacter(ex);
		if (nul.isPresent()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The field '" + nul.get().field() + "' " + nul.get().message() + ".");
			problem.setProperty("errors", List.of(new FieldProblem(nul.get().field(), nul.get().message()).toMap()));
			return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
		}
		Optional<FieldProblem> invalid = UnreadableBodies.invalidField(ex);
		if (invalid.isPresent()) {
			ApiProblemException problem = ApiProblemException.invalidFields(List.of(invalid.get()));
			return handleExceptionInternal(ex, problem.getBody(), headers, HttpStatus.UNPROCESSABLE_CONTENT, request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, UnreadableBodies.describe(ex));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem && problem.getType() == null) {
			problem.setType(ABOUT_BLANK);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"The request has invalid fields.");
		List<Map<String, Object>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage())).toMap())
			.toList();
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.UNPROCESSABLE_CONTENT, request);
	}

}
