package org.greenledger.security;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.greenledger.IntegrationTest;
import org.greenledger.system.ProblemResponses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials that could not be checked (the user store did not answer: a database
 * without a free connection) are 503 with Retry-After, not 401: a client must not take
 * its good credentials for wrong ones.
 */
@IntegrationTest
class ProblemSecurityHandlersTests {

	@Autowired
	ProblemResponses problems;

	@Test
	void credentialsThatCouldNotBeCheckedAre503WithoutAChallenge() throws Exception {
		MockHttpServletResponse response = commence(new InternalAuthenticationServiceException(
				"Unable to acquire JDBC Connection: Connection is not available, request timed out after 10000ms"));

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("30");
		assertThat(response.getHeader("WWW-Authenticate")).isNull();
		assertThat(response.getContentAsString(StandardCharsets.UTF_8))
			.contains("Your credentials could not be checked just now")
			.doesNotContain("JDBC");
	}

	@Test
	void wrongCredentialsAre401WithTheBasicChallenge() throws Exception {
		MockHttpServletResponse response = commence(new BadCredentialsException("Bad credentials"));

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"GreenLedger\"");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("Sign in with valid credentials");
	}

	private MockHttpServletResponse commence(org.springframework.security.core.AuthenticationException failure)
			throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/footprint");
		MockHttpServletResponse response = new MockHttpServletResponse();
		ProblemSecurityHandlers.basic(this.problems).commence(request, response, failure);
		return response;
	}

}
