package org.greenledger.security;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.greenledger.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records sign-ins in the audit log: every failed one ({@code SIGN_IN_FAILED}: portal
 * form, HTTP Basic, and any other way Spring Security authenticates) with the user name
 * tried, why it failed and where it came from, never the password or token; and every
 * interactive sign-in to the portal ({@code SIGNED_IN}). A stateless API request that
 * authenticates is not a sign-in: it is not recorded, or every call would be.
 */
@Component
class SignInAuditor {

	static final String FAILED = "SIGN_IN_FAILED";

	static final String SIGNED_IN = "SIGNED_IN";

	/** The audit log's longest actor. */
	private static final int MAX_NAME = 100;

	private final AuditLog audit;

	SignInAuditor(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		Authentication attempt = event.getAuthentication();
		String name = attemptedName(attempt);
		Map<String, @Nullable Object> details = new LinkedHashMap<>();
		details.put("username", name);
		details.put("failure", failure(event.getException().getClass().getSimpleName()));
		details.put("method", method(attempt));
		details.put("path", requestPath());
		details.put("remoteAddress", remoteAddress(attempt));
		this.audit.record(name, FAILED, "user:" + name, details);
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		String name = truncate(authentication.getName());
		Map<String, @Nullable Object> details = new LinkedHashMap<>();
		details.put("method", method(authentication));
		details.put("remoteAddress", remoteAddress(authentication));
		this.audit.record(name, SIGNED_IN, "user:" + name, details);
	}

	/**
	 * The user name a password sign-in tried; other attempts (a bearer token, an OIDC
	 * callback) carry a token or code as their principal, which is never recorded.
	 */
	private static String attemptedName(Authentication attempt) {
		if (attempt instanceof UsernamePasswordAuthenticationToken && attempt.getPrincipal() instanceof String name
				&& !name.isBlank()) {
			return truncate(name.strip());
		}
		if (attempt instanceof UsernamePasswordAuthenticationToken && attempt.isAuthenticated()) {
			return truncate(attempt.getName());
		}
		return "anonymous";
	}

	/** {@code BadCredentialsException} as {@code BadCredentials}. */
	private static String failure(String exception) {
		return exception.endsWith("Exception") ? exception.substring(0, exception.length() - "Exception".length())
				: exception;
	}

	/** How the attempt authenticated: form, basic, bearer, oidc (else the token type). */
	private static String method(Authentication authentication) {
		String type = authentication.getClass().getSimpleName();
		return switch (type) {
			case "UsernamePasswordAuthenticationToken" -> isBasic() ? "basic" : "form";
			case "BearerTokenAuthenticationToken", "JwtAuthenticationToken" -> "bearer";
			case "OAuth2LoginAuthenticationToken", "OAuth2AuthenticationToken",
					"OAuth2AuthorizationCodeAuthenticationToken" ->
				"oidc";
			default -> type;
		};
	}

	private static boolean isBasic() {
		HttpServletRequest request = currentRequest();
		String authorization = (request != null) ? request.getHeader("Authorization") : null;
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	}

	private static @Nullable String remoteAddress(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails web) {
			return web.getRemoteAddress();
		}
		HttpServletRequest request = currentRequest();
		return (request != null) ? request.getRemoteAddr() : null;
	}

	private static @Nullable String requestPath() {
		HttpServletRequest request = currentRequest();
		return (request != null) ? truncate(request.getRequestURI()) : null;
	}

	private static @Nullable HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

	private static String truncate(String name) {
		return (name.length() <= MAX_NAME) ? name : name.substring(0, MAX_NAME);
	}

}
