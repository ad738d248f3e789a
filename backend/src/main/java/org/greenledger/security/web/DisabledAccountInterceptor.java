package org.greenledger.security.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.greenledger.security.UserAccounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Ends the portal session of a local user who has been disabled since signing in: the
 * session is invalidated and the next page is the sign-in page, where the account is
 * refused.
 */
class DisabledAccountInterceptor implements HandlerInterceptor {

	private final UserAccounts accounts;

	DisabledAccountInterceptor(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session == null || !(authentication instanceof UsernamePasswordAuthenticationToken)
				|| !this.accounts.isDisabled(authentication.getName())) {
			return true;
		}
		session.invalidate();
		SecurityContextHolder.clearContext();
		response.sendRedirect(request.getContextPath() + "/login");
		return false;
	}

}
