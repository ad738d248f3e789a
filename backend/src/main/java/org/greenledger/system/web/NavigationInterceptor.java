package org.greenledger.system.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/** Gives every rendered portal page (not redirects, not API responses) its navigation. */
class NavigationInterceptor implements HandlerInterceptor {

	private final PortalNavigation navigation;

	NavigationInterceptor(PortalNavigation navigation) {
		this.navigation = navigation;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView modelAndView) {
		if (modelAndView == null
				|| (modelAndView.getViewName() != null && (modelAndView.getViewName().startsWith("redirect:")
						|| modelAndView.getViewName().startsWith("forward:")))) {
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			modelAndView.addObject("navigation", this.navigation.itemsFor(authentication));
			modelAndView.addObject("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
		}
	}

}
