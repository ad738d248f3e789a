package org.greenledger.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.greenledger.system.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a missing or wrong sign-in (401), a missing role (403) and credentials that
 * cannot be checked (503: the identity provider or the user store does not answer) as
 * problem details, with the challenge of the mode: HTTP Basic locally, bearer tokens (RFC
 * 6750) in OIDC mode.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemSecurityHandlers.class);

	private final ProblemResponses problems;

	private final boolean bearer;

	private ProblemSecurityHandlers(ProblemResponses problems, boolean bearer) {
		this.problems = problems;
		this.bearer = bearer;
	}

	static ProblemSecurityHandlers basic(ProblemResponses problems) {
		return new ProblemSecurityHandlers(problems, false);
	}

	static ProblemSecurityHandlers bearer(ProblemResponses problems) {
		return new ProblemSecurityHandlers(problems, true);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (authException instanceof AuthenticationServiceException) {
			// the credentials could not be checked at all: not a wrong sign-in, and no
			// challenge that would have a client ask its user for other credentials
			log.warn("Credentials for {} could not be checked: {}", request.getRequestURI(),
					authException.getMessage());
			response.setHeader(HttpHeaders.RETRY_AFTER, "30");
			this.problems.write(response, ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE,
					this.bearer ? "The identity provider cannot be reached to check the token; try again later."
							: "Your credentials could not be checked just now (the user store did not answer in time); "
									+ "nothing is wrong with them. Try again in a minute.",
					request));
		}
		else if (!this.bearer) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"GreenLedger\"");
			this.problems.write(response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED,
					"Sign in with valid credentials (HTTP Basic) to use this API.", request));
		}
		else if (authException instanceof InvalidBearerTokenException) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			this.problems.write(response,
					ProblemResponses.problem(HttpStatus.UNAUTHORIZED,
							"The bearer token is not valid here: expired, malformed, not signed by the configured "
									+ "identity provider, or meant for another audience.",
							request));
		}
		else {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			this.problems.write(response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED,
					"Send a token of the identity provider (Authorization: Bearer ...) to use this API.", request));
		}
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.problems.write(response,
				ProblemResponses.problem(HttpStatus.FORBIDDEN, "Your roles do not allow this request.", request));
	}

}
